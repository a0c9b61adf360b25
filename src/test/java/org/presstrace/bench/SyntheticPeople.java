package org.presstrace.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.presstrace.resolution.Entity;
import org.presstrace.resolution.Schema;

/**
 * Synthetic people for the resolution benchmark, deterministic for a seed: English-speaking,
 * Hispanic and Chinese names drawn from frequency lists (Chinese names written in Han characters or
 * in pinyin), dates of birth, addresses in the United States, Mexico and China, phones, e-mail
 * addresses and identity numbers. Duplicates are corrupted the way FEBRL corrupts them: typing
 * errors, swapped given and family names, missing values, nicknames, a date with day and month
 * swapped, a Chinese name written in the other script.
 *
 * <p>Person {@code n} depends only on the seed and {@code n}, and so does its {@code k}th
 * duplicate, so a benchmark can make more duplicates of people already indexed without keeping
 * them. Ids carry the truth as FEBRL's do: {@code rec-<person>-org} and {@code
 * rec-<person>-dup-<k>}.
 */
public final class SyntheticPeople {

  /** A generated record and the person it describes. */
  public record Record(Entity entity, long person) {}

  private final long seed;

  public SyntheticPeople(long seed) {
    this.seed = seed;
  }

  /** The person of an id made here: {@code rec-42-dup-0} is person 42. */
  public static long person(String id) {
    int from = id.indexOf('-') + 1;
    return Long.parseLong(id.substring(from, id.indexOf('-', from)));
  }

  /**
   * About {@code count} records (exactly {@code count}) of people numbered from 0: each person's
   * original, followed for a share of them by one to three duplicates, in a shuffled order.
   *
   * @param duplicateShare the share of records that are duplicates, in [0, 0.75]
   */
  public List<Record> records(int count, double duplicateShare) {
    if (count < 0 || duplicateShare < 0 || duplicateShare > 0.75) {
      throw new IllegalArgumentException("count >= 0 and a duplicate share in [0, 0.75]");
    }
    // one to three duplicates, 1.6 on average: the share of people duplicated follows
    double duplicatedPeople = duplicateShare / (1.6 * (1 - duplicateShare));
    var records = new ArrayList<Record>(count);
    var chooser = new SplittableRandom(seed * 31 + 7);
    for (long person = 0; records.size() < count; person++) {
      records.add(new Record(original(person), person));
      if (chooser.nextDouble() < duplicatedPeople) {
        int copies = pick(chooser, 0.6, 0.3) + 1;
        for (int k = 0; k < copies && records.size() < count; k++) {
          records.add(new Record(duplicate(person, k), person));
        }
      }
    }
    for (int i = records.size() - 1; i > 0; i--) {
      int j = chooser.nextInt(i + 1);
      records.set(j, records.set(i, records.get(j)));
    }
    return records;
  }

  /** The original record of person {@code person}. */
  public Entity original(long person) {
    return profile(person).entity("rec-" + person + "-org");
  }

  /** The {@code k}th duplicate of person {@code person}, corrupted one to three ways. */
  public Entity duplicate(long person, int k) {
    Profile profile = profile(person);
    var random = new SplittableRandom(mix(seed, person, k + 1));
    int corruptions = pick(random, 0.5, 0.35) + 1;
    for (int i = 0; i < corruptions; i++) {
      profile.corrupt(random);
    }
    return profile.entity("rec-" + person + "-dup-" + k);
  }

  private Profile profile(long person) {
    var random = new SplittableRandom(mix(seed, person, 0));
    double group = random.nextDouble();
    Profile profile =
        group < 0.55
            ? Profile.english(random)
            : group < 0.80 ? Profile.hispanic(random) : Profile.chinese(random);
    profile.fill(random);
    return profile;
  }

  private static long mix(long seed, long person, int k) {
    long z = seed * 0x9E3779B97F4A7C15L + person * 0xBF58476D1CE4E5B9L + k * 0x94D049BB133111EBL;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }

