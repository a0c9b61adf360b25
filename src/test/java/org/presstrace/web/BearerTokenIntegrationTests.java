package org.presstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Bearer tokens from an identity provider: a token names a PressTrace user, whose roles and lockout
 * PressTrace decides. The provider is stood in for by a key pair made here.
 */
@PressTraceIntegrationTest
class BearerTokenIntegrationTests {

  static final KeyPair PROVIDER = rsaKeyPair();
  private static final String SUBJECT = "3f1c9a52-7d2e-4b8a-9c61-0e5f2d7a4b19";

  @TestConfiguration(proxyBeanMethods = false)
  static class TrustedProvider {

    @Bean
    JwtDecoder jwtDecoder() {
      return NimbusJwtDecoder.withPublicKey((RSAPublicKey) PROVIDER.getPublic()).build();
    }
  }

  @Autowired MockMvcTester mvc;
  @Autowired Directory directory;

  private World world;
  private String investigator;

  @BeforeEach
  void setUp() {
    world = new World(directory);
    investigator =
        world.user(
            "investigator", world.agency("FED", AgencyKind.FEDERAL, "USA"), Role.INVESTIGATOR);
  }

  @Test
  void tokenForAPressTraceUserIsAccepted() {
    MvcTestResult result = agencies(token(investigator, PROVIDER));

    assertThat(result).hasStatusOk();
    assertThat(result).bodyText().contains(world.agency("FED"));
  }

  @Test
  void tokenForAnUnknownUserIsRefused() {
    MvcTestResult result = agencies(token(world.username("stranger"), PROVIDER));

    assertThat(result)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void tokenSignedByAnotherKeyIsRefused() {
    MvcTestResult result = agencies(token(investigator, rsaKeyPair()));

    assertThat(result)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void tokenWithoutRolesForActuatorIsForbidden() {
    assertThat(
            mvc.get()
                .uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(investigator, PROVIDER)))
        .hasStatus(HttpStatus.FORBIDDEN);
  }

  private MvcTestResult agencies(String token) {
    return mvc.get()
        .uri("/api/v1/agencies")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange();
  }

  private static String token(String username, KeyPair signer) {
    Instant now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer("https://idp.example.test/realms/presstrace")
            .subject(SUBJECT)
            .claim("preferred_username", username)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .build();
    var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(signer.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static KeyPair rsaKeyPair() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
