package org.presstrace.registry;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Derivations;
import org.presstrace.access.Directory;
import org.presstrace.registry.internal.Machines;
import org.presstrace.registry.internal.Registrants;
import org.presstrace.registry.internal.TransactionReportStore;
import org.springframework.context.ApplicationEventPublisher;

/**
 * A registry import file of any bytes is read into rows or problems, and each row is checked into
 * equipment, events or problems naming the row and column: the reader and the row checks never
 * throw. The registry behind the checks is in memory (two active registrants, nothing stored). Kept
 * inputs are under src/test/resources/org/presstrace/registry/RegistryImportFuzzTestsInputs/.
 */
class RegistryImportFuzzTests {

  private static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

  private static final RegistrantView SELLER = registrant("r-1", "PPR-1A2B3C4D", "ACME-TABLET");
  private static final RegistrantView BUYER = registrant("r-2", "PPR-9F8E7D6C", "TRISTATE-EQUIP");

  private static final Registrants REGISTRANTS = mock(Registrants.class);

  static {
    when(REGISTRANTS.byRegistration(anyString()))
        .thenAnswer(
            call -> {
              String number = call.<String>getArgument(0).toUpperCase(Locale.ROOT);
              return number.equals(SELLER.registrationNumber())
                  ? Optional.of(SELLER)
                  : number.equals(BUYER.registrationNumber())
                      ? Optional.of(BUYER)
                      : Optional.empty();
            });
  }

  private static final Registry REGISTRY =
      new Registry(
          REGISTRANTS,
          mock(Machines.class),
          mock(TransactionReportStore.class),
          mock(Directory.class),
          mock(AuditTrail.class),
          mock(Deadlines.class),
          mock(ApplicationEventPublisher.class),
          mock(SerialConflicts.class),
          Clock.fixed(NOW, ZoneOffset.UTC),
          mock(Derivations.class),
          RegistrationTerms.defaults(),
          mock(org.presstrace.registry.internal.Receipts.class));

  @DictionaryFile(resourcePath = "RegistryImportFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anyImportFileGivesRowsOrProblems(@NotNull byte[] content) {
    ImportFile.notCsv(content);
    ImportFile file = ImportFile.read(content);
    if (!file.problems().isEmpty()) {
      return;
    }
    ImportCheck.Clash clash = (registrant, make, serial, stored, row) -> "already registered";
    var check = new ImportCheck(REGISTRY, REGISTRANTS, clash, null, NOW, List.of());
    for (ImportFile.Row row : file.rows()) {
      check.check(row);
    }
  }

  private static RegistrantView registrant(String id, String number, String agency) {
    return new RegistrantView(
        id,
        number,
        agency,
        agency + " Ltd",
        null,
        RegistrantCategory.DEALER,
        null,
        "1 Main St",
        RegistrantStatus.ACTIVE,
        LocalDate.of(2027, 1, 1));
  }
}
