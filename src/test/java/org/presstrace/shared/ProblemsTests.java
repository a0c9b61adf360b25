package org.presstrace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemsTests {

  @Test
  void everyRefusedCheckIsKeptAndTheRequestIsRefusedWithAllOfThem() {
    var problems = new Problems();
    String title = problems.value(() -> Fields.required("", "title", 200));
    problems.check(() -> Fields.required("x".repeat(201), "summary", 200));
    String kept = problems.value(() -> Fields.required(" ok ", "place", 10));
    problems.add(null, "the request as a whole");

    assertThat(title).isNull();
    assertThat(kept).isEqualTo("ok");
    assertThat(problems.refused("summary")).isTrue();
    assertThat(problems.refused("place")).isFalse();
    assertThatThrownBy(problems::throwIfAny)
        .isInstanceOfSatisfying(
            InvalidRequest.class,
            refused -> {
              assertThat(refused.field()).isEqualTo("title");
              assertThat(refused.all())
                  .extracting(InvalidRequest::field)
                  .containsExactly("title", "summary", null);
              assertThat(refused.getMessage())
                  .isEqualTo(
                      "title is required; summary is longer than 200 characters; the request"
                          + " as a whole");
            });
  }

  @Test
  void oneProblemIsRefusedAsItselfAndNoneRefusesNothing() {
    var none = new Problems();
    none.throwIfAny();
    assertThat(none.refusalIfAny()).isEmpty();

    var one = new InvalidRequest("tlp", "a marking needs a TLP level");
    assertThat(InvalidRequest.of(List.of(one))).isSameAs(one);
    assertThat(one.all()).containsExactly(one);
    var nested = new Problems();
    nested.add(InvalidRequest.of(List.of(one, new InvalidRequest("relTo", "bad"))));
    assertThat(nested.refusal().all()).hasSize(2);
  }

  @Test
  void formErrorsPutEachProblemBesideItsFieldInPlainWordsAndInTheFormsOrder() {
    var refused =
        InvalidRequest.of(
            List.of(
                new InvalidRequest("marking.relTo[0]", "country 'ZZ' is not ISO 3166 alpha-3"),
                new InvalidRequest("title", "title must be 1-200 characters"),
                new InvalidRequest(null, "the report conflicts with another")));

    Map<String, String> errors =
        FormErrors.of(
            refused,
            field -> field.replaceFirst("^marking\\.", "").replaceAll("\\[\\d+]$", ""),
            Map.of(
                "title",
                "Give the report a title of at most 200 characters",
                "relTo",
                "'%s' is not a country code"),
            List.of("title", "summary", "relTo"));

    assertThat(errors)
        .containsExactly(
            Map.entry("form", "the report conflicts with another"),
            Map.entry("title", "Give the report a title of at most 200 characters"),
            Map.entry("relTo", "'ZZ' is not a country code"));
    assertThat(FormErrors.worded("'%s' is not a country code", "NOFORN and REL TO clash"))
        .isEqualTo("NOFORN and REL TO clash");
  }
}
