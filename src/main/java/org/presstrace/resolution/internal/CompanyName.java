package org.presstrace.resolution.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A company name folded for comparison: the legal form taken off and reduced to its family, the
 * common business words of Chinese and English brought to one English word, Han characters turned
 * to pinyin (each run of Han between known words becoming one word, as it is romanised), and place
 * qualifiers (市, 省) dropped.
 *
 * <p>So 深圳市华强化工有限公司 becomes {@code shenzhenhuaqiang chemical}, legal form {@code limited}, and
 * "Shenzhen Huaqiang Chemical Co., Ltd." becomes {@code shenzhen huaqiang chemical}, legal form
 * {@code limited}: the compact spellings are equal.
 *
 * <p>Each name is also read as a Chinese firm's ({@link ChineseCompanyName}: place, trade name,
 * industry, form); when either side reads as one, the two are compared part by part.
 */
record CompanyName(List<String> tokens, String legalForm, ChineseCompanyName chinese) {

  /** Legal-form families: a limited-liability company, a company with shares, a partnership. */
  static final String LIMITED = "limited";

  static final String STOCK = "stock";
  static final String PARTNERSHIP = "partnership";

  /** Latin legal forms, folded, longest first when matched. */
  static final Map<String, String> LATIN_FORMS = latinForms();

  /** Han legal forms, longest first. */
  private static final Map<String, String> HAN_FORMS = new LinkedHashMap<>();

  /** Han business words and their English, longest first. */
  private static final Map<String, String> HAN_WORDS = new LinkedHashMap<>();

