package org.presstrace.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.presstrace.casework.OperationDraft;
import org.presstrace.casework.Operations;
import org.presstrace.casework.SubjectDraft;
import org.presstrace.casework.Subjects;
import org.presstrace.redflags.RedFlagRule;
import org.presstrace.redflags.RedFlags;
import org.presstrace.registry.NewRegistrant;
import org.presstrace.registry.RegistrantCategory;
import org.presstrace.registry.Registry;
import org.presstrace.resolution.Schema;
import org.presstrace.seizures.SeizureDraft;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every read path of the API is either proven to go through the policy (a hidden record never
 * shows, a visible one does, and the read is audited) or listed as carrying no protected content,
 * with the reason. A new GET endpoint that is neither fails this test: later modules cannot forget.
 */
@PressTraceIntegrationTest
class ReadPathCoverageIntegrationTests {

  /** Read paths over intelligence reports, and the request that probes each. */
  static final Map<String, String> GUARDED_INTEL =
      Map.of(
          "/api/v1/intel-reports", "/api/v1/intel-reports?size=200",
          "/api/v1/intel-reports/{id}", "/api/v1/intel-reports/{id}",
          "/api/v1/intel-reports/{id}/history", "/api/v1/intel-reports/{id}/history",
          "/api/v1/intel-reports/count", "/api/v1/intel-reports/count?q={token}",
          "/api/v1/intel-reports/stats/by-tlp", "/api/v1/intel-reports/stats/by-tlp?q={token}",
          "/api/v1/intel-reports/export", "/api/v1/intel-reports/export?q={token}");

  /** Read paths over registered equipment, and the request that probes each. */
  static final Map<String, String> GUARDED_REGISTRY =
      Map.of(
          "/api/v1/registry/machines", "/api/v1/registry/machines?size=200",
          "/api/v1/registry/machines/{id}", "/api/v1/registry/machines/{id}",
          "/api/v1/registry/machines/{id}/custody", "/api/v1/registry/machines/{id}/custody",
          "/api/v1/registry/trace", "/api/v1/registry/trace?pattern={token}*");

  /** Read paths over import and export transaction reports, and the request that probes each. */
  static final Map<String, String> GUARDED_TRANSACTION_REPORTS =
      Map.of(
          "/api/v1/registry/transaction-reports",
          "/api/v1/registry/transaction-reports?size=200",
          "/api/v1/registry/transaction-reports/{id}",
          "/api/v1/registry/transaction-reports/{id}");

  /** Read paths over seizures, their parties and alerts, and the request that probes each. */
  static final Map<String, String> GUARDED_SEIZURES =
      Map.of(
          "/api/v1/seizures", "/api/v1/seizures?q={token}&size=200",
          "/api/v1/seizures/{id}", "/api/v1/seizures/{id}",
          "/api/v1/seizures/parties", "/api/v1/seizures/parties?q={token}",
          "/api/v1/seizures/export", "/api/v1/seizures/export?q={token}",
          "/api/v1/seizures/analytics/series", "/api/v1/seizures/analytics/series?region=VT",
          "/api/v1/seizures/analytics/series.csv",
              "/api/v1/seizures/analytics/series.csv?region=VT",
          "/api/v1/seizures/analytics/last-months",
              "/api/v1/seizures/analytics/last-months?months=2&region=VT",
          "/api/v1/alerts", "/api/v1/alerts?size=200",
          "/api/v1/alerts/count", "/api/v1/alerts/count",
          "/api/v1/alerts/{id}", "/api/v1/alerts/{alert}");

  /** Read paths over stored manifest screenings and their alerts, and the probing request. */
  static final Map<String, String> GUARDED_SCREENINGS =
      Map.of(
          "/api/v1/substances/screenings", "/api/v1/substances/screenings?mine=false&size=200",
          "/api/v1/substances/screenings/{id}", "/api/v1/substances/screenings/{id}",
          "/api/v1/substances/alerts", "/api/v1/substances/alerts?size=200");

  /** Read paths over case subjects and planned operations, and the request that probes each. */
  static final Map<String, String> GUARDED_RESOLUTION =
      Map.of(
          "/api/v1/resolution/subjects", "/api/v1/resolution/subjects?size=200",
          "/api/v1/resolution/subjects/{id}", "/api/v1/resolution/subjects/{subject}",
          "/api/v1/resolution/subjects/{id}/judgements",
              "/api/v1/resolution/subjects/{subject}/judgements",
          "/api/v1/resolution/subjects/{id}/matches",
              "/api/v1/resolution/subjects/{subject}/matches",
          "/api/v1/resolution/review", "/api/v1/resolution/review",
          "/api/v1/resolution/review/suggestions", "/api/v1/resolution/review/suggestions",
          "/api/v1/resolution/review/shares", "/api/v1/resolution/review/shares",
          "/api/v1/resolution/operations", "/api/v1/resolution/operations?size=200",
          "/api/v1/resolution/operations/{id}", "/api/v1/resolution/operations/{operation}");

