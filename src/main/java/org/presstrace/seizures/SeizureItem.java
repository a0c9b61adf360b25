package org.presstrace.seizures;

import java.math.BigDecimal;

/** A checked seized item with its screening verdict; weights exact, lab results in range. */
public record SeizureItem(
    String substance,
    String cas,
    ItemForm form,
    Quantity net,
    Quantity gross,
    Long pillCount,
    String imprint,
    String colour,
    BigDecimal purityPct,
    BigDecimal mgPerPill,
    BigDecimal shareAtLeast2mgPct,
    Screening screening) {

  public boolean fentanylClass() {
    return screening != null && screening.fentanylClass();
  }

  public SeizureItem screened(Screening verdict) {
    return new SeizureItem(
        substance,
        cas,
        form,
        net,
        gross,
        pillCount,
        imprint,
        colour,
        purityPct,
        mgPerPill,
        shareAtLeast2mgPct,
        verdict);
  }
}
