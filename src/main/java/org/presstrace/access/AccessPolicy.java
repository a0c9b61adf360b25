package org.presstrace.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one policy decision point. It answers may-read and may-release for a caller and a marking,
 * and turns may-read into a SQL filter so that lists, searches, counts, aggregates and exports
 * admit exactly the rows a single read would. The rules, in order, are the table in
 * docs/access-control.md; the first rule that matches decides.
 */
public final class AccessPolicy {

  /** Stands for "no compartment" in the SQL filter: no compartment has an empty code. */
  static final String NO_COMPARTMENT = "";

  /**
   * The release rule that refuses the custodian of a partner's records to pass them on: the
   * third-party rule of intelligence exchange.
   */
  public static final int THIRD_PARTY_RULE = 30;

  /**
   * May {@code caller} read a record with {@code marking}?
   *
   * @param releasedToCaller whether an approved release of the record to the caller's agency exists
   */
  public Decision mayRead(Caller caller, Marking marking, boolean releasedToCaller) {
    if (!caller.readsRecords()) {
      return Decision.deny(1, "auditors and administrators do not read record content");
    }
    if (marking.compartment() != null
        && !caller.compartments().containsAll(marking.compartments())) {
      return Decision.deny(2, "compartment " + marking.compartment() + " is need-to-know");
    }
    if (caller.agency().equals(marking.ownerAgency())) {
      return Decision.allow(3, "the owning agency reads its own records");
    }
    if (!marking.tlp().leavesOwner()) {
      return Decision.deny(4, "TLP:" + marking.tlp().label() + " stays with the owning agency");
    }
    if (caller.foreign() && marking.noforn()) {
      return Decision.deny(5, "NOFORN: not releasable to foreign partners");
    }
    if (!marking.relTo().isEmpty() && !marking.relTo().contains(caller.country())) {
      return Decision.deny(
          6, "REL TO " + marking.relTo() + " does not include " + caller.country());
    }
    if (caller.readsOnlyAsRegistrant() && marking.tlp() != Tlp.CLEAR) {
      return Decision.deny(7, "registrants read only TLP:CLEAR records of other organisations");
    }
    if (caller.readsOnlyAsRegistrant() && marking.cuiCategory() != null) {
      return Decision.deny(8, "CUI is for government users");
    }
    if (caller.custodianOf(marking.ownerAgency())) {
      return Decision.allow(
          14, "the custodian agency reads what partner agency " + marking.ownerAgency() + " sends");
    }
    if (caller.foreign()) {
      return releasedToCaller
          ? Decision.allow(10, "released to the caller's agency")
          : Decision.deny(9, "foreign partners see only what is released to them");
    }
    if (marking.tlp() == Tlp.CLEAR || marking.tlp() == Tlp.GREEN) {
      return Decision.allow(
          11, "TLP:" + marking.tlp().label() + " is shared with domestic agencies");
    }
    if (marking.tlp() == Tlp.AMBER && releasedToCaller) {
      return Decision.allow(12, "TLP:AMBER released to the caller's agency");
    }
    return Decision.deny(13, "not released to the caller's agency");
  }

  /**
   * The SQL form of {@link #mayRead} for one caller over rows of {@code kind} aliased {@code r}.
   * Everything about the caller is fixed here; only the row's marking columns and its releases
   * remain to be tested by the database.
   */
  public SqlFilter readFilter(Caller caller, ProtectedKind kind) {
    return readFilter(caller, kind, "r");
  }

  /**
   * {@link #readFilter(Caller, ProtectedKind)} over rows aliased {@code alias}, for a filter nested
   * in a query whose own rows are aliased {@code r} (e.g. a correlated {@code EXISTS}).
   */
  public SqlFilter readFilter(Caller caller, ProtectedKind kind, String alias) {
    if (!alias.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("'" + alias + "' is not a table alias");
    }
    if (!caller.readsRecords()) {
      return new SqlFilter("1 = 0", Map.of());
    }
    String r = alias + ".";
    var parameters = new HashMap<String, Object>();
    parameters.put("acc_agency", caller.agency());
    parameters.put("acc_kind", kind.name());
    // One shape for every caller: a caller outside every compartment is given the empty code,
    // which no compartment can have (Directory refuses it). A bare "compartment IS NULL" would let
    // H2 answer it from the compartment index, which nearly every row matches, instead of the
    // index the search itself names (a trace's serial range: 30,001 rows read instead of 278).
    String compartment =
        "(" + r + "compartment IS NULL OR " + r + "compartment IN (:acc_compartments))";
    parameters.put(
        "acc_compartments",
        caller.compartments().isEmpty()
            ? List.of(NO_COMPARTMENT)
            : admittedCompartmentCodes(caller.compartments()));
    String released =
        "EXISTS (SELECT 1 FROM record_release acc_rr WHERE acc_rr.kind = :acc_kind"
            + " AND acc_rr.record_id = "
            + r
            + "id AND acc_rr.target_agency = :acc_agency"
            + " AND acc_rr.status = 'APPROVED')";
    var other = new StringBuilder(r + "tlp IN ('CLEAR', 'GREEN', 'AMBER')");
    if (caller.foreign()) {
      other.append(" AND ").append(r).append("noforn = FALSE");
    }
    other.append(" AND (" + r + "rel_to IS NULL OR " + r + "rel_to LIKE :acc_country)");
    parameters.put("acc_country", "%," + caller.country().alpha3() + ",%");
    if (caller.readsOnlyAsRegistrant()) {
      other.append(" AND " + r + "tlp = 'CLEAR' AND " + r + "cui_category IS NULL");
    }
    if (caller.foreign()) {
      other.append(" AND ").append(released);
    } else {
      other
          .append(" AND (" + r + "tlp IN ('CLEAR', 'GREEN') OR (" + r + "tlp = 'AMBER' AND ")
          .append(released)
          .append(")");
      if (!caller.custodianOf().isEmpty()) {
        // Rule 14: what the partners in the agency's custody send, under the same marking checks.
        other.append(" OR " + r + "owner_agency IN (:acc_custody)");
        parameters.put("acc_custody", List.copyOf(new TreeSet<>(caller.custodianOf())));
      }
      other.append(")");
    }
    String sql = compartment + " AND (" + r + "owner_agency = :acc_agency OR (" + other + "))";
    return new SqlFilter(sql, parameters);
  }

