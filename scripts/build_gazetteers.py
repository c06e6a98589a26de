"""Build gazetteers/divisions.tsv from the official 2023 division tables.

Sources (read from ../shared/data/divisions unless --src is given):
- provinces.csv, cities.csv, areas.csv, streets.csv: National Bureau of
  Statistics codes 2023 (modood/Administrative-divisions-of-China, WTFPL);
- jionlp/china_location.txt: JioNLP (Apache-2.0) tree with short aliases and the
  functional zones the 2023 table lacks (永州市金洞管理区 431172);
- jionlp/china_location_change.txt: renames (祁阳县 -> 祁阳市).

Output columns: code, name (canonical), level, parent_code, aliases (full forms,
;-joined), short (short forms, ;-joined: only matched with context at run
time), zone_code (the functional zone a township is listed under in JioNLP when
the official table files it elsewhere). Rows sorted by code; byte-identical on
every run. Also writes place_common_shorts.tsv: short forms that are common
words in jieba's bundled dictionary (中方, 南部, 资源), read only inside a region.
Uses gazetteers/place_stopwords.txt and place_ethnic_groups.txt.

    python scripts/build_gazetteers.py [--src DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SRC = REPO.parent / "shared" / "data" / "divisions"

# City-level rows of the 2023 table that are containers, not places: their
# counties hang directly under the province.
CONTAINER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# A city prefix is dropped from a functional zone's name unless what remains is
# generic (秦皇岛市经济技术开发区 keeps its prefix).
GENERIC_ZONE_STARTS = ("经济", "高新", "城乡", "国家", "工业", "开发")
COUNTY_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "县", "区", "市", "旗")
TOWNSHIP_SUFFIXES = ("民族乡", "民族镇", "街道", "苏木", "镇", "乡")
ZONE_REWRITES = (("经济技术开发区", "经开区"), ("高新技术产业开发区", "高新区"),
                 ("高新技术开发区", "高新区"), ("经济开发区", "经开区"))
HEADER = ["code", "name", "level", "parent_code", "aliases", "short", "zone_code"]


@dataclass
class Row:
    code: str
    name: str
    level: str
    parent_code: str
    aliases: set[str] = field(default_factory=set)
    short: set[str] = field(default_factory=set)
    zone_code: str = ""


def pad(code: str) -> str:
    """Contract padding: 43 -> 430000, 4311 -> 431100; townships keep 9 digits."""
    return code if len(code) == 9 else code.ljust(6, "0")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_stopwords(path: Path) -> set[str]:
    with path.open(encoding="utf-8") as fh:
        return {s for s in (x.strip() for x in fh) if s and not s.startswith("#")}


ETHNIC: tuple[str, ...] = ()


def strip_ethnic(stem: str) -> str:
    """江华瑶族 -> 江华; 湘西土家族苗族 -> 湘西 (autonomous-unit names)."""
    changed = True
    while changed:
        changed = False
        for group in ETHNIC:
            if stem.endswith(group) and len(stem) - len(group) >= 2:
                stem, changed = stem[: -len(group)], True
    return stem


def county_short(name: str) -> str | None:
    for suf in COUNTY_SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            stem = name[: -len(suf)]
            if suf.startswith("自治"):
                stem = strip_ethnic(stem)
            return stem if len(stem) >= 2 else None
    return None


def township_short(name: str) -> str | None:
    for suf in TOWNSHIP_SUFFIXES:
        if name.endswith(suf):
            stem = name[: -len(suf)]
            if suf in ("镇", "乡"):
                stem = strip_ethnic(stem) if stem.endswith("族") else stem
            return stem if len(stem) >= 2 else None
    return None


def parse_jionlp(path: Path) -> tuple[dict[str, str], dict[str, tuple[str, str, str, list[str]]]]:
    """Short alias per 6-digit code, and every county-level unit with its
    (name, city code, province code, township names)."""
    short: dict[str, str] = {}
    counties: dict[str, tuple[str, str, str, list[str]]] = {}
    prov = city = county = ""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            depth = len(line) - len(line.lstrip("\t"))
            parts = line.strip().split("\t")
            if depth <= 2 and len(parts) >= 2:
                code = parts[1]
                if len(parts) >= 3:
                    short[code] = parts[2]
                if depth == 0:
                    prov = code
                elif depth == 1:
                    city = code
                else:
                    county = code
                    counties[code] = (parts[0], city, prov, [])
            elif depth == 3 and county in counties:
                counties[county][3].append(parts[0])
    return short, counties


def parse_changes(path: Path) -> list[tuple[str, str, str]]:
    """(old full name, new city name, new full name) for county-level renames."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if "=>" not in line:
                continue
            old, new = line.rstrip("\n").split("=>")
            old_parts, new_parts = old.split("\t"), new.split("\t")
            # old: date, kind, prov, prov_short, city, city_short[, county, county_short]
            if len(old_parts) >= 8 and len(new_parts) >= 3:
                out.append((old_parts[6], new_parts[1], new_parts[2]))
            elif len(old_parts) == 6 and len(new_parts) == 2:
                out.append((old_parts[4], "", new_parts[1]))
    return out


