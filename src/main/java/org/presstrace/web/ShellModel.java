package org.presstrace.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.presstrace.access.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what every page's layout needs into the model: the signed-in user and their navigation. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

  @ModelAttribute("navigation")
  List<Navigation.Item> navigation() {
    return Navigation.visibleTo(signedIn());
  }

  @ModelAttribute("navigationGroups")
  List<Navigation.Group> navigationGroups() {
    return Navigation.grouped(Navigation.visibleTo(signedIn()));
  }

  /** The navigation entry of the page shown: the longest href that is this page or above it. */
  @ModelAttribute("currentHref")
  String currentHref(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return Navigation.visibleTo(signedIn()).stream()
        .map(Navigation.Item::href)
        .filter(href -> Navigation.current(href, path))
        .max(java.util.Comparator.comparingInt(String::length))
        .orElse(null);
  }

  /** The label of the menu group that holds the page shown, or null. */
  @ModelAttribute("currentGroup")
  String currentGroup(HttpServletRequest request) {
    String href = currentHref(request);
    return Navigation.ITEMS.stream()
        .filter(item -> item.href().equals(href) && item.group() != null)
        .map(Navigation.Item::group)
        .findFirst()
        .orElse(null);
  }

  @ModelAttribute("signedInAs")
  String signedInAs() {
    Authentication authentication = signedIn();
    return authentication == null ? null : authentication.getName();
  }

  /** The signed-in user's roles, which the layout shows by their labels ("Administrator"). */
  @ModelAttribute("signedInRoles")
  List<Role> signedInRoles() {
    Authentication authentication = signedIn();
    if (authentication == null) {
      return List.of();
    }
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith("ROLE_"))
        .map(authority -> authority.substring(5))
        .filter(name -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
        .map(Role::valueOf)
        .sorted()
        .toList();
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI();
  }

  private static Authentication signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return authentication;
  }
}
