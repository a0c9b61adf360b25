package org.presstrace.casework;

import java.util.List;

/**
 * What a batch of links came to: all stored, or none with the refused rows (numbered from 1) and
 * the field each was refused for.
 */
public record LinkBatch(int rows, int stored, List<Problem> problems, List<String> ids) {

  public record Problem(int row, String field, String message) {}

  public boolean refused() {
    return !problems.isEmpty();
  }
}
