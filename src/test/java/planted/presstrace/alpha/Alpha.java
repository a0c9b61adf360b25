package planted.presstrace.alpha;

import planted.presstrace.beta.Beta;
import planted.presstrace.beta.internal.BetaInternals;

/** Uses beta's API, and also its internals: the planted violation. */
public class Alpha {

  private final Beta beta = new Beta();

  public String run() {
    return beta.name() + new BetaInternals().secret();
  }
}