  /** 0 with probability {@code p0}, 1 with {@code p1}, else 2. */
  static int pick(SplittableRandom random, double p0, double p1) {
    double x = random.nextDouble();
    return x < p0 ? 0 : x < p0 + p1 ? 1 : 2;
  }

  /** The mutable fields of one record while it is made and corrupted. */
  private static final class Profile {
    Country country;
    boolean han;
    String hanFamily = "";
    String hanGiven = "";
    String given;
    String family;
    boolean swapped;
    boolean oneLineName;
    String birthDate;
    String street;
    String city;
    String postalCode;
    String region;
    String phone;
    String email;
    String idNumber;
    String nickname;

    static Profile english(SplittableRandom random) {
      var p = new Profile();
      p.country = Country.US;
      String[] given = Names.weighted(random, Names.ENGLISH_GIVEN);
      p.given = given[0];
      p.nickname = given.length > 1 ? given[1] : null;
      p.family = Names.weighted(random, Names.ENGLISH_FAMILY)[0];
      return p;
    }

    static Profile hispanic(SplittableRandom random) {
      var p = new Profile();
      p.country = random.nextDouble() < 0.6 ? Country.MX : Country.US;
      String[] given = Names.weighted(random, Names.HISPANIC_GIVEN);
      p.given = given[0];
      p.nickname = given.length > 1 ? given[1] : null;
      p.family = Names.weighted(random, Names.HISPANIC_FAMILY)[0];
      if (random.nextDouble() < 0.6) {
        p.family += " " + Names.weighted(random, Names.HISPANIC_FAMILY)[0];
      }
      return p;
    }

    static Profile chinese(SplittableRandom random) {
      var p = new Profile();
      p.country = random.nextDouble() < 0.6 ? Country.CN : Country.US;
      String[] family = Names.weighted(random, Names.CHINESE_FAMILY);
      String[] given = Names.weighted(random, Names.CHINESE_GIVEN);
      if (random.nextDouble() < 0.5) {
        String[] second = Names.weighted(random, Names.CHINESE_GIVEN);
        if (given[0].length() == 1 && second[0].length() == 1) {
          given = new String[] {given[0] + second[0], given[1] + second[1]};
        }
      }
      p.hanFamily = family[0];
      p.hanGiven = given[0];
      p.family = capitalise(family[1]);
      p.given = capitalise(given[1]);
      p.han = p.country == Country.CN ? random.nextDouble() < 0.7 : random.nextDouble() < 0.2;
      return p;
    }

    void fill(SplittableRandom random) {
      oneLineName = random.nextDouble() < 0.3;
      birthDate =
          String.format(
              Locale.ROOT,
              "%04d-%02d-%02d",
              1940 + random.nextInt(66),
              1 + random.nextInt(12),
              1 + random.nextInt(28));
      Places.Place place = Places.weighted(random, country);
      city = place.city();
      region = place.region();
      postalCode = place.postalCode(random);
      street = (1 + random.nextInt(9999)) + " " + Places.street(random, country);
      phone = random.nextDouble() < 0.7 ? country.phone(random) : null;
      email = random.nextDouble() < 0.4 ? email(random) : null;
      idNumber = random.nextDouble() < 0.3 ? country.idNumber(random) : null;
    }

    private String email(SplittableRandom random) {
      String local =
          (given.charAt(0) + "." + family.replace(" ", "")).toLowerCase(Locale.ROOT)
              + (random.nextInt(3) == 0 ? "" : String.valueOf(random.nextInt(1000)));
      String[] domains = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "qq.com"};
      return Places.ascii(local) + "@" + domains[random.nextInt(domains.length)];
    }

