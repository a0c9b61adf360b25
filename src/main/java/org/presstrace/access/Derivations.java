package org.presstrace.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presstrace.access.internal.CompartmentStore;
import org.presstrace.shared.ConflictingState;
import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to mark a record written from protected records. {@link #derive} reads the sources'
 * stored markings (never a marking the writer passes in) and joins them; {@link #authored} marks a
 * record that is the writing agency's own statement. Readers of a derived record see its content
 * only when the policy lets them read the join ({@link #showsContent}); where a reader must still
 * learn that something happened (a registrant whose press was seized) the writing module shows the
 * documented fact without the content instead.
 */
@Service
public class Derivations {

  private final CompartmentStore compartments;
  private final AccessPolicy policy;
  private final GuardedReads reads;
  private final Directory directory;
  private final Clock clock;
  private final Releases releases;
  private final Map<String, ProtectedKind> kinds;

  Derivations(
      CompartmentStore compartments,
      AccessPolicy policy,
      GuardedReads reads,
      Directory directory,
      Clock clock,
      Releases releases,
      List<ProtectedKind> kinds) {
    this.releases = releases;
    this.compartments = compartments;
    this.policy = policy;
    this.reads = reads;
    this.directory = directory;
    this.clock = clock;
    this.kinds = kinds.stream().collect(Collectors.toMap(ProtectedKind::name, Function.identity()));
  }

  /**
   * The marking of a record written by {@code writer} from {@code sources}: the join of their
   * stored markings. The join's owner is the owner of the most restrictive source when an ordinary
   * member of that agency (in the join's compartments, with its approved releases) may read every
   * source; otherwise the writer's agency when it may; otherwise the record cannot be written.
   *
   * @throws NotFound when a source does not exist
   * @throws ConflictingState when no agency may read every source
   */
  @Transactional
  public DerivedMarking derive(AccessContext writer, List<DerivedMarking.Source> sources) {
    if (sources == null || sources.isEmpty()) {
      throw new IllegalArgumentException("a derived record needs at least one source");
    }
    var markings = new ArrayList<Marking>();
    for (DerivedMarking.Source source : sources) {
      markings.add(markingOf(source));
    }
    Marking join =
        owned(
            Marking.join(markings),
            writer.caller().agency(),
            candidate -> agencyReadsEvery(candidate.ownerAgency(), candidate, sources, markings));
    if (join == null) {
      throw new ConflictingState("no agency may read every record this one would be written from");
    }
    ensureCompound(join);
    return new DerivedMarking(join, sources);
  }

  /** {@link #derive(AccessContext, List)} for a few sources. */
  @Transactional
  public DerivedMarking derive(AccessContext writer, DerivedMarking.Source... sources) {
    return derive(writer, List.of(sources));
  }

  /**
   * The marking of a record that is the writing agency's own statement (an investigator's account
   * of a seizure in a custody event): the writer's agency must own it.
   */
  public DerivedMarking authored(AccessContext writer, Marking marking) {
    if (!marking.ownerAgency().equals(writer.caller().agency())) {
      throw new InvalidRequest(
          "marking.ownerAgency",
          "an agency marks its own statements; "
              + marking.ownerAgency()
              + " is not "
              + writer.caller().agency());
    }
    ensureCompound(marking);
    return new DerivedMarking(marking, List.of());
  }

  /** Whether {@code caller} may read the content of a derived record marked {@code marking}. */
  public boolean showsContent(Caller caller, Marking marking) {
    return policy.mayRead(caller, marking, false).allowed();
  }

  private Marking markingOf(DerivedMarking.Source source) {
    ProtectedKind kind = kinds.get(source.kind());
    if (kind == null) {
      throw new IllegalArgumentException("'" + source.kind() + "' is not a protected kind");
    }
    return reads
        .markingForRelease(kind, source.id())
        .orElseThrow(() -> new NotFound(source.kind(), source.id()));
  }

  private boolean agencyReadsEvery(
      String agency, Marking join, List<DerivedMarking.Source> sources, List<Marking> markings) {
    var view = directory.agency(agency);
    if (view.isEmpty()) {
      return false;
    }
    for (int i = 0; i < sources.size(); i++) {
      DerivedMarking.Source source = sources.get(i);
      if (!releases.memberMayRead(
          view.get(), join.compartments(), source.kind(), source.id(), markings.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The join with an owner that may read every source: the most restrictive source's owner, else
   * the writer's agency; null when neither may.
   */
  static Marking owned(
      Marking join, String writerAgency, java.util.function.Predicate<Marking> ownerReadsEvery) {
    if (ownerReadsEvery.test(join)) {
      return join;
    }
    Marking byWriter = withOwner(join, writerAgency);
    return ownerReadsEvery.test(byWriter) ? byWriter : null;
  }

  private static Marking withOwner(Marking marking, String owner) {
    return new Marking(
        owner,
        marking.tlp(),
        marking.cuiCategory(),
        marking.noforn(),
        marking.relTo(),
        marking.compartment());
  }

  /** A compound compartment ({@code A+B}) gets its row so the marking columns can refer to it. */
  private void ensureCompound(Marking marking) {
    if (marking.compartments().size() < 2) {
      return;
    }
    if (!compartments.exists(marking.compartment())) {
      compartments.insert(
          marking.compartment(),
          "Derived from " + String.join(" and ", marking.compartments()),
          marking.ownerAgency(),
          clock.instant());
    }
  }
}
