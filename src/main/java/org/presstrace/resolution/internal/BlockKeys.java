package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.presstrace.resolution.Schema;

/**
 * The blocking keys of an entity: two records become candidates when they share one. Several kinds
 * of key are made so that an error in one property (a typo in the surname, a missing date of birth)
 * still leaves another to bring the pair together.
 */
final class BlockKeys {

  /** Business words too common to block company names on. */
  private static final Set<String> GENERIC =
      Set.of(
          "chemical",
          "trading",
          "technology",
          "bio",
          "pharmaceutical",
          "import",
          "export",
          "industrial",
          "group",
          "international",
          "development",
          "material",
          "new",
          "machinery",
          "equipment",
          "electronics",
          "logistics",
          "investment",
          "holding");

  private BlockKeys() {}

  static Set<String> of(Prepared entity) {
    Set<String> keys = new LinkedHashSet<>();
    if (entity.schema() == Schema.PERSON) {
      person(entity, keys);
    } else if (entity.schema() == Schema.COMPANY) {
      company(entity, keys);
    } else if (!entity.assetName().isEmpty()) {
      keys.add("a:" + String.join("", entity.assetName()));
    }
    entity.assetIds().forEach(id -> keys.add("x:" + id));
    entity.identifiers().forEach(id -> keys.add("i:" + id));
    entity.phones().forEach(phone -> keys.add("t:" + phone));
    entity.emails().forEach(email -> keys.add("e:" + email));
    entity.postalCodes().forEach(code -> keys.add("p:" + code));
    return keys;
  }

  private static void person(Prepared entity, Set<String> keys) {
    List<String> tokens = entity.person().tokens();
    List<String> codes = new ArrayList<>();
    for (String token : tokens.subList(0, Math.min(4, tokens.size()))) {
      codes.add(Phonetic.code(token));
    }
    for (int i = 0; i < codes.size(); i++) {
      if (codes.size() == 1) {
        keys.add("w:" + codes.get(i));
      }
      for (int j = i + 1; j < codes.size(); j++) {
        String a = codes.get(i);
        String b = codes.get(j);
        keys.add("n:" + (a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a));
      }
    }
    if (!tokens.isEmpty()) {
      keys.add("c:" + entity.person().compact());
    }
    PartialDate birth = entity.birth();
    if (birth.day() > 0) {
      keys.add("d:" + birth.digits());
    }
  }

  private static void company(Prepared entity, Set<String> keys) {
    List<String> core = Text.without(entity.company().tokens(), GENERIC);
    if (core.isEmpty()) {
      core = entity.company().tokens();
    }
    if (core.isEmpty()) {
      return;
    }
    String compact = String.join("", core);
    keys.add("k:" + compact);
    keys.add("k6:" + compact.substring(0, Math.min(6, compact.length())));
    for (String token : core.subList(0, Math.min(3, core.size()))) {
      keys.add("w:" + Phonetic.code(token));
    }
  }
}
