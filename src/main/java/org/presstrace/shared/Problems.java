package org.presstrace.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every rule one request breaks, gathered so that its sender hears of all of them at once rather
 * than one per attempt. Checks that do not depend on each other run one after another; each one
 * that refuses is kept, and {@link #throwIfAny()} refuses the request with all of them.
 */
public final class Problems {

  private final List<InvalidRequest> found = new ArrayList<>();

  /** Runs {@code check}; a refusal it throws is kept. */
  public void check(Runnable check) {
    try {
      check.run();
    } catch (InvalidRequest refused) {
      found.add(refused);
    }
  }

  /** The value {@code check} gives, or {@code null} when it refuses (the refusal is kept). */
  public <T> T value(Supplier<T> check) {
    try {
      return check.get();
    } catch (InvalidRequest refused) {
      found.add(refused);
      return null;
    }
  }

  /** Keeps every problem of {@code refused}. */
  public void add(InvalidRequest refused) {
    found.addAll(refused.all());
  }

  /** Keeps a problem found without a check. */
  public void add(String field, String message) {
    found.add(new InvalidRequest(field, message));
  }

  /** Whether any check refused so far. */
  public boolean any() {
    return !found.isEmpty();
  }

  /** Whether a check refused {@code field} so far. */
  public boolean refused(String field) {
    return field != null
        && found.stream()
            .flatMap(problem -> problem.all().stream())
            .anyMatch(problem -> field.equals(problem.field()));
  }

  /** One refusal naming every problem kept; there must be one at least. */
  public InvalidRequest refusal() {
    return InvalidRequest.of(found);
  }

  /** One refusal naming every problem kept, or none when none was. */
  public java.util.Optional<InvalidRequest> refusalIfAny() {
    return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(refusal());
  }

  /** Refuses the request with every problem kept, if any. */
  public void throwIfAny() {
    if (!found.isEmpty()) {
      throw InvalidRequest.of(found);
    }
  }
}
