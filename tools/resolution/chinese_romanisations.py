#!/usr/bin/env python3
"""Writes two PressTrace data files under src/main/resources/resolution/.

wade-giles.tsv: every toneless pinyin syllable of pinyin-syllables.txt with its Wade-Giles
spelling, by the conversion rules of the Library of Congress Pinyin Conversion Project
(romanization table "Pinyin/Wade-Giles", 1999) and ISO 7098:2015 annex: initials b p m f d t n l
g k h j q x zh ch sh r z c s become p p' m f t t' n l k k' h ch ch' hs ch ch' sh j ts ts' s;
finals ian ie ong iong ui uo ue er become ien ieh ung iung uei o üeh erh, with their exceptions.

cantonese-syllables.tsv: each Hong Kong Government (Cantonese) romanisation of a syllable with
the Mandarin readings of the common characters it may stand for. Source: the Unicode Unihan
database (Unihan_Readings.txt: kCantonese in Jyutping and kMandarin; Unihan_DictionaryLikeData.txt:
kGradeLevel, the characters of Hong Kong primary schools, and kFrequency; Unihan_OtherMappings.txt:
kGB0, GB 2312 level 1; Unihan_Variants.txt: kSimplifiedVariant),
with the Jyutping-to-Hong-Kong spelling rules below. Unihan itself is not kept in the repository.

  apt-get download unicode-data && dpkg -x unicode-data_*.deb /tmp/ud
  python3 tools/resolution/chinese_romanisations.py /tmp/ud/usr/share/unicode
"""
import bz2
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "..", "src", "main", "resources", "resolution")

INITIALS = [("zh", "ch"), ("ch", "ch'"), ("sh", "sh"), ("b", "p"), ("p", "p'"), ("m", "m"),
            ("f", "f"), ("d", "t"), ("t", "t'"), ("n", "n"), ("l", "l"), ("g", "k"), ("k", "k'"),
            ("h", "h"), ("j", "ch"), ("q", "ch'"), ("x", "hs"), ("r", "j"), ("z", "ts"),
            ("c", "ts'"), ("s", "s"), ("y", "y"), ("w", "w")]


def wade_giles(syllable):
    """The Wade-Giles spellings of one toneless pinyin syllable (ü written v or u)."""
    s = syllable.replace("v", "ü")
    whole = {"zi": ["tzu"], "ci": ["tz'u"], "si": ["ssu", "szu"], "zhi": ["chih"],
             "chi": ["ch'ih"], "shi": ["shih"], "ri": ["jih"], "er": ["erh"], "e": ["o", "ê"],
             "yi": ["i"], "you": ["yu"], "yan": ["yen"], "ye": ["yeh"], "yong": ["yung"],
             "yu": ["yü"], "yue": ["yüeh"], "yuan": ["yüan"], "yun": ["yün"], "ge": ["ko"],
             "ke": ["k'o"], "he": ["ho"], "zhe": ["che"], "che": ["ch'e"], "she": ["she"],
             "re": ["je"], "ze": ["tse"], "ce": ["ts'e"], "se": ["se"], "guo": ["kuo"],
             "kuo": ["k'uo"], "huo": ["huo"], "shuo": ["shuo"], "o": ["o"], "ei": ["ei"],
             "hui": ["hui"], "rui": ["jui"], "shui": ["shui"], "sui": ["sui"], "tui": ["t'ui"],
             "dui": ["tui"], "zhui": ["chui"], "chui": ["ch'ui"], "zui": ["tsui"],
             "cui": ["ts'ui"]}
    if s in whole:
        return whole[s]
    initial, wg_initial = "", ""
    for pinyin, wg in INITIALS:
        if s.startswith(pinyin):
            initial, wg_initial = pinyin, wg
            break
    final = s[len(initial):]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]
    final = {"ian": "ien", "ie": "ieh", "üe": "üeh", "ue": "üeh", "ong": "ung", "iong": "iung",
             "ui": "uei", "uo": "o"}.get(final, final)
    return [wg_initial + final]


def fold(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if c.isalpha() and c < "\u0300")


def write_wade_giles():
    with open(os.path.join(RESOURCES, "pinyin-syllables.txt"), encoding="utf-8") as f:
        syllables = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    rows = []
    for syllable in syllables:
        if "v" in syllable:
            continue  # lv, lve, nv, nve: the same syllables as lu, lue, nu, nue with ü
        pinyin = syllable
        if syllable in ("lu", "nu", "lue", "nue") and False:
            pinyin = syllable
        for spelling in wade_giles(syllable):
            rows.append((spelling, pinyin))
    for syllable in ("lv", "lve", "nv", "nve"):
        for spelling in wade_giles(syllable):
            rows.append((spelling, syllable.replace("v", "u")))
    with open(os.path.join(RESOURCES, "wade-giles.tsv"), "w", encoding="utf-8") as out:
        out.write(
            "# Wade-Giles spelling, tab, toneless Hanyu Pinyin syllable: every syllable of\n"
            "# pinyin-syllables.txt. Apostrophes (aspiration) and ü are written; a name written without\n"
            "# them (Chang for ch'ang or chang, Hsu for hsü) is read as every syllable it may be.\n"
            "# Source: Library of Congress Pinyin Conversion Project, Pinyin/Wade-Giles conversion table\n"
            "# (1999); ISO 7098:2015. Written by tools/resolution/chinese_romanisations.py.\n")
        for spelling, pinyin in sorted(set(rows)):
            out.write(f"{spelling}\t{pinyin}\n")
    return len(set(rows))


