package org.presstrace.substances.web;

import org.presstrace.shared.InvalidRequest;
import org.presstrace.shared.NotFound;
import org.presstrace.substances.StructureScreen;
import org.presstrace.substances.Substance;
import org.presstrace.substances.Substances;
import org.presstrace.substances.internal.Drawings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Pages for the reference list: search, one substance with its drawing, screening a structure. */
@Controller
@RequestMapping("/substances")
class SubstancesPages {

  private final Substances substances;

  SubstancesPages(Substances substances) {
    this.substances = substances;
  }

  @GetMapping
  String search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String smiles,
      Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("smiles", smiles == null ? "" : smiles);
    model.addAttribute("hits", substances.search(q));
    if (smiles != null && !smiles.isBlank()) {
      try {
        var verdict = StructureScreen.builtIn().screen(smiles);
        model.addAttribute("verdict", verdict);
        model.addAttribute("drawing", Drawings.svgDataUri(smiles));
      } catch (InvalidRequest refused) {
        model.addAttribute("smilesError", refused.getMessage());
      }
    }
    return "substances/list";
  }

  @GetMapping("/{id}")
  String show(@PathVariable String id, Model model) {
    Substance substance;
    try {
      substance = substances.get(id);
    } catch (NotFound absent) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, absent.getMessage());
    }
    model.addAttribute("substance", substance);
    model.addAttribute("drawing", Drawings.svgDataUri(substance.smiles()));
    model.addAttribute(
        "verdict",
        substance.smiles() == null ? null : StructureScreen.builtIn().screen(substance.smiles()));
    return "substances/show";
  }
}
