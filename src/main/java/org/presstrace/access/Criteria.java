package org.presstrace.access;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a module asks of a protected table beyond the policy's filter: an extra predicate over the
 * alias {@code r}, its parameters, an order, and whether it is a search (for the audit trail).
 * Parameter names must not start with {@code acc_}: those belong to the policy.
 */
public record Criteria(
    String where, Map<String, Object> parameters, String orderBy, boolean search) {

  private static final Pattern ORDER =
      Pattern.compile("[a-z_.]+( (ASC|DESC))?(, [a-z_.]+( (ASC|DESC))?)*");

  public Criteria {
    parameters = Map.copyOf(parameters);
    if (parameters.keySet().stream().anyMatch(name -> name.startsWith("acc_"))) {
      throw new IllegalArgumentException("parameter names starting with acc_ are the policy's");
    }
    if (orderBy != null && !ORDER.matcher(orderBy).matches()) {
      throw new IllegalArgumentException("order '" + orderBy + "' is not a column list");
    }
  }

  /** Every readable row, in the default order. */
  public static Criteria all() {
    return new Criteria(null, Map.of(), null, false);
  }

  /** A search: rows matching {@code where}, recorded in the audit trail as a search. */
  public static Criteria search(String where, Map<String, Object> parameters) {
    return new Criteria(where, parameters, null, true);
  }

  /** Rows matching {@code where}, recorded as a plain list. */
  public static Criteria where(String where, Map<String, Object> parameters) {
    return new Criteria(where, parameters, null, false);
  }

  /** Rows matching both this and {@code other}; parameter names must not clash. */
  public Criteria and(Criteria other) {
    return combine(other, "AND");
  }

  /** Rows matching this or {@code other}; parameter names must not clash. */
  public Criteria or(Criteria other) {
    return combine(other, "OR");
  }

  private Criteria combine(Criteria other, String operator) {
    var all = new HashMap<String, Object>(parameters);
    for (var parameter : other.parameters.entrySet()) {
      Object before = all.put(parameter.getKey(), parameter.getValue());
      if (before != null && !before.equals(parameter.getValue())) {
        throw new IllegalArgumentException("parameter " + parameter.getKey() + " is used twice");
      }
    }
    String where =
        this.where == null
            ? other.where
            : other.where == null
                ? this.where
                : "(" + this.where + ") " + operator + " (" + other.where + ")";
    if ("OR".equals(operator) && (this.where == null || other.where == null)) {
      where = null;
    }
    return new Criteria(
        where, all, orderBy != null ? orderBy : other.orderBy, search || other.search);
  }

  public Criteria orderBy(String order) {
    return new Criteria(where, parameters, order, search);
  }
}
