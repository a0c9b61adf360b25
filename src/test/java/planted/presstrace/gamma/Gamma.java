package planted.presstrace.gamma;

import planted.presstrace.beta.Beta;

/** Uses only beta's API, but gamma declares that it depends on no module: the planted breach. */
public class Gamma {

  public String run() {
    return new Beta().name();
  }
}
