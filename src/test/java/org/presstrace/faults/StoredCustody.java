package org.presstrace.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.presstrace.faults.RegistryClient.Acknowledged;
import org.presstrace.ledger.CustodyLeaves;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the database holds after a fault, read directly with JDBC: the chain of custody of each
 * machine a client wrote to, compared with what the API acknowledged, and the ledger's leaves
 * compared with the custody events they stand for.
 */
final class StoredCustody {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The comparison. {@code acknowledged} events were answered 2xx; {@code present} of them are
   * stored, in order; {@code unacknowledged} events are stored after the last acknowledged one of a
   * machine (a request the fault cut off after its commit); {@code problems} names each broken
   * promise.
   */
  record Report(int acknowledged, int present, int unacknowledged, List<String> problems) {}

  private StoredCustody() {}

  static Connection open(PressTraceProcess.Storage storage) throws SQLException {
    return DriverManager.getConnection(
        storage.readUrl(), storage.readUser(), storage.readPassword());
  }

  /**
   * Every acknowledged event present in its machine's chain in order, at most {@code
   * maxUnacknowledged} more, one custody leaf per custody event (same event, same holder), no
   * duplicated leaf, and the ledger's size equal to its leaves.
   */
  static Report check(Connection connection, Map<String, List<Acknowledged>> acknowledged)
      throws SQLException {
    int expected = 0;
    int present = 0;
    int extra = 0;
    var problems = new ArrayList<String>();
    for (var entry : acknowledged.entrySet()) {
      String machine = entry.getKey();
      List<Acknowledged> acked = entry.getValue();
      expected += acked.size();
      var custody = new ArrayList<Acknowledged>();
      var salts = new ArrayList<String>();
      try (var query =
          connection.prepareStatement(
              "SELECT type, to_registrant, salt FROM custody_event WHERE machine_id = ?"
                  + " ORDER BY seq")) {
        query.setString(1, machine);
        try (var rows = query.executeQuery()) {
          while (rows.next()) {
            custody.add(new Acknowledged(machine, rows.getString(1), rows.getString(2)));
            salts.add(rows.getString(3));
          }
        }
      }
      int matching = 0;
      while (matching < acked.size()
          && matching < custody.size()
          && acked.get(matching).equals(custody.get(matching))) {
        matching++;
      }
      present += matching;
      if (matching < acked.size()) {
        problems.add("machine " + machine + ": acknowledged " + acked + " but stored " + custody);
      } else {
        extra += custody.size() - acked.size();
      }
      var logged = new ArrayList<Acknowledged>();
      try (var query =
          connection.prepareStatement(
              "SELECT data FROM ledger_leaf WHERE kind = ? AND ref = ? ORDER BY idx")) {
        query.setString(1, CustodyLeaves.KIND);
        query.setString(2, machine);
        try (var rows = query.executeQuery()) {
          while (rows.next()) {
            int i = logged.size();
            logged.add(
                leaf(
                    machine,
                    JSON.readTree(rows.getString(1)),
                    i < custody.size() ? custody.get(i) : null,
                    i < salts.size() ? salts.get(i) : null));
          }
        }
      }
      if (!logged.equals(custody)) {
        problems.add(
            "machine " + machine + ": custody " + custody + " but ledger leaves " + logged);
      }
    }
    long events = count(connection, "SELECT COUNT(*) FROM custody_event");
    long custodyLeaves =
        count(connection, "SELECT COUNT(*) FROM ledger_leaf WHERE kind = 'custody-event'");
    if (events != custodyLeaves) {
      problems.add(events + " custody events but " + custodyLeaves + " custody leaves");
    }
    long size = count(connection, "SELECT size FROM ledger_state");
    long leaves = count(connection, "SELECT COUNT(*) FROM ledger_leaf");
    if (size != leaves) {
      problems.add("ledger size " + size + " but " + leaves + " leaves");
    }
    long duplicated =
        count(
            connection,
            "SELECT COUNT(*) FROM (SELECT kind, ref, data FROM ledger_leaf"
                + " GROUP BY kind, ref, data HAVING COUNT(*) > 1) d");
    if (duplicated > 0) {
      problems.add(duplicated + " ledger leaves appended more than once");
    }
    return new Report(expected, present, extra, problems);
  }

  /**
   * A custody leaf as the same triple: its event name, and the holder of the row it stands for when
   * the leaf's commitment to that holder holds under the row's salt (a leaf shows no holder).
   */
  private static Acknowledged leaf(String machine, JsonNode data, Acknowledged row, String salt) {
    String type = data.path("type").asString();
    if (row == null || salt == null) {
      return new Acknowledged(machine, type, null);
    }
    String committed = data.path(CustodyLeaves.COMMIT + "to_registrant").asString();
    boolean holds = CustodyLeaves.commitment(salt, "to_registrant", row.holder()).equals(committed);
    return new Acknowledged(machine, type, holds ? row.holder() : "no commitment to it");
  }

  static long count(Connection connection, String sql) throws SQLException {
    try (var rows = connection.createStatement().executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }
}
