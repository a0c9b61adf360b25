package org.presstrace.resolution.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the records of a CSV file begin when the file is cut into byte ranges read on
 * different machines, so that a record whose quoted field holds line breaks is read whole, by one
 * machine, exactly as {@link org.presstrace.resolution.EntityCsv#read} reads it.
 *
 * <p>A machine cannot know whether the first byte of its range lies inside a quoted field. So it
 * reads its range once for every state the CSV reader can be in at a byte (at a record's start, at
 * a field's start, in an unquoted field, in a quoted one, just after a quote in a quoted one, after
 * a closing quote, or in text that is not CSV) and notes, for each, the state at the end of the
 * range and the first record start in it ({@link #scan}). The driver then chains these small
 * summaries from the start of the file, where the state is known, and gets each range's true
 * starting state and so the byte at which its first record starts ({@link #parts}). Each machine
 * then parses the text from its first record start to the next machine's with the CSV reader
 * itself: these rules only find boundaries.
 *
 * <p>The rules are those of the reader's format (Commons CSV's default: comma, double quote, no
 * escape character, a quote opens a quoted field only at the start of a field, CR, LF or CRLF ends
 * a record outside quotes). They hold on the bytes of UTF-8 text, where those characters never
 * occur inside another character's bytes.
 */
final class CsvSplits {

  static final int RECORD_START = 0;
  static final int FIELD_START = 1;
  static final int UNQUOTED = 2;
  static final int QUOTED = 3;
  static final int QUOTE_IN_QUOTED = 4;
  static final int AFTER_QUOTED = 5;
  static final int NOT_CSV = 6;
  static final int STATES = 7;

  /** The next state after each byte, by state and byte. */
  private static final byte[][] NEXT = new byte[STATES][256];

  static {
    for (int b = 0; b < 256; b++) {
      boolean eol = b == '\n' || b == '\r';
      boolean comma = b == ',';
      boolean quote = b == '"';
      // Character.isWhitespace over ASCII; a byte above 0x7F may be part of a wider space, and a
      // character that is not a space there is refused by the reader itself.
      boolean space = b == ' ' || b == '\t' || (b >= 0x0B && b <= 0x0C) || (b >= 0x1C && b <= 0x1F);
      int afterStart = eol ? RECORD_START : comma ? FIELD_START : quote ? QUOTED : UNQUOTED;
      NEXT[RECORD_START][b] = (byte) afterStart;
      NEXT[FIELD_START][b] = (byte) afterStart;
      NEXT[UNQUOTED][b] = (byte) (eol ? RECORD_START : comma ? FIELD_START : UNQUOTED);
      NEXT[QUOTED][b] = (byte) (quote ? QUOTE_IN_QUOTED : QUOTED);
      int afterClosing =
          eol ? RECORD_START : comma ? FIELD_START : space || b >= 0x80 ? AFTER_QUOTED : NOT_CSV;
      NEXT[QUOTE_IN_QUOTED][b] = (byte) (quote ? QUOTED : afterClosing);
      NEXT[AFTER_QUOTED][b] = (byte) afterClosing;
      NEXT[NOT_CSV][b] = NOT_CSV;
    }
  }

  private CsvSplits() {}

  /**
   * What a range does to each state it may start in: {@code end[s]} the state after its last byte,
   * {@code firstRecord[s]} the offset in the file of its first record start (the range's first byte
   * when it starts at one), or -1 when no record starts in it.
   */
  record Summary(long start, long length, byte[] end, long[] firstRecord, String unreadable)
      implements Serializable {

    /** The summary of a range that could not be read, {@code why}. */
    static Summary unreadable(String why) {
      return new Summary(-1, 0, null, null, why);
    }
  }

  /** A part of a file to parse: from a record start up to the next part's. */
  record Part(int index, long start, long end) implements Serializable {

    long length() {
      return end - start;
    }
  }

  /** Reads {@code length} bytes of {@code in}, which begin at offset {@code start} of the file. */
  static Summary scan(InputStream in, long start, long length) throws IOException {
    byte[] state = new byte[STATES];
    long[] firstRecord = new long[STATES];
    for (int s = 0; s < STATES; s++) {
      state[s] = (byte) s;
      firstRecord[s] = s == RECORD_START ? start : -1;
    }
    int open = STATES - 1;
    byte[] buffer = new byte[64 * 1024];
    long offset = start;
    long left = length;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("the file ended " + left + " bytes early");
      }
      for (int i = 0; i < read; i++) {
        int b = buffer[i] & 0xFF;
        for (int s = 0; s < STATES; s++) {
          int next = NEXT[state[s]][b];
          state[s] = (byte) next;
          if (open > 0
              && next == RECORD_START
              && firstRecord[s] < 0
              && offset + i + 1 < start + length) {
            firstRecord[s] = offset + i + 1;
            open--;
          }
        }
      }
      offset += read;
      left -= read;
    }
    return new Summary(start, length, state, firstRecord, null);
  }

  /**
   * The parts of a file whose records begin at {@code dataStart} (after a byte order mark) and end
   * at {@code fileLength}, one for each summary in file order: part {@code i} runs from the first
   * record start of range {@code i} to that of the next range that has one. A range in which no
   * record starts (a quoted field longer than the range) gives an empty part.
   */
  static List<Part> parts(long dataStart, long fileLength, List<Summary> summaries) {
    int n = summaries.size();
    long[] starts = new long[n];
    int state = RECORD_START;
    for (int i = 0; i < n; i++) {
      Summary summary = summaries.get(i);
      starts[i] = summary.firstRecord()[state];
      state = summary.end()[state];
    }
    List<Part> parts = new ArrayList<>(n);
    long end = fileLength;
    long[] ends = new long[n];
    for (int i = n - 1; i >= 0; i--) {
      ends[i] = end;
      if (starts[i] >= 0) {
        end = starts[i];
      }
    }
    for (int i = 0; i < n; i++) {
      parts.add(starts[i] < 0 ? new Part(i, ends[i], ends[i]) : new Part(i, starts[i], ends[i]));
    }
    if (n > 0 && starts[0] != dataStart) {
      throw new IllegalStateException("the first range does not start with a record");
    }
    return parts;
  }

  /** The ranges of at most {@code splitBytes} bytes that cover the records of a file. */
  static List<long[]> ranges(long dataStart, long fileLength, long splitBytes) {
    List<long[]> ranges = new ArrayList<>();
    for (long start = dataStart; start < fileLength; start += splitBytes) {
      ranges.add(new long[] {start, Math.min(splitBytes, fileLength - start)});
    }
    return ranges;
  }
}
