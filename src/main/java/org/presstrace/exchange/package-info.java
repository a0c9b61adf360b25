/**
 * Exchange with partners: this instance's identity and key, the partner directory, signed and
 * replay-proof messages (RFC 9421 with Ed25519, RFC 9530 Content-Digest) through a durable outbox
 * and an idempotent, ordered inbox, pre-export notifications, STIX 2.1 over a TAXII 2.1 server and
 * client. What may leave is the access policy's answer.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Exchange with partners",
    allowedDependencies = {
      "access",
      "casework",
      "intel",
      "ledger",
      "redflags",
      "registry",
      "resolution",
      "seizures",
      "shared",
      "substances"
    })
package org.presstrace.exchange;