def build(src: Path, stopwords: set[str]) -> list[Row]:
    rows: dict[str, Row] = {}
    city_name: dict[str, str] = {}
    for r in read_csv(src / "provinces.csv"):
        code = pad(r["code"])
        rows[code] = Row(code, r["name"], "province", "")
    for r in read_csv(src / "cities.csv"):
        city_name[r["code"]] = r["name"]
        if r["name"] not in CONTAINER_CITIES:
            code = pad(r["code"])
            rows[code] = Row(code, r["name"], "city", pad(r["provinceCode"]))
    for r in read_csv(src / "areas.csv"):
        code, cname = pad(r["code"]), city_name[r["cityCode"]]
        if code in rows and rows[code].level == "city":
            continue  # a city without counties (东莞市) listed again as its own county
        parent = pad(r["provinceCode"]) if cname in CONTAINER_CITIES else pad(r["cityCode"])
        name, aliases = r["name"], set()
        if name.startswith(cname) and name != cname:
            rest = name[len(cname):]
            if len(rest) >= 3 and not rest.startswith(GENERIC_ZONE_STARTS):
                aliases.add(name)
                name = rest
        rows[code] = Row(code, name, "county", parent, aliases)
    for r in read_csv(src / "streets.csv"):
        rows[r["code"]] = Row(r["code"], r["name"], "township", pad(r["areaCode"]))

    short_by_code, jl_counties = parse_jionlp(src / "jionlp" / "china_location.txt")
    add_jionlp_units(rows, jl_counties, short_by_code)
    add_renames(rows, parse_changes(src / "jionlp" / "china_location_change.txt"))
    add_rule_aliases(rows, short_by_code, stopwords)
    return [rows[c] for c in sorted(rows)]


def add_jionlp_units(rows: dict[str, Row], jl_counties: dict, short_by_code: dict[str, str]) -> None:
    """County-level units the 2023 table lacks (金洞管理区), and their townships'
    zone_code (the official table files 晒北滩瑶族乡 under 祁阳市)."""
    for code, (name, city, _prov, towns) in sorted(jl_counties.items()):
        if code in rows or city not in rows or not code.isdigit() or "直辖" in name:
            continue
        same = existing_unit(rows, city, name)
        if same is not None:
            # an older code of a unit the 2023 table renumbered or renamed
            if same.name != name:
                same.aliases.add(name)
            continue
        cname = rows[city].name
        canon = name[len(cname):] if name.startswith(cname) and len(name) - len(cname) >= 3 else name
        row = Row(code, canon, "county", city, {name} - {canon})
        rows[code] = row
        in_city = {r.name: r for r in rows.values()
                   if r.level == "township" and r.code.startswith(city[:4])}
        for t in towns:
            if t in in_city:
                in_city[t].zone_code = code


def existing_unit(rows: dict[str, Row], city: str, name: str) -> Row | None:
    """The 2023 county of ``city`` with the same name or stem (澄江县 ~ 澄江市)."""
    stem = county_short(name) or name
    for r in rows.values():
        if r.level == "county" and r.parent_code == city:
            if r.name == name or (county_short(r.name) or r.name) == stem or name in r.aliases:
                return r
    return None


def add_renames(rows: dict[str, Row], changes: list[tuple[str, str, str]]) -> None:
    """Old names become full aliases of the unit that carries the new name now."""
    by_name: dict[tuple[str, str], str] = {}
    for r in rows.values():
        if r.level in ("city", "county"):
            parent = rows.get(r.parent_code)
            by_name[(parent.name if parent else "", r.name)] = r.code
            for a in r.aliases:
                by_name[(parent.name if parent else "", a)] = r.code
    names_in_use = {r.name for r in rows.values() if r.level in ("city", "county", "province")}
    for old, new_city, new in changes:
        code = by_name.get((new_city, new))
        if code is None:
            # city renames: parent is a province
            code = next((c for (p, n), c in by_name.items() if n == new and not new_city), None)
        if code and old != new and old not in names_in_use:
            rows[code].aliases.add(old)


