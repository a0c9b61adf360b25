package org.presstrace.access;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The marking of a record written from protected records: the join of the sources' stored markings
 * ({@link Marking#join}). Only {@link Derivations} builds one, from the sources' ids, so a custody
 * event, alert, pointer alert or red flag cannot be written with a marking its writer chose: the
 * writing APIs take this type, not a {@link Marking}.
 */
public final class DerivedMarking {

  private final Marking marking;
  private final List<Source> sources;

  DerivedMarking(Marking marking, List<Source> sources) {
    this.marking = marking;
    this.sources = List.copyOf(sources);
  }

  /** A protected record a derived record is written from. */
  public record Source(String kind, String id) {

    public Source {
      if (kind == null || kind.isBlank() || id == null || id.isBlank()) {
        throw new IllegalArgumentException("a source needs a kind and an id");
      }
    }

    public static Source of(ProtectedKind kind, String id) {
      return new Source(kind.name(), id);
    }

    @Override
    public String toString() {
      return kind + ":" + id;
    }
  }

  /** The join of the sources' markings, to be stored in the derived record's marking columns. */
  public Marking marking() {
    return marking;
  }

  /** The records the derived record was written from, in the order given. */
  public List<Source> sources() {
    return sources;
  }

  /** The sources as stored beside the derived record, e.g. {@code seizure:<id> machine:<id>}. */
  public String sourcesColumn() {
    return sources.stream().map(Source::toString).collect(Collectors.joining(" "));
  }

  @Override
  public String toString() {
    return marking.banner() + " from " + sourcesColumn();
  }
}
