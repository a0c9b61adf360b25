package org.presstrace.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.presstrace.access.AccessContext;
import org.presstrace.casework.JudgementSuggestion;
import org.presstrace.casework.Subjects;
import org.presstrace.resolution.ExplainedMatch;
import org.presstrace.resolution.Judgement;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.shared.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue: pairs in the review band whose two subjects the user may read, each feature's
 * contribution beside both sides' values, and a judgement (same, not same, unsure) with a note.
 */
@Controller
@RequestMapping("/resolution/review")
class ReviewPages {

  static final int PAIRS_PER_PAGE = 10;

  private final Subjects subjects;

  ReviewPages(Subjects subjects) {
    this.subjects = subjects;
  }

  @GetMapping
  String queue(@RequestParam(required = false) Integer page, AccessContext context, Model model) {
    if (context.purpose() == null) {
      model.addAttribute("needsPurpose", true);
      return "casework/review";
    }
    List<ExplainedMatch> queue = subjects.reviewQueue(context);
    var query = PageQuery.of(page, PAIRS_PER_PAGE);
    int from = (int) Math.min(queue.size(), query.offset());
    List<Shown.Pair> pairs =
        queue.subList(from, Math.min(queue.size(), from + query.size())).stream()
            .map(
                match ->
                    Shown.Pair.of(
                        match,
                        subjects.statements(context, match.leftId()),
                        subjects.statements(context, match.rightId())))
            .toList();
    model.addAttribute("pairs", pairs);
    var suggestions = new java.util.HashMap<String, List<JudgementSuggestion>>();
    subjects
        .reviewSuggestions(context)
        .forEach(
            s ->
                suggestions
                    .computeIfAbsent(Shown.key(s.leftId(), s.rightId()), k -> new ArrayList<>())
                    .add(s));
    model.addAttribute("suggestions", suggestions);
    model.addAttribute("total", queue.size());
    model.addAttribute("page", query.page());
    model.addAttribute("pages", (queue.size() + PAIRS_PER_PAGE - 1) / PAIRS_PER_PAGE);
    return "casework/review";
  }

  /**
   * Records a judgement and returns to the queue or to the subject it was made from; a problem with
   * the note or the judgement is shown beside that pair's field.
   */
  @PostMapping("/judgements")
  String judge(
      @RequestParam(defaultValue = "") String left,
      @RequestParam(defaultValue = "") String right,
      @RequestParam(defaultValue = "") String judgement,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(defaultValue = "/resolution/review") String returnTo,
      AccessContext context,
      RedirectAttributes redirect) {
    String target = returnTo.startsWith("/resolution/") ? returnTo : "/resolution/review";
    try {
      var judged = subjects.judge(context, left, right, parse(judgement), note);
      redirect.addFlashAttribute(
          "message",
          "Recorded: "
              + judged.leftLabel()
              + " and "
              + judged.rightLabel()
              + " are "
              + label(judgement)
              + ".");
    } catch (InvalidRequest e) {
      redirect.addFlashAttribute("judgedPair", Shown.key(left, right));
      redirect.addFlashAttribute("judgedNote", note);
      redirect.addFlashAttribute("fieldErrors", PageForms.errorOf(e));
    } catch (NotFound hiddenOrAbsent) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, hiddenOrAbsent.getMessage());
    }
    return "redirect:" + target;
  }

  private static Judgement parse(String judgement) {
    try {
      return Judgement.valueOf(judgement.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new InvalidRequest(
          "judgement", "choose same, not the same or unsure, not '" + judgement + "'");
    }
  }

  private static String label(String judgement) {
    return switch (parse(judgement)) {
      case SAME -> "the same";
      case NOT_SAME -> "not the same";
      case UNSURE -> "unsure (left as scored)";
    };
  }
}
