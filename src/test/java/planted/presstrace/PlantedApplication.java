package planted.presstrace;

import org.springframework.modulith.Modulithic;

/**
 * A tiny application whose module {@code alpha} reaches into {@code beta.internal}: the violation
 * {@code org.presstrace.PlantedViolationTests} expects Spring Modulith to catch. It lives outside
 * {@code org.presstrace} so that neither the real module model nor component scanning sees it.
 */
@Modulithic
public class PlantedApplication {}
