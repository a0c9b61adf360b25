package org.presstrace.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Cities, regions, postal codes and street names for {@link SyntheticPeople}, weighted by rough
 * population. Each city owns a run of postal codes in proportion to its weight, about 30,000 in the
 * United States, 10,000 in Mexico and 5,000 in China, so that a million people share a postal code
 * with a few dozen others, as a sample of a real population would.
 */
final class Places {

  /** A city, its region, and the first of its {@code codes} postal codes. */
  record Place(String city, String region, int firstCode, int codes, int digits) {

    String postalCode(SplittableRandom random) {
      int code = firstCode + random.nextInt(codes);
      return String.format(Locale.ROOT, "%0" + digits + "d", code);
    }
  }

  private static final List<Place> US = new ArrayList<>();
  private static final List<Place> MX = new ArrayList<>();
  private static final List<Place> CN = new ArrayList<>();
  private static final double[][] CUMULATIVE = new double[3][];

  static {
    places(
        US,
        5,
        30_000,
        "New York|NY|10001 8300",
        "Los Angeles|CA|90001 3900",
        "Chicago|IL|60601 2700",
        "Houston|TX|77001 2300",
        "Phoenix|AZ|85001 1600",
        "Philadelphia|PA|19101 1600",
        "San Antonio|TX|78201 1500",
        "San Diego|CA|92101 1400",
        "Dallas|TX|75201 1300",
        "San Jose|CA|95101 1000",
        "Austin|TX|73301 960",
        "Jacksonville|FL|32201 950",
        "Fort Worth|TX|76101 920",
        "Columbus|OH|43201 900",
        "Charlotte|NC|28201 880",
        "San Francisco|CA|94102 870",
        "Indianapolis|IN|46201 870",
        "Seattle|WA|98101 740",
        "Denver|CO|80201 720",
        "El Paso|TX|79901 680",
        "Boston|MA|02101 670",
        "Nashville|TN|37201 690",
        "Las Vegas|NV|89101 650",
        "Portland|OR|97201 650",
        "Detroit|MI|48201 640",
        "Oklahoma City|OK|73101 680",
        "Albuquerque|NM|87101 560",
        "Tucson|AZ|85701 540",
        "Fresno|CA|93650 540",
        "Sacramento|CA|94203 520",
        "Atlanta|GA|30301 500",
        "Miami|FL|33101 460",
        "Laredo|TX|78040 260",
        "Brownsville|TX|78520 190",
        "Yuma|AZ|85364 100",
        "Nogales|AZ|85621 20");
    places(
        MX,
        5,
        10_000,
        "Ciudad de México|CDMX|01000 9200",
        "Guadalajara|Jalisco|44100 5200",
        "Monterrey|Nuevo León|64000 5300",
        "Puebla|Puebla|72000 3200",
        "Tijuana|Baja California|22000 2200",
        "Ciudad Juárez|Chihuahua|32000 1500",
        "León|Guanajuato|37000 1700",
        "Culiacán|Sinaloa|80000 1000",
        "Mexicali|Baja California|21000 1000",
        "Hermosillo|Sonora|83000 930",
        "Mazatlán|Sinaloa|82000 500",
        "Manzanillo|Colima|28200 190",
        "Lázaro Cárdenas|Michoacán|60950 200");
    places(
        CN,
        6,
        5_000,
        "Beijing|Beijing|100000 2100",
        "Shanghai|Shanghai|200000 2400",
        "Guangzhou|Guangdong|510000 1800",
        "Shenzhen|Guangdong|518000 1700",
        "Wuhan|Hubei|430000 1300",
        "Chengdu|Sichuan|610000 2000",
        "Tianjin|Tianjin|300000 1300",
        "Hangzhou|Zhejiang|310000 1200",
        "Nanjing|Jiangsu|210000 930",
        "Shijiazhuang|Hebei|050000 1100",
        "Jinan|Shandong|250000 940",
        "Wuxi|Jiangsu|214000 740",
        "Taizhou|Zhejiang|318000 660",
        "Qingdao|Shandong|266000 1000");
    CUMULATIVE[0] = cumulative(US);
    CUMULATIVE[1] = cumulative(MX);
    CUMULATIVE[2] = cumulative(CN);
  }

