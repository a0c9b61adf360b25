package org.presstrace.seizures;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.presstrace.access.Criteria;
import org.presstrace.shared.InvalidRequest;

/**
 * Which seizures a list, an export or an aggregate covers; every part is optional.
 *
 * @param q text in the reference, port, place or narrative
 * @param region a USPS state or territory code
 * @param context a {@link SeizureContext} name
 * @param fiscalYear a US fiscal year
 * @param fromMonth the first month, {@code yyyy-MM}, inclusive
 * @param toMonth the last month, {@code yyyy-MM}, inclusive
 */
public record SeizureFilter(
    String q, String region, String context, Integer fiscalYear, String fromMonth, String toMonth) {

  private static final java.util.regex.Pattern MONTH =
      java.util.regex.Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  public static SeizureFilter none() {
    return new SeizureFilter(null, null, null, null, null, null);
  }

  public SeizureFilter months(String from, String to) {
    return new SeizureFilter(q, region, context, fiscalYear, from, to);
  }

  /** The filter as criteria over the seizure table (alias {@code r}). */
  Criteria criteria() {
    var where = new StringBuilder("1 = 1");
    var params = new HashMap<String, Object>();
    boolean search = false;
    if (q != null && !q.isBlank()) {
      where.append(
          " AND (LOWER(r.reference) LIKE :q ESCAPE '\\' OR LOWER(r.port_of_entry) LIKE :q ESCAPE"
              + " '\\' OR LOWER(r.place) LIKE :q ESCAPE '\\' OR LOWER(r.narrative) LIKE :q ESCAPE"
              + " '\\')");
      params.put("q", "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%");
      search = true;
    }
    if (region != null && !region.isBlank()) {
      String code = region.strip().toUpperCase(Locale.ROOT);
      if (!SeizureRules.REGIONS.contains(code)) {
        throw new InvalidRequest("region", "region '" + region + "' is not a US state code");
      }
      where.append(" AND r.region = :region");
      params.put("region", code);
    }
    if (context != null && !context.isBlank()) {
      where.append(" AND r.context = :context");
      params.put("context", SeizureContext.parse(context, "context").name());
    }
    if (fiscalYear != null) {
      if (fiscalYear < 1990 || fiscalYear > 2200) {
        throw new InvalidRequest("fiscalYear", "fiscal year " + fiscalYear + " is out of range");
      }
      where.append(" AND r.fiscal_year = :fy");
      params.put("fy", fiscalYear);
    }
    month(where, params, fromMonth, "fromMonth", ">=");
    month(where, params, toMonth, "toMonth", "<=");
    Map<String, Object> parameters = params;
    return search
        ? Criteria.search(where.toString(), parameters)
        : Criteria.where(where.toString(), parameters);
  }

  private static void month(
      StringBuilder where, Map<String, Object> params, String month, String field, String op) {
    if (month == null || month.isBlank()) {
      return;
    }
    if (!MONTH.matcher(month.strip()).matches()) {
      throw new InvalidRequest(field, field + " '" + month + "' is not a month such as 2025-03");
    }
    where.append(" AND r.occurred_month ").append(op).append(" :").append(field);
    params.put(field, month.strip());
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
