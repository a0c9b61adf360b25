package org.presstrace.resolution.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.presstrace.resolution.MatchSteps;

/**
 * What one record contributes to blocking and counting: its blocking keys and its counted values,
 * taken from the record prepared once.
 */
record BlockedEntity(long index, int side, List<String> keys, Map<String, List<String>> counted)
    implements Serializable {

  static BlockedEntity of(ShippedEntity record) {
    var prepared = MatchSteps.prepare(record.entity());
    var counted = new HashMap<String, List<String>>();
    prepared
        .countedValues()
        .forEach((field, values) -> counted.put(field, new ArrayList<>(values)));
    return new BlockedEntity(
        record.index(), record.side(), new ArrayList<>(prepared.blockingKeys()), counted);
  }
}
