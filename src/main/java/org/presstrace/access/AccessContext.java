package org.presstrace.access;

/**
 * Who acts, through which channel, and for what stated purpose (null when none was stated). Every
 * guarded read and every audited write takes one.
 */
public record AccessContext(Caller caller, Channel channel, Purpose purpose) {

  public AccessContext {
    if (caller == null || channel == null) {
      throw new IllegalArgumentException("an access context needs a caller and a channel");
    }
  }

  public AccessContext via(Channel other) {
    return new AccessContext(caller, other, purpose);
  }

  public String purposeText() {
    return purpose == null ? null : purpose.text();
  }
}
