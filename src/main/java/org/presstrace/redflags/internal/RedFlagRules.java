package org.presstrace.redflags.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.presstrace.redflags.RedFlagCitation;
import org.presstrace.redflags.RedFlagRule;
import org.presstrace.redflags.internal.RedFlagFacts.Party;
import org.presstrace.resolution.Schema;

/**
 * The red-flag rules over parties and payments (see {@link PaymentRules}): pure functions of the
 * facts one agency may read and the settings, so that every rule is tested at its boundaries
 * without a database. Each finding explains itself with the records and values that triggered it.
 */
public final class RedFlagRules {

  /** The protected kind name of case subjects, as cited. */
  static final String SUBJECT = "subject";

  /** How many records an explanation names before saying "and N more". */
  static final int NAMED = 10;

  private final RedFlagSettings settings;

  public RedFlagRules(RedFlagSettings settings) {
    this.settings = settings;
  }

  /** Every finding over {@code facts}, rule by rule, each rule's findings by focus. */
  public List<RedFlagFinding> evaluate(RedFlagFacts facts) {
    var clusters = new Clusters(facts.related());
    var findings = new ArrayList<RedFlagFinding>();
    findings.addAll(sharedContacts(facts.parties(), clusters));
    findings.addAll(chemicalFirmAddresses(facts.parties(), clusters));
    findings.addAll(prcPhones(facts.parties()));
    findings.addAll(new PaymentRules(settings, facts, clusters).evaluate());
    return findings;
  }

  /** FIN-2019-A006: unrelated parties sharing one phone number or e-mail address. */
  List<RedFlagFinding> sharedContacts(List<Party> parties, Clusters clusters) {
    var byValue = new TreeMap<String, List<Party>>();
    for (Party party : sorted(parties)) {
      party
          .phones()
          .forEach(p -> byValue.computeIfAbsent("phone:" + p, k -> new ArrayList<>()).add(party));
      party
          .emails()
          .forEach(e -> byValue.computeIfAbsent("email:" + e, k -> new ArrayList<>()).add(party));
    }
    int min = settings.sharedContact().minParties();
    var findings = new ArrayList<RedFlagFinding>();
    byValue.forEach(
        (value, sharing) -> {
          long unrelated = clusters.distinct(sharing.stream().map(Party::id).toList());
          if (unrelated < min) {
            return;
          }
          String explanation =
              unrelated
                  + " unrelated parties share "
                  + value.replaceFirst("^email:", "e-mail ").replaceFirst("^phone:", "phone ")
                  + (unrelated < sharing.size()
                      ? " (" + sharing.size() + " records, related ones counted once)"
                      : "")
                  + ": "
                  + named(sharing)
                  + ". Threshold: "
                  + min
                  + " unrelated parties.";
          findings.add(
              new RedFlagFinding(RedFlagRule.SHARED_CONTACT, value, explanation, cite(sharing)));
        });
    return findings;
  }

  /**
   * FIN-2024-A002: a chemical firm (a name word) at an address shared with unrelated firms, or an
   * address marked residential.
   */
  List<RedFlagFinding> chemicalFirmAddresses(List<Party> parties, Clusters clusters) {
    var chemical = settings.chemicalAddress();
    var companies = sorted(parties).stream().filter(p -> p.schema() == Schema.COMPANY).toList();
    var findings = new ArrayList<RedFlagFinding>();
    for (Party firm : companies) {
      Optional<String> word = chemicalWord(firm);
      if (word.isEmpty()) {
        continue;
      }
      var reasons = new ArrayList<String>();
      var cited = new LinkedHashSet<Party>();
      cited.add(firm);
      for (String address : firm.addresses()) {
        Words.find(address, chemical.residentialWords())
            .ifPresent(
                r ->
                    reasons.add(
                        "its address '" + address + "' is marked residential ('" + r + "')"));
        List<Party> sharing = sharingAddress(firm, address, companies, clusters);
        if (!sharing.isEmpty() && clusters.distinct(ids(sharing)) >= chemical.minOtherFirms()) {
          reasons.add(
              "its address '"
                  + address
                  + "' is shared with "
                  + clusters.distinct(ids(sharing))
                  + " unrelated firm(s): "
                  + named(sharing));
          cited.addAll(sharing);
        }
      }
      if (!reasons.isEmpty()) {
        findings.add(
            new RedFlagFinding(
                RedFlagRule.CHEMICAL_FIRM_ADDRESS,
                "firm:" + firm.id(),
                describe(firm)
                    + " is a chemical firm (name word '"
                    + word.get()
                    + "'); "
                    + String.join("; ", reasons)
                    + ". Threshold: "
                    + chemical.minOtherFirms()
                    + " other firm(s) at one address.",
                cite(cited)));
      }
    }
    return findings;
  }

  /** FIN-2024-A002: a party whose stated countries are all outside the PRC uses a +86 number. */
  List<RedFlagFinding> prcPhones(List<Party> parties) {
    Set<String> prc = settings.prcPhone().countries();
    var findings = new ArrayList<RedFlagFinding>();
    for (Party party : sorted(parties)) {
      if (party.countries().isEmpty() || party.in(prc)) {
        continue;
      }
      List<String> numbers =
          party.phones().stream().filter(p -> p.startsWith("+86")).sorted().toList();
      if (!numbers.isEmpty()) {
        findings.add(
            new RedFlagFinding(
                RedFlagRule.PRC_PHONE_NON_PRC_PARTY,
                "party:" + party.id(),
                describe(party)
                    + ", stated country "
                    + String.join(", ", party.countries())
                    + ", uses PRC phone number "
                    + String.join(", ", numbers)
                    + ". Countries counted as PRC: "
                    + String.join(", ", new java.util.TreeSet<>(prc))
                    + ".",
                cite(List.of(party))));
      }
    }
    return findings;
  }

  Optional<String> chemicalWord(Party party) {
    if (party.schema() != Schema.COMPANY) {
      return Optional.empty();
    }
    var names = new ArrayList<>(party.names());
    names.add(party.label());
    return names.stream()
        .map(name -> Words.find(name, settings.chemicalAddress().words()))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static List<Party> sharingAddress(
      Party firm, String address, List<Party> companies, Clusters clusters) {
    String key = Words.addressKey(address);
    if (key.isEmpty()) {
      return List.of();
    }
    return companies.stream()
        .filter(other -> !other.id().equals(firm.id()) && !clusters.related(firm.id(), other.id()))
        .filter(other -> other.addresses().stream().map(Words::addressKey).anyMatch(key::equals))
        .toList();
  }

  static List<Party> sorted(List<Party> parties) {
    return parties.stream()
        .sorted(Comparator.comparing(Party::label).thenComparing(Party::id))
        .toList();
  }

  static List<String> ids(List<Party> parties) {
    return parties.stream().map(Party::id).toList();
  }

  /** A party as an explanation names it: label, schema and id. */
  static String describe(Party party) {
    return party.label() + " (" + party.schema().label() + " " + party.id() + ")";
  }

  /** The first {@link #NAMED} parties described, then how many more. */
  static String named(java.util.Collection<Party> parties) {
    String shown =
        parties.stream().limit(NAMED).map(RedFlagRules::describe).collect(Collectors.joining(", "));
    return parties.size() > NAMED ? shown + " and " + (parties.size() - NAMED) + " more" : shown;
  }

  static List<RedFlagCitation> cite(java.util.Collection<Party> parties) {
    return parties.stream()
        .map(party -> new RedFlagCitation(SUBJECT, party.id(), party.label()))
        .distinct()
        .toList();
  }
}
