package org.presstrace.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.presstrace.access.AccessContext;
import org.presstrace.access.Role;
import org.presstrace.access.WorkItem;
import org.presstrace.access.WorkList;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page and the home page, which says what needs doing for the user's roles: each module's
 * work items, for the pages the user's roles open, in the menu's group order.
 */
@Controller
class ShellPages {

  private final List<WorkList> workLists;

  ShellPages(List<WorkList> workLists) {
    this.workLists = List.copyOf(workLists);
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/")
  String home(AccessContext context, Model model) {
    Set<String> roles =
        context.caller().roles().stream().map(Role::name).collect(Collectors.toSet());
    Predicate<String> mayOpen = path -> Navigation.mayOpen(roles, path);
    List<WorkItem> items =
        workLists.stream()
            .flatMap(list -> list.itemsFor(context, mayOpen).stream())
            .sorted(Comparator.comparingInt(ShellPages::groupOrder))
            .toList();
    model.addAttribute("workItems", items);
    model.addAttribute("somethingToDo", items.stream().anyMatch(item -> item.count() > 0));
    return "home";
  }

  private static int groupOrder(WorkItem item) {
    int at = Navigation.GROUPS.indexOf(item.group());
    return at < 0 ? Navigation.GROUPS.size() : at;
  }
}
