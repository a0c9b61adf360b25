package org.presstrace.access.web;

import jakarta.servlet.http.HttpSession;
import org.presstrace.access.Purpose;
import org.presstrace.shared.InvalidRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Keeps the purpose a page user states for the rest of the session (or until changed). */
@Controller
class PurposePage {

  @PostMapping("/purpose")
  String state(
      @RequestParam(defaultValue = "") String purpose,
      @RequestParam(defaultValue = "/") String returnTo,
      HttpSession session,
      RedirectAttributes redirect) {
    String target = returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/";
    try {
      session.setAttribute(Purpose.SESSION_ATTRIBUTE, new Purpose(purpose).text());
    } catch (InvalidRequest e) {
      redirect.addFlashAttribute("purposeError", e.getMessage());
    }
    return "redirect:" + target;
  }
}
