package org.presstrace.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.presstrace.ledger.MerkleNodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The perfect-subtree hashes of the log (ledger_node), hex, each written once. */
@Repository
public class NodeStore implements MerkleNodes {

  private static final HexFormat HEX = HexFormat.of();

  private static final String INSERT_NODE =
      "INSERT INTO ledger_node (level, idx, hash) VALUES (?, ?, ?)";

  /** Where a node sits: level k, index i covers leaves [i*2^k, (i+1)*2^k). */
  public record Node(int level, long index) {}

  /** Receives stored nodes one by one. */
  @FunctionalInterface
  public interface Visitor {
    void node(int level, long index, String hash);
  }

  private final JdbcTemplate template;
  private final JdbcClient jdbc;

  public NodeStore(JdbcTemplate template) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
  }

  @Override
  public byte[] get(int level, long index) {
    String hash =
        jdbc.sql("SELECT hash FROM ledger_node WHERE level = :level AND idx = :idx")
            .param("level", level)
            .param("idx", index)
            .query(String.class)
            .optional()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "ledger node " + level + "/" + index + " is missing"));
    return HEX.parseHex(hash);
  }

  @Override
  public void put(int level, long index, byte[] hash) {
    jdbc.sql("INSERT INTO ledger_node (level, idx, hash) VALUES (:level, :idx, :hash)")
        .param("level", level)
        .param("idx", index)
        .param("hash", HEX.formatHex(hash))
        .update();
  }

  /** Writes nodes in one batch, in the map's order. */
  public void insert(Map<Node, byte[]> nodes) {
    List<Map.Entry<Node, byte[]>> written = new ArrayList<>(nodes.entrySet());
    template.batchUpdate(INSERT_NODE, written, written.size(), NodeStore::setNode);
  }

  /** Every stored node, by level then index. */
  public void forEach(Visitor visitor) {
    jdbc.sql("SELECT level, idx, hash FROM ledger_node ORDER BY level, idx")
        .query(
            (ResultSet rs) ->
                visitor.node(rs.getInt("level"), rs.getLong("idx"), rs.getString("hash")));
  }

  private static void setNode(PreparedStatement ps, Map.Entry<Node, byte[]> node)
      throws SQLException {
    ps.setInt(1, node.getKey().level());
    ps.setLong(2, node.getKey().index());
    ps.setString(3, HEX.formatHex(node.getValue()));
  }
}
