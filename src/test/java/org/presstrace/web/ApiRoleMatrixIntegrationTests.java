package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.web.ApiAccessMatrix.Operation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API operation the OpenAPI document lists, called by every demo login and by an anonymous
 * caller on the demo world, answers with the status that {@code docs/api-access-matrix.md} records.
 * An operation without a row, a row without an operation and every differing cell fail the test;
 * the failure prints the whole table as the API answers today. The document is never rewritten: a
 * developer reads each changed cell before copying it.
 *
 * <p>Each call runs in a transaction that is rolled back, so every cell starts from the same demo
 * world: a write that succeeds for one caller changes nothing for the next. Two things live outside
 * that transaction: a red-flag evaluation commits on its own (the first list settles it before any
 * sample is chosen), and the in-memory resolution index keeps the subjects the matrix entered; the
 * subject row is the last write that reads that index, so no cell depends on them.
 */
@PressTraceIntegrationTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class ApiRoleMatrixIntegrationTests {

  static final Path DOC = Path.of("docs/api-access-matrix.md");
  static final String ANONYMOUS = "anonymous";
  static final String PURPOSE = "Access matrix check";

  /** The demo logins, one column each, in the order of {@code DemoWorld.LOGINS}. */
  static final List<String> LOGINS =
      List.of(
          "admin",
          "auditor",
          "dea.investigator",
          "dea.supervisor",
          "dea.analyst",
          "cbp.investigator",
          "mps.liaison",
          "acme.registrant",
          "tristate.dealer",
          "greenvalley.owner",
          "pto.supervisor");

  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  /** A demo record to put in a path variable: what it is and the query that finds it. */
  record Sample(String record, String sql) {}

  /**
   * The demo record each path variable names, keyed by the path up to and including the variable; a
   * variable not listed gets a random-looking UUID that names nothing. Keep in step with the table
   * of path variables in docs/api-access-matrix.md.
   */
  static final Map<String, Sample> SAMPLES =
      Map.ofEntries(
          Map.entry(
              "/taxii2/presstrace/collections/{id}",
              new Sample(
                  "the intel-reports collection, by alias",
                  "SELECT 'intel-reports' FROM agency WHERE code = 'DEA'")),
          Map.entry(
              "/api/v1/agencies/{code}",
              new Sample("the DEA agency", "SELECT code FROM agency WHERE code = 'DEA'")),
          Map.entry(
              "/api/v1/users/{username}",
              new Sample(
                  "the user dea.analyst",
                  "SELECT username FROM app_user WHERE username = 'dea.analyst'")),
          Map.entry(
              "/api/v1/compartments/{code}",
              new Sample(
                  "DEA's compartment OP-IRONPRESS",
                  "SELECT code FROM compartment WHERE code = 'OP-IRONPRESS'")),
          Map.entry(
              "/api/v1/intel-reports/{id}",
              new Sample(
                  "DEA's TLP:RED report in compartment OP-IRONPRESS",
                  "SELECT id FROM intel_report WHERE compartment = 'OP-IRONPRESS'")),
          Map.entry(
              "/api/v1/releases/{id}",
              new Sample(
                  "DEA's pending release of its AMBER precursor report to CBP",
                  "SELECT id FROM record_release WHERE owner_agency = 'DEA'"
                      + " AND target_agency = 'CBP' AND status = 'PENDING'"
                      + " AND kind = 'intel-report'")),
          Map.entry(
              "/api/v1/alerts/{id}",
              new Sample(
                  "the first alert DEA raised to itself from its own seizure, by title",
                  // Not a fact standing in for another agency's alert: which of those sorts first
                  // moves with the demo's seizures, which are drawn afresh for each day.
                  "SELECT id FROM alert WHERE owner_agency = 'DEA' AND recipient_agency = 'DEA'"
                      + " AND fact_of IS NULL ORDER BY title, raised_at, id"
                      + " FETCH FIRST 1 ROWS ONLY")),
          Map.entry("/api/v1/ledger/leaves/{index}", new Sample("the first leaf", "SELECT 0")),
          Map.entry(
              "/api/v1/registry/registrants/{id}",
              new Sample(
                  "Acme Tablet Machinery (ACME-TABLET)",
                  "SELECT id FROM registrant WHERE agency_code = 'ACME-TABLET'")),
          Map.entry(
              "/api/v1/registry/certificates/{id}",
              new Sample(
                  "Acme Tablet Machinery's current certificate",
                  "SELECT c.id FROM registration_certificate c JOIN registrant r"
                      + " ON r.id = c.registrant_id WHERE r.agency_code = 'ACME-TABLET'"
                      + " AND c.ended_as IS NULL")),
          Map.entry(
              "/api/v1/registry/machines/{id}",
              new Sample(
                  "the first press Acme Tablet still holds, by serial",
                  "SELECT m.id FROM machine m JOIN registrant r ON r.id = m.current_holder"
                      + " WHERE r.agency_code = 'ACME-TABLET' AND m.state = 'HELD'"
                      + " AND m.installed_in IS NULL ORDER BY m.serial_normalised"
                      + " FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/registry/transaction-reports/{id}",
              new Sample(
                  "the first import report filed, by importer and filing time",
                  "SELECT t.id FROM transaction_report t JOIN registrant r"
                      + " ON r.id = t.registrant_id ORDER BY r.legal_name, t.filed_at"
                      + " FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/registry/compliance/{id}",
              new Sample(
                  "the first open compliance item, by subject",
                  "SELECT id FROM compliance_item WHERE status = 'OPEN'"
                      + " ORDER BY kind, subject FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/resolution/subjects/{id}",
              new Sample(
                  "the first subject DEA holds, by label",
                  "SELECT id FROM resolution_entity WHERE owner_agency = 'DEA'"
                      + " AND compartment IS NULL ORDER BY label, case_reference"
                      + " FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/resolution/graph/subjects/{id}",
              new Sample(
                  "the first subject DEA holds, by label",
                  "SELECT id FROM resolution_entity WHERE owner_agency = 'DEA'"
                      + " AND compartment IS NULL ORDER BY label, case_reference"
                      + " FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/resolution/links/{id}",
              new Sample(
                  "the first link DEA recorded, by kind and time",
                  "SELECT id FROM resolution_link WHERE owner_agency = 'DEA'"
                      + " ORDER BY schema_name, created_at FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/resolution/operations/{id}",
              new Sample(
                  "the first operation DEA planned, by case reference",
                  "SELECT id FROM planned_operation WHERE owner_agency = 'DEA'"
                      + " ORDER BY case_reference, starts_at FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/resolution/alerts/{id}",
              new Sample(
                  "the first pointer alert sent to DEA, by case reference",
                  "SELECT id FROM pointer_alert WHERE recipient_agency = 'DEA'"
                      + " ORDER BY other_case_reference, own_reference FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/resolution/red-flags/{id}",
              new Sample(
                  "the first open red flag of DEA, by rule",
                  "SELECT id FROM red_flag WHERE owner_agency = 'DEA' AND status = 'OPEN'"
                      + " ORDER BY rule_code, focus FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/seizures/{id}",
              new Sample(
                  "the first TLP:AMBER seizure DEA reported and released to no one, by reference",
                  "SELECT id FROM seizure WHERE owner_agency = 'DEA' AND compartment IS NULL"
                      + " AND tlp = 'AMBER' AND id NOT IN (SELECT record_id FROM record_release)"
                      + " ORDER BY reference FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "releasable report",
              new Sample(
                  "DEA's TLP:AMBER NOFORN report on a seized die set, which DEA may release at home",
                  "SELECT id FROM intel_report WHERE owner_agency = 'DEA' AND tlp = 'AMBER'"
                      + " AND noforn = TRUE AND compartment IS NULL")),
          Map.entry(
              "certificate code",
              new Sample(
                  "the verification code of Acme Tablet Machinery's current certificate",
                  "SELECT c.code FROM registration_certificate c JOIN registrant r"
                      + " ON r.id = c.registrant_id WHERE r.agency_code = 'ACME-TABLET'"
                      + " AND c.ended_as IS NULL")),
          Map.entry(
              "second DEA subject",
              new Sample(
                  "the second subject DEA holds, by label",
                  "SELECT id FROM resolution_entity WHERE owner_agency = 'DEA'"
                      + " AND compartment IS NULL ORDER BY label, case_reference"
                      + " OFFSET 1 ROWS FETCH FIRST 1 ROWS ONLY")),
          Map.entry(
              "/api/v1/substances/{id}",
              new Sample("fentanyl", "SELECT id FROM substance WHERE LOWER(name) = 'fentanyl'")));

  /** Values for required query parameters, by name. */
  static final Map<String, String> QUERY =
      Map.of(
          "version", "1",
          "index", "0",
          "size", "1",
          "first", "1",
          "second", "2",
          "jurisdiction", "USA",
          "date", "2025-01-01");

  /**
   * Query strings that make a read meaningful (a search term, a record to start from); {@code
   * {name}} stands for the demo record {@link #SAMPLES} finds under that name.
   */
  static final Map<String, String> QUERIES =
      Map.of(
          "GET /api/v1/registry/trace", "serial=A173-5512",
          "GET /api/v1/registry/certificates/verify", "code={certificate code}",
          "GET /api/v1/seizures/parties", "q=an",
          "GET /api/v1/resolution/graph/subjects", "q=an",
          "GET /api/v1/resolution/graph/path",
              "from={/api/v1/resolution/subjects/{id}}&to={second DEA subject}",
          "GET /api/v1/resolution/graph/export",
              "ids={/api/v1/resolution/subjects/{id}},{second DEA subject}");

  /**
   * A body that is valid for the caller who may make the write; a JSON write not listed gets {@code
   * {}}, so the table records whether bad input reaches the handler (400) or the caller is refused
   * first (401, 403, 404).
   */
  static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry(
              "POST /api/v1/agencies",
              """
              {"code": "MATRIX", "name": "Matrix test agency", "kind": "STATE",
               "country": "USA"}"""),
          Map.entry(
              "PUT /api/v1/agencies/{code}/duty-contact",
              "{\"dutyContact\": \"DEA duty desk, matrix check\"}"),
          Map.entry(
              "POST /api/v1/agencies/{code}/users",
              """
              {"username": "dea.matrix", "displayName": "Matrix Tester",
               "roles": ["ANALYST"], "password": "a-long-enough-password-1"}"""),
          Map.entry(
              "POST /api/v1/compartments",
              """
              {"code": "OP-MATRIX", "name": "Matrix case team"}"""),
          Map.entry("POST /api/v1/compartments/{code}/members", "{\"username\": \"dea.analyst\"}"),
          Map.entry(
              "POST /api/v1/intel-reports",
              """
              {"title": "Matrix report", "summary": "Written by the access matrix check.",
               "marking": {"tlp": "GREEN"}}"""),
          Map.entry(
              "PUT /api/v1/intel-reports/{id}",
              """
              {"title": "Operation Iron Press: informant reporting",
               "summary": "Case team only. Updated by the access matrix check.",
               "marking": {"tlp": "RED", "cuiCategory": "INF", "noforn": true,
                           "compartment": "OP-IRONPRESS"}}"""),
          Map.entry(
              "POST /api/v1/releases",
              """
              {"kind": "intel-report", "recordId": "{releasable report}", "targetAgency": "TXDPS",
               "justification": "Texas DPS works the same forwarder"}"""),
          Map.entry("POST /api/v1/releases/{id}/approve", "{\"reason\": \"Agreed\"}"),
          Map.entry("POST /api/v1/releases/{id}/reject", "{\"reason\": \"Not now\"}"),
          Map.entry("POST /api/v1/releases/{id}/revoke", "{\"reason\": \"No longer needed\"}"),
          Map.entry(
              "POST /api/v1/registry/registrants/{id}/activate", "{\"reason\": \"Inspected\"}"),
          Map.entry(
              "POST /api/v1/registry/registrants/{id}/suspend", "{\"reason\": \"Inspection due\"}"),
          Map.entry(
              "POST /api/v1/registry/registrants/{id}/revoke", "{\"reason\": \"Site closed\"}"),
          Map.entry(
              "POST /api/v1/registry/registrants/{id}/renewal", "{\"reason\": \"Annual renewal\"}"),
          Map.entry(
              "POST /api/v1/registry/machines/{id}/relocations",
              "{\"occurredOn\": \"{today}\", \"details\": \"Moved to Plant 2\"}"),
          Map.entry(
              "POST /api/v1/registry/machines/{id}/loss-reports",
              "{\"kind\": \"LOST\", \"occurredOn\": \"{today}\", \"details\": \"Missing at stocktake\"}"),
          Map.entry("POST /api/v1/registry/machines/{id}/receipt", "{\"outcome\": \"CONFIRMED\"}"),
          Map.entry(
              "POST /api/v1/registry/machines/{id}/recoveries",
              "{\"occurredOn\": \"{today}\", \"details\": \"Found\"}"),
          Map.entry(
              "POST /api/v1/registry/machines/{id}/seizures",
              "{\"occurredOn\": \"{today}\", \"details\": \"Search warrant\"}"),
          Map.entry(
              "POST /api/v1/registry/machines/{id}/forfeitures",
              "{\"occurredOn\": \"{today}\", \"details\": \"Court order\"}"),
          Map.entry(
              "POST /api/v1/registry/machines/{id}/destructions",
              "{\"occurredOn\": \"{today}\", \"details\": \"Crushed\"}"),
          Map.entry(
              "POST /api/v1/registry/machines/{id}/tampering-reports",
              "{\"occurredOn\": \"{today}\", \"details\": \"Serial plate ground off\"}"),
          Map.entry(
              "POST /api/v1/registry/transaction-reports/{id}/withdrawal",
              "{\"reason\": \"Filed twice\"}"),
          Map.entry(
              "POST /api/v1/registry/compliance/{id}/assignment",
              "{\"assignee\": \"dea.investigator\"}"),
          Map.entry(
              "POST /api/v1/registry/compliance/{id}/resolution", "{\"note\": \"Report arrived\"}"),
          Map.entry(
              "POST /api/v1/resolution/subjects",
              """
              {"schema": "Person", "properties": {"name": ["Matrix Check Person {caller}"]},
               "caseReference": "MATRIX-1", "contact": "desk@example.gov",
               "marking": {"tlp": "AMBER", "cuiCategory": "LEI"}}"""),
          Map.entry(
              "POST /api/v1/resolution/operations",
              """
              {"caseReference": "MATRIX-OP", "contact": "desk@example.gov",
               "start": "2031-01-01T00:00:00Z", "end": "2031-01-01T06:00:00Z",
               "latitude": -77.85, "longitude": 166.67, "radiusMetres": 500,
               "marking": {"tlp": "AMBER", "cuiCategory": "LEI"}}"""),
          Map.entry("POST /api/v1/substances/screen", "{\"name\": \"fentanyl\"}"),
          Map.entry("POST /api/v1/resolution/red-flags/{id}/acknowledge", "{\"note\": \"Seen\"}"),
          Map.entry("POST /api/v1/resolution/red-flags/{id}/dismiss", "{\"note\": \"Explained\"}"));

  static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("presstrace-matrix-test");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry properties) {
    properties.add("presstrace.demo.enabled", () -> "true");
    properties.add("presstrace.data-dir", DATA::toString);
  }

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void everyApiOperationAnswersEveryDemoCallerAsTheAccessMatrixDocumentSays() throws Exception {
    ApiAccessMatrix expected = ApiAccessMatrix.parse(Files.readString(DOC));
    Properties passwords = passwords();
    assertThat(passwords.stringPropertyNames())
        .as("every demo login has a column in " + DOC)
        .containsExactlyInAnyOrderElementsOf(LOGINS);
    assertThat(expected.callers()).as("the columns of " + DOC).containsExactlyElementsOf(callers());

    // red flags are evaluated when first asked for: settle them before choosing a sample
    call(new Operation("GET", "/api/v1/resolution/red-flags"), "dea.analyst", passwords, false);
    SAMPLES.keySet().forEach(this::sample);
    JsonNode api = apiDocument();
    List<Operation> documented = operations(api);
    var actual = new ApiAccessMatrix(callers());
    long written = writtenRecords();
    var rollback = new TransactionTemplate(transactions);
    for (boolean reads : List.of(true, false)) {
      for (Operation operation : documented) {
        if (operation.isRead() != reads) {
          continue;
        }
        for (String caller : callers()) {
          Integer status =
              rollback.execute(
                  transaction -> {
                    transaction.setRollbackOnly();
                    return call(operation, caller, passwords, hasBody(api, operation));
                  });
          actual.put(operation, caller, status);
        }
      }
    }

    assertThat(writtenRecords()).as("records after every write was rolled back").isEqualTo(written);

    var problems = new StringBuilder();
    list(
        problems,
        "Operations in the OpenAPI document without a row in " + DOC + " (add one):",
        expected.missingRows(documented).stream().map(Operation::toString).toList());
    list(
        problems,
        "Rows in " + DOC + " for operations the OpenAPI document no longer lists (remove them):",
        expected.staleRows(documented).stream().map(Operation::toString).toList());
    list(problems, "Cells that differ:", expected.differences(actual));
    if (!problems.isEmpty()) {
      throw new AssertionError(
          problems
              + "\nThe whole table as the API answers today; read every changed cell as an"
              + " attacker would before copying it into "
              + DOC
              + ":\n\n"
              + actual.toMarkdown());
    }
  }

  /** How many records the writes of the matrix create when they succeed. */
  private long writtenRecords() {
    return jdbc.sql(
            "SELECT (SELECT COUNT(*) FROM intel_report) + (SELECT COUNT(*) FROM record_release)"
                + " + (SELECT COUNT(*) FROM agency) + (SELECT COUNT(*) FROM resolution_entity)"
                + " + (SELECT COUNT(*) FROM custody_event)")
        .query(Long.class)
        .single();
  }

  private static void list(StringBuilder problems, String title, List<String> items) {
    if (!items.isEmpty()) {
      problems.append(title).append('\n');
      items.forEach(item -> problems.append("  ").append(item).append('\n'));
    }
  }

  static List<String> callers() {
    var callers = new ArrayList<String>();
    callers.add(ANONYMOUS);
    callers.addAll(LOGINS);
    return callers;
  }

  private int call(Operation operation, String caller, Properties passwords, boolean body) {
    try {
      AbstractMockHttpServletRequestBuilder<?> request = requestFor(operation, caller, body);
      request.header("PressTrace-Purpose", PURPOSE);
      if (!caller.equals(ANONYMOUS)) {
        request.with(httpBasic(caller, passwords.getProperty(caller)));
      }
      return mvc.perform(request).andReturn().getResponse().getStatus();
    } catch (Exception e) {
      throw new IllegalStateException(operation + " as " + caller + " failed to run", e);
    }
  }

  private AbstractMockHttpServletRequestBuilder<?> requestFor(
      Operation operation, String caller, boolean body) {
    String uri = uri(operation, caller);
    String key = operation.toString();
    if (key.equals("POST /api/v1/seizures/import")) {
      return multipart(uri)
          .file(new MockMultipartFile("file", "seizures.csv", "text/csv", new byte[0]));
    }
    if (key.equals("POST /api/v1/registry/imports")) {
      return request(HttpMethod.POST, uri).contentType("text/csv").content("");
    }
    var request = request(HttpMethod.valueOf(operation.method()), uri);
    if (body || BODIES.containsKey(key)) {
      request
          .contentType(MediaType.APPLICATION_JSON)
          .content(placeholders(BODIES.getOrDefault(key, "{}"), caller));
    }
    return request;
  }

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{([a-zA-Z/][^{}]*(?:\\{[a-z]+})?)}");

  /**
   * Fills {@code {today}}, {@code {caller}} and {@code {name}} (a demo record of {@link #SAMPLES})
   * in a body or query string.
   */
  private String placeholders(String text, String caller) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    var filled = new StringBuilder();
    while (placeholder.find()) {
      String name = placeholder.group(1);
      String value =
          switch (name) {
            case "today" -> java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            case "caller" -> caller;
            default -> {
              if (!SAMPLES.containsKey(name)) {
                throw new IllegalStateException("no sample named " + name);
              }
              yield sample(name);
            }
          };
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return placeholder.appendTail(filled).toString();
  }

  private String uri(Operation operation, String caller) {
    Matcher variable = VARIABLE.matcher(operation.path());
    var uri = new StringBuilder();
    while (variable.find()) {
      String upTo = operation.path().substring(0, variable.end());
      variable.appendReplacement(uri, Matcher.quoteReplacement(sample(upTo)));
    }
    variable.appendTail(uri);
    return uri + query(operation, caller);
  }

  private final Map<String, String> resolved = new java.util.HashMap<>();

  /** The demo record for the path up to a variable, or a UUID that names nothing. */
  private String sample(String upTo) {
    return resolved.computeIfAbsent(
        upTo,
        key -> {
          Sample sample = SAMPLES.get(key);
          if (sample == null) {
            return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
          }
          List<String> found = jdbc.sql(sample.sql()).query(String.class).list();
          if (found.size() != 1) {
            throw new IllegalStateException(
                "the demo world has " + found.size() + " of " + sample.record() + " for " + key);
          }
          return found.get(0);
        });
  }

  private final Map<Operation, String> queries = new java.util.HashMap<>();

  private String query(Operation operation, String caller) {
    String required = queries.getOrDefault(operation, "");
    String extra = QUERIES.get(operation.toString());
    if (extra == null) {
      return required;
    }
    return (required.isEmpty() ? "?" : required + "&") + placeholders(extra, caller);
  }

  private boolean hasBody(JsonNode api, Operation operation) {
    return api.path("paths")
        .path(operation.path())
        .path(operation.method().toLowerCase(Locale.ROOT))
        .has("requestBody");
  }

  /** Every path and method of the API, with the query string its required parameters need. */
  private List<Operation> operations(JsonNode api) {
    var operations = new LinkedHashSet<Operation>();
    for (var path : api.path("paths").properties()) {
      for (String method : METHODS) {
        JsonNode node = path.getValue().path(method);
        if (node.isMissingNode()) {
          continue;
        }
        var operation = new Operation(method.toUpperCase(Locale.ROOT), path.getKey());
        operations.add(operation);
        var query = new StringBuilder();
        for (JsonNode parameter : node.path("parameters")) {
          if (parameter.path("in").asString().equals("query")
              && parameter.path("required").asBoolean()) {
            String name = parameter.path("name").asString();
            assertThat(QUERY)
                .as("a value for the required query parameter " + name)
                .containsKey(name);
            query
                .append(query.isEmpty() ? '?' : '&')
                .append(name)
                .append('=')
                .append(QUERY.get(name));
          }
        }
        queries.put(operation, query.toString());
      }
    }
    return new ArrayList<>(new java.util.TreeSet<>(operations));
  }

  private JsonNode apiDocument() throws Exception {
    return json.readTree(
        mvc.perform(get("/v3/api-docs").with(user("matrix")))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static Properties passwords() throws IOException {
    var logins = new Properties();
    try (Reader in = Files.newBufferedReader(DATA.resolve("demo-logins.properties"))) {
      logins.load(in);
    }
    return logins;
  }
}
