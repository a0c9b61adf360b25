package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/** The one line a failed command prints. */
class OneLineTests {

  @Test
  void aConstraintViolationDoesNotEchoTheStoredRowOrTheConstraint() {
    var database =
        new SQLIntegrityConstraintViolationException(
            "Unique index or primary key violation: \"PUBLIC.MACHINE_SERIAL_UNIQUE_PER_MAKE ON"
                + " PUBLIC.MACHINE(MAKE_KEY, SERIAL_NORMALISED) VALUES ('ACME', '5C0001')\"");
    var failure =
        new IllegalStateException(
            "import failed",
            new DuplicateKeyException(
                "PreparedStatementCallback; SQL [INSERT INTO machine]", database));

    assertThat(OneLine.of(failure))
        .isEqualTo("the change conflicts with stored data; nothing was stored")
        .doesNotContain("ACME")
        .doesNotContain("MACHINE_SERIAL_UNIQUE_PER_MAKE");
    assertThat(OneLine.of(new DuplicateKeyException("duplicate 'ACME'"))).doesNotContain("ACME");
  }

  @Test
  void anyOtherFailureIsItsRootCauseOnOneLine() {
    var failure =
        new IllegalStateException("wrapped", new IllegalArgumentException("file  missing\nhere"));

    assertThat(OneLine.of(failure)).isEqualTo("file missing here");
  }
}