  /** Link analysis: {mine} is a subject of the reader's own agency, to find paths to. */
  static final Map<String, String> GUARDED_GRAPH =
      Map.of(
          "/api/v1/resolution/graph/subjects", "/api/v1/resolution/graph/subjects?q=person",
          "/api/v1/resolution/graph/subjects/{id}/neighbours",
              "/api/v1/resolution/graph/subjects/{subject}/neighbours",
          "/api/v1/resolution/graph/subjects/{id}/hops",
              "/api/v1/resolution/graph/subjects/{subject}/hops?k=3",
          "/api/v1/resolution/graph/path", "/api/v1/resolution/graph/path?from={mine}&to={subject}",
          "/api/v1/resolution/graph/export",
              "/api/v1/resolution/graph/export?ids={mine},{subject}&format=ftm");

  /** Read paths over links, and the request that probes each. */
  static final Map<String, String> GUARDED_LINKS =
      Map.of(
          "/api/v1/resolution/links", "/api/v1/resolution/links?size=200",
          "/api/v1/resolution/links/{id}", "/api/v1/resolution/links/{link}");

  /** Read paths over red flags, and the request that probes each. */
  static final Map<String, String> GUARDED_RED_FLAGS =
      Map.of(
          "/api/v1/resolution/red-flags", "/api/v1/resolution/red-flags?size=200",
          "/api/v1/resolution/red-flags/{id}", "/api/v1/resolution/red-flags/{flag}");

  static final Set<String> GUARDED = guarded();

  private static Set<String> guarded() {
    var all = new TreeSet<String>(GUARDED_INTEL.keySet());
    all.addAll(GUARDED_REGISTRY.keySet());
    all.addAll(GUARDED_TRANSACTION_REPORTS.keySet());
    all.addAll(GUARDED_SCREENINGS.keySet());
    all.addAll(GUARDED_SEIZURES.keySet());
    all.addAll(GUARDED_RESOLUTION.keySet());
    all.addAll(GUARDED_GRAPH.keySet());
    all.addAll(GUARDED_LINKS.keySet());
    all.addAll(GUARDED_RED_FLAGS.keySet());
    return all;
  }

