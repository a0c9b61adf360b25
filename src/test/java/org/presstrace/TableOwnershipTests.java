package org.presstrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module, and only that module's SQL names it: another module asks the
 * owner's API. The tables are those the Flyway migrations create; {@link #OWNERS} says whose each
 * one is. A module names a table when one of its main sources holds a string literal or text block
 * with the table after {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} or {@code TABLE},
 * or a literal that is the table's name alone (a compound name such as {@code custody_event}, or
 * the table of a {@code ProtectedKind}): that is how tables reach {@code GuardedReads}, so a module
 * handing another module's table to it names that table. Comments are not SQL and are not read.
 *
 * <p>A one-word table name in a literal of its own ({@code "machine"}) is an ordinary word as well
 * (a kind, a column, a form field), so it counts only as a {@code ProtectedKind}'s table: a method
 * that builds SQL from such a name handed to it is not seen.
 */
class TableOwnershipTests {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path SOURCES = Path.of("src/main/java/org/presstrace");

  /** The Spring Modulith event log: infrastructure of every module, owned by none. */
  private static final String NO_MODULE = "";

  /** The module that owns each table the migrations create, one entry per table. */
  static final Map<String, String> OWNERS =
      Map.ofEntries(
          Map.entry("event_publication", NO_MODULE),
          // Spring Session JDBC and db-scheduler, and the log of sweeps the scheduler ran
          Map.entry("spring_session", NO_MODULE),
          Map.entry("spring_session_attributes", NO_MODULE),
          Map.entry("scheduled_tasks", NO_MODULE),
          Map.entry("sweep_run", NO_MODULE),
          // access: users, agencies, markings, releases and the audit trail
          Map.entry("access_grant", "access"),
          Map.entry("agency", "access"),
          Map.entry("api_token", "access"),
          Map.entry("app_user", "access"),
          Map.entry("audit_event", "access"),
          Map.entry("compartment", "access"),
          Map.entry("compartment_member", "access"),
          Map.entry("marking_change", "access"),
          Map.entry("record_release", "access"),
          Map.entry("user_role", "access"),
          // registry
          Map.entry("compliance_item", "registry"),
          Map.entry("taxii_feed", "exchange"),
          Map.entry("taxii_object", "exchange"),
          Map.entry("taxii_scope_added", "exchange"),
          Map.entry("taxii_served_version", "exchange"),
          Map.entry("taxii_status", "exchange"),
          Map.entry("custody_event", "registry"),
          Map.entry("machine", "registry"),
          Map.entry("registrant", "registry"),
          Map.entry("registrant_status_change", "registry"),
          Map.entry("registration_certificate", "registry"),
          Map.entry("registry_import", "registry"),
          Map.entry("registry_import_job", "registry"),
          Map.entry("transaction_report", "registry"),
          Map.entry("transaction_report_item", "registry"),
          Map.entry("transaction_report_sequence", "registry"),
          Map.entry("transaction_report_version", "registry"),
          Map.entry("transfer_record", "registry"),
          // ledger
          Map.entry("ledger_head", "ledger"),
          Map.entry("ledger_leaf", "ledger"),
          Map.entry("ledger_node", "ledger"),
          Map.entry("ledger_salt", "ledger"),
          Map.entry("ledger_state", "ledger"),
          Map.entry("ledger_queue", "ledger"),
          // substances: reference lists, designations, manifest screenings
          Map.entry("control_action", "substances"),
          Map.entry("designation", "substances"),
          Map.entry("manifest_screening", "substances"),
          Map.entry("manifest_screening_hit", "substances"),
          Map.entry("manifest_screening_line", "substances"),
          Map.entry("reference_list_load", "substances"),
          Map.entry("screening_alert", "substances"),
          Map.entry("substance", "substances"),
          Map.entry("substance_synonym", "substances"),
          // seizures and their alerts
          Map.entry("alert", "seizures"),
          Map.entry("seizure", "seizures"),
          Map.entry("seizure_equipment", "seizures"),
          Map.entry("seizure_item", "seizures"),
          Map.entry("seizure_item_alert", "seizures"),
          Map.entry("seizure_party", "seizures"),
          // casework: subjects, links, judgements, operations, pointer alerts, deconfliction
          Map.entry("deconfliction_answer", "casework"),
          Map.entry("planned_operation", "casework"),
          Map.entry("pointer_alert", "casework"),
          Map.entry("resolution_entity", "casework"),
          Map.entry("resolution_judgement", "casework"),
          Map.entry("resolution_judgement_share", "casework"),
          Map.entry("casework_import_origin", "casework"),
          Map.entry("resolution_link", "casework"),
          Map.entry("resolution_match", "casework"),
          Map.entry("resolution_statement", "casework"),
          Map.entry("resolution_value", "casework"),
          // redflags
          Map.entry("red_flag", "redflags"),
          Map.entry("red_flag_citation", "redflags"),
          Map.entry("red_flag_run", "redflags"),
          // intel
          Map.entry("intel_report", "intel"),
          Map.entry("exchange_inbox", "exchange"),
          Map.entry("exchange_incident", "exchange"),
          Map.entry("exchange_nonce", "exchange"),
          Map.entry("exchange_notice", "exchange"),
          Map.entry("exchange_notice_answer", "exchange"),
          Map.entry("exchange_outbox", "exchange"),
          Map.entry("exchange_partner", "exchange"),
          Map.entry("intel_report_revision", "intel"));

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);

  /** A table after a SQL keyword; the code base writes SQL keywords in capitals. */
  private static final Pattern AFTER_KEYWORD =
      Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z][a-z0-9_]*)\\b");

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

  /** The table argument of a protected kind: {@code new ProtectedKind("kind", "table", ...)}. */
  private static final Pattern PROTECTED_KIND_TABLE =
      Pattern.compile("new\\s+ProtectedKind\\s*\\(\\s*\"[^\"]*\"\\s*,\\s*\"([a-z][a-z0-9_]*)\"");

  @Test
  void everyMigratedTableHasAnOwner() {
    assertThat(migratedTables())
        .as("tables the migrations create that OWNERS does not place in a module")
        .isSubsetOf(OWNERS.keySet());
  }

  @Test
  void everyOwnedTableIsCreatedByAMigration() {
    assertThat(OWNERS.keySet())
        .as("tables in OWNERS that no migration creates")
        .isSubsetOf(migratedTables());
  }

  @Test
  void everyOwningModuleHasSourcesThatNameItsTables() {
    for (String module : new TreeSet<>(OWNERS.values())) {
      if (module.equals(NO_MODULE)) {
        continue;
      }
      assertThat(SOURCES.resolve(module)).as("sources of module " + module).isDirectory();
      Set<String> own = new TreeSet<>();
      sources(module)
          .forEach(
              file ->
                  own.addAll(
                      tablesNamed(read(file)).stream()
                          .filter(t -> module.equals(OWNERS.get(t)))
                          .toList()));
      assertThat(own).as("tables module " + module + " names in its own SQL").isNotEmpty();
    }
  }

  @Test
  void noModuleNamesAnotherModulesTable() {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> modules = Files.list(SOURCES)) {
      modules
          .filter(Files::isDirectory)
          .sorted()
          .forEach(
              dir -> {
                String module = dir.getFileName().toString();
                sources(module)
                    .forEach(
                        file ->
                            violations.addAll(
                                violations(module, SOURCES.relativize(file), read(file))));
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(violations).as("SQL naming another module's table").isEmpty();
  }

  @Test
  void catchesAnotherModulesTableAfterEachSqlKeyword() {
    for (String sql :
        List.of(
            "SELECT COUNT(*) FROM custody_event",
            "SELECT 1 FROM ledger_leaf l JOIN custody_event c ON c.id = l.ref",
            "INSERT INTO custody_event (id) VALUES (?)",
            "UPDATE custody_event SET salt = NULL",
            "ALTER TABLE custody_event ADD COLUMN x INT")) {
      assertThat(violations("ledger", Path.of("ledger", "X.java"), "String sql = \"" + sql + "\";"))
          .as(sql)
          .containsExactly("ledger/X.java: custody_event (registry)");
    }
  }

  @Test
  void catchesSqlInTextBlocksAndAcrossConcatenatedLiterals() {
    String source =
        "var a = \"\"\"\n    SELECT MIN(a.id) FROM audit_event a\n    \"\"\";\n"
            + "var b = \"SELECT * FROM \"\n    + \"machine WHERE id = :id\";\n";

    assertThat(violations("ledger", Path.of("ledger", "X.java"), source))
        .containsExactly(
            "ledger/X.java: audit_event (access)", "ledger/X.java: machine (registry)");
  }

  @Test
  void catchesATableHandedOverByName() {
    String source =
        "reads.children(context, KIND, criteria, \"resolution_statement\", \"entity_id\", o, m);\n"
            + "new ProtectedKind(\"seizure\", \"seizure\", \"r.id\", true);\n";

    assertThat(violations("redflags", Path.of("redflags", "X.java"), source))
        .containsExactly(
            "redflags/X.java: resolution_statement (casework)",
            "redflags/X.java: seizure (seizures)");
  }

  @Test
  void ignoresCommentsProseOwnTablesAndTheEventLog() {
    String source =
        "/** Reads FROM custody_event, see \"SELECT * FROM machine\". */\n"
            + "// INSERT INTO audit_event\n"
            + "String message = \"moved from machine to seizure\";\n"
            + "String own = \"SELECT * FROM ledger_leaf\";\n"
            + "String quote = \"it said \\\"FROM\\\" and 'x'\"; char c = '\"';\n"
            + "String events = \"DELETE FROM event_publication\";\n"
            + "String column = \"agency\";\n";

    assertThat(violations("ledger", Path.of("ledger", "X.java"), source)).isEmpty();
  }

  /** Each table of another module that {@code source} names, as "file: table (owner)". */
  static List<String> violations(String module, Path file, String source) {
    String path = file.toString().replace('\\', '/');
    return tablesNamed(source).stream()
        .filter(table -> !OWNERS.get(table).equals(NO_MODULE))
        .filter(table -> !OWNERS.get(table).equals(module))
        .map(table -> path + ": " + table + " (" + OWNERS.get(table) + ")")
        .toList();
  }

  /** The known tables that the string literals and text blocks of {@code source} name, sorted. */
  static Set<String> tablesNamed(String source) {
    Set<String> named = new TreeSet<>();
    for (String literal : literals(source)) {
      Matcher keyword = AFTER_KEYWORD.matcher(literal);
      while (keyword.find()) {
        named.add(keyword.group(1));
      }
      String alone = literal.strip();
      if (alone.contains("_") && IDENTIFIER.matcher(alone).matches()) {
        named.add(alone);
      }
    }
    Matcher kind = PROTECTED_KIND_TABLE.matcher(withoutComments(source));
    while (kind.find()) {
      named.add(kind.group(1));
    }
    named.retainAll(OWNERS.keySet());
    return named;
  }

  /**
   * The string literals and text blocks of a Java source outside comments, with literals joined by
   * {@code +} read as one, and the common escapes read.
   */
  static List<String> literals(String source) {
    List<String> literals = new ArrayList<>();
    StringBuilder current = null;
    int afterCurrent = 0;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = lineEnd(source, i);
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
      } else if (c == '\'') {
        i = quotedEnd(source, i + 1, '\'');
      } else if (c == '"') {
        boolean block = source.startsWith("\"\"\"", i);
        int start = block ? lineEnd(source, i) + 1 : i + 1;
        int end = block ? blockEnd(source, start) : quotedEnd(source, start, '"') - 1;
        String text = unescape(source.substring(Math.min(start, end), end));
        if (current != null && source.substring(afterCurrent, i).strip().equals("+")) {
          current.append(text);
        } else {
          if (current != null) {
            literals.add(current.toString());
          }
          current = new StringBuilder(text);
        }
        i = block ? end + 3 : end + 1;
        afterCurrent = i;
      } else {
        i++;
      }
    }
    if (current != null) {
      literals.add(current.toString());
    }
    return literals;
  }

  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
  }

  private static int lineEnd(String source, int from) {
    int end = source.indexOf('\n', from);
    return end < 0 ? source.length() : end;
  }

  /** The index after the closing quote of a literal whose content starts at {@code from}. */
  private static int quotedEnd(String source, int from, char quote) {
    int i = from;
    while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, source.length());
  }

  /** The index of the closing {@code """} of a text block whose content starts at {@code from}. */
  private static int blockEnd(String source, int from) {
    int i = from;
    while (i < source.length() && !source.startsWith("\"\"\"", i)) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i, source.length());
  }

  private static String unescape(String text) {
    return text.replace("\\\n", "")
        .replace("\\n", "\n")
        .replace("\\t", "\t")
        .replace("\\s", " ")
        .replace("\\\"", "\"")
        .replace("\\'", "'")
        .replace("\\\\", "\\");
  }

  private static Set<String> migratedTables() {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      files
          .filter(file -> file.toString().endsWith(".sql"))
          .forEach(
              file -> {
                Matcher create = CREATE_TABLE.matcher(read(file));
                while (create.find()) {
                  tables.add(create.group(1).toLowerCase(java.util.Locale.ROOT));
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(tables).as("tables created by the migrations under " + MIGRATIONS).isNotEmpty();
    return tables;
  }

  private static List<Path> sources(String module) {
    try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
