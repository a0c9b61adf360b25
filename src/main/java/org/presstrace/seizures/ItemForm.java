package org.presstrace.seizures;

import java.util.Locale;
import org.presstrace.shared.InvalidRequest;

/** The physical form of a seized item. */
public enum ItemForm {
  POWDER,
  PILLS,
  LIQUID,
  PRECURSOR;

  public static ItemForm parse(String text, String field) {
    String given = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    if (given.equals("PILL") || given.equals("TABLETS")) {
      return PILLS;
    }
    if (given.equals("PRECURSOR_CHEMICAL")) {
      return PRECURSOR;
    }
    for (ItemForm form : values()) {
      if (form.name().equals(given)) {
        return form;
      }
    }
    throw new InvalidRequest(
        field, "form '" + text + "' is not one of powder, pills, liquid, precursor");
  }
}
