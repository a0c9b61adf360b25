package org.presstrace.exchange;

/**
 * Applies received messages of one type. A module that adds a message type (notices, incidents,
 * STIX bundles ...) declares a bean of this interface; the inbox calls it once per message, in the
 * sending partner's order, inside the transaction that marks the message applied, so a failure
 * leaves the message to be applied again.
 */
public interface PartnerMessageHandler {

  /** The message type this handler applies, e.g. {@code notice}. */
  String type();

  /** Applies one message, once; it keeps its origin and marking in {@code message}. */
  void receive(ReceivedMessage message);
}
