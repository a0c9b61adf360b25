package org.presstrace.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says where the purpose of a controller method's {@link AccessContext} parameter comes from. The
 * caller is always the signed-in user; the channel is {@link Channel#API} under {@code /api/} and
 * {@link Channel#PAGE} elsewhere. An {@code AccessContext} parameter without this annotation reads
 * its purpose as {@link PurposeFrom#HEADER_OR_PARAMETER}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CallerContext {

  /** The request header an API caller states the purpose in. */
  String PURPOSE_HEADER = "PressTrace-Purpose";

  /** The request parameter an API caller may state the purpose in instead. */
  String PURPOSE_PARAMETER = "purpose";

  /** Where the purpose comes from. */
  PurposeFrom purposeFrom() default PurposeFrom.HEADER_OR_PARAMETER;

  /**
   * The places a purpose is read from. On pages every choice but {@link #NONE} reads the purpose
   * stated for the session ({@link Purpose#SESSION_ATTRIBUTE}).
   */
  enum PurposeFrom {
    /** The {@code PressTrace-Purpose} header if sent, even blank; else the purpose parameter. */
    HEADER_OR_PARAMETER,
    /** As {@link #HEADER_OR_PARAMETER}, but a header and a parameter that differ are refused. */
    HEADER_OR_SAME_PARAMETER,
    /** The {@code PressTrace-Purpose} header only; a purpose parameter is ignored. */
    HEADER,
    /** None: the context carries no purpose, whatever the request states. */
    NONE
  }
}
