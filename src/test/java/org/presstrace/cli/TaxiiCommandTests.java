package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presstrace.PressTraceApplication;

/**
 * {@code presstrace taxii poll}: a bad time or missing partner password is one line and a non-zero
 * exit before anything starts; the partner's secrets come from the environment only.
 */
class TaxiiCommandTests {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void aBadAddedAfterIsOneLineAndNonZeroAndTouchesNoData() {
    int code =
        run(
            "taxii",
            "poll",
            "http://127.0.0.1:9/taxii2/presstrace/collections/intel-reports/",
            "--user",
            "cbp.officer",
            "--added-after",
            "yesterday");
    assertThat(code).isNotZero();
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains("--added-after 'yesterday' is not a timestamp");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void credentialsComeFromTheEnvironment() {
    assertThat(
            TaxiiCommand.Poll.authorization(
                "partner", Map.of("PRESSTRACE_TAXII_PASSWORD", "s3cret")))
        .isEqualTo("Basic cGFydG5lcjpzM2NyZXQ=");
    assertThat(TaxiiCommand.Poll.authorization(null, Map.of("PRESSTRACE_TAXII_TOKEN", "pt_abc")))
        .isEqualTo("Bearer pt_abc");
    assertThat(TaxiiCommand.Poll.authorization(null, Map.of())).isNull();
    assertThatThrownBy(() -> TaxiiCommand.Poll.authorization("partner", Map.of()))
        .isInstanceOf(StartupRefused.class)
        .hasMessageContaining("PRESSTRACE_TAXII_PASSWORD");
  }

  private int run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = dir.resolve("data").toString();
    return PressTraceCommand.commandLine(
            PressTraceApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all);
  }
}
