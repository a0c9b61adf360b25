package org.presstrace.shared;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Imported files as text: strict UTF-8 (a leading byte-order mark is skipped). A byte sequence that
 * is not UTF-8, including an encoded lone surrogate ({@code ED A0 80}), is refused with the line
 * and the CSV column it sits in, never replaced by {@code U+FFFD} and stored.
 */
public final class Utf8Text {

  private Utf8Text() {}

  /**
   * The text of {@code content}; an {@link InvalidRequest} naming the column (by its header when
   * the first line is readable) and stating the line when it is not UTF-8.
   */
  public static String decode(byte[] content) {
    Decoded decoded = strictly(content);
    if (decoded.text() == null) {
      throw refusal(content, decoded.start(), decoded.badByte());
    }
    return decoded.text();
  }

  /**
   * {@code content} decoded as strict UTF-8 after an optional byte-order mark: the text, or null
   * with the offset of the first byte that is not UTF-8, for callers that report it their own way.
   */
  public record Decoded(String text, int start, int badByte) {}

  /** Decodes {@code content} strictly; see {@link Decoded}. */
  public static Decoded strictly(byte[] content) {
    int start =
        content.length >= 3
                && content[0] == (byte) 0xEF
                && content[1] == (byte) 0xBB
                && content[2] == (byte) 0xBF
            ? 3
            : 0;
    var in = ByteBuffer.wrap(content, start, content.length - start);
    var out = CharBuffer.allocate(content.length - start);
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    var result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    return result.isError()
        ? new Decoded(null, start, in.position())
        : new Decoded(out.flip().toString(), start, -1);
  }

  /** As {@link #decode(byte[])} for text already decoded elsewhere: refuses unpaired surrogates. */
  public static String check(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        i++;
      } else if (Character.isSurrogate(c) || c == '\uFFFD') {
        byte[] before = text.substring(0, i).getBytes(StandardCharsets.UTF_8);
        throw refusal(before, 0, before.length);
      }
    }
    return text;
  }

  private static InvalidRequest refusal(byte[] content, int start, int at) {
    int line = 1;
    int lineStart = start;
    for (int i = start; i < at; i++) {
      if (content[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = 1;
    boolean quoted = false;
    for (int i = lineStart; i < at; i++) {
      if (content[i] == '"') {
        quoted = !quoted;
      } else if (content[i] == ',' && !quoted) {
        column++;
      }
    }
    String name = header(content, start, column);
    String where = "line " + line + ", column " + column + (name == null ? "" : " (" + name + ")");
    String bad = at < content.length ? String.format(" (byte 0x%02X)", content[at]) : "";
    return new InvalidRequest(
        name == null ? "column " + column : name,
        where
            + ": the text is not valid UTF-8"
            + bad
            + "; save the file as UTF-8 (CSV UTF-8), not in a legacy code page");
  }

  /** The name of CSV column {@code column} (from 1) in the first line, when it is readable. */
  private static String header(byte[] content, int start, int column) {
    int end = start;
    while (end < content.length && content[end] != '\n' && end - start < 4096) {
      end++;
    }
    try {
      String first =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(content, start, end - start))
              .toString()
              .strip();
      List<String> names = List.of(first.split(",", -1));
      if (column <= names.size()) {
        String name = names.get(column - 1).strip().replace("\"", "");
        return name.isEmpty() ? null : name;
      }
    } catch (CharacterCodingException notText) {
      // the header itself is not UTF-8: the column is named by number only
    }
    return null;
  }
}
