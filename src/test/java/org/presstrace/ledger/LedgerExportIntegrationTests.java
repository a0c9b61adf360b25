package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.Channel;
import org.presstrace.access.Directory;
import org.presstrace.access.Marking;
import org.presstrace.access.Role;
import org.presstrace.access.Tlp;
import org.presstrace.intel.IntelReportDraft;
import org.presstrace.intel.IntelReports;
import org.presstrace.support.PressTraceIntegrationTest;
import org.presstrace.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An export checks with nothing but the file and the public key; each kind of change to the file (a
 * leaf byte, a dropped or swapped leaf, a head's root or signature, the wrong key, a truncated
 * file) fails and names the leaf or head where it diverges.
 */
@PressTraceIntegrationTest
@TestPropertySource(properties = "presstrace.test.isolation=ledger-export")
class LedgerExportIntegrationTests {

  @Autowired Directory directory;
  @Autowired IntelReports reports;
  @Autowired Ledger ledger;
  @Autowired LedgerExport export;

  final JsonMapper json = JsonMapper.builder().build();
  PublicKey key;
  List<String> lines;
  long size;

  @BeforeEach
  void exported() {
    var world = new World(directory);
    String agency = world.agency("EXP", AgencyKind.FEDERAL, "USA");
    var investigator = world.as(world.user("inv", agency, Role.INVESTIGATOR), Channel.API);
    for (int i = 0; i < 7; i++) {
      reports.create(
          investigator,
          new IntelReportDraft("Export " + i, "Seen at the port", Marking.of(agency, Tlp.GREEN)));
      if (i % 3 == 0) {
        ledger.head();
      }
    }
    var out = new StringWriter();
    LedgerExport.Written written = export.export(out);
    size = written.leaves();
    lines = new ArrayList<>(out.toString().lines().toList());
    key = LedgerKeys.publicKey(ledger.publicKey());
  }

  @Test
  void anExportChecksAgainstThePublishedKeyAndHoldsEveryLeafAndHead() throws Exception {
    Verification result = check(lines, key);

    assertThat(result.holds()).as(result.firstDivergence()).isTrue();
    assertThat(result.leaves()).isEqualTo(size).isEqualTo(ledger.size());
    assertThat(result.heads()).isEqualTo(ledger.heads().size()).isGreaterThanOrEqualTo(3);
    assertThat(lines.get(0)).contains("\"format\":\"" + LedgerExport.FORMAT + "\"");
    assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"end\"");
  }

  @Test
  void oneAlteredLeafByteIsNamed() throws Exception {
    int line = lineOfLeaf(2);
    edit(
        line,
        leaf -> {
          String data = leaf.get("data").asString();
          leaf.put("data", data.replaceFirst("Export", "Exqort").replace("\"id\":", "\"id\":9"));
        });

    assertThat(check(lines, key).firstDivergence())
        .isEqualTo("leaf 2 (line " + (line + 1) + "): hash does not match its data");
  }

  @Test
  void aLeafWithDataAndHashBothReplacedBreaksTheNextHeadsRoot() throws Exception {
    int line = lineOfLeaf(size - 1);
    edit(
        line,
        leaf -> {
          String data = leaf.get("data").asString().replace("\"outcome\":\"", "\"outcome\":\"NO");
          leaf.put("data", data);
          leaf.put(
              "leafHash",
              java.util.HexFormat.of()
                  .formatHex(
                      MerkleHash.leaf(data.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        });

    assertThat(check(lines, key).firstDivergence())
        .isEqualTo("signed head at size " + size + ": root does not match the leaves");
  }

  @Test
  void aDroppedLeafIsNamed() throws Exception {
    lines.remove(lineOfLeaf(3));

    assertThat(check(lines, key).firstDivergence()).startsWith("leaf 3 is missing");
  }

  @Test
  void twoSwappedLeavesAreNamed() throws Exception {
    int first = lineOfLeaf(4);
    int second = lineOfLeaf(5);
    String held = lines.get(first);
    lines.set(first, lines.get(second));
    lines.set(second, held);

    assertThat(check(lines, key).firstDivergence())
        .isEqualTo("leaf 4 is missing or out of order (line " + (first + 1) + " holds leaf 5)");
  }

  @Test
  void aHeadsRootOrSignatureChangedIsNamed() throws Exception {
    int line = lineOfHead(size);
    String original = lines.get(line);
    edit(line, head -> head.put("rootHash", "00".repeat(32)));
    assertThat(check(lines, key).firstDivergence())
        .isEqualTo("signed head at size " + size + ": root does not match the leaves");

    lines.set(line, original);
    edit(line, head -> head.put("signature", Base64.getEncoder().encodeToString(new byte[64])));
    assertThat(check(lines, key).firstDivergence())
        .isEqualTo("signed head at size " + size + ": signature does not verify");

    lines.set(line, original);
    edit(line, head -> head.put("issuedAt", "2020-01-01T00:00:00Z"));
    assertThat(check(lines, key).firstDivergence())
        .isEqualTo("signed head at size " + size + ": signature does not verify");
  }

  @Test
  void anotherKeyIsRefusedByKeyIdAndAForgedHeaderBySignature() throws Exception {
    PublicKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();

    assertThat(check(lines, other).firstDivergence())
        .isEqualTo(
            "the export names key id "
                + ledger.keyId()
                + ", not the trusted key "
                + LedgerKeys.keyId(other));

    edit(0, header -> header.put("keyId", LedgerKeys.keyId(other)));
    assertThat(check(lines, other).firstDivergence())
        .startsWith("signed head at size ")
        .endsWith(": signature does not verify");
  }

  @Test
  void aTruncatedFileIsOneClearLine() throws Exception {
    List<String> cut = new ArrayList<>(lines.subList(0, lines.size() - 3));
    assertThat(check(cut, key).firstDivergence())
        .isEqualTo(
            "the export ends after line "
                + cut.size()
                + " without its end line: the file is truncated");

    String half = lines.get(lineOfLeaf(1));
    cut = new ArrayList<>(lines.subList(0, lineOfLeaf(1)));
    cut.add(half.substring(0, half.length() / 2));
    assertThat(check(cut, key).firstDivergence())
        .isEqualTo("line " + cut.size() + " is not a JSON object (is the file truncated?)");

    assertThat(check(List.of(), key).firstDivergence())
        .isEqualTo("line 1 is not a " + LedgerExport.FORMAT + " header");
  }

  @Test
  void leavesNoHeadCoversAreRefused() throws Exception {
    lines.remove(lineOfHead(size));
    edit(lines.size() - 1, end -> end.put("heads", end.get("heads").asLong() - 1));

    assertThat(check(lines, key).firstDivergence()).endsWith("on are covered by no signed head");
  }

  private Verification check(List<String> file, PublicKey trusted) throws Exception {
    String text = file.isEmpty() ? "" : String.join("\n", file) + "\n";
    return new ExportCheck(trusted).check(new BufferedReader(new StringReader(text)));
  }

  private int lineOfLeaf(long index) {
    return lineOf("\"type\":\"leaf\",\"index\":" + index + ",");
  }

  private int lineOfHead(long treeSize) {
    return lineOf("\"type\":\"head\",\"treeSize\":" + treeSize + ",");
  }

  private int lineOf(String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("{" + start)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + start);
  }

  private void edit(int line, Consumer<ObjectNode> change) {
    ObjectNode node = (ObjectNode) json.readTree(lines.get(line));
    change.accept(node);
    lines.set(line, json.writeValueAsString(node));
  }
}
