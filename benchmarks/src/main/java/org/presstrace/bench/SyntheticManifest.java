package org.presstrace.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.presstrace.substances.ManifestLine;
import org.presstrace.substances.Substance;
import org.presstrace.substances.internal.ReferenceList;

/**
 * Generates manifest lines and structures with a fixed seed: mostly harmless goods (many declared
 * under HS 2933/2934 like the precursors), and listed substances as a manifest would hide them:
 * misspelt, with salt words, in other case and hyphenation, by Chinese name, or with a CAS number
 * one digit or one transposition off. Each line is put together from parts (product, grade,
 * purity, packaging, quantity and unit, lot number, HS-like number, company, port) the way customs
 * descriptions read, so almost every line, and most of its phrases, occur once: a screen cannot
 * gain speed by remembering lines or phrases it has seen.
 */
final class SyntheticManifest {

  private static final String[] CHEMICALS = {
    "Sodium chloride", "Citric acid monohydrate", "Polyethylene glycol", "Titanium dioxide rutile",
    "Melamine", "Caffeine anhydrous", "Nicotinamide", "Pyridine", "Morpholine", "Benzotriazole",
    "Thiophene", "Paracetamol", "Acetone", "Ethyl acetate", "Glycerol", "Sodium bicarbonate",
    "Imidazole", "Piperazine", "Sodium benzoate", "Potassium sorbate", "Ascorbic acid",
    "Magnesium stearate", "Microcrystalline cellulose", "Lactose monohydrate", "Talc powder",
    "Calcium carbonate", "Zinc oxide", "Stearic acid", "Isopropyl alcohol", "Toluene", "Xylene",
    "Methanol", "Ethanol denatured", "Acetic acid glacial", "Formic acid", "Hydrochloric acid",
    "Sulfuric acid", "Sodium hydroxide flakes", "Potassium carbonate", "Triethylamine",
    "Dichloromethane", "Tetrahydrofuran", "Dimethylformamide", "Acetonitrile", "Cyclohexanone",
    "Benzaldehyde", "Aniline", "Phenol", "Resorcinol", "Hydroquinone", "Vanillin", "Menthol",
    "Camphor", "Urea", "Ammonium sulfate", "Glycine", "L-lysine", "Taurine", "Inositol",
    "Sodium gluconate", "Maltodextrin", "Dextrose", "Sorbitol", "Xanthan gum", "Carbomer",
    "Povidone K30", "Croscarmellose sodium", "Hypromellose", "Metformin", "Ibuprofen",
    "Amoxicillin trihydrate", "Cetirizine", "Loratadine", "Omeprazole pellets", "Ranitidine",
    "Quinoline", "Pyrrolidine", "Piperidine-free amine blend", "Benzimidazole", "Indole",
    "Pyrazole", "Triazine", "Thiazole", "Oxazole", "Furfural", "Nitrobenzene", "Chlorobenzene"
  };
  private static final String[] GOODS = {
    "LED light strips", "Cotton T-shirts", "Stainless steel bolts", "Ceramic tiles",
    "Plastic hangers", "Bluetooth speakers", "Phone cases", "Laboratory glassware",
    "Filter paper", "Nitrile gloves", "Printer cartridges", "Aluminium profiles", "Copper wire",
    "Rubber gaskets", "Ball bearings", "Hydraulic hoses", "Solar panels", "Lithium batteries",
    "Office chairs", "Kitchen knives", "Wooden pallets", "Glass bottles", "Spray pumps",
    "Capsule shells", "Tablet press punches", "Blister foil", "Labels self-adhesive",
    "Packing tape", "Cardboard boxes", "Industrial fans", "Water pumps", "Electric motors"
  };
  private static final String[] GRADES = {
    "technical grade", "food grade", "pharma grade", "USP", "BP", "EP", "reagent grade",
    "industrial grade", "feed grade", "AR", "CP", "cosmetic grade", "electronic grade", ""
  };
  private static final String[] PACKAGING = {
    "bags", "drums", "fibre drums", "IBC totes", "cartons", "jerrycans", "bottles", "pails",
    "jumbo bags", "sacks", "cylinders", "tins", "pallets", "cases"
  };
  private static final String[] UNITS = {"kg", "g", "L", "mL", "MT", "lbs", "pcs", "sets"};
  private static final String[] COMPANIES = {
    "Hengda", "Jiangsu Ruixin", "Zhejiang Huaxing", "Shandong Lutai", "Hubei Yuancheng",
    "Guangzhou Meiya", "Shenzhen Kaida", "Anhui Dongfang", "Tianjin Haiwei", "Hebei Jingye",
    "Mumbai Organics", "Gujarat Chemtech", "Hyderabad Labs", "Rotterdam Trading", "Hamburg Chemie",
    "Antwerp Logistics", "Lagos Imports", "Santos Distribuidora", "Veracruz Quimica", "Toronto Supply"
  };
  private static final String[] COMPANY_FORMS = {
    "Co Ltd", "Trading Co", "Chemical Co Ltd", "Pvt Ltd", "GmbH", "BV", "SA de CV", "Inc", "LLC"
  };
  private static final String[] PORTS = {
    "Shanghai", "Ningbo", "Shenzhen", "Qingdao", "Tianjin", "Xiamen", "Nhava Sheva", "Mundra",
    "Rotterdam", "Antwerp", "Hamburg", "Manzanillo", "Lazaro Cardenas", "Long Beach", "Vancouver"
  };
  private static final String[] TERMS = {"FOB", "CIF", "CFR", "EXW", "DAP", "DDP"};
  private static final String[] HS = {
    "2933.39", "2934.99", "2933.99", "2924.29", "2922.49", "2915.39", "2905.45", "2918.14",
    "3004.90", "3824.99", "3907.20", "6109.10", "7318.15", "9405.40", "8541.40", "3926.90"
  };
  private static final String[] SALTS = {"", " HCl", " hydrochloride", " citrate", " base", ""};
  private static final String[] CONTEXT = {
    "pharmaceutical intermediate", "research chemical", "for laboratory use", "sample",
    "chemical raw material", "API", "not for human use", "as per proforma invoice"
  };

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

