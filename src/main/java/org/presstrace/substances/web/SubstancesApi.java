package org.presstrace.substances.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.presstrace.substances.ControlledList;
import org.presstrace.substances.ListedHit;
import org.presstrace.substances.ScreeningResult;
import org.presstrace.substances.Substance;
import org.presstrace.substances.Substances;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The controlled-substance reference list and screening over the API. */
@RestController
@RequestMapping("/api/v1/substances")
@Tag(name = "Substances")
class SubstancesApi {

  /** A screening request: a structure, a name, a CAS number, or several. */
  record ScreenRequest(String smiles, String name, String cas) {}

  private final Substances substances;

  SubstancesApi(Substances substances) {
    this.substances = substances;
  }

  @GetMapping
  @Operation(summary = "Search by name, synonym, Chinese name or CAS number (all when q is empty)")
  List<ListedHit> search(@RequestParam(required = false) String q) {
    return substances.search(q);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One substance with its control history")
  Substance get(@PathVariable String id) {
    return substances.get(id);
  }

  @GetMapping("/controlled")
  @Operation(summary = "What a jurisdiction (ISO alpha-3 or UN) controlled on a day")
  ControlledList controlled(
      @RequestParam String jurisdiction,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return substances.controlledOn(jurisdiction, date);
  }

  @PostMapping("/screen")
  @Operation(summary = "Screen a structure (SMILES), a name or a CAS number")
  ScreeningResult screen(@RequestBody ScreenRequest request) {
    return substances.screen(request.smiles(), request.name(), request.cas());
  }
}
