package org.presstrace.web;

import java.time.ZoneId;
import org.presstrace.access.Directory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The time zone the signed-in user reads the pages in: the one they (or an administrator) chose,
 * else the instance's {@code presstrace.pages.time-zone}. Looked up once per request.
 */
@Component
public class ReaderZone {

  private static final String ATTRIBUTE = ReaderZone.class.getName();

  private final Directory directory;
  private final ZoneId instanceZone;

  ReaderZone(Directory directory, PagesProperties properties) {
    this.directory = directory;
    this.instanceZone = properties.zone();
  }

  /** The instance's zone, for a user who has not chosen one. */
  public ZoneId instanceZone() {
    return instanceZone;
  }

  /** The zone of the user signed in on this request; the instance's when nobody is. */
  public ZoneId current() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null
        && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
            instanceof ZoneId zone) {
      return zone;
    }
    ZoneId zone = lookUp();
    if (request != null) {
      request.setAttribute(ATTRIBUTE, zone, RequestAttributes.SCOPE_REQUEST);
    }
    return zone;
  }

  private ZoneId lookUp() {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn == null
        || signedIn instanceof AnonymousAuthenticationToken
        || signedIn.getName() == null) {
      return instanceZone;
    }
    try {
      return directory.timeZone(signedIn.getName()).orElse(instanceZone);
    } catch (org.springframework.dao.DataAccessException e) {
      // An error page during a database outage still renders, in the instance's zone.
      return instanceZone;
    }
  }
}
