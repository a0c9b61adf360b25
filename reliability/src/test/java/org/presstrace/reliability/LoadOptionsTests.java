package org.presstrace.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.presstrace.reliability.LoadOptions.Auth;

class LoadOptionsTests {

  private static Map<String, String> with(String... pairs) {
    var properties = new HashMap<String, String>();
    properties.put("logins", "/tmp/demo-logins.properties");
    for (int i = 0; i < pairs.length; i += 2) {
      properties.put(pairs[i], pairs[i + 1]);
    }
    return properties;
  }

  private static String refusal(Map<String, String> properties, String tokens) {
    return assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(properties, tokens))
        .getMessage();
  }

  @Test
  void defaultsAreTheIssuesLevelsForThirtySecondsWithBasic() {
    LoadOptions options = LoadOptions.parse(with(), null);

    assertEquals(List.of(1, 8, 32), options.users());
    assertEquals(List.of(1, 16), options.readUsers());
    assertEquals(30, options.seconds());
    assertEquals(List.of(Auth.BASIC), options.auths());
    assertEquals(List.of(1, 8, 16, 32), options.levels());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "users|0|users: 0 is not between 1 and 512",
        "users|-1|users: '-1' is not a whole number",
        "users|1,,8|users: '' is not a whole number",
        "users|eight|users: 'eight' is not a whole number",
        "users|1,8,1|users: 1 is given twice",
        "users|100000|users: 100000 is not between 1 and 512",
        "users|99999999999|users: '99999999999' is not a whole number",
        "users|''|users: '' is not a whole number",
        "users|١٢|users: '١٢' is not a whole number",
        "seconds|1e3|seconds: '1e3' is not a whole number",
        "seconds|0|seconds: 0 is not between 1 and 3600",
        "seconds|86400|seconds: 86400 is not between 1 and 3600",
        "auth|Basic|auth: 'Basic' is not one of basic, token, both",
        "auth|oidc|auth: 'oidc' is not one of basic, token, both",
        "baseUrl|https://127.0.0.1:8443|baseUrl: 'https://127.0.0.1:8443' is not an http:// URL",
        "baseUrl|http://10.1.2.3:8080|baseUrl: '10.1.2.3' is not this machine;"
            + " load is only sent to loopback addresses",
        "baseUrl|http://example.org/|baseUrl: 'example.org' is not this machine;"
            + " load is only sent to loopback addresses",
        "baseUrl|http://127.0.0.1.example.org/|baseUrl: '127.0.0.1.example.org' is not this"
            + " machine; load is only sent to loopback addresses",
        "baseUrl|not a url|baseUrl: 'not a url' is not a URL",
      })
  void refusesAnOptionThatMakesNoSenseNamingIt(String key, String value, String message) {
    assertEquals(message, refusal(with(key, value), null));
  }

  @Test
  void someUsersMustBeGiven() {
    assertEquals(
        "users: give the users of the mixed workload (e.g. 1,8,32), of the reads, or both",
        refusal(with("users", "none", "readUsers", "none"), null));
  }

  @Test
  void basicNeedsTheDemoLoginsFile() {
    var properties = with();
    properties.remove("logins");

    assertEquals(
        "logins: HTTP Basic needs the demo logins file (demo-logins.properties)",
        refusal(properties, null));
  }

  @Test
  void aBareTokenIsTheInvestigatorsAndServesTheReadsAlone() {
    LoadOptions options =
        LoadOptions.parse(with("auth", "token", "users", "none"), "pt_0123456789abcdef");

    assertEquals(Map.of("dea.investigator", "pt_0123456789abcdef"), options.tokens());
    assertTrue(options.users().isEmpty());
  }

  @Test
  void theMixedWorkloadUnderTokensNeedsTheDealersAndTheManufacturersToo() {
    String message = refusal(with("auth", "token"), "pt_0123456789abcdef");

    assertTrue(
        message.startsWith(
            "PRESSTRACE_LOAD_TOKEN: no token for acme.registrant," + " tristate.dealer "),
        message);
  }

  @Test
  void tokensByUser() {
    LoadOptions options =
        LoadOptions.parse(
            with("auth", "both"),
            "dea.investigator=pt_aaaaaaaa,"
                + " tristate.dealer=pt_bbbbbbbb,acme.registrant=pt_cccccccc");

    assertEquals(List.of(Auth.BASIC, Auth.TOKEN), options.auths());
    assertEquals("pt_bbbbbbbb", options.tokens().get("tristate.dealer"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|PRESSTRACE_LOAD_TOKEN is not set: the token run needs a bearer token issued by"
            + " PressTrace",
        "short|PRESSTRACE_LOAD_TOKEN: the token for dea.investigator must be 8 to 4096 printable"
            + " characters without spaces",
        "'=pt_aaaaaaaa'|PRESSTRACE_LOAD_TOKEN: each entry must be username=token (one is not)",
        "'dea.investigator=pt_aaaa aaaa'|PRESSTRACE_LOAD_TOKEN: the token for dea.investigator"
            + " must be 8 to 4096 printable characters without spaces",
        "'dea.investigator=pt_aaaaaaaa,dea.investigator=pt_bbbbbbbb'|PRESSTRACE_LOAD_TOKEN:"
            + " dea.investigator is given twice",
      })
  void refusesATokenThatCannotBeSentAsIsWithoutRepeatingIt(String tokens, String message) {
    String refused = refusal(with("auth", "token", "users", "none"), tokens);

    assertEquals(message, refused);
    if (tokens.length() > 8) {
      assertFalse(refused.contains("pt_aaaa"), "the message repeats the token");
    }
  }

  @Test
  void refusesATokenThatWouldAddAHeader() {
    assertEquals(
        "PRESSTRACE_LOAD_TOKEN: the token for dea.investigator must be 8 to 4096 printable"
            + " characters without spaces",
        refusal(with("auth", "token", "users", "none"), "pt_aaaa\r\nX-Injected: 1"));
  }
}