  /**
   * Every compartment code a member of {@code memberships} reads: each membership, and each
   * compound code ({@code A+B}, a record derived from records of both) made of them. Beyond {@value
   * #COMPOUND_LIMIT} memberships only compounds of two and three parts are listed, which covers
   * every derived record PressTrace writes.
   */
  static List<String> admittedCompartmentCodes(Set<String> memberships) {
    var sorted = new ArrayList<String>();
    for (String membership : new TreeSet<>(memberships)) {
      if (!membership.contains(Marking.COMPOUND_SEPARATOR)) {
        sorted.add(membership);
      }
    }
    var codes = new ArrayList<String>();
    int n = sorted.size();
    int maxParts = n <= COMPOUND_LIMIT ? n : 3;
    addCombinations(sorted, 0, new ArrayList<>(), maxParts, codes);
    return codes;
  }

  private static final int COMPOUND_LIMIT = 8;

  private static void addCombinations(
      List<String> sorted, int from, List<String> chosen, int maxParts, List<String> codes) {
    if (!chosen.isEmpty()) {
      String code = String.join(Marking.COMPOUND_SEPARATOR, chosen);
      if (code.length() <= 64) {
        codes.add(code);
      }
    }
    if (chosen.size() == maxParts) {
      return;
    }
    for (int i = from; i < sorted.size(); i++) {
      chosen.add(sorted.get(i));
      addCombinations(sorted, i + 1, chosen, maxParts, codes);
      chosen.remove(chosen.size() - 1);
    }
  }

  /**
   * May {@code requester} ask for a record with {@code marking} to be released to {@code target}?
   */
  public Decision mayRequestRelease(Caller requester, Marking marking, AgencyView target) {
    Decision asker = asker(requester, marking);
    return asker.allowed() ? releasable(marking, target) : asker;
  }

  /**
   * Whether a page should offer {@code requester} to ask for this record's release at all: the
   * rules of {@link #mayRequestRelease} that do not depend on the agency asked for.
   */
  public Decision mayOfferRelease(Caller requester, Marking marking) {
    Decision asker = asker(requester, marking);
    return asker.allowed() ? leaves(marking) : asker;
  }

  /** Rules 20, 21 and the third-party rule: who may ask for a record's release at all. */
  private static Decision asker(Caller requester, Marking marking) {
    if (!requester.has(Role.INVESTIGATOR) && !requester.has(Role.SUPERVISOR)) {
      return Decision.deny(20, "only investigators and supervisors ask for releases");
    }
    if (requester.custodianOf(marking.ownerAgency())) {
      return Decision.deny(
          THIRD_PARTY_RULE,
          "third-party rule: this record was received from partner agency "
              + marking.ownerAgency()
              + " and is not released onward without that partner's consent");
    }
    if (!requester.agency().equals(marking.ownerAgency())) {
      return Decision.deny(21, "only the owning agency releases its records");
    }
    return Decision.allow(29, "releasable");
  }

  /** Rules 23 and 24: markings that never leave the owning agency, whoever asks. */
  private static Decision leaves(Marking marking) {
    if (!marking.tlp().leavesOwner()) {
      return Decision.deny(23, "TLP:" + marking.tlp().label() + " records are not releasable");
    }
    if (marking.compartment() != null) {
      return Decision.deny(
          24,
          "compartmented records are not releasable; remove compartment "
              + marking.compartment()
              + " first");
    }
    return Decision.allow(29, "releasable");
  }

  /** Whether the marking lets the record go to {@code target} at all; checked again on approval. */
  public Decision releasable(Marking marking, AgencyView target) {
    if (target.code().equals(marking.ownerAgency())) {
      return Decision.deny(22, "a record cannot be released to its own agency");
    }
    Decision leaves = leaves(marking);
    if (!leaves.allowed()) {
      return leaves;
    }
    if (target.kind() == AgencyKind.FOREIGN_PARTNER && marking.noforn()) {
      return Decision.deny(25, "NOFORN records are not releasable to foreign partners");
    }
    if (!marking.relTo().isEmpty() && !marking.relTo().contains(target.country())) {
      return Decision.deny(
          26, "REL TO " + marking.relTo() + " does not include " + target.country());
    }
    if (target.kind() == AgencyKind.REGISTRANT) {
      return Decision.deny(27, "registrant organisations are not release recipients");
    }
    if (target.kind() != AgencyKind.FOREIGN_PARTNER && marking.tlp() != Tlp.AMBER) {
      return Decision.deny(
          28, "TLP:" + marking.tlp().label() + " is already shared with every domestic agency");
    }
    return Decision.allow(29, "releasable");
  }
}
