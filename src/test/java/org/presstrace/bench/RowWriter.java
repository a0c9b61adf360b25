package org.presstrace.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Writes generated rows into one table in bulk: PostgreSQL's COPY when the connection is
 * PostgreSQL's, JDBC batches otherwise (H2). Rows are written when {@link #write} is called, so a
 * caller controls the order tables are filled in (a machine before its custody events).
 */
interface RowWriter {

  /** Writes {@code rows} into {@code table}; each row holds one value per column. */
  void write(String table, List<String> columns, List<Object[]> rows) throws SQLException;

  static RowWriter on(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")
        ? new Copy(connection)
        : new Batch(connection);
  }

  /** COPY ... FROM STDIN in PostgreSQL's text format. */
  final class Copy implements RowWriter {
    private final Connection connection;

    Copy(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void write(String table, List<String> columns, List<Object[]> rows) throws SQLException {
      if (rows.isEmpty()) {
        return;
      }
      var text = new StringBuilder(rows.size() * 160);
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            text.append('\t');
          }
          append(text, row[i]);
        }
        text.append('\n');
      }
      String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
      try {
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(sql, new StringReader(text.toString()));
      } catch (IOException e) {
        throw new SQLException("COPY into " + table + " failed", e);
      }
    }

    private static void append(StringBuilder text, Object value) {
      if (value == null) {
        text.append("\\N");
        return;
      }
      if (value instanceof Boolean flag) {
        text.append(flag ? 't' : 'f');
        return;
      }
      String plain = value.toString();
      for (int i = 0; i < plain.length(); i++) {
        char c = plain.charAt(i);
        switch (c) {
          case '\\' -> text.append("\\\\");
          case '\t' -> text.append("\\t");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          default -> text.append(c);
        }
      }
    }
  }

  /** Prepared INSERTs sent in batches. */
  final class Batch implements RowWriter {
    private static final int BATCH = 2_000;
    private final Connection connection;

    Batch(Connection connection) {
      this.connection = connection;
    }

    @Override
    public void write(String table, List<String> columns, List<Object[]> rows) throws SQLException {
      String sql =
          "INSERT INTO "
              + table
              + " ("
              + String.join(", ", columns)
              + ") VALUES ("
              + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
              + ")";
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        int pending = 0;
        for (Object[] row : rows) {
          for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            insert.setObject(i + 1, value instanceof OffsetDateTime t ? t : value);
          }
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          insert.executeBatch();
        }
      }
    }
  }
}
