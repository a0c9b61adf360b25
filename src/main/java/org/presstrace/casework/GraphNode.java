package org.presstrace.casework;

/**
 * A node of a link-analysis graph: a case subject, a value shared by subjects (a phone, an e-mail,
 * an identity number, an address), a registrant, machine or seizure a link points to, or a resolved
 * entity grouping the subjects resolved as one.
 *
 * @param id the node id: the subject id, {@code value:...} or {@code cluster:<id>}, the smallest id
 *     among the entity's members the caller may read
 * @param kind {@code subject}, {@code value}, {@code record} or {@code cluster}
 * @param label what to show on the node
 * @param schema for a subject, its kind ({@code Person}, {@code Company}, {@code Vehicle}, {@code
 *     Vessel}, {@code CryptoWallet} or {@code BankAccount})
 * @param ownerAgency for a subject, the agency holding it
 * @param marking for a subject, its marking banner
 * @param caseReference for a subject, its case reference
 * @param parent for a subject, the resolved entity it belongs to, or {@code null}
 * @param valueKind for a value, {@code phone}, {@code email}, {@code identifier} or {@code address}
 * @param holders for a value, how many subjects the caller may read hold it; for a cluster, how
 *     many subjects the caller may read it groups (a hidden member is not counted)
 * @param collapsed for a value, whether more subjects hold it than one graph shows (the fan-out
 *     cap); its holders are then not drawn and paths do not pass through it
 */
public record GraphNode(
    String id,
    String kind,
    String label,
    String schema,
    String ownerAgency,
    String marking,
    String caseReference,
    String parent,
    String valueKind,
    Integer holders,
    boolean collapsed) {

  static GraphNode subject(Subject subject, String parent) {
    return new GraphNode(
        subject.id(),
        "subject",
        subject.label(),
        subject.schema().label(),
        subject.marking().ownerAgency(),
        subject.marking().banner(),
        subject.caseReference(),
        parent,
        null,
        null,
        false);
  }

  static GraphNode value(String id, String kind, String text, int holders, boolean collapsed) {
    return new GraphNode(id, "value", text, null, null, null, null, null, kind, holders, collapsed);
  }

  static GraphNode record(LinkEnd end) {
    String label = end.label() != null ? end.label() : end.kind() + " " + end.id();
    return new GraphNode(
        end.reference(), "record", label, end.type(), null, null, null, null, null, null, false);
  }

  static GraphNode cluster(String id, String label, int members) {
    return new GraphNode(id, "cluster", label, null, null, null, null, null, null, members, false);
  }
}
