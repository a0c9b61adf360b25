/**
 * The tamper-evident ledger: an append-only RFC 9162 Merkle log with signed tree heads and
 * inclusion and consistency proofs, so that a court, an agency or a registrant can check that no
 * recorded entry was changed or dropped.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Ledger",
    allowedDependencies = {"access", "registry", "shared"})
package org.presstrace.ledger;
