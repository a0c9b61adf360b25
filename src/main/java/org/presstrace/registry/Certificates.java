package org.presstrace.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.presstrace.access.AccessContext;
import org.presstrace.access.AgencyKind;
import org.presstrace.access.AuditTrail;
import org.presstrace.access.Caller;
import org.presstrace.access.Directory;
import org.presstrace.access.Role;
import org.presstrace.registry.internal.CertificatePdf;
import org.presstrace.registry.internal.CertificateProperties;
import org.presstrace.registry.internal.CertificateStore;
import org.presstrace.registry.internal.Registrants;
import org.presstrace.shared.NotFound;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration certificates. Each activation or renewal issues one with a random verification code
 * and supersedes the one before; suspension, revocation and lapse end the current one. Anyone
 * signed in may check a code and learns only whether it is valid, for whom, until when, and why
 * not. The registrant downloads its own certificates; registry staff (administrators of the
 * operator agency) and investigators, analysts and supervisors of domestic agencies download any.
 */
@Service
public class Certificates {

  /** The audit kind of certificate downloads and checks. */
  public static final String KIND = "registration-certificate";

  private final CertificateStore store;
  private final CertificatePdf pdf;
  private final Registrants registrants;
  private final Directory directory;
  private final AuditTrail audit;
  private final Clock clock;
  private final String publicUrl;

  Certificates(
      CertificateStore store,
      CertificatePdf pdf,
      Registrants registrants,
      Directory directory,
      AuditTrail audit,
      Clock clock,
      CertificateProperties settings) {
    String publicUrl = settings.publicUrl();
    this.store = store;
    this.pdf = pdf;
    this.registrants = registrants;
    this.directory = directory;
    this.audit = audit;
    this.clock = clock;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  /** Issues, supersedes or ends certificates as the registration changes, in its transaction. */
  @EventListener
  void on(RegistrationChanged change) {
    Instant now = clock.instant();
    switch (change.status()) {
      case ACTIVE -> {
        var registrant =
            registrants
                .byId(change.registrantId())
                .orElseThrow(() -> new NotFound("registrant", change.registrantId()));
        String id = UUID.randomUUID().toString();
        store.endCurrent(
            registrant.id(),
            "SUPERSEDED",
            (change instanceof RegistrationRenewed ? "renewed" : "activated")
                + ": certificate "
                + id,
            now);
        store.insert(
            id,
            registrant,
            VerificationCode.random(),
            LocalDate.ofInstant(now, ZoneOffset.UTC),
            change.expiresOn(),
            now,
            change.by());
      }
      case SUSPENDED, REVOKED, EXPIRED ->
          store.endCurrent(change.registrantId(), change.status().name(), change.reason(), now);
      case PENDING -> {
        // an application has no certificate
      }
    }
  }

  /** The registrant's certificates, newest first. */
  public List<CertificateView> ofRegistrant(AccessContext context, String registrantId) {
    registrants.byId(registrantId).orElseThrow(() -> new NotFound("registrant", registrantId));
    requireMayRead(context.caller(), registrantId);
    return store.ofRegistrant(registrantId);
  }

  /** The certificate's PDF; the download is audited. */
  @Transactional
  public byte[] pdf(AccessContext context, String certificateId) {
    CertificateView certificate =
        store.byId(certificateId).orElseThrow(() -> new NotFound(KIND, certificateId));
    requireMayRead(context.caller(), certificate.registrantId());
    audit.record(
        context,
        "DOWNLOAD",
        KIND,
        certificate.id(),
        "SHOWN",
        certificate.registrationNumber() + " " + certificate.state());
    return pdf.render(certificate, verifyUrl(certificate.code()));
  }

  /** Checks a verification code; the check is audited, found or not. */
  @Transactional
  public CertificateCheck verify(AccessContext context, String code) {
    VerificationCode parsed = VerificationCode.parse(code);
    var found = store.byCode(parsed);
    audit.record(
        context,
        "VERIFY",
        KIND,
        found.map(CertificateView::id).orElse(null),
        found.isPresent() ? "SHOWN" : "NOT_FOUND",
        found
            .map(c -> c.registrationNumber() + " " + c.state())
            .orElse("no certificate has this code"));
    return found.map(CertificateCheck::of).orElseGet(() -> CertificateCheck.notFound(parsed));
  }

  /** Where a code is checked: the verification page with the code filled in. */
  public String verifyUrl(VerificationCode code) {
    return publicUrl + "/registry/certificates/verify?code=" + code.display();
  }

  private void requireMayRead(Caller caller, String registrantId) {
    if (caller.has(Role.REGISTRANT)) {
      boolean own =
          registrants
              .byAgency(caller.agency())
              .filter(r -> r.id().equals(registrantId))
              .isPresent();
      if (own) {
        return;
      }
      throw new AccessDeniedException("a registrant downloads only its own certificates");
    }
    boolean staff =
        caller.has(Role.ADMINISTRATOR) && caller.agency().equals(directory.operatorAgency());
    boolean domestic =
        caller.agencyKind() == AgencyKind.FEDERAL
            || caller.agencyKind() == AgencyKind.STATE
            || caller.agencyKind() == AgencyKind.LOCAL;
    boolean investigator =
        domestic
            && (caller.has(Role.INVESTIGATOR)
                || caller.has(Role.ANALYST)
                || caller.has(Role.SUPERVISOR));
    if (!staff && !investigator) {
      throw new AccessDeniedException(
          "certificates are downloaded by their registrant, registry staff and domestic"
              + " investigators; anyone signed in may check a verification code");
    }
  }
}
