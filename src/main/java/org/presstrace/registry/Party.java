package org.presstrace.registry;

/**
 * A party to an import or export: the importer, the exporter or the consignee.
 *
 * @param country ISO 3166 alpha-3
 */
public record Party(String name, String country) {}
