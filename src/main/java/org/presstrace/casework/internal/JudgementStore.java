package org.presstrace.casework.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.presstrace.casework.JudgementShare;
import org.presstrace.resolution.Judgement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each agency's judgements on pairs of subjects, and the proposals to share one with another
 * agency. Nothing here is filtered for a reader: the services show a judgement only when the caller
 * may read both of its subjects.
 */
@Repository
public class JudgementStore {

  /** One judgement as stored: {@code agency}'s user {@code judgedBy} judged the pair. */
  public record Judged(
      String id,
      String leftId,
      String rightId,
      Judgement judgement,
      String note,
      String judgedBy,
      String agency,
      Instant judgedAt) {}

  private static final String JUDGED =
      "SELECT id, left_id, right_id, judgement, note, judged_by, agency, judged_at"
          + " FROM resolution_judgement";

  private static final String SHARE =
      "SELECT s.id, j.left_id, j.right_id, j.judgement, s.from_agency, s.to_agency,"
          + " s.proposed_by, s.proposed_at, s.status, s.decided_by, s.decided_at"
          + " FROM resolution_judgement_share s JOIN resolution_judgement j"
          + " ON j.id = s.judgement_id";

  private final JdbcClient jdbc;

  JudgementStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a judgement of {@code agency}. */
  public void insert(
      String left,
      String right,
      Judgement judgement,
      String note,
      String by,
      Instant at,
      String agency) {
    jdbc.sql(
            """
            INSERT INTO resolution_judgement (id, left_id, right_id, judgement, note, judged_by,
                                              judged_at, agency)
            VALUES (:id, :left, :right, :judgement, :note, :by, :at, :agency)
            """)
        .param("id", UUID.randomUUID().toString())
        .param("left", left)
        .param("right", right)
        .param("judgement", judgement.name())
        .param("note", note)
        .param("by", by)
        .param("at", utc(at))
        .param("agency", agency)
        .update();
  }

  /** Every judgement, oldest first. */
  public List<Judged> all() {
    return jdbc.sql(JUDGED + " ORDER BY judged_at, id").query(JudgementStore::judged).list();
  }

  /** The judgements of every agency on pairs with subject {@code id}, newest first. */
  public List<Judged> touching(String id) {
    return jdbc.sql(JUDGED + " WHERE left_id = :id OR right_id = :id ORDER BY judged_at DESC, id")
        .param("id", id)
        .query(JudgementStore::judged)
        .list();
  }

  /** The judgements of {@code agency}, oldest first. */
  public List<Judged> of(String agency) {
    return jdbc.sql(JUDGED + " WHERE agency = :agency ORDER BY judged_at, id")
        .param("agency", agency)
        .query(JudgementStore::judged)
        .list();
  }

  /** The judgements of every agency but {@code agency}, oldest first. */
  public List<Judged> ofOthersThan(String agency) {
    return jdbc.sql(JUDGED + " WHERE agency <> :agency ORDER BY judged_at, id")
        .param("agency", agency)
        .query(JudgementStore::judged)
        .list();
  }

  /** The id of {@code agency}'s latest judgement on the pair {@code left}, {@code right}. */
  public Optional<String> latest(String agency, String left, String right) {
    return jdbc
        .sql(
            "SELECT id FROM resolution_judgement WHERE agency = :agency AND left_id = :left"
                + " AND right_id = :right ORDER BY judged_at DESC, id DESC")
        .param("agency", agency)
        .param("left", left)
        .param("right", right)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /** As {@link #latest}, with the pair taken either way round. */
  public Optional<String> latestEitherWay(String agency, String left, String right) {
    return jdbc
        .sql(
            "SELECT id FROM resolution_judgement WHERE agency = :agency"
                + " AND ((left_id = :left AND right_id = :right)"
                + " OR (left_id = :right AND right_id = :left))"
                + " ORDER BY judged_at DESC, id DESC")
        .param("agency", agency)
        .param("left", left)
        .param("right", right)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  /** Stores a proposal to share judgement {@code judgementId} from one agency to another. */
  public void propose(
      String id, String judgementId, String from, String to, String by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO resolution_judgement_share (id, judgement_id, from_agency, to_agency,
                                                    proposed_by, proposed_at, status)
            VALUES (:id, :judgement, :from, :to, :by, :at, 'PROPOSED')
            """)
        .param("id", id)
        .param("judgement", judgementId)
        .param("from", from)
        .param("to", to)
        .param("by", by)
        .param("at", utc(at))
        .update();
  }

  /**
   * Decides proposal {@code id} if it is still PROPOSED: {@code status} by {@code by}, with the
   * judgement it was {@code recorded} as when accepted.
   */
  public void decide(String id, String status, String by, Instant at, String recorded) {
    jdbc.sql(
            "UPDATE resolution_judgement_share SET status = :status, decided_by = :by,"
                + " decided_at = :at, accepted_as = :recorded WHERE id = :id"
                + " AND status = 'PROPOSED'")
        .param("status", status)
        .param("by", by)
        .param("at", utc(at))
        .param("recorded", recorded)
        .param("id", id)
        .update();
  }

  public Optional<JudgementShare> share(String id) {
    return jdbc.sql(SHARE + " WHERE s.id = :id")
        .param("id", id)
        .query(JudgementStore::share)
        .optional();
  }

  /** The proposals made by or to {@code agency}, newest first. */
  public List<JudgementShare> sharesOf(String agency) {
    return jdbc.sql(
            SHARE
                + " WHERE s.from_agency = :agency OR s.to_agency = :agency"
                + " ORDER BY s.proposed_at DESC, s.id")
        .param("agency", agency)
        .query(JudgementStore::share)
        .list();
  }

  private static Judged judged(ResultSet rs, int row) throws SQLException {
    return new Judged(
        rs.getString("id"),
        rs.getString("left_id"),
        rs.getString("right_id"),
        Judgement.valueOf(rs.getString("judgement")),
        rs.getString("note"),
        rs.getString("judged_by"),
        rs.getString("agency"),
        rs.getObject("judged_at", OffsetDateTime.class).toInstant());
  }

  private static JudgementShare share(ResultSet rs, int row) throws SQLException {
    OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
    return new JudgementShare(
        rs.getString("id"),
        rs.getString("left_id"),
        rs.getString("right_id"),
        Judgement.valueOf(rs.getString("judgement")),
        rs.getString("from_agency"),
        rs.getString("to_agency"),
        rs.getString("proposed_by"),
        rs.getObject("proposed_at", OffsetDateTime.class).toInstant(),
        rs.getString("status"),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