# Jyutping initials and finals with their Hong Kong Government spellings (most frequent first).
HK_INITIALS = {"b": ["p"], "p": ["p"], "m": ["m"], "f": ["f"], "d": ["t"], "t": ["t"],
               "n": ["n", "l"], "l": ["l"], "g": ["k"], "k": ["k"], "ng": ["ng", ""], "h": ["h"],
               "gw": ["kw"], "kw": ["kw"], "w": ["w"], "z": ["ch", "ts"], "c": ["ch", "ts"],
               "s": ["s", "sh"], "j": ["y"], "": [""]}
HK_FINALS = {"aa": ["a", "ah"], "aai": ["ai"], "aau": ["au"], "aam": ["am"], "aan": ["an"],
             "aang": ["ang"], "aap": ["ap"], "aat": ["at"], "aak": ["ak"], "ai": ["ai"],
             "au": ["au"], "am": ["am"], "an": ["an"], "ang": ["ang"], "ap": ["ap"], "at": ["at"],
             "ak": ["ak"], "e": ["e"], "ei": ["ei", "ee"], "eng": ["eng"], "ek": ["ek"],
             "i": ["i", "ee"], "iu": ["iu"], "im": ["im"], "in": ["in"], "ing": ["ing"],
             "ip": ["ip"], "it": ["it"], "ik": ["ik"], "o": ["o", "oh"], "oi": ["oi", "oy"],
             "ou": ["o", "ou"], "on": ["on"], "ong": ["ong"], "ot": ["ot"], "ok": ["ok"],
             "oe": ["oe"], "oeng": ["eung"], "oek": ["euk"], "eoi": ["ui", "eui"],
             "eon": ["un", "eun"], "eot": ["ut", "eut"], "u": ["u", "oo"], "ui": ["ui", "ooi"],
             "un": ["un", "oon"], "ung": ["ung"], "ut": ["ut"], "uk": ["uk"],
             "yu": ["ue", "u", "yu"], "yun": ["uen", "un", "yuen"], "yut": ["uet", "ut", "yuet"],
             "m": ["m"], "ng": ["ng"]}


def hong_kong(jyutping):
    """The Hong Kong Government spellings of one toneless Jyutping syllable."""
    special = {"zi": ["chi", "tsz", "tsze"], "ci": ["chi", "tsz", "tsze"],
               "si": ["sze", "shi", "see", "si"], "jyu": ["yu", "yue"],
               "jyun": ["yuen", "yun"], "jyut": ["yuet", "yut"], "jan": ["yan"], "jau": ["yau"],
               "wu": ["wu", "woo"], "ng": ["ng"], "m": ["m"]}
    if jyutping in special:
        return special[jyutping]
    for length in (2, 1, 0):
        initial = jyutping[:length]
        if initial in HK_INITIALS and jyutping[length:] in HK_FINALS:
            final = jyutping[length:]
            return [i + f for i in HK_INITIALS[initial] for f in HK_FINALS[final]]
    return []


def unihan(directory, name):
    with bz2.open(os.path.join(directory, name), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("U+"):
                code, field, value = line.rstrip("\n").split("\t", 2)
                yield chr(int(code[2:], 16)), field, value


def write_cantonese(directory):
    cantonese, mandarin, simplified, school = {}, {}, {}, set()
    for char, field, value in unihan(directory, "Unihan_Readings.txt.bz2"):
        if field == "kCantonese":
            cantonese[char] = [re.sub(r"\d", "", v) for v in value.split()]
        elif field == "kMandarin":
            mandarin[char] = [fold(v).replace("ü", "v") for v in value.split()]
    for char, field, value in unihan(directory, "Unihan_DictionaryLikeData.txt.bz2"):
        if field == "kGradeLevel" or (field == "kFrequency" and int(value) <= 4):
            school.add(char)
    for char, field, value in unihan(directory, "Unihan_OtherMappings.txt.bz2"):
        if field == "kGB0" and int(value[:2]) < 56:
            school.add(char)
    for char, field, value in unihan(directory, "Unihan_Variants.txt.bz2"):
        if field == "kSimplifiedVariant":
            simplified[char] = chr(int(value.split()[0][2:].split("<")[0], 16))
    table = {}
    for char in sorted(school):
        for jyutping in cantonese.get(char, []):
            for spelling in hong_kong(jyutping):
                entry = table.setdefault(spelling, ({}, []))
                for reading in mandarin.get(char, []):
                    entry[0][reading.replace("ü", "v")] = True
                han = simplified.get(char, char)
                if han not in entry[1]:
                    entry[1].append(han)
    with open(os.path.join(RESOURCES, "cantonese-syllables.tsv"), "w", encoding="utf-8") as out:
        out.write(
            "# Hong Kong Government (Cantonese) romanisation of a syllable, tab, the toneless pinyin\n"
            "# readings of the characters it may stand for, tab, those characters (simplified).\n"
            "# Only common characters: those taught in Hong Kong primary schools (Unihan kGradeLevel),\n"
            "# the frequent ones of Big5 text (kFrequency 1-4) and GB 2312 level 1 (kGB0 rows 16-55).\n"
            "# Source: Unicode Unihan database 15.0 (kCantonese, kMandarin, kGradeLevel, kFrequency, kGB0,\n"
            "# kSimplifiedVariant), Jyutping spelt by the Hong Kong Government's rules. Written by\n"
            "# tools/resolution/chinese_romanisations.py; see its header for the command.\n")
        for spelling in sorted(table):
            readings, chars = table[spelling]
            out.write(f"{spelling}\t{' '.join(readings)}\t{''.join(chars)}\n")
    return len(table)


if __name__ == "__main__":
    print("wade-giles.tsv", write_wade_giles())
    if len(sys.argv) > 1:
        print("cantonese-syllables.tsv", write_cantonese(sys.argv[1]))
