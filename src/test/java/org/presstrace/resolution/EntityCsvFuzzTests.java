package org.presstrace.resolution;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.presstrace.shared.InvalidRequest;

/**
 * An entity CSV file of any content, read with any column mapping, gives entities or an {@link
 * InvalidRequest}, never anything else. Kept inputs are under
 * src/test/resources/org/presstrace/resolution/EntityCsvFuzzTestsInputs/.
 */
class EntityCsvFuzzTests {

  private static final Schema[] SCHEMAS = Schema.values();
  private static final String[] MAPS = {
    "id=id,name=name,birth=birthDate,phone=phone,email=email,country=country",
    "id=id,name=name,number=registrationNumber,city=city,street=street",
    "id=id,name=name,vin=vin",
    "id=id,name=name,address=address,region=region,postal=postalCode"
  };

  private static Path file;

  @BeforeAll
  static void createFile() throws IOException {
    file = Files.createTempFile("entities", ".csv");
  }

  @AfterAll
  static void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  @DictionaryFile(resourcePath = "EntityCsvFuzzTests.dict")
  @FuzzTest(maxDuration = "30s")
  void anyEntityFileGivesEntitiesOrARefusal(FuzzedDataProvider data) throws IOException {
    Schema schema = data.pickValue(SCHEMAS);
    String map = data.consumeBoolean() ? data.pickValue(MAPS) : data.consumeString(120);
    Files.writeString(file, data.consumeRemainingAsString(), StandardCharsets.UTF_8);
    try {
      EntityCsv.mapping(schema, map).read(file, "file");
    } catch (InvalidRequest refused) {
      // the documented refusal: a 400 problem or one line from the command line
    }
  }
}
