package org.presstrace.registry;

/**
 * A custody event the registry has just stored, published in the transaction that stored it: the
 * event, its entry number in the machine's chain of custody (as the database assigned it), the salt
 * stored beside it and the marking columns it was stored with. The ledger commits to the event from
 * these, so it need not read back the row it is written beside; the verifier later checks each leaf
 * against the row as stored ({@link CustodyEvents#stored}).
 *
 * <p>It holds the salt, which keeps the ledger's commitments to short values from being found by
 * trying every likely value: it is published inside the process only (no listener persists or sends
 * it), and its text leaves the salt out, so that no log line can carry it.
 *
 * @param seq the event's number in its machine's chain of custody, from 1
 * @param salt the salt of the event's ledger commitments, as stored
 * @param marking the event's own marking columns, as stored ({@code ownerAgency} null when it is
 *     read with its machine)
 */
public record CustodyStored(
    CustodyEvent event, int seq, String salt, CustodyRecord.OwnMarking marking) {

  public CustodyStored {
    if (seq < 1) {
      throw new IllegalArgumentException("a chain of custody counts its entries from 1");
    }
    if (salt == null || salt.isBlank()) {
      throw new IllegalArgumentException("a stored custody event has a salt");
    }
  }

  @Override
  public String toString() {
    return "CustodyStored[" + event.type() + " of " + event.machineId() + ", entry " + seq + "]";
  }
}
