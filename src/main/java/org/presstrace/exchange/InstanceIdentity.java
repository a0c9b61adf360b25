package org.presstrace.exchange;

import org.presstrace.exchange.internal.ExchangeProperties;
import org.presstrace.exchange.internal.InstanceKey;
import org.presstrace.shared.CountryCode;
import org.springframework.stereotype.Service;

/** This instance as its partners know it: what {@code presstrace exchange identity} prints. */
@Service
public class InstanceIdentity {

  private final Pairing pairing;

  InstanceIdentity(InstanceKey key, ExchangeProperties settings) {
    this.pairing =
        new Pairing(
            key.instanceId(),
            CountryCode.parse(settings.country(), "presstrace.exchange.country"),
            settings.authority(),
            settings.baseUrl(),
            key.publicKeyBase64());
  }

  /** This instance's pairing text as a record; {@link Pairing#toJson()} is the text. */
  public Pairing pairing() {
    return pairing;
  }

  public String id() {
    return pairing.id();
  }
}
