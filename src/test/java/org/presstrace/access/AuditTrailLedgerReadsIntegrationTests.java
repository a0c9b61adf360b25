package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the ledger asks of the audit trail to check it holds every entry: how many entries there
 * are, and the first entry missing from a set of ids.
 */
@PressTraceIntegrationTest
class AuditTrailLedgerReadsIntegrationTests {

  @Autowired AuditTrail audit;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;

  @Test
  void countsEveryEntryOfTheTrail() {
    long before = audit.count();

    recordTwo("ledger-count");

    assertThat(audit.count()).isEqualTo(before + 2).isEqualTo(storedIds().size());
  }

  @Test
  void firstNotInNamesTheSmallestEntryMissingFromTheIds() {
    List<Long> mine = recordTwo("ledger-missing");
    Set<Long> logged = new HashSet<>(storedIds());

    assertThat(audit.firstNotIn(logged)).isEmpty();

    logged.removeAll(mine);
    assertThat(audit.firstNotIn(logged)).isEqualTo(OptionalLong.of(mine.get(0)));

    logged.add(mine.get(0));
    assertThat(audit.firstNotIn(logged)).isEqualTo(OptionalLong.of(mine.get(1)));
  }

  @Test
  void firstNotInAnEmptySetIsTheOldestEntry() {
    recordTwo("ledger-oldest");

    assertThat(audit.firstNotIn(Set.of())).isEqualTo(OptionalLong.of(storedIds().get(0)));
  }

  private List<Long> recordTwo(String prefix) {
    String username = new World(directory).username(prefix);
    audit.recordAnonymous(username, "LOGIN", "REFUSED", "ledger check one");
    audit.recordAnonymous(username, "LOGIN", "REFUSED", "ledger check two");
    return jdbc.sql("SELECT id FROM audit_event WHERE username = :username ORDER BY id")
        .param("username", username)
        .query(Long.class)
        .list();
  }

  private List<Long> storedIds() {
    return jdbc.sql("SELECT id FROM audit_event ORDER BY id").query(Long.class).list();
  }
}
