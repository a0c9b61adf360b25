package org.presstrace.casework.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.presstrace.access.Marking;
import org.presstrace.access.Tlp;
import org.presstrace.shared.InvalidRequest;

/** What the resolution pages share: the session's purpose, the marking fields, field errors. */
final class PageForms {

  private PageForms() {}

  /** The TLP levels offered on the forms. */
  static final List<String> TLP_LEVELS = Arrays.stream(Tlp.values()).map(Tlp::label).toList();

  /** The CUI categories offered on the forms. */
  static final List<String> CUI_CATEGORIES = Marking.CUI_CATEGORIES.stream().sorted().toList();

  /** The marking fields every resolution form carries; the owner is always the user's agency. */
  static class MarkingFields {
    public String tlp = "AMBER";
    public String cuiCategory = "LEI";
    public boolean noforn;
    public String relTo = "";
    public String compartment = "";

    void markingFrom(Map<String, String> params) {
      tlp = params.getOrDefault("tlp", tlp);
      cuiCategory = params.getOrDefault("cuiCategory", "");
      noforn = params.containsKey("noforn");
      relTo = params.getOrDefault("relTo", "");
      compartment = params.getOrDefault("compartment", "");
    }

    Marking marking(String agency) {
      List<String> countries =
          relTo == null || relTo.isBlank()
              ? List.of()
              : Arrays.stream(relTo.split("[,\\s]+")).filter(code -> !code.isBlank()).toList();
      return new Marking(
          agency, Tlp.parse(tlp), cuiCategory, noforn, Marking.relTo(countries), compartment);
    }
  }

  /**
   * The form field a service's complaint belongs beside: {@code marking.tlp} is {@code tlp}, {@code
   * properties.phone} is {@code phone}, {@code marking.relTo[2]} is {@code relTo}; complaints about
   * no field at all go at the top of the form.
   */
  static Map<String, String> errorOf(InvalidRequest problem) {
    String field =
        problem.field() == null
            ? "form"
            : problem
                .field()
                .replaceFirst("^(marking|properties)\\.", "")
                .replaceAll("\\[\\d+]$", "");
    return Map.of(field, problem.getMessage());
  }
}
