package org.presstrace.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;
import org.presstrace.exchange.internal.SignatureProfile.Parameters;
import org.presstrace.exchange.internal.SignatureProfile.Refused;
import org.presstrace.exchange.internal.SignatureProfile.SignedHeaders;

class SignatureProfileTests {

  static final String URI = "https://cn.example/exchange/v1/messages";
  static final String JSON = "application/json";
  static final byte[] BODY = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

  private final KeyPair key = pair();
  private final Parameters parameters =
      new Parameters(1_700_000_000L, "pt-0123456789abcdef", "nonce-0123456789abcdef", "ed25519");

  @Test
  void buildsTheSignatureBaseOfRfc9421Section25() {
    assertThat(
            SignatureProfile.signatureBase(
                "POST",
                URI,
                JSON,
                SignatureProfile.contentDigest(
                    "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8)),
                parameters))
        .isEqualTo(
            "\"@method\": POST\n"
                + "\"@target-uri\": https://cn.example/exchange/v1/messages\n"
                + "\"content-type\": application/json\n"
                + "\"content-digest\": sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\n"
                + "\"@signature-params\": (\"@method\" \"@target-uri\" \"content-type\""
                + " \"content-digest\");created=1700000000;keyid=\"pt-0123456789abcdef\";"
                + "nonce=\"nonce-0123456789abcdef\";alg=\"ed25519\"");
  }

  @Test
  void computesTheContentDigestOfRfc9530() {
    // RFC 9530 section 2's example body and digest
    assertThat(
            SignatureProfile.contentDigest(
                "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");
  }

  @Test
  void aSignedRequestVerifies() {
    SignedHeaders signed = sign(BODY);
    Parameters read = SignatureProfile.parameters(signed.signatureInput());
    assertThat(read).isEqualTo(parameters);
    SignatureProfile.verify(
        key.getPublic(), read, "POST", URI, JSON, signed.contentDigest(), signed.signature(), BODY);
  }

  @Test
  void refusesATamperedBody() {
    SignedHeaders signed = sign(BODY);
    assertRefused(
        "digest-mismatch",
        () ->
            SignatureProfile.verify(
                key.getPublic(),
                parameters,
                "POST",
                URI,
                JSON,
                signed.contentDigest(),
                signed.signature(),
                "{\"hello\":\"World\"}".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesAChangedDigestMethodTargetOrTypeAndAnotherKey() {
    SignedHeaders signed = sign(BODY);
    byte[] other = "{}".getBytes(StandardCharsets.UTF_8);
    assertRefused(
        "bad-signature",
        () ->
            SignatureProfile.verify(
                key.getPublic(),
                parameters,
                "POST",
                URI,
                JSON,
                SignatureProfile.contentDigest(other),
                signed.signature(),
                other));
    assertRefused(
        "bad-signature",
        () ->
            SignatureProfile.verify(
                key.getPublic(),
                parameters,
                "PUT",
                URI,
                JSON,
                signed.contentDigest(),
                signed.signature(),
                BODY));
    assertRefused(
        "bad-signature",
        () ->
            SignatureProfile.verify(
                key.getPublic(),
                parameters,
                "POST",
                "https://us.example/exchange/v1/messages",
                JSON,
                signed.contentDigest(),
                signed.signature(),
                BODY));
    assertRefused(
        "bad-signature",
        () ->
            SignatureProfile.verify(
                key.getPublic(),
                parameters,
                "POST",
                URI,
                "text/plain",
                signed.contentDigest(),
                signed.signature(),
                BODY));
    assertRefused(
        "bad-signature",
        () ->
            SignatureProfile.verify(
                pair().getPublic(),
                parameters,
                "POST",
                URI,
                JSON,
                signed.contentDigest(),
                signed.signature(),
                BODY));
    var later =
        new Parameters(
            parameters.created() + 1, "pt-0123456789abcdef", parameters.nonce(), "ed25519");
    assertRefused(
        "bad-signature",
        () ->
            SignatureProfile.verify(
                key.getPublic(),
                later,
                "POST",
                URI,
                JSON,
                signed.contentDigest(),
                signed.signature(),
                BODY));
  }

  @Test
  void refusesInputsOutsideTheProfile() {
    assertRefused("unsigned", () -> SignatureProfile.parameters(null));
    assertRefused("malformed-signature", () -> SignatureProfile.parameters("pt=garbage"));
    assertRefused(
        "uncovered-components",
        () ->
            SignatureProfile.parameters(
                "pt=(\"@method\" \"@target-uri\" \"content-type\");created=1;keyid=\"k\";"
                    + "nonce=\"0123456789abcdef\";alg=\"ed25519\""));
    assertRefused(
        "unsupported-algorithm",
        () ->
            SignatureProfile.parameters(
                "pt=(\"@method\" \"@target-uri\" \"content-type\" \"content-digest\");created=1;"
                    + "keyid=\"k\";nonce=\"0123456789abcdef\";alg=\"hmac-sha256\""));
    assertRefused(
        "malformed-signature",
        () ->
            SignatureProfile.parameters(
                "pt=(\"@method\" \"@target-uri\" \"content-type\" \"content-digest\");created=1;"
                    + "keyid=\"k\";alg=\"ed25519\""));
    assertRefused(
        "malformed-signature",
        () ->
            SignatureProfile.parameters(
                "pt=(\"@method\" \"@target-uri\" \"content-type\" \"content-digest\");created=1;"
                    + "keyid=\"k\";keyid=\"j\";nonce=\"0123456789abcdef\";alg=\"ed25519\""));
    SignedHeaders signed = sign(BODY);
    assertRefused(
        "malformed-signature",
        () ->
            SignatureProfile.verify(
                key.getPublic(),
                parameters,
                "POST",
                URI,
                JSON,
                signed.contentDigest(),
                "other=" + signed.signature().substring(3),
                BODY));
    assertRefused(
        "bad-signature",
        () ->
            SignatureProfile.verify(
                key.getPublic(),
                parameters,
                "POST",
                URI,
                JSON,
                "md5=:AAAA:",
                signed.signature(),
                BODY));
  }

  private SignedHeaders sign(byte[] body) {
    return SignatureProfile.sign(key.getPrivate(), "POST", URI, JSON, body, parameters);
  }

  private static void assertRefused(String code, Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOf(Refused.class)
        .satisfies(e -> assertThat(((Refused) e).code()).isEqualTo(code));
  }

  private static KeyPair pair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