  private static final String[] ENGLISH_STREETS = {
    "Main",
    "Oak",
    "Pine",
    "Maple",
    "Cedar",
    "Elm",
    "Washington",
    "Lake",
    "Hill",
    "Park",
    "Lincoln",
    "Jefferson",
    "Sunset",
    "Highland",
    "Church",
    "River",
    "Walnut",
    "Spring",
    "Mill",
    "Jackson",
    "Franklin",
    "Madison",
    "Forest",
    "Ridge",
    "Meadow",
    "Cherry"
  };
  private static final String[] ENGLISH_TYPES = {
    "Street", "Avenue", "Road", "Drive", "Lane", "Boulevard", "Court", "Way", "Place"
  };
  private static final String[] SPANISH_STREETS = {
    "Avenida Insurgentes",
    "Calle Morelos",
    "Calle Hidalgo",
    "Avenida Juárez",
    "Calle 5 de Mayo",
    "Avenida Reforma",
    "Calle Zaragoza",
    "Calle Allende",
    "Avenida Madero",
    "Calle Guerrero",
    "Calle Independencia",
    "Avenida Revolución",
    "Calle Benito Juárez"
  };
  private static final String[] CHINESE_STREETS = {
    "Renmin Road", "Jiefang Road", "Zhongshan Road", "Jianshe Road", "Heping Street",
    "Xinhua Road", "Chang'an Avenue", "Nanjing Road", "Huaihai Road", "Dongfeng Road",
    "Wenhua Road", "Beijing Road", "Shengli Street", "Yingbin Avenue"
  };

  private Places() {}

  static Place weighted(SplittableRandom random, SyntheticPeople.Country country) {
    List<Place> places = list(country);
    double[] cumulative = CUMULATIVE[country.ordinal()];
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = java.util.Arrays.binarySearch(cumulative, x);
    return places.get(i < 0 ? -i - 1 : i);
  }

  static String street(SplittableRandom random, SyntheticPeople.Country country) {
    return switch (country) {
      case US ->
          ENGLISH_STREETS[random.nextInt(ENGLISH_STREETS.length)]
              + " "
              + ENGLISH_TYPES[random.nextInt(ENGLISH_TYPES.length)];
      case MX -> SPANISH_STREETS[random.nextInt(SPANISH_STREETS.length)];
      case CN -> CHINESE_STREETS[random.nextInt(CHINESE_STREETS.length)];
    };
  }

  /** {@code text} without accents, for e-mail local parts. */
  static String ascii(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
  }

  private static List<Place> list(SyntheticPeople.Country country) {
    return switch (country) {
      case US -> US;
      case MX -> MX;
      case CN -> CN;
    };
  }

  private static void places(List<Place> into, int digits, int totalCodes, String... entries) {
    double total = 0;
    for (String entry : entries) {
      total += Double.parseDouble(entry.substring(entry.lastIndexOf(' ') + 1));
    }
    for (String entry : entries) {
      String[] parts = entry.substring(0, entry.lastIndexOf(' ')).split("\\|");
      double weight = Double.parseDouble(entry.substring(entry.lastIndexOf(' ') + 1));
      int codes = Math.max(1, (int) Math.round(totalCodes * weight / total));
      into.add(new Place(parts[0], parts[1], Integer.parseInt(parts[2]), codes, digits));
    }
  }

  private static double[] cumulative(List<Place> places) {
    double[] cumulative = new double[places.size()];
    double total = 0;
    for (int i = 0; i < places.size(); i++) {
      total += places.get(i).codes();
      cumulative[i] = total;
    }
    return cumulative;
  }
}