  /** Read paths that carry no protected record content, and why. */
  static final Map<String, String> UNPROTECTED =
      Map.ofEntries(
          Map.entry("/api/v1/agencies", "the agency directory is public to every signed-in user"),
          Map.entry(
              "/api/v1/tokens",
              "the caller's own API tokens (name, roles, expiry, last use; never the secret), or a"
                  + " user's of the administrator's agency (ApiTokens.list)"),
          Map.entry(
              "/api/v1/agencies/{code}/users",
              "administrators of that agency only (Directory.users)"),
          Map.entry(
              "/api/v1/releases",
              "release metadata, filtered to the caller's own (Releases.inbox)"),
          Map.entry(
              "/api/v1/releases/{id}",
              "release metadata, filtered to the caller's own (Releases.visible)"),
          Map.entry(
              "/api/v1/marking-changes",
              "marking change metadata (markings, justification), filtered to the caller's own and"
                  + " to supervisors of the owning agency who may read the record"
                  + " (MarkingChanges.inbox)"),
          Map.entry(
              "/api/v1/marking-changes/{id}",
              "marking change metadata, filtered as the inbox (MarkingChanges.visible)"),
          Map.entry(
              "/api/v1/grants",
              "grant metadata (who, which role or compartment), filtered to the grants the"
                  + " caller deals with (Grants.inbox)"),
          Map.entry(
              "/api/v1/grants/{id}",
              "grant metadata, filtered to the grants the caller deals with (Grants.visible)"),
          Map.entry("/api/v1/audit", "auditors only (AuditTrail.search)"),
          Map.entry("/api/v1/audit/export", "auditors only (AuditTrail.export)"),
          Map.entry("/api/v1/ledger/head", "a signed tree head: a size, a root hash, a time"),
          Map.entry("/api/v1/ledger/key", "the public key that signs tree heads"),
          Map.entry(
              "/api/v1/ledger/proofs/inclusion",
              "hashes only; leaf content needs the auditor role"),
          Map.entry("/api/v1/ledger/proofs/consistency", "hashes only"),
          Map.entry("/api/v1/ledger/leaves/{index}", "auditors only (LedgerApi.leaf), audited"),
          Map.entry(
              "/api/v1/registry/registrants",
              "registration status is open to signed-in users so sellers check buyers; no contact"),
          Map.entry(
              "/api/v1/registry/registrants/{id}",
              "registration status is open to signed-in users so sellers check buyers; no contact"),
          Map.entry(
              "/api/v1/registry/registrants/{id}/history",
              "registration status history, open to signed-in users like the status itself"),
          Map.entry(
              "/api/v1/registry/registrants/{id}/certificates",
              "its registrant, registry staff and domestic investigators only"
                  + " (Certificates.ofRegistrant); registration details, no equipment"),
          Map.entry(
              "/api/v1/registry/certificates/{id}/pdf",
              "its registrant, registry staff and domestic investigators only (Certificates.pdf),"
                  + " audited"),
          Map.entry(
              "/api/v1/registry/certificates/verify",
              "a code check open to signed-in users: valid or not, for whom, until when;"
                  + " audited (Certificates.verify)"),
          Map.entry(
              "/api/v1/registry/imports/jobs/{id}",
              "the caller's own import job: progress and the result of their own file; another"
                  + " user gets 404 (ImportJobs.find; RegistryImportJobsIntegrationTests)"),
          Map.entry(
              "/api/v1/registry/compliance",
              "domestic investigators, analysts and supervisors only (ComplianceQueue.list),"
                  + " audited; summaries name no equipment content"),
          Map.entry(
              "/api/v1/resolution/alerts",
              "the caller's agency's own pointer alerts, read through GuardedReads with the"
                  + " marking of the recipient's own record (PointerAlerts.mine), audited; an alert"
                  + " names only the other agency and its case and contact, or its duty contact"),
          Map.entry("/api/v1/substances", "reference data, not a protected record"),
          Map.entry("/api/v1/substances/{id}", "reference data, not a protected record"),
          Map.entry(
              "/api/v1/seizures/dose-settings",
              "configuration: the dose threshold and default purities, no record content"),
          Map.entry("/api/v1/substances/controlled", "reference data, not a protected record"),
          Map.entry(
              "/api/v1/substances/designations",
              "applied designations: public announcements, reference data"),
          Map.entry(
              "/api/v1/substances/designations/{id}",
              "applied designations: public announcements, reference data"),
          Map.entry(
              "/api/v1/exchange/identity",
              "this instance's public pairing text (id, country, authority, base URL, public key);"
                  + " administrators only"),
          Map.entry(
              "/api/v1/exchange/partners",
              "the partner directory: configuration and outbox counts, no record content;"
                  + " administrators only"),
          Map.entry(
              "/api/v1/exchange/partners/{id}",
              "one partner's configuration and outbox counts, no record content; administrators"
                  + " only"),
          Map.entry(
              "/api/v1/exchange/taxii-feeds",
              "the agency's TAXII feed configuration, no record content and never a credential;"
                  + " administrators only (TaxiiFeedsApiIntegrationTests)"),
          Map.entry(
              "/api/v1/exchange/taxii-feeds/{id}",
              "one TAXII feed's configuration and state, never a credential; administrators of"
                  + " its agency only (TaxiiFeedsApiIntegrationTests)"),
          Map.entry(
              "/api/v1/exchange/notices",
              "pre-export notices read under their markings through the access policy's filter"
                  + " (Notices.list), audited; investigators, analysts and supervisors only"),
          Map.entry(
              "/api/v1/exchange/notices/{id}",
              "one notice under its marking (Notices.get), audited; investigators, analysts and"
                  + " supervisors only"),
          Map.entry(
              "/api/v1/exchange/incidents",
              "incidents received from partners, read under their markings through the access"
                  + " policy's filter, audited; a reader outside the marking is not shown them"
                  + " (IncidentPagesIntegrationTests, IncidentTwoInstanceTests)"),
          Map.entry(
              "/api/v1/exchange/incidents/{id}",
              "one received incident under its marking, audited; a reader outside it gets 404"
                  + " (IncidentPagesIntegrationTests)"),
          Map.entry(
              "/api/v1/exchange/quarantine",
              "quarantined partner messages: partner, id, sequence, type, marking banner, size,"
                  + " headers and error, never the body; administrators only"
                  + " (PartnerCustodyTwoInstanceTests)"),
          Map.entry(
              "/api/v1/exchange/notices/{id}/incb",
              "the INCB copy of a notice the caller may read (Notices.incbCopy), audited"));

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired JdbcClient jdbc;
  @Autowired Registry registry;
  @Autowired org.presstrace.substances.Designations designations;
  @Autowired org.presstrace.seizures.Seizures seizures;
  @Autowired org.presstrace.seizures.Alerts alerts;
  @Autowired Derivations derivations;
  @Autowired Subjects subjects;
  @Autowired RedFlags redFlags;
  @Autowired Operations operations;
  @Autowired org.presstrace.casework.Links links;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApiReadPathIsGuardedOrDeclaredUnprotected() {
    var reads = new TreeSet<String>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
              if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/"))
                    .forEach(reads::add);
              }
            });
    var unclassified = new TreeSet<>(reads);
    unclassified.removeAll(GUARDED);
    unclassified.removeAll(UNPROTECTED.keySet());
    assertThat(unclassified)
        .as("API read paths neither guarded nor declared unprotected")
        .isEmpty();
    assertThat(reads).containsAll(GUARDED);
  }

  @Test
  void everyGuardedPathHidesWhatThePolicyHidesAndAuditsTheRead() throws Exception {
    var world = new World(directory);
    String token = "coverage" + world.suffix().toLowerCase(java.util.Locale.ROOT);
    String mine = world.agency("MINE", AgencyKind.FEDERAL, "USA");
    String theirs = world.agency("THEIRS", AgencyKind.FEDERAL, "USA");
    String reader = world.user("reader", mine, Role.ANALYST);
    String author = world.user("author", theirs, Role.INVESTIGATOR);
    String visible = file(author, token + " visible green", "GREEN");
    String hidden = file(author, token + " hidden amber", "AMBER");

    for (Map.Entry<String, String> path : GUARDED_INTEL.entrySet()) {
      boolean single = path.getKey().contains("{id}");
      for (String id : single ? new String[] {visible, hidden} : new String[] {null}) {
        String url =
            path.getValue().replace("{token}", token).replace("{id}", id == null ? "" : id);
        Probe probe = probe(reader, url);
        String body = probe.body();
        assertThat(body).as(url).doesNotContain(token + " hidden").doesNotContain("AMBER");
        if (single) {
          assertThat(probe.status()).as(url).isEqualTo(id.equals(visible) ? 200 : 404);
        } else {
          assertThat(probe.status()).as(url).isEqualTo(200);
          if (!url.contains("/count") && !url.contains("/stats/")) {
            assertThat(body).as(url).contains(visible).doesNotContain(hidden);
          } else {
            assertThat(body).as(url).contains("1").doesNotContain("2");
          }
        }
        assertThat(probe.purposes())
            .as("audit entries for %s", url)
            .containsExactly("Coverage check");
      }
    }
  }

  @Test
  void everyResolutionPathHidesAnotherAgencysSubjectsAndOperations() throws Exception {
    var world = new World(directory);
    String mine = world.agency("MINE", AgencyKind.FEDERAL, "USA");
    String theirs = world.agency("THEIRS", AgencyKind.FEDERAL, "USA");
    String reader = world.user("reader", mine, Role.ANALYST);
    AccessContext author = world.as(world.user("author", theirs, Role.INVESTIGATOR), Channel.API);
    Map<String, String[]> ids = new HashMap<>();
    ids.put("subject", new String[] {subject(author, "GREEN"), subject(author, "AMBER")});
    ids.put("operation", new String[] {operation(author, "GREEN"), operation(author, "AMBER")});
    String mineId = subject(world.as(reader, Channel.API), "GREEN");
    var paths = new HashMap<String, String>(GUARDED_RESOLUTION);
    paths.putAll(GUARDED_GRAPH);

    for (Map.Entry<String, String> path : paths.entrySet()) {
      String kind = path.getValue().contains("/operations") ? "operation" : "subject";
      boolean single = path.getValue().contains("{");
      String visible = ids.get(kind)[0];
      String hidden = ids.get(kind)[1];
      for (String id : single ? new String[] {visible, hidden} : new String[] {null}) {
        String url =
            path.getValue()
                .replace("{" + kind + "}", id == null ? "" : id)
                .replace("{mine}", mineId);
        Probe probe = probe(reader, url);
        String body = probe.body();
        assertThat(body).as(url).doesNotContain("Hidden");
        if (!single) {
          assertThat(body)
              .as(url)
              .doesNotContain(ids.get("subject")[1])
              .doesNotContain(ids.get("operation")[1]);
        }
        if (single) {
          assertThat(probe.status()).as(url).isEqualTo(id.equals(visible) ? 200 : 404);
        } else {
          assertThat(probe.status()).as(url).isEqualTo(200);
          if (url.contains("/operations") || url.contains("/graph/")) {
            assertThat(body).as(url).contains(visible);
          }
        }
        assertThat(probe.purposes())
            .as("audit entries for %s", url)
            .isNotEmpty()
            .containsOnly("Coverage check");
      }
    }
  }

  @Test
  void everyLinkPathHidesALinkOrAnEndTheCallerCannotRead() throws Exception {
    var world = new World(directory);
    String mine = world.agency("MINE", AgencyKind.FEDERAL, "USA");
    String theirs = world.agency("THEIRS", AgencyKind.FEDERAL, "USA");
    String reader = world.user("reader", mine, Role.ANALYST);
    String auditor = world.user("auditor", mine, Role.AUDITOR);
    AccessContext author = world.as(world.user("author", theirs, Role.INVESTIGATOR), Channel.API);
    String shown = subject(author, "GREEN");
    String other = subject(author, "GREEN");
    String hiddenSubject = subject(author, "AMBER");
    String visible = link(author, shown, other, Tlp.GREEN);
    String hiddenEnd = link(author, hiddenSubject, shown, Tlp.GREEN);
    String hiddenLink = link(author, shown, other, Tlp.AMBER);

    for (Map.Entry<String, String> path : GUARDED_LINKS.entrySet()) {
      boolean single = path.getValue().contains("{link}");
      for (String id :
          single ? new String[] {visible, hiddenEnd, hiddenLink} : new String[] {null}) {
        for (String caller : List.of(reader, auditor)) {
          String url = path.getValue().replace("{link}", id == null ? "" : id);
          Probe probe = probe(caller, url);
          // a refusal may name the id asked for, nothing else
          String body = probe.body().replace(String.valueOf(id), "");
          assertThat(body)
              .as(url)
              .doesNotContain("Hidden")
              .doesNotContain(hiddenEnd)
              .doesNotContain(hiddenLink)
              .doesNotContain(hiddenSubject);
          boolean shownToReader = caller.equals(reader) && (id == null || id.equals(visible));
          if (single) {
            assertThat(probe.status()).as(url).isEqualTo(shownToReader ? 200 : 404);
          } else {
            assertThat(probe.status()).as(url).isEqualTo(200);
            if (shownToReader) {
              assertThat(body).as(url).contains(visible);
            } else {
              assertThat(body).as("an auditor reads no links").contains("\"totalItems\":0");
            }
          }
          assertThat(probe.purposes())
              .as("audit entries for %s", url)
              .isNotEmpty()
              .containsOnly("Coverage check");
        }
      }
    }
    String ofSubject =
        mvc.perform(
                get("/api/v1/resolution/links?subject=" + shown)
                    .with(httpBasic(reader, World.PASSWORD))
                    .header("PressTrace-Purpose", "Coverage check"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(ofSubject)
        .contains(visible)
        .contains("\"totalItems\":1")
        .doesNotContain(hiddenEnd)
        .doesNotContain(hiddenLink);
  }

  private String link(AccessContext author, String from, String to, Tlp tlp) {
    return links
        .record(
            author,
            new org.presstrace.casework.LinkDraft(
                org.presstrace.casework.LinkSchema.ASSOCIATE,
                from,
                to,
                null,
                null,
                null,
                null,
                "business partner",
                null,
                "Coverage source",
                null,
                Marking.of(author.caller().agency(), tlp)))
        .id();
  }

  @Test
  void everyRedFlagPathShowsOnlyTheCallersAgencysFlagsAndAuditsTheRead() throws Exception {
    var world = new World(directory);
    String mine = world.agency("MINE", AgencyKind.FEDERAL, "USA");
    String theirs = world.agency("THEIRS", AgencyKind.FEDERAL, "USA");
    String reader = world.user("reader", mine, Role.ANALYST);
    String auditor = world.user("auditor", mine, Role.AUDITOR);
    String visible =
        redFlag(world.as(world.user("author", mine, Role.INVESTIGATOR), Channel.API), "Red");
    String hidden =
        redFlag(
            world.as(world.user("their-author", theirs, Role.INVESTIGATOR), Channel.API), "Hidden");

    for (Map.Entry<String, String> path : GUARDED_RED_FLAGS.entrySet()) {
      boolean single = path.getValue().contains("{flag}");
      for (String id : single ? new String[] {visible, hidden} : new String[] {null}) {
        String url = path.getValue().replace("{flag}", id == null ? "" : id);
        Probe probe = probe(reader, url);
        String body = probe.body();
        assertThat(body).as(url).doesNotContain("Hidden Courier");
        if (!single) {
          assertThat(body).as(url).doesNotContain(hidden);
        }
        assertThat(probe.status()).as(url).isEqualTo(single && id.equals(hidden) ? 404 : 200);
        if (!single || id.equals(visible)) {
          assertThat(body).as(url).contains(visible).contains("Red Courier");
        }
        assertThat(probe.purposes())
            .as("audit entries for %s", url)
            .isNotEmpty()
            .containsOnly("Coverage check");
        mvc.perform(
                get(url)
                    .with(httpBasic(auditor, World.PASSWORD))
                    .header("PressTrace-Purpose", "Coverage check"))
            .andExpect(
                result2 ->
                    assertThat(result2.getResponse().getStatus())
                        .as("auditor " + url)
                        .isEqualTo(403));
      }
    }
  }

  /** Two AMBER subjects of the author's agency sharing a phone: a red flag for that agency. */
  private String redFlag(AccessContext author, String name) {
    String phone =
        "+86 137 " + (10_000_000 + (UUID.randomUUID().hashCode() & 0x3ffffff) % 89_999_999);
    for (String person : List.of(name + " Courier", "Blue Courier")) {
      subjects.submit(
          author,
          new SubjectDraft(
              Schema.PERSON,
              Map.of("name", List.of(person), "phone", List.of(phone)),
              "CASE-FLAG",
              "Desk",
              null,
              null,
              Marking.of(author.caller().agency(), Tlp.AMBER)));
    }
    return redFlags
        .page(author, null, RedFlagRule.SHARED_CONTACT, new org.presstrace.shared.PageQuery(0, 200))
        .items()
        .stream()
        .filter(flag -> flag.explanation().contains(name + " Courier"))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private String subject(AccessContext author, String tlp) {
    String name = tlp.equals("GREEN") ? "Shown Person" : "Hidden Person";
    return subjects
        .submit(
            author,
            new SubjectDraft(
                Schema.PERSON,
                Map.of("name", List.of(name + " " + author.caller().agency())),
                tlp.equals("GREEN") ? "CASE-SHOWN" : "CASE-Hidden",
                "Desk",
                null,
                null,
                Marking.of(author.caller().agency(), Tlp.parse(tlp))))
        .subject()
        .id();
  }

  private String operation(AccessContext author, String tlp) {
    Instant start =
        Instant.parse("2031-01-01T00:00:00Z").plusSeconds(UUID.randomUUID().hashCode() & 0xffffff);
    return operations
        .plan(
            author,
            new OperationDraft(
                tlp.equals("GREEN") ? "OP-SHOWN" : "OP-Hidden",
                "Desk",
                start,
                start.plusSeconds(3600),
                -45.0,
                170.0,
                500.0,
                Marking.of(author.caller().agency(), Tlp.parse(tlp))))
        .operation()
        .id();
  }

  @Test
  void everyRegistryPathHidesAnotherRegistrantsEquipmentAndAuditsTheRead() throws Exception {
    var world = new World(directory);
    String token = "CV" + world.suffix();
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    String reader = world.user("reader", registrant(admin, "Mine " + token), Role.REGISTRANT);
    String other = world.user("other", registrant(admin, "Theirs " + token), Role.REGISTRANT);
    String visible = machine(reader, token + "1");
    String hidden = machine(other, token + "2");

    probeEach(GUARDED_REGISTRY, reader, visible, hidden, url -> url.replace("{token}", token));
  }

  @Test
  void everyTransactionReportPathHidesAnotherRegistrantsReportsAndAuditsTheRead() throws Exception {
    var world = new World(directory);
    String token = "CT" + world.suffix();
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    AccessContext admin =
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API);
    String reader =
        world.user(
            "reader",
            registrant(admin, "Mine " + token, RegistrantCategory.EXPORTER),
            Role.REGISTRANT);
    String other =
        world.user(
            "other",
            registrant(admin, "Theirs " + token, RegistrantCategory.EXPORTER),
            Role.REGISTRANT);
    String visible = exportReport(reader, machine(reader, token + "1"));
    String hidden = exportReport(other, machine(other, token + "2"));

    probeEach(GUARDED_TRANSACTION_REPORTS, reader, visible, hidden, url -> url);
  }

  @Test
  void everyScreeningPathHidesAnotherAgencysManifestsAndAuditsTheRead() throws Exception {
    var world = new World(directory);
    String token = "Covazene" + world.suffix().toLowerCase(java.util.Locale.ROOT);
    String reader =
        world.user("reader", world.agency("MINE", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
    String other =
        world.user("other", world.agency("THEIRS", AgencyKind.FEDERAL, "USA"), Role.ANALYST);
    String visible = screening(reader, token);
    String hidden = screening(other, token);
    directory.ensureAgency(directory.operatorAgency(), "Operator", AgencyKind.FEDERAL, "USA");
    designations.apply(
        world.as(world.user("admin", directory.operatorAgency(), Role.ADMINISTRATOR), Channel.API),
        "jurisdiction,instrument,category,effective,source,name\n"
            + "CHN,Narcotic drugs,narcotic drug,2026-01-01,Coverage "
            + token
            + ","
            + token
            + "\n",
        "csv");
    for (int i = 0; i < 200 && alerts(visible) == 0; i++) {
      Thread.sleep(100);
    }

    probeEach(GUARDED_SCREENINGS, reader, visible, hidden, url -> url);
  }

  private long alerts(String screening) {
    return jdbc.sql("SELECT COUNT(*) FROM screening_alert WHERE screening_id = :s")
        .param("s", screening)
        .query(Long.class)
        .single();
  }

  private String screening(String username, String token) throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/substances/screenings")
                    .with(httpBasic(username, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("[{\"description\": \"" + token + " 1 kg\"}]"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private String exportReport(String username, String machineId) throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/registry/transaction-reports")
                    .with(httpBasic(username, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"direction\": \"EXPORT\", \"purpose\": \"resale\", \"proposedOn\": \""
                            + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30)
                            + "\", \"port\": \"Laredo\", \"importer\": {\"name\": \"A\","
                            + " \"country\": \"MEX\"}, \"exporter\": {\"name\": \"B\","
                            + " \"country\": \"USA\"}, \"machines\": [{\"machineId\": \""
                            + machineId
                            + "\"}]}"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private String registrant(AccessContext admin, String name) {
    return registrant(admin, name, RegistrantCategory.DEALER);
  }

  private String registrant(AccessContext admin, String name, RegistrantCategory category) {
    var registrant =
        registry.register(
            admin, new NewRegistrant(name, null, category, null, "1 Way", null, null));
    return registry.activate(admin, registrant.id(), "coverage").agencyCode();
  }

  private String machine(String username, String serial) throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/registry/machines")
                    .with(httpBasic(username, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"serial\": \""
                            + serial
                            + "\", \"make\": \"Acme\", \"model\": \"C\", \"kind\": \"DIE\","
                            + " \"location\": \"Bay\", \"origin\": \"DECLARED\"}"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void unprotectedPathsRefuseCallersWithoutTheRole() throws Exception {
    var world = new World(directory);
    String agency = world.agency("AG", AgencyKind.FEDERAL, "USA");
    String analyst = world.user("analyst", agency, Role.ANALYST);
    mvc.perform(get("/api/v1/audit").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
    mvc.perform(get("/api/v1/audit/export").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
    mvc.perform(
            get("/api/v1/agencies/" + agency + "/users").with(httpBasic(analyst, World.PASSWORD)))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(403));
  }

  private String file(String username, String title, String tlp) throws Exception {
    String location =
        mvc.perform(
                post("/api/v1/intel-reports")
                    .with(httpBasic(username, World.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\": \""
                            + title
                            + "\", \"summary\": \"s\", \"marking\": {\"tlp\": \""
                            + tlp
                            + "\"}}"))
            .andReturn()
            .getResponse()
            .getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void everySeizurePathHidesAnotherAgencysUnreleasedSeizuresAndAuditsTheRead() throws Exception {
    var world = new World(directory);
    String token = "sz" + world.suffix().toLowerCase(java.util.Locale.ROOT);
    String mine = world.agency("MINE", AgencyKind.STATE, "USA");
    String theirs = world.agency("THEIRS", AgencyKind.FEDERAL, "USA");
    String reader = world.user("reader", mine, Role.ANALYST);
    AccessContext author = world.as(world.user("author", theirs, Role.INVESTIGATOR), Channel.API);
    String visible = seizure(author, token + " visible", Tlp.GREEN, "111");
    String hidden = seizure(author, token + " hidden", Tlp.AMBER, "98765");
    AccessContext system = world.as(world.user("sender", theirs, Role.INVESTIGATOR), Channel.API);
    String alertVisible =
        alerts.raise(
            system,
            mine,
            "TEST",
            "seizure",
            visible,
            token + " alert",
            "for the reader",
            derivations.derive(
                system, DerivedMarking.Source.of(org.presstrace.seizures.Seizures.KIND, visible)),
            null);
    String alertHidden =
        alerts.raise(
            system,
            theirs,
            "TEST",
            "seizure",
            hidden,
            token + " alert",
            "not for them",
            derivations.derive(
                system, DerivedMarking.Source.of(org.presstrace.seizures.Seizures.KIND, hidden)),
            null);

    for (Map.Entry<String, String> path : GUARDED_SEIZURES.entrySet()) {
      boolean single = path.getKey().contains("{id}");
      boolean alert = path.getKey().startsWith("/api/v1/alerts");
      String shown = alert ? alertVisible : visible;
      String kept = alert ? alertHidden : hidden;
      for (String id : single ? new String[] {shown, kept} : new String[] {null}) {
        String url =
            path.getValue()
                .replace("{token}", token)
                .replace("{id}", id == null ? "" : id)
                .replace("{alert}", id == null ? "" : id);
        Probe probe = probe(reader, url);
        String body = probe.body();
        assertThat(body).as(url).doesNotContain("98765").doesNotContain(token + " hidden");
        if (single) {
          assertThat(probe.status()).as(url).isEqualTo(id.equals(shown) ? 200 : 404);
        } else {
          assertThat(probe.status()).as(url + " " + body).isEqualTo(200);
          if (url.contains("/analytics/")) {
            assertThat(body).as(url).contains("111");
          } else if (url.contains("/count")) {
            assertThat(body).as(url).contains("1");
          } else if (url.contains("/parties")) {
            assertThat(body).as(url).contains(token + " visible");
          } else {
            assertThat(body).as(url).contains(shown).doesNotContain(kept);
          }
        }
        assertThat(probe.purposes()).as("audit entries for %s", url).isNotEmpty();
      }
    }
  }

  private String seizure(AccessContext author, String name, Tlp tlp, String pills) {
    var item =
        new SeizureDraft.SeizureItemDraft(
            "fentanyl", null, "pills", null, null, null, null, pills, null, null, null, null, null);
    return seizures
        .report(
            author,
            new SeizureDraft(
                null,
                java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                    .minusHours(2)
                    .withNano(0)
                    .toString(),
                "UTC",
                "INTERIOR",
                null,
                "VT",
                null,
                null,
                null,
                name,
                new Marking(author.caller().agency(), tlp, "LEI", false, null, null),
                java.util.List.of(item),
                java.util.List.of(),
                java.util.List.of(new SeizureDraft.PartyDraft("person", name, null, null, null))))
        .seizure()
        .id();
  }

  /** What one coverage GET answered, and the purposes its request id was audited under. */
  private record Probe(int status, String body, List<String> purposes) {}

  /** GETs {@code url} as {@code username} with the coverage purpose and a fresh request id. */
  private Probe probe(String username, String url) throws Exception {
    String requestId = "cov-" + UUID.randomUUID();
    MvcResult result =
        mvc.perform(
                get(url)
                    .with(httpBasic(username, World.PASSWORD))
                    .header("PressTrace-Purpose", "Coverage check")
                    .header("X-Request-Id", requestId))
            .andReturn();
    List<String> purposes =
        jdbc.sql("SELECT purpose FROM audit_event WHERE request_id = :id")
            .param("id", requestId)
            .query(String.class)
            .list();
    return new Probe(
        result.getResponse().getStatus(), result.getResponse().getContentAsString(), purposes);
  }

  /**
   * Reads every path as {@code reader}: a single record answers 200 for {@code visible} and 404 for
   * {@code hidden}; a list answers 200 naming {@code visible} and never {@code hidden}; each read
   * is audited under the coverage purpose only.
   */
  private void probeEach(
      Map<String, String> paths,
      String reader,
      String visible,
      String hidden,
      java.util.function.UnaryOperator<String> fill)
      throws Exception {
    for (Map.Entry<String, String> path : paths.entrySet()) {
      boolean single = path.getKey().contains("{id}");
      for (String id : single ? new String[] {visible, hidden} : new String[] {null}) {
        String url = fill.apply(path.getValue()).replace("{id}", id == null ? "" : id);
        Probe probe = probe(reader, url);
        if (single) {
          assertThat(probe.status()).as(url).isEqualTo(id.equals(visible) ? 200 : 404);
        } else {
          assertThat(probe.status()).as(url).isEqualTo(200);
          assertThat(probe.body()).as(url).contains(visible).doesNotContain(hidden);
        }
        assertThat(probe.purposes())
            .as("audit entries for %s", url)
            .isNotEmpty()
            .containsOnly("Coverage check");
      }
    }
  }
}
