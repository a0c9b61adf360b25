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
