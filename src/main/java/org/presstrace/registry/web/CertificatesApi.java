package org.presstrace.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.presstrace.access.AccessContext;
import org.presstrace.access.CallerContext;
import org.presstrace.access.CallerContext.PurposeFrom;
import org.presstrace.registry.CertificateCheck;
import org.presstrace.registry.CertificateView;
import org.presstrace.registry.Certificates;
import org.presstrace.registry.RegistrantView;
import org.presstrace.registry.Registry;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registration certificates and renewal over the API. */
@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registry")
class CertificatesApi {

  private final Certificates certificates;
  private final Registry registry;

  CertificatesApi(Certificates certificates, Registry registry) {
    this.certificates = certificates;
    this.registry = registry;
  }

  /** A renewal, with an optional note. */
  record RenewalRequest(String reason) {}

  @PostMapping("/registrants/{id}/renewal")
  @Operation(
      summary = "Renew an active or lapsed registration for a year (its users, registry staff)")
  RegistrantView renew(
      @PathVariable String id,
      @RequestBody(required = false) RenewalRequest request,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return registry.renew(context, id, request == null ? null : request.reason());
  }

  @GetMapping("/registrants/{id}/certificates")
  @Operation(
      summary =
          "A registrant's certificates, newest first (its users, registry staff, investigators)")
  List<CertificateView> certificates(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return certificates.ofRegistrant(context, id);
  }

  @GetMapping(value = "/certificates/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary = "Download a certificate as PDF (its registrant, registry staff, investigators)")
  ResponseEntity<byte[]> pdf(
      @PathVariable String id,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return pdfResponse(id, certificates.pdf(context, id));
  }

  @GetMapping("/certificates/verify")
  @Operation(summary = "Check a verification code (anyone signed in; audited)")
  CertificateCheck verify(
      @RequestParam(required = false) String code,
      @CallerContext(purposeFrom = PurposeFrom.NONE) AccessContext context) {
    return certificates.verify(context, code);
  }

  static ResponseEntity<byte[]> pdfResponse(String id, byte[] pdf) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("registration-certificate-" + id + ".pdf")
                .build()
                .toString())
        .body(pdf);
  }
}
