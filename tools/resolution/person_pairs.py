#!/usr/bin/env python3
"""Writes src/test/resources/resolution/person-script-pairs.csv: labelled pairs of person names
across Han (traditional and simplified), Hanyu Pinyin, Wade-Giles (as Taiwanese passports write
it, without apostrophes or umlauts) and Hong Kong romanisation, in both orders and with the given
name joined or apart; and hard negatives: the same family name with a given name one syllable
apart, the two people Wong Ka Ming may be, homophone characters, and names that look romanised
but are English, Korean, Vietnamese or Spanish.

  python3 tools/resolution/person_pairs.py
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chinese_romanisations import wade_giles  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test",
                   "resources", "resolution", "person-script-pairs.csv")

# traditional, simplified, pinyin family, pinyin given syllables, Hong Kong family, given syllables
PEOPLE = """張偉明 张伟明 zhang wei,ming Cheung Wai,Ming
陳志強 陈志强 chen zhi,qiang Chan Chi,Keung
黃家明 黄家明 huang jia,ming Wong Ka,Ming
王家明 王家明 wang jia,ming Wong Ka,Ming
李國華 李国华 li guo,hua Lee Kwok,Wah
劉德明 刘德明 liu de,ming Lau Tak,Ming
梁美玲 梁美玲 liang mei,ling Leung Mei,Ling
何志明 何志明 he zhi,ming Ho Chi,Ming
林嘉欣 林嘉欣 lin jia,xin Lam Ka,Yan
曾俊傑 曾俊杰 zeng jun,jie Tsang Chun,Kit
周麗華 周丽华 zhou li,hua Chow Lai,Wah
楊小龍 杨小龙 yang xiao,long Yeung Siu,Lung
謝文輝 谢文辉 xie wen,hui Tse Man,Fai
郭志偉 郭志伟 guo zhi,wei Kwok Chi,Wai
朱家豪 朱家豪 zhu jia,hao Chu Ka,Ho
吳建國 吴建国 wu jian,guo Ng Kin,Kwok
羅永強 罗永强 luo yong,qiang Law Wing,Keung
鄭秀英 郑秀英 zheng xiu,ying Cheng Sau,Ying
馮子健 冯子健 feng zi,jian Fung Tsz,Kin
蔡明輝 蔡明辉 cai ming,hui Choi Ming,Fai
許文傑 许文杰 xu wen,jie Hui Man,Kit
鄧偉強 邓伟强 deng wei,qiang Tang Wai,Keung
葉嘉儀 叶嘉仪 ye jia,yi Yip Ka,Yee
蘇志豪 苏志豪 su zhi,hao So Chi,Ho
孫立人 孙立人 sun li,ren Suen Lap,Yan
趙明 赵明 zhao ming Chiu Ming
徐國強 徐国强 xu guo,qiang Tsui Kwok,Keung
馬家輝 马家辉 ma jia,hui Ma Ka,Fai"""

# another last given syllable: traditional, simplified, pinyin, Hong Kong
SIBLING = [("華", "华", "hua", "Wah"), ("強", "强", "qiang", "Keung"), ("文", "文", "wen", "Man"),
           ("英", "英", "ying", "Ying"), ("龍", "龙", "long", "Lung"), ("明", "明", "ming", "Ming"),
           ("傑", "杰", "jie", "Kit"), ("玲", "玲", "ling", "Ling")]

HOMOPHONES = [("张伟明", "章伟明"), ("张伟明", "张维明"), ("陈志强", "陈志祥"), ("李国华", "李国化"),
              ("黄家明", "王家明"), ("黃家明", "王家明"), ("刘德明", "柳德明"), ("林嘉欣", "林佳欣")]

LOOKALIKES = [("Michael Chang", "Michael Zhang"), ("John Lee", "John Li"),
              ("José Ho", "José He"), ("Lee Ann Smith", "Li An"), ("Chang Min-soo", "Zhang Minsu"),
              ("Ho Chi Minh", "He Zhiming"), ("Kim Min Jun", "Jin Minjun"),
              ("Robert Lee", "Robert Leung"), ("Susan Chan", "Susan Chen"),
              ("Maria Ho Gonzalez", "Maria He Gonzalez"), ("Lee Min-ho", "Li Minhao"),
              ("Park Chan-wook", "Pu Canyu")]


def title(word):
    return word[:1].upper() + word[1:]


def wg(syllable):
    return wade_giles(syllable)[0].replace("'", "").replace("ü", "u").replace("ê", "e")


def forms(person):
    trad, simp, family, given, hk_family, hk_given = person
    given = given.split(",")
    hk_given = hk_given.split(",")
    pinyin_given = "".join(given)
    wg_family = title(wg(family))
    wg_given = "-".join(wg(s) for s in given)
    wg_given = title(wg_given)
    return {
        "trad": trad,
        "simp": simp,
        "pinyin": f"{title(family)} {title(pinyin_given)}",
        "pinyin-upper-split": f"{family.upper()} {'-'.join(title(s) for s in given)}",
        "pinyin-western": f"{' '.join(title(s) for s in given)} {title(family)}",
        "pinyin-comma": f"{family.upper()}, {title(pinyin_given)}",
        "wade-giles": f"{wg_family} {wg_given}",
        "wade-giles-comma": f"{wg_family.upper()}, {wg_given}",
        "wade-giles-western": f"{wg_given} {wg_family}",
        "hong-kong": f"{hk_family} {' '.join(hk_given)}",
        "hong-kong-comma": f"{hk_family.upper()}, {'-'.join(s.lower() if i else s for i, s in enumerate(hk_given))}",
    }


POSITIVES = [("trad", "pinyin"), ("simp", "pinyin-upper-split"), ("trad", "wade-giles"),
             ("simp", "wade-giles-comma"), ("trad", "hong-kong"), ("simp", "hong-kong-comma"),
             ("pinyin", "wade-giles-western"), ("pinyin-western", "hong-kong"),
             ("trad", "simp"), ("pinyin-western", "pinyin-comma"), ("wade-giles", "hong-kong-comma")]

NEGATIVES = [("trad", "pinyin"), ("pinyin", "wade-giles"), ("hong-kong", "simp"),
             ("simp", "simp"), ("wade-giles-comma", "wade-giles")]


def sibling(person, index):
    trad, simp, family, given, hk_family, hk_given = person
    given = given.split(",")
    hk_given = hk_given.split(",")
    for offset in range(len(SIBLING)):
        t, s, p, h = SIBLING[(index + offset) % len(SIBLING)]
        if p != given[-1] and h != hk_given[-1]:
            return (trad[:-1] + t, simp[:-1] + s, family, ",".join(given[:-1] + [p]), hk_family,
                    ",".join(hk_given[:-1] + [h]))
    raise ValueError(person)


def main():
    people = [line.split() for line in PEOPLE.splitlines()]
    rows = []

    def add(left, right, label, form, left_person, right_person):
        rows.append([f"s{len(rows) + 1:03d}", left, right, label, form, left_person, right_person])

    for i, person in enumerate(people):
        f = forms(person)
        for a, b in POSITIVES:
            add(f[a], f[b], "match", f"{a}/{b}", person[1], person[1])
        other = sibling(person, i)
        g = forms(other)
        for a, b in NEGATIVES:
            add(f[a], g[b], "non-match", f"sibling {a}/{b}", person[1], other[1])
    for a, b in HOMOPHONES:
        add(a, b, "non-match", "homophone han/han", a, b)
    add("Wong Ka Ming", "黃家明", "match", "hong-kong ambiguous/trad", "黄家明", "黄家明")
    add("Huang Jiaming", "Wang Jiaming", "non-match", "collision pinyin/pinyin", "黄家明", "王家明")
    for a, b in LOOKALIKES:
        add(a, b, "non-match", "lookalike", a, b)
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["pair", "left_name", "right_name", "label", "form", "left_person",
                         "right_person"])
        writer.writerows(rows)
    print(len(rows), sum(1 for r in rows if r[3] == "match"))


if __name__ == "__main__":
    main()
