package org.presstrace.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one scenario found: its figures, and each promise it saw broken (none: it passed). */
final class Result {

  final String scenario;
  final Map<String, Object> figures = new LinkedHashMap<>();
  final List<String> problems = new ArrayList<>();

  Result(String scenario) {
    this.scenario = scenario;
  }

  Result figure(String name, Object value) {
    figures.put(name, value);
    return this;
  }

  /** Records {@code problem} unless {@code holds}. */
  Result expect(boolean holds, String problem) {
    if (!holds) {
      problems.add(problem);
    }
    return this;
  }

  boolean passed() {
    return problems.isEmpty();
  }

  /** One line: {@code PASS import acknowledged=... present=...}. */
  String line() {
    return (passed() ? "PASS " : "FAIL ")
        + scenario
        + " "
        + figures.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining(" "));
  }
}
