package org.presstrace.substances;

/** One line of a shipping manifest, as declared. Any field may be empty. */
public record ManifestLine(
    long number,
    String description,
    String cas,
    String hsCode,
    String quantity,
    String shipper,
    String consignee) {}
