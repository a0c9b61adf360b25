package org.presstrace.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Linkage and deduplication quality on the FEBRL synthetic people (test resources under febrl/,
 * copied with their licence). The truth is the record number in rec_id. Prints precision, recall,
 * F1 and the wall time of each task.
 */
class FebrlTests {

  static final Path FEBRL = Path.of("src/test/resources/febrl");
  static final String MAP =
      "rec_id=id,given_name=firstName,surname=lastName,street_number=street,address_1=street,"
          + "address_2=address,suburb=city,postcode=postalCode,state=region,"
          + "date_of_birth=birthDate,soc_sec_id=idNumber";

  static List<Entity> read(String file) throws IOException {
    return EntityCsv.mapping(Schema.PERSON, MAP).read(FEBRL.resolve(file), "left");
  }

  /** CPU time of this thread: the machine's other load does not count. */
  static long cpuNanos() {
    return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  static String person(String recId) {
    return recId.split("-")[1];
  }

  @Test
  void linksDataset4aToDataset4bWithAnF1OfAtLeast095() throws IOException {
    var left = read("dataset4a.csv");
    var right = read("dataset4b.csv");
    long start = cpuNanos();
    MatchRun run = Matching.withDefaults().link(left, right);
    long millis = (cpuNanos() - start) / 1_000_000;

    Quality quality = Quality.of(run.links(), 5000);
    quality.print("FEBRL dataset4a x dataset4b linkage", millis, run.candidatePairs());
    assertThat(quality.f1()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void deduplicatesDataset3() throws IOException {
    var records = read("dataset3.csv");
    Map<String, Integer> sizes = new HashMap<>();
    records.forEach(record -> sizes.merge(person(record.id()), 1, Integer::sum));
    long truePairs = sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    long start = cpuNanos();
    MatchRun run = Matching.withDefaults().deduplicate(records);
    long millis = (cpuNanos() - start) / 1_000_000;

    Quality quality = Quality.of(run.links(), truePairs);
    quality.print("FEBRL dataset3 deduplication", millis, run.candidatePairs());
    assertThat(quality.f1()).isGreaterThanOrEqualTo(0.9);
  }

  record Quality(long truePositives, long predicted, long actual) {

    static Quality of(List<Match> links, long actual) {
      long right =
          links.stream().filter(m -> person(m.leftId()).equals(person(m.rightId()))).count();
      return new Quality(right, links.size(), actual);
    }

    double precision() {
      return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    double recall() {
      return (double) truePositives / actual;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    void print(String task, long millis, long candidates) {
      System.out.printf(
          Locale.ROOT,
          "%s: precision=%.4f recall=%.4f F1=%.4f (links=%d, true pairs=%d, candidate pairs=%d)"
              + " in %d ms of CPU%n",
          task,
          precision(),
          recall(),
          f1(),
          predicted,
          actual,
          candidates,
          millis);
    }
  }
}
