package org.presstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Which HTTP port the command line hands to Spring Boot: {@code --port}, then {@code
 * PRESSTRACE_PORT}, else nothing, so Spring Boot's own {@code --server.port}, {@code server.port}
 * and {@code SERVER_PORT} apply; and the embedded database URL other processes can share.
 */
class StorageOptionsTests {

  private static StorageOptions parse(Map<String, String> environment, String... args) {
    var command = new PressTraceCommand(Object.class);
    new CommandLine(command).parseArgs(args);
    command.storage.environment = environment;
    return command.storage;
  }

  @Test
  void withoutAnOptionSpringBootDecidesThePort() {
    var properties = parse(Map.of("SERVER_PORT", "9000")).properties(false);

    assertThat(properties).doesNotContainKey("server.port");
  }

  @Test
  void springBootsOwnOptionIsPassedOn() {
    var properties = parse(Map.of(), "--server.port=9100").properties(false);

    assertThat(properties).containsEntry("server.port", 9100);
  }

  @Test
  void presstracePortOutranksSpringBootsSettings() {
    var properties =
        parse(Map.of("PRESSTRACE_PORT", "7000", "SERVER_PORT", "9000"), "--server.port=9100")
            .properties(false);

    assertThat(properties).containsEntry("server.port", 7000);
  }

  @Test
  void thePortOptionOutranksEverything() {
    var properties =
        parse(Map.of("PRESSTRACE_PORT", "7000"), "--port", "7001", "--server.port=9100")
            .properties(true);

    assertThat(properties).containsEntry("server.port", 7001);
  }

  @Test
  void aPresstracePortThatIsNotAPortIsRefusedByName() {
    var options = parse(Map.of("PRESSTRACE_PORT", "80a"));

    assertThatThrownBy(() -> options.properties(false))
        .isInstanceOf(StartupRefused.class)
        .hasMessage("PRESSTRACE_PORT '80a' is not a port (0 to 65535)");
  }

  @Test
  void aPortOptionOutOfRangeIsAUsageError() {
    var err = new StringWriter();
    int exit =
        PressTraceCommand.commandLine(
                Object.class, new PrintWriter(new StringWriter()), new PrintWriter(err, true))
            .execute("serve", "--port", "70000");

    assertThat(exit).isEqualTo(PressTraceCommand.EXIT_USAGE);
    assertThat(err.toString()).contains("--port 70000 is not a port (0 to 65535)");
  }

  @Test
  void theEmbeddedDatabaseIsSharedThroughALoopbackServer() {
    StorageOptions.bindH2ToLoopback();

    String url = StorageOptions.embeddedUrl(Path.of("/srv/presstrace"));

    assertThat(url)
        .startsWith("jdbc:h2:file:/srv/presstrace/presstrace;")
        .contains(";AUTO_SERVER=TRUE")
        .contains(";WRITE_DELAY=0")
        .doesNotContain("DB_CLOSE_ON_EXIT");
  }
}
