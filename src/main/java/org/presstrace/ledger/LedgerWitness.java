package org.presstrace.ledger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches another PressTrace instance's log from outside: fetches its latest signed head, checks
 * the signature against the key pinned on first contact, and proves with a consistency proof from
 * the instance that the new head extends the last one seen. The last head and the pinned key live
 * in a small JSON state file, so the witness remembers across runs. A shrinking log, a fork, a bad
 * signature or a key change is an alert; the state then keeps the last good head.
 */
public final class LedgerWitness {

  private static final HexFormat HEX = HexFormat.of();
  private static final String API = "/api/v1/ledger";

  /** The outcome of one look: an alert, or what was verified. */
  public record Observation(boolean alert, String message) {}

  /** Thrown when the instance cannot be asked (unreachable, refuses the witness, bad answer). */
  public static final class Unreachable extends IOException {
    public Unreachable(String message) {
      super(message);
    }
  }

  private final URI base;
  private final String authorization;
  private final Path stateFile;
  private final PublicKey expectedKey;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param authorization the {@code Authorization} header value, or null to ask anonymously
   * @param expectedKey the key to pin on first contact instead of the one the instance publishes,
   *     or null to trust the instance's key on first contact
   */
  public LedgerWitness(
      URI base, String authorization, Path stateFile, PublicKey expectedKey, Clock clock) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.authorization = authorization;
    this.stateFile = stateFile;
    this.expectedKey = expectedKey;
    this.clock = clock;
  }

  /** Looks once; records the new head in the state file unless something is wrong. */
  public Observation observe() throws IOException, InterruptedException {
    JsonNode state = readState();
    JsonNode key = get(API + "/key");
    String publishedId = key.path("keyId").asString("");
    PublicKey published;
    try {
      published = LedgerKeys.publicKey(key.path("publicKey").asString(""));
    } catch (IllegalArgumentException e) {
      return alert("the instance publishes no valid Ed25519 public key");
    }
    if (!LedgerKeys.keyId(published).equals(publishedId)) {
      return alert(
          "the instance publishes key id "
              + publishedId
              + " for a key whose id is "
              + LedgerKeys.keyId(published));
    }
    PublicKey pinned = pinnedKey(state, published);
    String pinnedId = LedgerKeys.keyId(pinned);
    if (!pinnedId.equals(publishedId)) {
      return alert(
          "key changed: pinned key id " + pinnedId + ", the instance now publishes " + publishedId);
    }
    SignedTreeHead head = head(get(API + "/head"));
    if (head == null) {
      return alert("the instance's signed head is malformed");
    }
    if (!LedgerKeys.signs(pinned, head)) {
      return alert(
          "signed head at size "
              + head.treeSize()
              + ": signature does not verify with pinned key id "
              + pinnedId);
    }
    Observation verdict =
        state == null
            ? new Observation(
                false,
                "pinned key id "
                    + pinnedId
                    + "; first signed head at size "
                    + head.treeSize()
                    + ", root "
                    + head.rootHash())
            : consistent(head(state.path("head")), head);
    if (!verdict.alert()) {
      writeState(pinned, head);
    }
    return verdict;
  }

  private PublicKey pinnedKey(JsonNode state, PublicKey published) {
    if (state != null) {
      return LedgerKeys.publicKey(state.path("publicKey").asString(""));
    }
    return expectedKey != null ? expectedKey : published;
  }

  /** An alert when {@code next} does not extend {@code last}, else how it was shown. */
  private Observation consistent(SignedTreeHead last, SignedTreeHead next)
      throws IOException, InterruptedException {
    if (last == null) {
      return alert("the state file " + stateFile + " holds no readable head");
    }
    if (next.treeSize() < last.treeSize()) {
      return alert(
          "the log shrank: size "
              + last.treeSize()
              + " was signed at "
              + last.issuedAt()
              + ", the instance now signs size "
              + next.treeSize());
    }
    if (next.treeSize() == last.treeSize()) {
      return next.rootHash().equals(last.rootHash())
          ? verified(next, "same size and root as last seen")
          : alert("fork: two different roots signed for size " + next.treeSize());
    }
    if (last.treeSize() == 0) {
      return verified(next, "grown from the empty log");
    }
    JsonNode answer =
        get(API + "/proofs/consistency?first=" + last.treeSize() + "&second=" + next.treeSize());
    List<byte[]> proof = new ArrayList<>();
    try {
      answer.path("proof").forEach(node -> proof.add(HEX.parseHex(node.asString(""))));
    } catch (IllegalArgumentException e) {
      return alert("the consistency proof from size " + last.treeSize() + " is not hex");
    }
    boolean holds =
        MerkleVerifier.verifyConsistency(
            last.treeSize(),
            next.treeSize(),
            proof,
            parseHex(last.rootHash()),
            parseHex(next.rootHash()));
    return holds
        ? verified(
            next, "consistent with size " + last.treeSize() + " (" + proof.size() + "-hash proof)")
        : alert(
            "fork: the head at size "
                + next.treeSize()
                + " is not consistent with the head at size "
                + last.treeSize()
                + " signed at "
                + last.issuedAt());
  }

  private static byte[] parseHex(String hex) {
    try {
      return HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Observation verified(SignedTreeHead head, String how) {
    return new Observation(false, "signed head at size " + head.treeSize() + " verified, " + how);
  }

  private static Observation alert(String message) {
    return new Observation(true, message);
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unreachable("cannot reach " + base + ": " + e.getMessage());
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new Unreachable(
          base
              + path
              + " refused the witness (HTTP "
              + response.statusCode()
              + "): give --token or --user");
    }
    if (response.statusCode() / 100 != 2) {
      throw new Unreachable(base + path + " answered HTTP " + response.statusCode());
    }
    try {
      return json.readTree(response.body());
    } catch (JacksonException e) {
      throw new Unreachable(base + path + " answered something that is not JSON");
    }
  }

  private static SignedTreeHead head(JsonNode node) {
    try {
      String root = node.path("rootHash").asString("");
      HEX.parseHex(root);
      return new SignedTreeHead(
          node.path("treeSize").asLong(-1),
          root,
          Instant.parse(node.path("issuedAt").asString("")),
          node.path("keyId").asString(""),
          node.path("signature").asString(""));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private JsonNode readState() throws IOException {
    if (!Files.exists(stateFile)) {
      return null;
    }
    try {
      JsonNode state = json.readTree(Files.readString(stateFile, StandardCharsets.UTF_8));
      LedgerKeys.publicKey(state.path("publicKey").asString(""));
      return state;
    } catch (JacksonException | IllegalArgumentException e) {
      throw new IOException(
          "the witness state file "
              + stateFile
              + " is not readable: "
              + "move it away to start over with a new pin");
    }
  }

  private void writeState(PublicKey pinned, SignedTreeHead head) throws IOException {
    var headFields = new LinkedHashMap<String, Object>();
    headFields.put("treeSize", head.treeSize());
    headFields.put("rootHash", head.rootHash());
    headFields.put("issuedAt", head.issuedAt().toString());
    headFields.put("keyId", head.keyId());
    headFields.put("signature", head.signature());
    var state = new LinkedHashMap<String, Object>();
    state.put("url", base.toString());
    state.put("keyId", LedgerKeys.keyId(pinned));
    state.put("publicKey", java.util.Base64.getEncoder().encodeToString(pinned.getEncoded()));
    state.put("checkedAt", clock.instant().toString());
    state.put("head", headFields);
    Path dir = stateFile.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temporary = Files.createTempFile(dir, ".witness", ".tmp");
    Files.writeString(
        temporary,
        json.writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n",
        StandardCharsets.UTF_8);
    Files.move(
        temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
