package org.presstrace.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problems of a refused form, each under the form field it belongs beside and in the words a
 * user reads; a problem of no field of the form goes under {@code form}, shown at its top. The
 * order is the order the problems were found in, which the summary at the top of the form keeps.
 */
public final class FormErrors {

  /** The key of problems that belong to no field. */
  public static final String FORM = "form";

  private FormErrors() {}

  /**
   * @param refused the refusal, with one or several problems
   * @param fieldOf the form field a request field is shown beside ({@code marking.tlp} is {@code
   *     tlp}); {@link #FORM} for none
   * @param plain a plain sentence for each form field whose rule the service words for developers;
   *     {@code %s} in it stands for the value the service's message quotes
   */
  public static Map<String, String> of(
      InvalidRequest refused, UnaryOperator<String> fieldOf, Map<String, String> plain) {
    var errors = new LinkedHashMap<String, String>();
    for (InvalidRequest problem : refused.all()) {
      String field = problem.field() == null ? FORM : fieldOf.apply(problem.field());
      if (field == null) {
        field = FORM;
      }
      String message = worded(plain.get(field), problem.getMessage());
      errors.merge(
          field, message, (first, next) -> first.equals(next) ? first : first + "; " + next);
    }
    return errors;
  }

  /**
   * The plain sentence for a problem: {@code plain} itself, or with {@code %s} the value the
   * service quoted in {@code message} (a sentence naming a value fits only a problem that has one:
   * without it the service's message is kept); the service's message when there is none.
   */
  public static String worded(String plain, String message) {
    if (plain == null) {
      return message;
    }
    if (!plain.contains("%s")) {
      return plain;
    }
    Matcher quoted = QUOTED.matcher(message);
    return quoted.find() ? plain.replace("%s", quoted.group(1)) : message;
  }

  private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

  /**
   * {@link #of(InvalidRequest, UnaryOperator, Map)} in the order the form shows its fields: the
   * problems of no field first, then those of {@code fields} in their order, then any other.
   */
  public static Map<String, String> of(
      InvalidRequest refused,
      UnaryOperator<String> fieldOf,
      Map<String, String> plain,
      List<String> fields) {
    return inOrder(of(refused, fieldOf, plain), fields);
  }

  /** {@code errors} with the problems of no field first, then in the order of {@code fields}. */
  public static Map<String, String> inOrder(Map<String, String> errors, List<String> fields) {
    var ordered = new LinkedHashMap<String, String>();
    if (errors.containsKey(FORM)) {
      ordered.put(FORM, errors.get(FORM));
    }
    fields.stream().filter(errors::containsKey).forEach(f -> ordered.put(f, errors.get(f)));
    errors.forEach(ordered::putIfAbsent);
    return ordered;
  }
}
