package org.presstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verifier against the published RFC 6962/9162 vectors of transparency-dev/merkle (test
 * resources under merkle/, with their source): every happy path accepted, every tampered proof
 * (flipped bits, truncation, garbage, swapped roots, wrong index) rejected.
 */
class MerkleVectorsTests {

  static final Path VECTORS = Path.of("src/test/resources/merkle/testdata");
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TestFactory
  Stream<DynamicTest> inclusionVectors() throws IOException {
    return vectors("inclusion")
        .map(
            file ->
                DynamicTest.dynamicTest(
                    VECTORS.relativize(file).toString(),
                    () -> {
                      JsonNode v = JSON.readTree(file.toFile());
                      if (!v.get("leafIdx").canConvertToLong()
                          || !v.get("treeSize").canConvertToLong()) {
                        // Sizes past 2^63 cannot be expressed in the API; the vectors expect
                        // rejection.
                        assertThat(v.get("wantErr").asBoolean()).isTrue();
                        return;
                      }
                      boolean ok =
                          MerkleVerifier.verifyInclusion(
                              v.get("leafIdx").asLong(),
                              v.get("treeSize").asLong(),
                              bytes(v.get("leafHash")),
                              list(v.get("proof")),
                              bytes(v.get("root")));
                      assertThat(ok)
                          .as(v.get("desc").asString())
                          .isEqualTo(!v.get("wantErr").asBoolean());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() throws IOException {
    return vectors("consistency")
        .map(
            file ->
                DynamicTest.dynamicTest(
                    VECTORS.relativize(file).toString(),
                    () -> {
                      JsonNode v = JSON.readTree(file.toFile());
                      boolean ok =
                          MerkleVerifier.verifyConsistency(
                              v.get("size1").asLong(),
                              v.get("size2").asLong(),
                              list(v.get("proof")),
                              bytes(v.get("root1")),
                              bytes(v.get("root2")));
                      assertThat(ok)
                          .as(v.get("desc").asString())
                          .isEqualTo(!v.get("wantErr").asBoolean());
                    }));
  }

  private static Stream<Path> vectors(String kind) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(VECTORS.resolve(kind))) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    return files.stream();
  }

  static byte[] bytes(JsonNode node) {
    return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asString());
  }

  static List<byte[]> list(JsonNode node) {
    var hashes = new ArrayList<byte[]>();
    if (node != null && !node.isNull()) {
      node.forEach(element -> hashes.add(bytes(element)));
    }
    return hashes;
  }
}
