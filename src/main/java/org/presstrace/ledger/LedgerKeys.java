package org.presstrace.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The public half of the key that signs tree heads, as anyone checking the log holds it: its key id
 * (the first 8 bytes of SHA-256 over the X.509 SubjectPublicKeyInfo, hex) and Ed25519 signature
 * checks. Needs no database and no running PressTrace.
 */
public final class LedgerKeys {

  private static final Pattern PUBLIC_KEY_JSON =
      Pattern.compile("\"publicKey\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");
  private static final Pattern PUBLIC_PROPERTY =
      Pattern.compile("(?m)^public\\s*=\\s*([A-Za-z0-9+/=]+)\\s*$");

  private LedgerKeys() {}

  /** The key id of a public key: the first 8 bytes of SHA-256 over its encoding, hex. */
  public static String keyId(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * An Ed25519 public key from its X.509 SubjectPublicKeyInfo, base64.
   *
   * @throws IllegalArgumentException when the text is not such a key
   */
  public static PublicKey publicKey(String base64) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an Ed25519 public key (X.509, base64)", e);
    }
  }

  /**
   * Reads a public key file in any of the forms PressTrace hands out: the JSON of {@code GET
   * /api/v1/ledger/key}, a PEM {@code PUBLIC KEY} block, the bare base64, or the {@code public=}
   * line of a ledger key file.
   *
   * @throws IllegalArgumentException naming the file when it holds no such key
   */
  public static PublicKey read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read public key file " + file + ": " + e, e);
    }
    String base64 = text;
    var json = PUBLIC_KEY_JSON.matcher(text);
    var property = PUBLIC_PROPERTY.matcher(text);
    if (json.find()) {
      base64 = json.group(1);
    } else if (property.find()) {
      base64 = property.group(1);
    } else if (text.contains("-----BEGIN PUBLIC KEY-----")) {
      base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    }
    try {
      return publicKey(base64.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "public key file " + file + " holds no Ed25519 public key", e);
    }
  }

  /** Whether {@code signatureBase64} is a valid Ed25519 signature of {@code message}. */
  public static boolean verify(PublicKey key, byte[] message, String signatureBase64) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  /** Whether {@code head} is signed by {@code key}, under the key id it names. */
  public static boolean signs(PublicKey key, SignedTreeHead head) {
    return keyId(key).equals(head.keyId()) && verify(key, head.signedBytes(), head.signature());
  }

  /** The key as a PEM {@code PUBLIC KEY} block. */
  public static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }
}
