package org.presstrace.resolution.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.presstrace.resolution.EntityCsv;
import org.presstrace.shared.InvalidRequest;
import scala.Tuple2;

/**
 * A CSV file of entities read on the executors, in byte ranges of at most the split size: each
 * range's first record start is found ({@link CsvSplits}), each executor parses its part with
 * {@link EntityCsv} (the same parsing, mapping and checks as the in-process engine), and the
 * records are numbered in file order. The driver reads only the header row, a few numbers per range
 * and, when the file is refused, the first refusal: never the records.
 */
final class ClusterCsv {

  /** The Spark setting of the split size in bytes; 64 MiB by default, as an HDFS block. */
  static final String SPLIT_BYTES = "spark.presstrace.splitBytes";

  static final long DEFAULT_SPLIT_BYTES = 64L * 1024 * 1024;

  private ClusterCsv() {}

  /** The records of one file, on the executors, and how many there are. */
  record Records(JavaRDD<ShippedEntity> records, long count) {}

  /** One record as parsed on an executor: its values, or the refusal met where it lies. */
  record Row(String[] values, String refusal) implements Serializable {}

  /** A record made an entity, or the refusal of its record number. */
  record Checked(ShippedEntity entity, long number, String refusal) implements Serializable {}

  /** Orders refusals by record number. */
  record ByNumber() implements Comparator<Tuple2<Long, String>>, Serializable {
    @Override
    public int compare(Tuple2<Long, String> a, Tuple2<Long, String> b) {
      return Long.compare(a._1(), b._1());
    }
  }