    void corrupt(SplittableRandom random) {
      switch (random.nextInt(11)) {
        case 0, 1 -> {
          if (han) {
            han = false; // written in the other script: pinyin
          } else if (random.nextBoolean()) {
            given = Typos.apply(random, given);
          } else {
            family = Typos.apply(random, family);
          }
        }
        case 2 -> swapped = !swapped;
        case 3 -> {
          if (nickname != null) {
            given = nickname;
          } else if (!hanFamily.isEmpty()) {
            han = !han;
          } else {
            given = given.substring(0, 1);
          }
        }
        case 4 -> birthDate = Dates.corrupt(random, birthDate);
        case 5 -> birthDate = random.nextBoolean() ? null : Dates.corrupt(random, birthDate);
        case 6 -> street = random.nextBoolean() ? null : Typos.apply(random, street);
        case 7 -> postalCode = random.nextBoolean() ? null : Typos.digit(random, postalCode);
        case 8 -> phone = phone == null || random.nextBoolean() ? null : Typos.digit(random, phone);
        case 9 -> {
          email = null;
          idNumber = idNumber == null ? null : Typos.digit(random, idNumber);
        }
        default -> city = random.nextBoolean() ? null : Typos.apply(random, city);
      }
    }

    Entity entity(String id) {
      Entity entity = Entity.of(id, Schema.PERSON);
      if (han) {
        entity = entity.with("name", hanFamily + hanGiven);
      } else if (oneLineName) {
        String familyFirst =
            hanFamily.isEmpty()
                ? family + ", " + given
                : family.toUpperCase(Locale.ROOT) + " " + given;
        entity = entity.with("name", swapped ? familyFirst : given + " " + family);
      } else {
        entity =
            entity
                .with("firstName", swapped ? family : given)
                .with("lastName", swapped ? given : family);
      }
      return entity
          .with("birthDate", birthDate)
          .with("street", street)
          .with("city", city)
          .with("postalCode", postalCode)
          .with("region", region)
          .with("country", country.code)
          .with("phone", phone)
          .with("email", email)
          .with("idNumber", idNumber);
    }

    private static String capitalise(String word) {
      return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
  }

  /** The countries people live in, with how their phones and identity numbers are written. */
  enum Country {
    US("US"),
    MX("MX"),
    CN("CN");

    final String code;

    Country(String code) {
      this.code = code;
    }

    String phone(SplittableRandom random) {
      return switch (this) {
        case US -> {
          int area = 201 + random.nextInt(780);
          int exchange = 200 + random.nextInt(800);
          int line = random.nextInt(10000);
          yield switch (random.nextInt(3)) {
            case 0 -> String.format(Locale.ROOT, "(%d) %d-%04d", area, exchange, line);
            case 1 -> String.format(Locale.ROOT, "%d-%d-%04d", area, exchange, line);
            default -> String.format(Locale.ROOT, "+1 %d %d %04d", area, exchange, line);
          };
        }
        case MX -> {
          String[] areas = {"55", "33", "81", "664", "656", "222"};
          String area = areas[random.nextInt(areas.length)];
          int rest = area.length() == 2 ? 8 : 7;
          String digits = Typos.digits(random, rest);
          yield (random.nextBoolean() ? "+52 " : "") + area + " " + digits;
        }
        case CN -> {
          String[] prefixes = {"138", "139", "136", "150", "186", "177", "133"};
          String number = prefixes[random.nextInt(prefixes.length)] + Typos.digits(random, 8);
          yield random.nextBoolean()
              ? "+86 " + number
              : number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
        }
      };
    }

    String idNumber(SplittableRandom random) {
      return switch (this) {
        case US ->
            Typos.digits(random, 3) + "-" + Typos.digits(random, 2) + "-" + Typos.digits(random, 4);
        case MX -> {
          var curp = new StringBuilder();
          for (int i = 0; i < 4; i++) {
            curp.append((char) ('A' + random.nextInt(26)));
          }
          yield curp + Typos.digits(random, 6) + (random.nextBoolean() ? "H" : "M") + "DF";
        }
        case CN -> "11010" + Typos.digits(random, 13);
      };
    }
  }
}
