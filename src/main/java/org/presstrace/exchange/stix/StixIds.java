package org.presstrace.exchange.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * STIX identifiers and timestamps. An object PressTrace exports from one of its records has a
 * deterministic id, a UUIDv5 in the namespace STIX 2.1 defines for deterministic ids (section 2.9)
 * over the record's PressTrace kind and id, so exporting the record again gives the same id.
 */
public final class StixIds {

  /** The namespace STIX 2.1 gives for UUIDv5 identifiers. */
  public static final UUID NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private StixIds() {}

  /** {@code type--uuid5(namespace, "presstrace:" + kind + ":" + recordId)}. */
  public static String of(String type, String kind, String recordId) {
    return type + "--" + uuid5("presstrace:" + kind + ":" + recordId);
  }

  /** A UUIDv5 (RFC 9562) of {@code name} in the STIX namespace. */
  public static UUID uuid5(String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
    ByteBuffer namespace = ByteBuffer.allocate(16);
    namespace.putLong(NAMESPACE.getMostSignificantBits());
    namespace.putLong(NAMESPACE.getLeastSignificantBits());
    sha1.update(namespace.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  /** A STIX timestamp in UTC with milliseconds, e.g. {@code 2026-03-01T09:30:00.000Z}. */
  public static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }

  /** Parses a STIX or TAXII timestamp (RFC 3339 in UTC, any fraction). */
  public static Instant parseTimestamp(String text) {
    return Instant.parse(text);
  }
}
