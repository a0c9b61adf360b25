package org.presstrace.resolution.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.presstrace.resolution.MatchOptions;
import org.presstrace.resolution.PairsCsv;
import org.presstrace.shared.InvalidRequest;

/**
 * Writes a run's pairs from the executors: sorted across the cluster in the in-process engine's
 * order (left id, score descending, right id), each partition writes its lines to a part file of
 * its own ({@code part-00000.csv}, {@code part-00001.csv} ..., the header in the first), so that
 * the part files, concatenated in name order, are the file the in-process engine writes. The parts
 * are written to a directory beside the one asked for and renamed to it when all are written: a
 * failed run leaves no directory. The driver holds one partition's lines at a time when it writes
 * the single output file.
 */
final class PairFiles {

  private PairFiles() {}

  /** The order of the pairs in the output file. */
  record Order(String leftId, double score, String rightId)
      implements Comparable<Order>, Serializable {

    static Order of(ScoredPair pair) {
      return new Order(pair.leftId(), pair.score(), pair.rightId());
    }

    @Override
    public int compareTo(Order other) {
      int byLeft = leftId.compareTo(other.leftId);
      if (byLeft != 0) {
        return byLeft;
      }
      int byScore = Double.compare(other.score, score);
      return byScore != 0 ? byScore : rightId.compareTo(other.rightId);
    }
  }

  static String partName(int index) {
    return String.format(Locale.ROOT, "part-%05d.csv", index);
  }

  /**
   * Writes the pairs of {@code kept} at or above the link threshold: as part files to {@code
   * outDir} when given (a directory that must not exist yet), and to {@code out} when given.
   */
  static void write(
      JavaSparkContext spark,
      JavaRDD<ScoredPair> kept,
      MatchOptions options,
      boolean explain,
      String outDir,
      Writer out)
      throws IOException {
    double link = options.link();
    JavaRDD<String> lines =
        kept.filter(pair -> pair.score() >= link)
            .sortBy(Order::of, true, Math.max(1, kept.getNumPartitions()))
            .map(pair -> PairsCsv.line(pair.match(), explain));
    if (outDir != null) {
      writeParts(spark, lines, explain, outDir);
      if (out != null) {
        concatenate(spark.hadoopConfiguration(), outDir, out);
      }
    } else if (out != null) {
      out.write(PairsCsv.header(explain));
      Iterator<String> each = lines.toLocalIterator();
      while (each.hasNext()) {
        out.write(each.next());
      }
      out.flush();
    }
  }

  private static void writeParts(
      JavaSparkContext spark, JavaRDD<String> lines, boolean explain, String outDir)
      throws IOException {
    Configuration conf = spark.hadoopConfiguration();
    Path target;
    FileSystem fs;
    try {
      target = new Path(outDir);
      fs = target.getFileSystem(conf);
      if (fs.exists(target)) {
        throw new InvalidRequest("out-dir", "'" + outDir + "' exists: give a new directory");
      }
    } catch (IllegalArgumentException | IOException bad) {
      if (bad instanceof InvalidRequest refused) {
        throw refused;
      }
      throw new InvalidRequest("out-dir", "cannot write '" + outDir + "': " + bad.getMessage());
    }
    Path staging = new Path(target.getParent(), "." + target.getName() + "-" + UUID.randomUUID());
    String stagingName = fs.makeQualified(staging).toString();
    var settings = new HashMap<String, String>();
    conf.forEach(setting -> settings.put(setting.getKey(), setting.getValue()));
    Broadcast<HashMap<String, String>> hadoop = spark.broadcast(settings);
    String header = PairsCsv.header(explain);
    try {
      fs.mkdirs(staging);
      List<Integer> written =
          lines
              .mapPartitionsWithIndex(
                  (index, part) ->
                      List.of(writePart(hadoop.value(), stagingName, index, part, header))
                          .iterator(),
                  false)
              .collect();
      if (written.isEmpty()) {
        try (Writer first = writer(fs, new Path(staging, partName(0)))) {
          first.write(header);
        }
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot rename '" + staging + "' to '" + target + "'");
      }
    } catch (IOException | RuntimeException failed) {
      fs.delete(staging, true);
      throw failed;
    }
  }

  private static int writePart(
      Map<String, String> settings,
      String staging,
      int index,
      Iterator<String> lines,
      String header)
      throws IOException {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    Path part = new Path(staging, partName(index));
    int count = 0;
    try (Writer writer = writer(part.getFileSystem(conf), part)) {
      if (index == 0) {
        writer.write(header);
      }
      while (lines.hasNext()) {
        writer.write(lines.next());
        count++;
      }
    }
    return count;
  }

  private static Writer writer(FileSystem fs, Path file) throws IOException {
    // The part files are the output: no checksum files beside them on a local file system.
    fs.setWriteChecksum(false);
    return new BufferedWriter(
        new OutputStreamWriter(fs.create(file, true), StandardCharsets.UTF_8));
  }

  /** The part files of {@code outDir}, in order, copied to {@code out}. */
  private static void concatenate(Configuration conf, String outDir, Writer out)
      throws IOException {
    Path dir = new Path(outDir);
    FileSystem fs = dir.getFileSystem(conf);
    char[] buffer = new char[64 * 1024];
    for (int index = 0; ; index++) {
      Path part = new Path(dir, partName(index));
      if (!fs.exists(part)) {
        break;
      }
      try (InputStream in = fs.open(part);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        int read;
        while ((read = reader.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
        }
      }
    }
    out.flush();
  }
}
