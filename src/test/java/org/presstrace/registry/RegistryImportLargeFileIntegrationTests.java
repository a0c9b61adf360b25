package org.presstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Heavy (tag {@code heavy}, left out of the default suite; run it with {@code -Dtest=
 * RegistryImportLargeFileIntegrationTests -Dsurefire.excludedGroups=browser}): a 100,000-row file
 * (80,000 machines declared, 20,000 of them then sold) imports completely, with progress every
 * 10,000 rows, custody events and ledger leaves for every row.
 */
@Tag("heavy")
@PressTraceIntegrationTest
class RegistryImportLargeFileIntegrationTests {

  /** 100,000 unless {@code -Dpresstrace.import.rows=N} (a multiple of 10, for quicker runs). */
  static final int ROWS = Integer.getInteger("presstrace.import.rows", 100_000);

  static final int SOLD = ROWS / 5;

  @Autowired Directory directory;
  @Autowired Registry registry;
  @Autowired RegistryImports imports;
  @Autowired JdbcClient jdbc;
  @Autowired org.presstrace.ledger.Ledger ledger;

  @TempDir Path dir;

  @Test
  void aHundredThousandRowFileImportsWithProgress() throws Exception {
    var world = new World(directory);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.CLI);
    RegistrantView dealer =
        active(admin, "Bulk Dealers " + world.suffix(), RegistrantCategory.DEALER);
    RegistrantView owner = active(admin, "Bulk Owner " + world.suffix(), RegistrantCategory.OWNER);
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    Path file = dir.resolve("inventory.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "record,registrant,serial,make,model,kind,power,rated_output_per_hour,location,"
              + "occurred_on,buyer_registration,buyer_checked_at\n");
      for (int i = 0; i < ROWS - SOLD; i++) {
        out.write(
            "INVENTORY,"
                + dealer.registrationNumber()
                + ",BK-"
                + i
                + ",Bulkmaker,RT-"
                + (i % 7)
                + ",TABLETING_ROTARY,POWERED,"
                + (60_000 + i % 1000)
                + ",\"Warehouse 2, bay "
                + (i % 40)
                + "\","
                + day
                + ",,\n");
      }
      for (int i = 0; i < SOLD; i++) {
        out.write(
            "TRANSFER,"
                + dealer.registrationNumber()
                + ",BK-"
                + (i * 4)
                + ",Bulkmaker,,,,,,"
                + day.plusDays(1)
                + ","
                + owner.registrationNumber()
                + ","
                + day.plusDays(1)
                + "T09:00\n");
      }
    }
    long ledgerBefore = count("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'");
    List<String> progress = new ArrayList<>();

    ImportResult result =
        imports.importCsv(
            admin,
            "inventory.csv",
            Files.readAllBytes(file),
            false,
            (phase, done, total) -> {
              progress.add(phase + " " + done + "/" + total);
              System.err.println("import progress: " + phase + " " + done + " of " + total);
            });

    assertThat(result.problems()).isEmpty();
    assertThat(result.stored()).isTrue();
    assertThat(result.rows()).isEqualTo(ROWS);
    assertThat(progress).contains("checked " + ROWS + "/" + ROWS, "stored " + ROWS + "/" + ROWS);
    if (ROWS == 100_000) {
      assertThat(progress).contains("checked 10000/100000", "stored 50000/100000");
    }
    assertThat(count("SELECT COUNT(*) FROM machine WHERE make = 'Bulkmaker'"))
        .isEqualTo(ROWS - SOLD);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM machine WHERE make = 'Bulkmaker' AND current_holder = :o")
                .param("o", owner.id())
                .query(Long.class)
                .single())
        .isEqualTo(SOLD);
    assertThat(
            count(
                "SELECT COUNT(*) FROM custody_event c JOIN machine m ON m.id = c.machine_id"
                    + " WHERE m.make = 'Bulkmaker'"))
        .isEqualTo(ROWS);
    assertThat(
            count("SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'") - ledgerBefore)
        .isEqualTo(ROWS);
    System.out.println(ROWS + "-row import took " + result.millis() + " ms");
  }

  long count(String sql) {
    if (sql.contains("ledger_leaf")) {
      // Leaves are integrated after the commit; count them once everything committed is in.
      assertThat(ledger.awaitIntegration()).isTrue();
    }
    return jdbc.sql(sql).query(Long.class).single();
  }

  RegistrantView active(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Press Way", null, "USA"));
    return registry.activate(admin, registrant.id(), "inspection passed");
  }
}
