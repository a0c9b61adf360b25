package org.presstrace.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transaction whose reads may be served by the streaming read replica ({@code
 * presstrace.db.read.url}, docs/deployment.md "Read replica"): a trace, a search, an analytics
 * series, a graph. Such a read may be a moment behind the primary, except for the caller's own
 * writes, which it always sees. Without a replica, or while it is down or lagging, it is an
 * ordinary transaction on the primary.
 *
 * <p>Audited reads stay audited: {@link AuditTrail} writes the entries on the transaction's own
 * connection when it is the primary's, and on the primary in a transaction of its own that commits
 * before the read returns when it is the replica's. Only methods that write nothing but audit
 * entries may carry this annotation: anything else they wrote would fail on the replica.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional
public @interface LagTolerant {

  /** As {@link Transactional#propagation()}. */
  @AliasFor(annotation = Transactional.class, attribute = "propagation")
  Propagation propagation() default Propagation.REQUIRED;

  /** As {@link Transactional#noRollbackFor()}. */
  @AliasFor(annotation = Transactional.class, attribute = "noRollbackFor")
  Class<? extends Throwable>[] noRollbackFor() default {};
}
