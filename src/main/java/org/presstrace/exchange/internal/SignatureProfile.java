package org.presstrace.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PressTrace's profile of RFC 9421 HTTP Message Signatures: one signature labelled {@code pt}, by
 * Ed25519 ({@code alg="ed25519"}), covering {@code @method}, {@code @target-uri}, {@code
 * content-type} and {@code content-digest} (RFC 9530, sha-256), with the parameters {@code
 * created}, {@code keyid}, {@code nonce} and {@code alg}. The signature base is built as RFC 9421
 * section 2.5 says: one line per covered component, {@code "name": value}, then the {@code
 * "@signature-params"} line, joined by LF with no trailing LF.
 *
 * <p>Parsing accepts only this profile's shape of the Structured Fields (RFC 8941) it reads: a
 * dictionary with one member whose value is an inner list of strings with parameters, and a byte
 * sequence; anything else is refused as malformed rather than guessed at.
 */
public final class SignatureProfile {

  /** The signature's label in {@code Signature-Input} and {@code Signature}. */
  public static final String LABEL = "pt";

  /** The algorithm name of RFC 9421 section 3.3.6. */
  public static final String ALGORITHM = "ed25519";

  /** The covered components, in order. */
  public static final List<String> COMPONENTS =
      List.of("@method", "@target-uri", "content-type", "content-digest");

  private static final Pattern INPUT =
      Pattern.compile("([a-z*][a-z0-9_.*-]*)=\\(((?:\"[^\"\\\\]*\"(?: \"[^\"\\\\]*\")*)?)\\)(.*)");
  private static final Pattern PARAMETER =
      Pattern.compile(
          ";([a-z*][a-z0-9_.*-]*)=(?:\"([\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e]*)\"|(-?[0-9]{1,15}))");
  private static final Pattern SIGNATURE =
      Pattern.compile("([a-z*][a-z0-9_.*-]*)=:([A-Za-z0-9+/]*={0,2}):");
  private static final Pattern DIGEST_MEMBER =
      Pattern.compile("\\s*([a-z0-9-]+)=:([A-Za-z0-9+/]*={0,2}):\\s*");

  private SignatureProfile() {}

  /** The parameters of one signature. */
  public record Parameters(long created, String keyId, String nonce, String algorithm) {

    /** The {@code @signature-params} value, the serialised inner list with its parameters. */
    public String serialised() {
      var value = new StringBuilder("(");
      for (int i = 0; i < COMPONENTS.size(); i++) {
        value.append(i == 0 ? "" : " ").append('"').append(COMPONENTS.get(i)).append('"');
      }
      return value
          .append(");created=")
          .append(created)
          .append(";keyid=\"")
          .append(keyId)
          .append("\";nonce=\"")
          .append(nonce)
          .append("\";alg=\"")
          .append(algorithm)
          .append('"')
          .toString();
    }
  }

  /** The headers a signed request carries besides {@code Content-Type}. */
  public record SignedHeaders(String contentDigest, String signatureInput, String signature) {}

  /** Why a request's signature does not hold; {@code code} names the rule for the problem type. */
  public static final class Refused extends RuntimeException {
    private final String code;

    public Refused(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** {@code sha-256=:base64:} of {@code body}, the RFC 9530 Content-Digest field value. */
  public static String contentDigest(byte[] body) {
    return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
  }

  /** The RFC 9421 signature base for this profile. */
  public static String signatureBase(
      String method, String targetUri, String contentType, String contentDigest, Parameters p) {
    return "\"@method\": "
        + method
        + "\n\"@target-uri\": "
        + targetUri
        + "\n\"content-type\": "
        + contentType.strip()
        + "\n\"content-digest\": "
        + contentDigest.strip()
        + "\n\"@signature-params\": "
        + p.serialised();
  }

  /** Signs a request: its Content-Digest, Signature-Input and Signature field values. */
  public static SignedHeaders sign(
      PrivateKey key,
      String method,
      String targetUri,
      String contentType,
      byte[] body,
      Parameters parameters) {
    String digest = contentDigest(body);
    byte[] base =
        signatureBase(method, targetUri, contentType, digest, parameters)
            .getBytes(StandardCharsets.UTF_8);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(base);
      return new SignedHeaders(
          digest,
          LABEL + "=" + parameters.serialised(),
          LABEL + "=:" + Base64.getEncoder().encodeToString(signer.sign()) + ":");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing a message failed", e);
    }
  }

