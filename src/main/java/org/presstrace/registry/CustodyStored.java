package org.presstrace.registry;

/**
 * A custody event the registry has just stored, published in the transaction that stored it: the
 * event, its entry number in the machine's chain of custody (as the database assigned it), the salt
 * stored beside it and the marking columns it was stored with. The ledger commits to the event from
 * these, so it need not read back the row it is written beside; the verifier later checks each leaf
 * against the row as stored ({@link CustodyEvents#stored}).
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
}
