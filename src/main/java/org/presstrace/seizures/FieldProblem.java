package org.presstrace.seizures;

/**
 * One broken rule found while checking a seizure report.
 *
 * @param row the CSV data row (1 = the first row after the header), or 0 outside an import
 * @param field the field at fault, e.g. {@code items[0].netWeight} or {@code net_weight}
 */
public record FieldProblem(int row, String field, String message) {}