  /**
   * Reads the signature parameters from {@code Signature-Input}, refusing any shape but this
   * profile's: one signature, the four components in order, created, keyid, nonce and alg.
   */
  public static Parameters parameters(String signatureInput) {
    if (signatureInput == null || signatureInput.isBlank()) {
      throw new Refused("unsigned", "the request has no Signature-Input");
    }
    Matcher input = INPUT.matcher(signatureInput.strip());
    if (!input.matches()) {
      throw new Refused("malformed-signature", "Signature-Input is not one signature's inner list");
    }
    var components = new ArrayList<String>();
    if (!input.group(2).isEmpty()) {
      for (String quoted : input.group(2).split(" ")) {
        components.add(quoted.substring(1, quoted.length() - 1));
      }
    }
    if (!components.equals(COMPONENTS)) {
      throw new Refused(
          "uncovered-components",
          "the signature covers " + components + ", not " + COMPONENTS + " in that order");
    }
    var parameters = new LinkedHashMap<String, String>();
    Matcher parameter = PARAMETER.matcher(input.group(3));
    int at = 0;
    while (at < input.group(3).length()) {
      if (!parameter.find(at) || parameter.start() != at) {
        throw new Refused("malformed-signature", "Signature-Input has malformed parameters");
      }
      String value = parameter.group(2) != null ? parameter.group(2) : parameter.group(3);
      if (parameters.put(parameter.group(1), value) != null) {
        throw new Refused(
            "malformed-signature", "Signature-Input repeats parameter " + parameter.group(1));
      }
      at = parameter.end();
    }
    for (String required : List.of("created", "keyid", "nonce", "alg")) {
      if (!parameters.containsKey(required)) {
        throw new Refused("malformed-signature", "Signature-Input has no " + required);
      }
    }
    if (!ALGORITHM.equals(parameters.get("alg"))) {
      throw new Refused(
          "unsupported-algorithm", "alg \"" + parameters.get("alg") + "\" is not ed25519");
    }
    long created;
    try {
      created = Long.parseLong(parameters.get("created"));
    } catch (NumberFormatException e) {
      throw new Refused("malformed-signature", "created is not an integer");
    }
    String nonce = parameters.get("nonce");
    if (nonce.length() < 16 || nonce.length() > 128) {
      throw new Refused("malformed-signature", "nonce must be 16 to 128 characters");
    }
    return new Parameters(created, parameters.get("keyid"), nonce, ALGORITHM);
  }

  /**
   * Checks the signature of a request whose parameters were read by {@link #parameters}, then its
   * body against the Content-Digest the signature covers.
   */
  public static void verify(
      PublicKey key,
      Parameters parameters,
      String method,
      String targetUri,
      String contentType,
      String contentDigest,
      String signatureField,
      byte[] body) {
    if (contentType == null || contentDigest == null || signatureField == null) {
      throw new Refused("unsigned", "the request lacks Content-Type, Content-Digest or Signature");
    }
    Matcher signature = SIGNATURE.matcher(signatureField.strip());
    if (!signature.matches()) {
      throw new Refused("malformed-signature", "Signature is not one labelled byte sequence");
    }
    if (!LABEL.equals(signature.group(1))) {
      throw new Refused(
          "malformed-signature", "Signature is labelled " + signature.group(1) + ", not " + LABEL);
    }
    byte[] base =
        signatureBase(method, targetUri, contentType, contentDigest, parameters)
            .getBytes(StandardCharsets.UTF_8);
    boolean holds;
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(base);
      holds = verifier.verify(Base64.getDecoder().decode(signature.group(2)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      holds = false;
    }
    if (!holds) {
      throw new Refused("bad-signature", "the signature does not verify with the partner's key");
    }
    byte[] stated = digestMembers(contentDigest).get("sha-256");
    if (stated == null) {
      throw new Refused("digest-mismatch", "Content-Digest has no sha-256 member");
    }
    if (!MessageDigest.isEqual(stated, sha256(body))) {
      throw new Refused("digest-mismatch", "the body does not match its Content-Digest");
    }
  }

  private static Map<String, byte[]> digestMembers(String field) {
    var members = new LinkedHashMap<String, byte[]>();
    for (String member : field.split(",")) {
      Matcher matcher = DIGEST_MEMBER.matcher(member);
      if (!matcher.matches()) {
        throw new Refused("digest-mismatch", "Content-Digest is malformed");
      }
      members.put(matcher.group(1), Base64.getDecoder().decode(matcher.group(2)));
    }
    return members;
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
