package org.presstrace.registry;

/**
 * A party to an import or export: the importer, the exporter or the consignee, with what 21 CFR
 * 1310.06(a) records want of each party.
 *
 * @param country ISO 3166 alpha-3
 * @param address the party's address; optional
 * @param registration its registration number where it holds one: for a US party the DEA
 *     registration number (checked, check digit included), for a foreign party its own authority's
 *     number as written; optional
 */
public record Party(String name, String country, String address, String registration) {

  /** A party named by name and country only. */
  public Party(String name, String country) {
    this(name, country, null, null);
  }
}
