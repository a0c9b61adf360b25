package org.presstrace.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.Substance;
import org.presstrace.substances.internal.ReferenceList;

/**
 * Generates manifest lines and structures with a fixed seed: mostly harmless chemicals (many
 * declared under HS 2933/2934 like the precursors), and listed substances as a manifest would hide
 * them: misspelt, with salt words, in other case and hyphenation, by Chinese name, or with a CAS
 * number one digit or one transposition off.
 */
final class SyntheticManifest {

  private static final String[][] HARMLESS = {
    {"Sodium chloride, food grade", "7647-14-5", "2501"},
    {"Citric acid monohydrate", "5949-29-1", "2918"},
    {"Polyethylene glycol 400", "25322-68-3", "3907"},
    {"Titanium dioxide rutile", "13463-67-7", "2823"},
    {"Melamine 99.8%", "108-78-1", "2933"},
    {"Caffeine anhydrous USP", "58-08-2", "2939"},
    {"Nicotinamide (vitamin B3)", "98-92-0", "2936"},
    {"Pyridine, reagent", "110-86-1", "2933"},
    {"Morpholine", "110-91-8", "2934"},
    {"Benzotriazole corrosion inhibitor", "95-14-7", "2933"},
    {"Thiophene", "110-02-1", "2934"},
    {"Paracetamol powder", "103-90-2", "2924"},
    {"Acetone technical", "67-64-1", "2914"},
    {"Ethyl acetate", "141-78-6", "2915"},
    {"Glycerol 99.5%", "56-81-5", "2905"},
    {"Sodium bicarbonate", "144-55-8", "2836"},
    {"LED light strips 5m", "", "9405"},
    {"Cotton T-shirts, assorted", "", "6109"},
    {"Stainless steel bolts M8", "", "7318"},
    {"Imidazole", "288-32-4", "2933"}
  };

  private static final String[] SALTS = {"", " HCl", " hydrochloride", " citrate", " base", ""};
  private static final String[] UNITS = {"kg", "g", "drums", "bags", "L"};

  private final SplittableRandom random;
  private final List<Substance> listed;

  SyntheticManifest(long seed) {
    this.random = new SplittableRandom(seed);
    this.listed = ReferenceList.builtIn().substances();
  }

  List<ManifestLine> lines(int count) {
    var lines = new ArrayList<ManifestLine>(count);
    for (int i = 1; i <= count; i++) {
      lines.add(line(i));
    }
    return lines;
  }

  private ManifestLine line(long number) {
    int kind = random.nextInt(100);
    String quantity = (1 + random.nextInt(500)) + " " + UNITS[random.nextInt(UNITS.length)];
    if (kind < 70) {
      String[] h = HARMLESS[random.nextInt(HARMLESS.length)];
      return new ManifestLine(number, h[0], h[1], h[2], quantity, "Shipper Co", "Consignee Ltd");
    }
    Substance s = listed.get(random.nextInt(listed.size()));
    String name = pickName(s);
    String description;
    String cas = "";
    if (kind < 82) {
      description = misspell(name) + SALTS[random.nextInt(SALTS.length)];
    } else if (kind < 88) {
      description = variant(name) + SALTS[random.nextInt(SALTS.length)] + ", pharmaceutical intermediate";
    } else if (kind < 94 && s.cas() != null) {
      description = "chemical raw material";
      cas = casTypo(s.cas());
    } else if (!s.chineseNames().isEmpty()) {
      description = s.chineseNames().get(0) + " 样品";
    } else {
      description = name;
    }
    return new ManifestLine(number, description, cas, "2933.39", quantity, "Trading Co", "Buyer");
  }

  private String pickName(Substance s) {
    if (!s.synonyms().isEmpty() && random.nextBoolean()) {
      return s.synonyms().get(random.nextInt(s.synonyms().size()));
    }
    return s.name();
  }

  private String misspell(String name) {
    if (name.length() < 6) {
      return name;
    }
    var text = new StringBuilder(name);
    int at = 1 + random.nextInt(text.length() - 2);
    switch (random.nextInt(3)) {
      case 0 -> {
        char c = text.charAt(at);
        text.setCharAt(at, text.charAt(at + 1));
        text.setCharAt(at + 1, c);
      }
      case 1 -> text.deleteCharAt(at);
      default -> text.insert(at, text.charAt(at));
    }
    return text.toString();
  }

  private String variant(String name) {
    return switch (random.nextInt(3)) {
      case 0 -> name.toUpperCase(Locale.ROOT);
      case 1 -> name.replace("-", " ");
      default -> name.replace(" ", "-");
    };
  }

  private String casTypo(String cas) {
    char[] chars = cas.toCharArray();
    int at;
    do {
      at = random.nextInt(chars.length - 3);
    } while (chars[at] == '-' || chars[at + 1] == '-');
    if (random.nextBoolean() && chars[at] != chars[at + 1]) {
      char c = chars[at];
      chars[at] = chars[at + 1];
      chars[at + 1] = c;
    } else {
      chars[at] = (char) ('0' + (chars[at] - '0' + 1 + random.nextInt(8)) % 10);
    }
    return new String(chars);
  }

  /** Fentanyl-like structures built from parts, the listed structures, and harmless molecules. */
  static List<String> structures() {
    String[] acyl = {"CC", "CCC", "CCCC", "C=C", "c1ccoc1", "C1CC1", "COC", "C"};
    String[] aryl = {"c1ccccc1", "c1ccc(F)cc1", "c1ccc(C)cc1", "c1ccccc1F", "c1ccc(OC)cc1"};
    String[] tail = {"CCc1ccccc1", "CCc1cccs1", "CCc1ccc(F)cc1", "CC(O)c1ccccc1", "Cc1ccccc1"};
    var all = new ArrayList<String>();
    for (String a : acyl) {
      for (String r : aryl) {
        for (String t : tail) {
          all.add(a + "C(=O)N(" + r + ")C1CCN(" + t + ")CC1");
          all.add(a + "C(=O)N(" + r + ")C1CCN(" + t + ")CC1C");
        }
      }
    }
    for (Substance s : ReferenceList.builtIn().substances()) {
      if (s.smiles() != null) {
        all.add(s.smiles());
      }
    }
    String[] harmless = {
      "CC(=O)Oc1ccccc1C(=O)O", "Cn1cnc2c1c(=O)n(C)c(=O)n2C", "CC(C)Cc1ccc(cc1)C(C)C(=O)O",
      "CC(=O)Nc1ccc(O)cc1", "OCC(O)CO", "c1ccncc1", "C1COCCN1", "c1ccc2[nH]nnc2c1",
      "CN1C2CCC1C(C(=O)OC)C(OC(=O)c1ccccc1)C2", "CCOC(=O)C1(CCN(C)CC1)c1ccccc1",
      "CN1CC[C@]23c4c5ccc(O)c4O[C@H]2[C@@H](O)C=C[C@H]3[C@H]1C5", "O=C1CCN(CCc2ccccc2)CC1",
      "Nc1nc(N)nc(N)n1", "NC(=O)c1cccnc1", "c1ccsc1", "OC(=O)CC(O)(CC(O)=O)C(O)=O",
      "CN(C)C(=N)NC(=N)N", "CC(C)NCC(O)COc1cccc2ccccc12", "COc1ccc2[nH]cc(CCNC(C)=O)c2c1",
      "Clc1ccc(cc1)C(c1ccccc1)N1CCN(CC1)CCOCC(=O)O"
    };
    for (String h : harmless) {
      for (int i = 0; i < 5; i++) {
        all.add(h);
      }
    }
    return all;
  }
}
