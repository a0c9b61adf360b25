package planted.presstrace.beta.internal;

/** Public in Java, but internal to the beta module. */
public class BetaInternals {

  public String secret() {
    return "internal";
  }
}
