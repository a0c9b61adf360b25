package org.presstrace.access;

import java.util.Map;

/**
 * A SQL predicate over a protected table's marking columns, with its named parameters, that admits
 * exactly the rows the policy lets one caller read. Parameter names start with {@code acc_}.
 */
public record SqlFilter(String sql, Map<String, Object> parameters) {

  public SqlFilter {
    parameters = Map.copyOf(parameters);
  }
}