  /**
   * The share of distinct descriptions among {@code lines}, and of distinct phrases (one to six
   * words, split as the screen splits them) among all phrases.
   */
  static String variety(List<ManifestLine> lines) {
    var descriptions = new HashSet<String>();
    var phrases = new HashSet<String>();
    long phraseCount = 0;
    for (ManifestLine line : lines) {
      descriptions.add(line.description());
      String[] words = WORD_BREAK.split(line.description().strip());
      for (int from = 0; from < words.length; from++) {
        var phrase = new StringBuilder();
        for (int to = from; to < Math.min(words.length, from + 6); to++) {
          phrase.append(to > from ? " " : "").append(words[to]);
          phrases.add(phrase.toString());
          phraseCount++;
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "%,d lines: %.3f distinct descriptions; %,d phrases: %.3f distinct",
        lines.size(),
        (double) descriptions.size() / lines.size(),
        phraseCount,
        (double) phrases.size() / phraseCount);
  }

  private static final Pattern WORD_BREAK = Pattern.compile("[\\s,;/]+");

  private ManifestLine line(long number) {
    int kind = random.nextInt(100);
    String quantity = quantity();
    String shipper = company();
    String consignee = company();
    if (kind < 70) {
      String hs = pick(HS);
      return new ManifestLine(
          number, harmless(), kind % 3 == 0 ? harmlessCas() : "", hs, quantity, shipper, consignee);
    }
    Substance s = listed.get(random.nextInt(listed.size()));
    String name = pickName(s);
    String description;
    String cas = "";
    if (kind < 82) {
      description = misspell(name) + pick(SALTS);
    } else if (kind < 88) {
      description = variant(name) + pick(SALTS) + ", " + pick(CONTEXT);
    } else if (kind < 94 && s.cas() != null) {
      description = pick(CONTEXT);
      cas = casTypo(s.cas());
    } else if (!s.chineseNames().isEmpty()) {
      description = s.chineseNames().get(0) + " 样品";
    } else {
      description = name;
    }
    return new ManifestLine(
        number, dressed(description), cas, pick(HS), quantity, shipper, consignee);
  }

  /** A harmless description: product, grade, purity, packaging, lot, port, in a varying order. */
  private String harmless() {
    var text = new StringBuilder();
    if (random.nextInt(4) == 0) {
      text.append(pick(GOODS)).append(' ').append(size());
    } else {
      text.append(pick(CHEMICALS));
      String grade = pick(GRADES);
      if (!grade.isEmpty()) {
        text.append(random.nextBoolean() ? ", " : " ").append(grade);
      }
      if (random.nextBoolean()) {
        text.append(' ').append(purity());
      }
    }
    return dressed(text.toString());
  }

  /** Packing, quantity, lot, HS-like number and port around a description, some of each. */
  private String dressed(String description) {
    var text = new StringBuilder(description);
    if (random.nextInt(3) > 0) {
      text.append(", ")
          .append(1 + random.nextInt(400))
          .append(' ')
          .append(pick(PACKAGING))
          .append(" x ")
          .append(5 * (1 + random.nextInt(50)))
          .append(pick(UNITS));
    }
    if (random.nextBoolean()) {
      text.append(" lot ")
          .append((char) ('A' + random.nextInt(26)))
          .append(random.nextInt(100))
          .append('-')
          .append(1000 + random.nextInt(9000));
    }
    if (random.nextInt(3) == 0) {
      text.append(" HS ").append(pick(HS)).append('.').append(10 + random.nextInt(90));
    }
    if (random.nextInt(3) == 0) {
      text.append(' ').append(pick(TERMS)).append(' ').append(pick(PORTS));
    }
    if (random.nextInt(4) == 0) {
      text.append(" / ").append(company());
    }
    return text.toString();
  }

  private String quantity() {
    return (1 + random.nextInt(5000)) + " " + pick(UNITS);
  }

  private String size() {
    return switch (random.nextInt(3)) {
      case 0 -> (1 + random.nextInt(20)) + "m";
      case 1 -> "M" + (3 + random.nextInt(20));
      default -> (10 + random.nextInt(990)) + "x" + (10 + random.nextInt(990)) + "mm";
    };
  }

  private String purity() {
    return (90 + random.nextInt(10)) + "." + random.nextInt(10) + "%";
  }

  private String company() {
    return pick(COMPANIES) + " " + pick(COMPANY_FORMS);
  }

  /** A made-up CAS number for a harmless good, its check digit right nine times in ten. */
  private String harmlessCas() {
    String digits = (50 + random.nextInt(99_950)) + "" + (10 + random.nextInt(90));
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      sum += (digits.length() - i) * (digits.charAt(i) - '0');
    }
    int check = random.nextInt(10) == 0 ? (sum + 1 + random.nextInt(9)) % 10 : sum % 10;
    return digits.substring(0, digits.length() - 2)
        + "-"
        + digits.substring(digits.length() - 2)
        + "-"
        + check;
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
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
