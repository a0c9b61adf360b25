package org.presstrace.web;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.function.Function;
import org.presstrace.shared.Decimals;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Every number in a query, path or form parameter, on the API and the pages, is read by {@link
 * Decimals}: {@code ?page=١} or {@code ?size=１0} is refused naming the parameter instead of being
 * read as 1 or 10 as Java's own parsing would. Registered as editors because Spring falls back to
 * its default number editors when a conversion fails.
 */
@ControllerAdvice
class NumberParameters {

  @InitBinder
  void numbers(WebDataBinder binder) {
    if (binder.getTarget() != null) {
      // A form object: registering an editor here would fix its binding before the page's own
      // binder set-up (direct field access) runs. Form objects hold text and read it themselves.
      return;
    }
    Editor integers =
        new Editor(
            text -> {
              Long number =
                  Decimals.wholeNumber(text, "value", Integer.MIN_VALUE, Integer.MAX_VALUE);
              return number == null ? null : number.intValue();
            });
    Editor longs =
        new Editor(text -> Decimals.wholeNumber(text, "value", Long.MIN_VALUE, Long.MAX_VALUE));
    binder.registerCustomEditor(Integer.class, integers);
    binder.registerCustomEditor(int.class, integers);
    binder.registerCustomEditor(Long.class, longs);
    binder.registerCustomEditor(long.class, longs);
    binder.registerCustomEditor(
        BigDecimal.class,
        new Editor(
            text -> Decimals.parseSigned(text, "value", Decimals.MAX_LENGTH, Decimals.MAX_LENGTH)));
  }

  private static final class Editor extends PropertyEditorSupport {
    private final Function<String, Object> read;

    Editor(Function<String, Object> read) {
      this.read = read;
    }

    @Override
    public void setAsText(String text) {
      setValue(read.apply(text));
    }

    @Override
    public String getAsText() {
      Object value = getValue();
      return value == null
          ? ""
          : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
  }
}
