package org.presstrace.shared;

import java.util.List;
import java.util.function.Function;

/** One page of results and where it lies in the whole. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

  public Page {
    items = List.copyOf(items);
  }

  public long totalPages() {
    return totalItems == 0 ? 0 : (totalItems + size - 1) / size;
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems);
  }
}
