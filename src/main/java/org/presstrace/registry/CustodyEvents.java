package org.presstrace.registry;

import java.util.Optional;
import org.presstrace.registry.internal.CustodyRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored chain of custody as the ledger checks it: every custody event the registry has
 * recorded, unfiltered by markings. For showing a chain of custody to a user, read it through
 * {@link Registry} instead, which applies the reader's markings and records the read.
 */
@Service
public class CustodyEvents {

  private final CustodyRecords records;

  CustodyEvents(CustodyRecords records) {
    this.records = records;
  }

  /** How many custody events the registry stores, of all machines. */
  @Transactional(readOnly = true)
  public long count() {
    return records.count();
  }

  /** Entry {@code seq} (from 1) of the machine's chain of custody as stored now, if any. */
  @Transactional(readOnly = true)
  public Optional<CustodyRecord> stored(String machineId, int seq) {
    return records.find(machineId, seq);
  }
}
