package org.presstrace.access;

import java.time.Duration;

/**
 * Limits on failed sign-ins with a password, per name and per source address. Each has a budget of
 * failures; once it is spent, sign-ins for that name (or from that address) are refused, whatever
 * the password, for a delay that grows with each further failure up to a cap. The answer depends
 * only on the name and the address as given, never on whether an account of that name exists.
 */
public interface SignInLimits {

  /**
   * How long a password sign-in as {@code username} from {@code address} must wait before it is
   * heard; zero when it may be tried now. Call it before checking the password, and refuse the
   * attempt unheard when the wait is positive.
   */
  Duration retryAfter(String username, String address);

  /** Ends any delay on sign-ins as {@code username} at once (an administrator's unlock). */
  void release(String username);
}