  /** English spellings of the business words, to one spelling. */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("technologies", "technology"),
          Map.entry("tech", "technology"),
          Map.entry("technological", "technology"),
          Map.entry("biological", "bio"),
          Map.entry("biotech", "bio"),
          Map.entry("biotechnology", "bio"),
          Map.entry("biology", "bio"),
          Map.entry("chemicals", "chemical"),
          Map.entry("chem", "chemical"),
          Map.entry("chemistry", "chemical"),
          Map.entry("pharmaceuticals", "pharmaceutical"),
          Map.entry("pharma", "pharmaceutical"),
          Map.entry("pharmacy", "pharmaceutical"),
          Map.entry("medicine", "pharmaceutical"),
          Map.entry("trade", "trading"),
          Map.entry("commerce", "trading"),
          Map.entry("commercial", "trading"),
          Map.entry("imp", "import"),
          Map.entry("exp", "export"),
          Map.entry("intl", "international"),
          Map.entry("industries", "industrial"),
          Map.entry("industry", "industrial"),
          Map.entry("materials", "material"),
          Map.entry("machines", "machinery"),
          Map.entry("electronic", "electronics"),
          Map.entry("holdings", "holding"),
          Map.entry("investments", "investment"),
          Map.entry("hk", "hong kong"));

  private static final Set<String> STOP = Set.of("the", "and", "of");

  static {
    HAN_FORMS.put("股份有限公司", STOCK);
    HAN_FORMS.put("有限责任公司", LIMITED);
    HAN_FORMS.put("有限責任公司", LIMITED);
    HAN_FORMS.put("有限公司", LIMITED);
    HAN_FORMS.put("合伙企业", PARTNERSHIP);
    HAN_FORMS.put("公司", "");
    HAN_FORMS.put("厂", "");
    String[][] words = {
      {"进出口", "import export"},
      {"進出口", "import export"},
      {"新材料", "new material"},
      {"科技", "technology"},
      {"技术", "technology"},
      {"技術", "technology"},
      {"生物", "bio"},
      {"化工", "chemical"},
      {"化学", "chemical"},
      {"化學", "chemical"},
      {"医药", "pharmaceutical"},
      {"醫藥", "pharmaceutical"},
      {"制药", "pharmaceutical"},
      {"药业", "pharmaceutical"},
      {"商贸", "trading"},
      {"贸易", "trading"},
      {"貿易", "trading"},
      {"实业", "industrial"},
      {"工业", "industrial"},
      {"集团", "group"},
      {"集團", "group"},
      {"国际", "international"},
      {"國際", "international"},
      {"发展", "development"},
      {"材料", "material"},
      {"机械", "machinery"},
      {"機械", "machinery"},
      {"设备", "equipment"},
      {"电子", "electronics"},
      {"物流", "logistics"},
      {"投资", "investment"},
      {"控股", "holding"},
      {"香港", "hong kong"},
      {"市", ""},
      {"省", ""}
    };
    for (String[] word : words) {
      HAN_WORDS.put(word[0], word[1]);
    }
  }

  static final CompanyName NONE = new CompanyName(List.of(), "", ChineseCompanyName.NONE);

  boolean isEmpty() {
    return tokens.isEmpty();
  }

  String compact() {
    return String.join("", tokens);
  }

  static CompanyName parse(String name) {
    if (name == null || name.isBlank()) {
      return NONE;
    }
    String text = name.trim();
    String form = "";
    if (Text.hasHan(text)) {
      text = text.replaceAll("[\\s()（）]", "");
      form = hanForm(text);
      text = stripHanForm(text);
    }
    List<String> tokens = new ArrayList<>();
    for (String token : Text.tokens(translateHan(text))) {
      String word = SYNONYMS.getOrDefault(token, token);
      if (!STOP.contains(word)) {
        tokens.addAll(List.of(word.split(" ")));
      }
    }
    String latinForm = stripLatinForm(tokens);
    return new CompanyName(
        List.copyOf(tokens), form.isEmpty() ? latinForm : form, ChineseCompanyName.parse(name));
  }

  private static String hanForm(String text) {
    for (var form : HAN_FORMS.entrySet()) {
      if (text.endsWith(form.getKey())) {
        return form.getValue();
      }
    }
    return "";
  }

  private static String stripHanForm(String text) {
    for (var form : HAN_FORMS.entrySet()) {
      if (text.endsWith(form.getKey()) && text.length() > form.getKey().length()) {
        return text.substring(0, text.length() - form.getKey().length());
      }
    }
    return text;
  }

  /** Known Han words to English; every other run of Han to one pinyin word. */
  private static String translateHan(String text) {
    if (!Text.hasHan(text)) {
      return text;
    }
    var out = new StringBuilder();
    var run = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      String word = wordAt(text, i);
      if (word != null) {
        flushRun(run, out);
        out.append(' ').append(HAN_WORDS.get(word)).append(' ');
        i += word.length();
      } else {
        run.append(text.charAt(i));
        i++;
      }
    }
    flushRun(run, out);
    return out.toString();
  }

  private static String wordAt(String text, int at) {
    for (String word : HAN_WORDS.keySet()) {
      if (text.startsWith(word, at)) {
        return word;
      }
    }
    return null;
  }

  private static void flushRun(StringBuilder run, StringBuilder out) {
    if (run.length() > 0) {
      String run0 = run.toString();
      out.append(' ').append(Text.hasHan(run0) ? Text.fold(run0).replace(" ", "") : run0);
      out.append(' ');
      run.setLength(0);
    }
  }

  /** Takes legal-form words off the end of {@code tokens}; returns the strongest family seen. */
  private static String stripLatinForm(List<String> tokens) {
    String family = "";
    boolean stripped = true;
    while (stripped && tokens.size() > 1) {
      stripped = false;
      for (var form : LATIN_FORMS.entrySet()) {
        List<String> words = List.of(form.getKey().split(" "));
        int from = tokens.size() - words.size();
        if (from >= 1 && tokens.subList(from, tokens.size()).equals(words)) {
          tokens.subList(from, tokens.size()).clear();
          if (family.isEmpty()) {
            family = form.getValue();
          }
          stripped = true;
          break;
        }
      }
    }
    return family;
  }

  private static Map<String, String> latinForms() {
    String[][] forms = {
      {"s a de c v", STOCK},
      {"sa de cv", STOCK},
      {"s de r l de c v", LIMITED},
      {"s de rl de cv", LIMITED},
      {"sapi de cv", STOCK},
      {"s de r l", LIMITED},
      {"sp z o o", LIMITED},
      {"co ltd", LIMITED},
      {"company limited", LIMITED},
      {"co limited", LIMITED},
      {"pty ltd", LIMITED},
      {"pte ltd", LIMITED},
      {"limited liability company", LIMITED},
      {"l l c", LIMITED},
      {"llc", LIMITED},
      {"ltd", LIMITED},
      {"limited", LIMITED},
      {"gmbh", LIMITED},
      {"ug", LIMITED},
      {"s r l", LIMITED},
      {"srl", LIMITED},
      {"sarl", LIMITED},
      {"bv", LIMITED},
      {"b v", LIMITED},
      {"ooo", LIMITED},
      {"kft", LIMITED},
      {"inc", STOCK},
      {"incorporated", STOCK},
      {"corp", STOCK},
      {"corporation", STOCK},
      {"plc", STOCK},
      {"ag", STOCK},
      {"s a", STOCK},
      {"sa", STOCK},
      {"nv", STOCK},
      {"n v", STOCK},
      {"spa", STOCK},
      {"s p a", STOCK},
      {"jsc", STOCK},
      {"kk", STOCK},
      {"ab", STOCK},
      {"oy", STOCK},
      {"lp", PARTNERSHIP},
      {"llp", PARTNERSHIP},
      {"kg", PARTNERSHIP},
      {"gbr", PARTNERSHIP},
      {"co", ""},
      {"company", ""}
    };
    var sorted = new ArrayList<String[]>(List.of(forms));
    sorted.sort(Comparator.comparingInt((String[] f) -> -f[0].length()));
    var map = new LinkedHashMap<String, String>();
    for (String[] form : sorted) {
      map.put(form[0], form[1]);
    }
    return map;
  }
}
