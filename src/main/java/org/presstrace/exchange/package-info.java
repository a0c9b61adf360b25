/**
 * Exchange with partners: partner instances and their keys, signed messages through a durable
 * outbox, pre-export notifications and incidents, STIX 2.1 over a TAXII 2.1 server and client,
 * FollowTheMoney import. What may leave is the access policy's answer.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Exchange with partners",
    allowedDependencies = {
      "access",
      "casework",
      "intel",
      "ledger",
      "registry",
      "resolution",
      "seizures",
      "shared",
      "substances"
    })
package org.presstrace.exchange;
