package org.presstrace.ledger;

import java.time.Instant;

/** One leaf of the log: what it stands for (kind and reference), its canonical data and hash. */
public record LedgerLeaf(
    long index, String kind, String ref, String data, String leafHash, Instant appendedAt) {}