def add_rule_aliases(rows: dict[str, Row], short_by_code: dict[str, str], stop: set[str]) -> None:
    for r in rows.values():
        full, short = set(r.aliases), set()
        if r.level == "township":
            s = township_short(r.name)
            if s:
                short.add(s)
        else:
            jl = short_by_code.get(r.code)
            zone = re.search(r"(开发|管理|示范|园|新)区$|保税区$", r.name)
            rule = county_short(r.name) if r.level == "county" and not zone else None
            if r.level in ("province", "city"):
                rule = re.sub(r"(省|市|自治区|特别行政区|地区|盟|自治州)$", "", r.name)
                rule = strip_ethnic(rule) if r.name.endswith("自治州") or r.name.endswith("自治区") else rule
                if r.name.endswith("自治州") and len(rule) >= 2:
                    full.add(rule + "州")
            for s in (jl, rule):
                if s and s != r.name and len(s) >= 2 and "直辖" not in s:
                    short.add(s)
            if r.name.endswith(("自治县", "自治旗")) and rule:
                full.add(rule + r.name[-1])
            for long, brief in ZONE_REWRITES:
                for n in [r.name, *r.aliases]:
                    if long in n:
                        full.add(n.replace(long, brief).replace("市" + brief, brief))
            for a in list(r.aliases):
                s2 = county_short(a) if r.level == "county" else None
                if s2 and len(s2) >= 2 and not zone:
                    short.add(s2)
        r.aliases = {a for a in full if a != r.name and a not in stop}
        # a short form that equals a full name of this unit is not short
        r.short = {s for s in short if s not in stop and s != r.name and s not in r.aliases}
    dedupe_township_shorts(rows)


def dedupe_township_shorts(rows: dict[str, Row]) -> None:
    """富家桥镇 -> 富家桥 only where no other township of the same county shares it."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows.values():
        if r.level == "township":
            for s in r.short:
                seen[(r.parent_code, s)] += 1
    for r in rows.values():
        if r.level == "township":
            r.short = {s for s in r.short if seen[(r.parent_code, s)] == 1}


def jieba_common_words(min_freq: int = 20, any_tag_freq: int = 1000) -> dict[str, str]:
    """Common words of jieba's bundled dictionary (a pinned dependency): word -> tag.
    A short form that is one (中方, 南部, 资源, 江山) is read only inside a region."""
    import jieba

    words: dict[str, str] = {}
    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                word, freq, tag = parts[0], int(parts[1]), parts[2]
                if freq >= any_tag_freq or (freq >= min_freq and tag != "ns"):
                    words[word] = tag
    return words


def write_common_shorts(rows: list[Row], out: Path) -> None:
    common = jieba_common_words()
    shorts = sorted({s for r in rows if r.level in ("county", "township") for s in r.short if s in common})
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# County/township short forms that are also common words (jieba's dictionary,\n")
        fh.write("# freq >= 20 not tagged ns, or >= 1000): matched only inside the bulletin's region.\n")
        fh.write("# tag: jieba's part of speech, for reference. Built by scripts/build_gazetteers.py;\n")
        fh.write("# do not edit by hand.\n")
        fh.write("short\ttag\n")
        for s in shorts:
            fh.write(f"{s}\t{common[s]}\n")


def write(rows: list[Row], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Chinese administrative divisions, province to township, with codes and aliases.\n")
        fh.write("# Built by scripts/build_gazetteers.py from NBS 2023 codes (modood/Administrative-divisions-of-China,\n")
        fh.write("# WTFPL) and JioNLP china_location(_change).txt (Apache-2.0). Do not edit by hand.\n")
        fh.write("# aliases: full forms matched anywhere; short: short forms matched only with context;\n")
        fh.write("# zone_code: functional zone a township is listed under in JioNLP.\n")
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            fh.write("\t".join([r.code, r.name, r.level, r.parent_code,
                                ";".join(sorted(r.aliases)), ";".join(sorted(r.short)),
                                r.zone_code]) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=REPO / "gazetteers")
    args = ap.parse_args(argv)
    global ETHNIC
    stop = load_stopwords(REPO / "gazetteers" / "place_stopwords.txt")
    # longest first so 土家族 is not read as 家族 after 土
    ETHNIC = tuple(sorted(load_stopwords(REPO / "gazetteers" / "place_ethnic_groups.txt"),
                          key=lambda g: (-len(g), g)))
    rows = build(args.src, stop)
    write(rows, args.out / "divisions.tsv")
    write_common_shorts(rows, args.out / "place_common_shorts.tsv")
    print(f"wrote {len(rows)} divisions to {args.out / 'divisions.tsv'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