  /**
   * Reads {@code file} (any path Hadoop reads: a local file, hdfs://, s3a://, file:// on shared
   * storage) on the executors. Its records are numbered from {@code firstIndex} in file order and
   * carry {@code side}. A file the in-process reader refuses is refused here with the same message,
   * the first refusal in file order (the row number is the record's number in the file).
   */
  static Records read(
      JavaSparkContext spark,
      EntityCsv reader,
      String file,
      String field,
      int side,
      long firstIndex,
      long splitBytes) {
    Configuration conf = spark.hadoopConfiguration();
    Path path;
    FileStatus status;
    FileSystem fs;
    try {
      path = new Path(file);
      fs = path.getFileSystem(conf);
      status = fs.getFileStatus(path);
    } catch (IOException | IllegalArgumentException unreadable) {
      throw new InvalidRequest(field, "cannot read '" + file + "'");
    }
    if (!status.isFile()) {
      throw new InvalidRequest(field, "cannot read '" + file + "'");
    }
    long length = status.getLen();
    long dataStart;
    EntityCsv.Columns columns;
    try (FSDataInputStream in = fs.open(path)) {
      byte[] head = in.readNBytes(3);
      dataStart =
          head.length == 3
                  && (head[0] & 0xFF) == 0xEF
                  && (head[1] & 0xFF) == 0xBB
                  && (head[2] & 0xFF) == 0xBF
              ? 3
              : 0;
      in.seek(0);
      columns =
          reader.columns(
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file, field);
    } catch (IOException unreadable) {
      throw new InvalidRequest(field, "cannot read '" + file + "': " + unreadable.getMessage());
    }

    var settings = new HashMap<String, String>();
    conf.forEach(setting -> settings.put(setting.getKey(), setting.getValue()));
    Broadcast<HashMap<String, String>> hadoop = spark.broadcast(settings);
    String location = path.toString();

    List<long[]> ranges = CsvSplits.ranges(dataStart, length, splitBytes);
    List<CsvSplits.Summary> summaries =
        spark
            .parallelize(ranges, Math.max(1, ranges.size()))
            .map(range -> scan(hadoop.value(), location, file, field, range))
            .collect();
    for (CsvSplits.Summary summary : summaries) {
      if (summary.unreadable() != null) {
        throw new InvalidRequest(field, summary.unreadable());
      }
    }
    List<CsvSplits.Part> parts = CsvSplits.parts(dataStart, length, summaries);

    String fileName = path.getName();
    JavaRDD<Row> rows =
        spark
            .parallelize(parts, Math.max(1, parts.size()))
            .mapPartitions(its -> parse(hadoop.value(), location, file, field, its))
            .persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<Checked> checked =
        rows.zipWithIndex()
            .map(row -> check(reader, columns, fileName, side, firstIndex, row))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long count = checked.count();
      refuse(checked, file, field);
      return new Records(checked.map(Checked::entity), count);
    } catch (RuntimeException refused) {
      checked.unpersist();
      throw refused;
    } finally {
      rows.unpersist();
    }
  }

  /** Refuses the file at its first refused record, or at the first id that repeats. */
  private static void refuse(JavaRDD<Checked> checked, String file, String field) {
    List<Tuple2<Long, String>> refusal =
        checked
            .filter(record -> record.refusal() != null)
            .map(record -> new Tuple2<>(record.number(), record.refusal()))
            .takeOrdered(1, new ByNumber());
    List<Tuple2<Long, String>> repeat =
        checked
            .filter(record -> record.entity() != null)
            .mapToPair(record -> new Tuple2<>(record.entity().id(), record.number()))
            .aggregateByKey(
                new long[] {Long.MAX_VALUE, Long.MAX_VALUE},
                ClusterCsv::twoFirst,
                (a, b) -> twoFirst(twoFirst(a, b[0]), b[1]))
            .filter(numbers -> numbers._2()[1] != Long.MAX_VALUE)
            .map(
                numbers ->
                    new Tuple2<>(
                        numbers._2()[1], EntityCsv.repeats(file, numbers._2()[1], numbers._1())))
            .takeOrdered(1, new ByNumber());
    Tuple2<Long, String> first = null;
    for (Tuple2<Long, String> found :
        List.of(refusal, repeat).stream().flatMap(List::stream).toList()) {
      if (first == null || found._1() < first._1()) {
        first = found;
      }
    }
    if (first != null) {
      throw new InvalidRequest(field, first._2());
    }
  }

  /** The two smallest record numbers seen, with {@code number}. */
  private static long[] twoFirst(long[] two, long number) {
    if (number < two[0]) {
      return new long[] {number, two[0]};
    }
    if (number < two[1]) {
      return new long[] {two[0], number};
    }
    return two;
  }

  private static Checked check(
      EntityCsv reader,
      EntityCsv.Columns columns,
      String fileName,
      int side,
      long firstIndex,
      Tuple2<Row, Long> row) {
    long number = row._2() + 1;
    if (row._1().refusal() != null) {
      return new Checked(null, number, row._1().refusal());
    }
    try {
      return new Checked(
          ShippedEntity.of(
              firstIndex + row._2(),
              side,
              reader.entity(columns, row._1().values(), fileName, number)),
          number,
          null);
    } catch (InvalidRequest refused) {
      return new Checked(null, number, refused.getMessage());
    }
  }

  /** The first {@code left} bytes of a stream. */
  private static final class Bounded extends java.io.FilterInputStream {

    private long left;

    Bounded(InputStream in, long left) {
      super(in);
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int read = super.read(buffer, offset, (int) Math.min(length, left));
      if (read > 0) {
        left -= read;
      }
      return read;
    }
  }

  private static FileSystem fileSystem(Map<String, String> settings, Path path) throws IOException {
    Configuration conf = new Configuration(false);
    settings.forEach(conf::set);
    return path.getFileSystem(conf);
  }

  /** One range's summary, read where the task runs. */
  private static CsvSplits.Summary scan(
      Map<String, String> settings, String location, String file, String field, long[] range) {
    Path path = new Path(location);
    try (FSDataInputStream in = fileSystem(settings, path).open(path)) {
      in.seek(range[0]);
      return CsvSplits.scan(in, range[0], range[1]);
    } catch (IOException unreadable) {
      return CsvSplits.Summary.unreadable(
          "cannot read '" + file + "' where the job runs: " + unreadable.getMessage());
    }
  }

  /** The records of one part; those of the first part follow the header row. */
  private static Iterator<Row> parse(
      Map<String, String> settings,
      String location,
      String file,
      String field,
      Iterator<CsvSplits.Part> parts) {
    List<CsvSplits.Part> mine = new ArrayList<>();
    parts.forEachRemaining(mine::add);
    return new Iterator<>() {
      private int next;
      private Reader open;
      private Iterator<String[]> records;
      private Row ahead;
      private boolean failed;

      @Override
      public boolean hasNext() {
        while (ahead == null && !failed) {
          try {
            if (records != null && records.hasNext()) {
              ahead = new Row(records.next(), null);
            } else if (next < mine.size()) {
              close();
              CsvSplits.Part part = mine.get(next++);
              if (part.length() == 0) {
                continue;
              }
              Path path = new Path(location);
              FSDataInputStream in = fileSystem(settings, path).open(path);
              in.seek(part.start());
              InputStream bounded = new Bounded(in, part.length());
              open = new BufferedReader(new InputStreamReader(bounded, StandardCharsets.UTF_8));
              records = EntityCsv.records(open, file, field);
              if (part.index() == 0 && records.hasNext()) {
                records.next();
              }
            } else {
              close();
              return false;
            }
          } catch (InvalidRequest notCsv) {
            ahead = new Row(null, notCsv.getMessage());
            failed = true;
          } catch (IOException | RuntimeException unreadable) {
            ahead =
                new Row(
                    null,
                    "cannot read '" + file + "' where the job runs: " + unreadable.getMessage());
            failed = true;
          }
        }
        if (ahead == null) {
          close();
        }
        return ahead != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = ahead;
        ahead = null;
        return row;
      }

      private void close() {
        if (open != null) {
          try {
            open.close();
          } catch (IOException ignored) {
            // the part is read; nothing is lost by a failed close of a file read only
          }
          open = null;
        }
      }
    };
  }
}
