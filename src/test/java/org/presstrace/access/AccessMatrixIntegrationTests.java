package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documented rule table holds through every API read path: for every role (each with and
 * without compartment membership) and every record of a matrix of owners, TLP levels, CUI and
 * dissemination controls, compartments and releases, the single read, list, search, count,
 * aggregate and export agree with the table, and every read leaves exactly one audit entry with its
 * purpose.
 */
@PressTraceIntegrationTest
@TestPropertySource(properties = "presstrace.test.isolation=access-matrix")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

  static final String PURPOSE = "Matrix check 2026-0001";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  private final PolicyTable table = PolicyTable.fromDocs();
  private World world;
  private String token;
  private final List<String> agencies = new ArrayList<>();
  private final Map<String, Marking> records = new LinkedHashMap<>();
  private final Map<String, Set<String>> releasedTo = new HashMap<>();
  private final List<String> readers = new ArrayList<>();

  @BeforeAll
  void buildTheMatrix() {
    world = new World(directory);
    token = "matrix" + world.suffix().toLowerCase(java.util.Locale.ROOT);
    String own = world.agency("OWN", AgencyKind.FEDERAL, "USA");
    String other = world.agency("OTHER", AgencyKind.STATE, "USA");
    String registrant = world.agency("REG", AgencyKind.REGISTRANT, "USA");
    String partner = world.agency("PARTNER", AgencyKind.FOREIGN_PARTNER, "CHN");
    agencies.addAll(List.of(own, other, registrant, partner));
    // OWN holds custody of what PARTNER sends (rule 14): every read path must admit exactly that.
    jdbc.sql("UPDATE agency SET custodian_agency = :own WHERE code = :partner")
        .param("own", own)
        .param("partner", partner)
        .update();
    String compartment = "CT-" + world.suffix();
    directory.ensureCompartment(compartment, "Matrix case team", own);

    for (Role role : Role.values()) {
      String agency =
          switch (role) {
            case REGISTRANT -> registrant;
            case FOREIGN_LIAISON -> partner;
            default -> own;
          };
      for (boolean member : new boolean[] {false, true}) {
        String username = world.user(role.slug() + (member ? "-in" : "-out"), agency, role);
        if (member) {
          directory.ensureMember(compartment, username);
        }
        readers.add(username);
      }
    }

    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
    int n = 0;
    for (String owner : agencies) {
      for (Marking template : AccessPolicyMatrixTests.markings(owner)) {
        Marking marking =
            template.compartment() == null
                ? template
                : new Marking(
                    owner,
                    template.tlp(),
                    template.cuiCategory(),
                    template.noforn(),
                    template.relTo(),
                    compartment);
        for (boolean released : new boolean[] {false, true}) {
          String id = UUID.randomUUID().toString();
          jdbc.sql(
                  """
                  INSERT INTO intel_report (id, title, summary, owner_agency, tlp, cui_category, noforn,
                      rel_to, compartment, created_by, created_at, updated_at, version)
                  VALUES (:id, :title, 'matrix fixture', :owner, :tlp, :cui, :noforn, :relTo,
                      :compartment, 'fixture', :at, :at, 1)
                  """)
              .param("id", id)
              .param("title", token + " record " + n++)
              .param("owner", owner)
              .param("tlp", marking.tlp().label())
              .param("cui", marking.cuiCategory())
              .param("noforn", marking.noforn())
              .param("relTo", marking.relToColumn())
              .param("compartment", marking.compartment())
              .param("at", at)
              .update();
          records.put(id, marking);
          var targets = new HashSet<String>();
          if (released) {
            // Fixture releases bypass the workflow on purpose: the read rules must hold even
            // for a release the workflow would have refused.
            for (String target : agencies) {
              if (!target.equals(owner)) {
                jdbc.sql(
                        """
                        INSERT INTO record_release (id, kind, record_id, owner_agency, target_agency,
                            justification, status, requested_by, requested_at, decided_by, decided_at,
                            decision_reason)
                        VALUES (:id, 'intel-report', :record, :owner, :target, 'matrix', 'APPROVED',
                            'fixture', :at, 'fixture2', :at, 'matrix')
                        """)
                    .param("id", UUID.randomUUID().toString())
                    .param("record", id)
                    .param("owner", owner)
                    .param("target", target)
                    .param("at", at)
                    .update();
                targets.add(target);
              }
            }
          }
          releasedTo.put(id, targets);
        }
      }
    }
  }

  private Set<String> expectedFor(Caller caller) {
    var visible = new HashSet<String>();
    records.forEach(
        (id, marking) -> {
          boolean released = releasedTo.get(id).contains(caller.agency());
          if (table.decide(caller, marking, released).allow()) {
            visible.add(id);
          }
        });
    return visible;
  }

  @Test
  void everyReadPathAgreesWithTheDocumentedTable() throws Exception {
    assertThat(records).hasSize(4 * 50 * 2);
    int checkedReads = 0;
    for (String username : readers) {
      Caller caller = directory.caller(username).orElseThrow();
      Set<String> expected = expectedFor(caller);

      var oneEntryEach = new LinkedHashMap<String, List<String>>();
      for (String id : records.keySet()) {
        String requestId = "req-" + UUID.randomUUID();
        MvcResult result = read(username, "/api/v1/intel-reports/" + id, requestId);
        int status = result.getResponse().getStatus();
        assertThat(status)
            .as(
                "%s reading %s (released to %s)",
                username, records.get(id).banner(), releasedTo.get(id))
            .isEqualTo(expected.contains(id) ? 200 : 404);
        oneEntryEach.put(requestId, List.of(PURPOSE));
        checkedReads++;
      }
      assertThat(auditEntries(oneEntryEach.keySet()))
          .as("one audit entry with its purpose for each of %s's reads", username)
          .isEqualTo(oneEntryEach);

      assertThat(listed(username, "/api/v1/intel-reports?size=200"))
          .as("list for %s", username)
          .isEqualTo(expected);
      assertThat(listed(username, "/api/v1/intel-reports?size=200&q=" + token))
          .as("search for %s", username)
          .isEqualTo(expected);
      assertThat(count(username, "/api/v1/intel-reports/count"))
          .as("count for %s", username)
          .isEqualTo(expected.size());
      assertThat(count(username, "/api/v1/intel-reports/count?q=" + token))
          .isEqualTo(expected.size());
      assertThat(exported(username)).as("export for %s", username).isEqualTo(expected);
      assertThat(byTlp(username))
          .as("aggregate for %s", username)
          .isEqualTo(expectedByTlp(expected));
    }
    assertThat(checkedReads).isEqualTo(readers.size() * records.size());
  }

  @Test
  void historyIsReadableExactlyWhenTheRecordIs() throws Exception {
    for (String username : List.of(readers.get(2), readers.get(9), readers.get(11))) {
      Caller caller = directory.caller(username).orElseThrow();
      Set<String> expected = expectedFor(caller);
      for (String id : records.keySet()) {
        int status =
            read(username, "/api/v1/intel-reports/" + id + "/history", "h-" + UUID.randomUUID())
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(expected.contains(id) ? 200 : 404);
      }
    }
  }

  @Test
  void hiddenAndAbsentRecordsLookTheSame() throws Exception {
    String liaison = readers.get(9);
    Caller caller = directory.caller(liaison).orElseThrow();
    String hidden =
        records.keySet().stream()
            .filter(id -> !expectedFor(caller).contains(id))
            .findFirst()
            .orElseThrow();
    String absent = UUID.randomUUID().toString();
    MvcResult hiddenResult =
        read(liaison, "/api/v1/intel-reports/" + hidden, "x-" + UUID.randomUUID());
    MvcResult absentResult =
        read(liaison, "/api/v1/intel-reports/" + absent, "y-" + UUID.randomUUID());
    assertThat(hiddenResult.getResponse().getStatus())
        .isEqualTo(absentResult.getResponse().getStatus())
        .isEqualTo(404);
    assertThat(hiddenResult.getResponse().getContentAsString().replace(hidden, "ID"))
        .isEqualTo(absentResult.getResponse().getContentAsString().replace(absent, "ID"));
    assertThat(hiddenResult.getResponse().getHeaderNames())
        .isEqualTo(absentResult.getResponse().getHeaderNames());
  }

  private MvcResult read(String username, String path, String requestId) throws Exception {
    return mvc.perform(
            get(path)
                .with(httpBasic(username, World.PASSWORD))
                .header("PressTrace-Purpose", PURPOSE)
                .header("X-Request-Id", requestId))
        .andReturn();
  }

  /**
   * The purposes of the audit entries of each request, read in one statement per reader: the trail
   * has no index by request id, and a lookup per read would scan it thousands of times.
   */
  private Map<String, List<String>> auditEntries(Set<String> requestIds) {
    var entries = new LinkedHashMap<String, List<String>>();
    requestIds.forEach(id -> entries.put(id, new ArrayList<>()));
    jdbc.sql("SELECT request_id, purpose FROM audit_event WHERE request_id IN (:ids)")
        .param("ids", List.copyOf(requestIds))
        .query(
            (java.sql.ResultSet rs) -> {
              entries.get(rs.getString("request_id")).add(rs.getString("purpose"));
            });
    return entries;
  }

  private Set<String> listed(String username, String path) throws Exception {
    var ids = new HashSet<String>();
    int page = 0;
    while (true) {
      JsonNode body = body(read(username, path + "&page=" + page, "l-" + UUID.randomUUID()));
      body.get("items").forEach(item -> ids.add(item.get("id").asString()));
      if (page + 1 >= body.get("totalItems").asLong() / 200.0) {
        return ids;
      }
      page++;
    }
  }

  private long count(String username, String path) throws Exception {
    return body(read(username, path, "c-" + UUID.randomUUID())).get("count").asLong();
  }

  private Set<String> exported(String username) throws Exception {
    String csv =
        read(username, "/api/v1/intel-reports/export", "e-" + UUID.randomUUID())
            .getResponse()
            .getContentAsString();
    var ids = new HashSet<String>();
    assertThat(csv.lines().findFirst().orElseThrow()).as("the banner line").startsWith("# ");
    csv.lines().skip(2).forEach(line -> ids.add(line.substring(0, line.indexOf(','))));
    return ids;
  }

  private Map<String, Long> byTlp(String username) throws Exception {
    JsonNode body =
        body(read(username, "/api/v1/intel-reports/stats/by-tlp", "a-" + UUID.randomUUID()));
    var counts = new TreeMap<String, Long>();
    body.properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
    return counts;
  }

  private Map<String, Long> expectedByTlp(Set<String> ids) {
    var counts = new TreeMap<String, Long>();
    ids.forEach(id -> counts.merge(records.get(id).tlp().label(), 1L, Long::sum));
    return counts;
  }

  private JsonNode body(MvcResult result) throws Exception {
    assertThat(result.getResponse().getStatus())
        .as(result.getResponse().getContentAsString())
        .isEqualTo(200);
    return json.readTree(result.getResponse().getContentAsString());
  }
}
