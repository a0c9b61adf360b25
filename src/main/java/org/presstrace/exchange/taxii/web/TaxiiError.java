package org.presstrace.exchange.taxii.web;

/** A refusal the TAXII server answers with its error message format and this status. */
class TaxiiError extends RuntimeException {

  private final int status;
  private final String title;

  TaxiiError(int status, String title, String description) {
    super(description);
    this.status = status;
    this.title = title;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
