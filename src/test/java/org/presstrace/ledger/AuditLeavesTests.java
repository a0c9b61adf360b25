package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AuditEntry;
import org.presstrace.access.Channel;

/** What an audit leaf shows: random ids in clear, codes and names only as commitments. */
class AuditLeavesTests {

  private static final String SALT = "00112233445566778899aabbccddeeff";

  private static AuditEntry entry(String kind, String recordId) {
    return new AuditEntry(
        7,
        Instant.parse("2026-12-01T10:00:00Z"),
        "dea.supervisor",
        "DEA",
        "CREATE",
        kind,
        recordId,
        Channel.API,
        "Case 26-114",
        "WRITTEN",
        "Operation Nighthawk case team",
        "req-1");
  }

  @Test
  void aCompartmentCodeInAnAuditEntryIsCommittedToNotShown() {
    String leaf =
        new String(
            AuditLeaves.canonical(entry("compartment", "OP-NIGHTHAWK"), SALT),
            StandardCharsets.UTF_8);
    assertThat(leaf).doesNotContain("NIGHTHAWK").doesNotContain("Nighthawk");
    assertThat(leaf).contains(CustodyLeaves.COMMIT + "recordId");
  }

  @Test
  void aRandomRecordIdStaysVisibleForTheAuditor() {
    String id = "3f1c9a52-7d2e-4b8a-9c61-0e5f2d7a4b19";
    String leaf =
        new String(AuditLeaves.canonical(entry("intel-report", id), SALT), StandardCharsets.UTF_8);
    assertThat(leaf).contains("\"recordId\":\"" + id + "\"");
  }
}
