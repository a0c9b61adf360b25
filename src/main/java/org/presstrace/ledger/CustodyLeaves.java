package org.presstrace.ledger;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.presstrace.registry.CustodyEvent;

/**
 * How a custody event becomes a ledger leaf: every component of the event record as canonical JSON,
 * with its type, kind {@code custody-event}, referenced by machine id.
 */
public final class CustodyLeaves {

  public static final String KIND = "custody-event";

  private CustodyLeaves() {}

  public static Map<String, Object> fields(CustodyEvent event) {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("type", event.getClass().getSimpleName());
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(event);
        fields.put(component.getName(), value == null ? null : value.toString());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName() + " of " + event, e);
      }
    }
    return fields;
  }

  public static byte[] canonical(CustodyEvent event) {
    return CanonicalJson.of(fields(event));
  }
}
