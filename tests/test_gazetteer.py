"""Places: divisions table, aliases, ambiguity by region, no false places."""
from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

from extract.gazetteer import get_gazetteer, infer_region, parse_places

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BULLETIN = REPO / "corpus" / "yongzhou-2024-10-12.txt"


def names(text: str, region: str | None = "永州市") -> list[tuple[str, str, str]]:
    return [(p.text, p.name, p.code) for p in parse_places(text, region=region)]


@pytest.mark.parametrize("text, expected", [
    # alias rules
    ("宁远县", ("宁远县", "宁远县", "431126")),
    ("宁远", ("宁远", "宁远县", "431126")),
    ("江华县", ("江华县", "江华瑶族自治县", "431129")),
    ("江华", ("江华", "江华瑶族自治县", "431129")),
    ("江华瑶族自治县", ("江华瑶族自治县", "江华瑶族自治县", "431129")),
    ("永州经开区", ("永州经开区", "永州经济技术开发区", "431171")),
    ("永州市金洞管理区", ("永州市金洞管理区", "金洞管理区", "431172")),
    ("金洞管理区", ("金洞管理区", "金洞管理区", "431172")),
    ("回龙圩管理区", ("回龙圩管理区", "回龙圩管理区", "431173")),
    ("永州市回龙圩管理区", ("永州市回龙圩管理区", "回龙圩管理区", "431173")),
    ("祁阳县", ("祁阳县", "祁阳市", "431181")),
    ("祁阳市", ("祁阳市", "祁阳市", "431181")),
    ("湖北", ("湖北", "湖北省", "420000")),
    ("永州", ("永州", "永州市", "431100")),
    ("道县", ("道县", "道县", "431124")),
])
def test_alias_rules(text: str, expected: tuple[str, str, str]) -> None:
    assert names(text) == [expected]


@pytest.mark.parametrize("text, region, code", [
    ("水口山镇", "永州市", "431102101"),      # 零陵区's, not 常宁's
    ("水口山镇", "常宁市", "430482102"),
    ("金陵镇", "永州市", "431128101"),         # 新田县
])
def test_ambiguity_by_region(text: str, region: str, code: str) -> None:
    assert [p.code for p in parse_places(text, region=region)] == [code]


@pytest.mark.parametrize("text, expected", [
    ("零陵区委书记赵立平到富家桥、梳子铺、水口山、石岩头等乡镇调研",
     ["零陵区", "富家桥镇", "梳子铺乡", "水口山镇", "石岩头镇"]),
    ("到中山街道、金陵镇等地", ["中山街道", "金陵镇"]),
    # a township's own institution carries its short name
    ("在富家桥敬老院，为老人送去慰问品", ["富家桥镇"]),
])
def test_township_short_forms_in_enumerations(text: str, expected: list[str]) -> None:
    assert [p.name for p in parse_places(text, region="永州市")] == expected


@pytest.mark.parametrize("text", [
    "富家桥",                    # a bare short form with no list and no place word
    "全县全市全区县长市委区委县城市县两级县产业开发区",
    "市、县两级抽查检查企业",
])
def test_no_false_places(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize("text", [
    "中方表示愿同各方加强合作",      # 中方县's short form is a common word
    "西部和南部地区的资源",          # 南部县, 资源县
])
def test_common_word_short_forms_need_a_region(text: str) -> None:
    assert parse_places(text) == []


def test_unique_short_form_without_region_needs_a_list() -> None:
    assert [p.name for p in parse_places("涿州、青州等地")] == ["涿州市", "青州市"]
    assert parse_places("涿州的企业") == []


@pytest.mark.parametrize("text, region, expected", [
    ("会同县", "怀化市", ["会同县"]),
    ("宁远县", "长沙市", ["宁远县"]),                        # a full name outside the region
])
def test_full_names_inside_and_outside_the_region(text: str, region: str, expected: list[str]) -> None:
    assert [p.name for p in parse_places(text, region=region)] == expected


def test_short_form_outside_the_region_is_ignored() -> None:
    assert parse_places("义乌小商品", region="永州市") == []


def test_township_named_with_a_functional_zone_counts_under_it() -> None:
    text = "金洞管理区党委副书记曾海波带队赴晒北滩瑶族乡督导检查"
    places = parse_places(text, region="永州市")
    town = [p for p in places if p.level == "township"][0]
    assert (town.name, town.code, town.county_name, town.county_code) == \
        ("晒北滩瑶族乡", "431181203", "金洞管理区", "431172")


def test_township_alone_counts_under_its_official_county() -> None:
    town = parse_places("晒北滩瑶族乡", region="永州市")[0]
    assert (town.county_name, town.county_code) == ("祁阳市", "431181")


@pytest.mark.parametrize("key, code", [
    ("永州市", "431100"), ("永州", "431100"), ("431100", "431100"), ("4311", "431100"),
    ("湖南", "430000"), ("43", "430000"), ("宁远", "431126"),
])
def test_resolve_region(key: str, code: str) -> None:
    div = get_gazetteer().resolve_region(key)
    assert div is not None and div.code == code


def test_hierarchy() -> None:
    g = get_gazetteer()
    assert g.county_of("431102104").name == "零陵区"
    assert g.county_of("431126").name == "宁远县"
    assert g.city_of("431102104").name == "永州市"
    assert g.division("431102").level == "county"
    assert g.division("4311").name == "永州市"


def test_infer_region_of_the_real_bulletin() -> None:
    div = infer_region(BULLETIN.read_text(encoding="utf-8"))
    assert div is not None and (div.name, div.code) == ("永州市", "431100")


def test_infer_region_of_a_county_bulletin() -> None:
    text = "宁远县安全生产简报\n县委书记胡勇刚主持召开全县安全生产调度会。全县各乡镇要压实责任。"
    div = infer_region(text)
    assert div is not None and div.name == "宁远县"


def test_real_bulletin_county_units_and_offsets() -> None:
    text = BULLETIN.read_text(encoding="utf-8")
    places = parse_places(text, region="永州市")
    assert all(p.text == text[p.start:p.end] for p in places)
    counties = {p.name: p.code for p in places if p.level == "county"}
    assert counties == {
        "冷水滩区": "431103", "零陵区": "431102", "祁阳市": "431181", "双牌县": "431123",
        "道县": "431124", "江永县": "431125", "江华瑶族自治县": "431129", "宁远县": "431126",
        "新田县": "431128", "蓝山县": "431127", "金洞管理区": "431172",
        "回龙圩管理区": "431173", "永州经济技术开发区": "431171"}


def test_divisions_table_rebuilds_byte_for_byte(tmp_path: Path) -> None:
    if not (SHARED / "data" / "divisions").is_dir():
        pytest.skip("../shared is absent")
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteers.py"),
                    "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("divisions.tsv", "place_common_shorts.tsv"):
        assert filecmp.cmp(tmp_path / name, REPO / "gazetteers" / name, shallow=False), name


@pytest.mark.parametrize("text, region, expected", [
    # a township right after a county is that county's, or no place at all
    ("平江县城关镇", None, [("平江县", "430626")]),
    ("平江县城关镇", "天津市", [("平江县", "430626")]),
    ("平江县安定镇", None, [("平江县", "430626"), ("安定镇", "430626101")]),
    ("蓝山县新圩镇", "新田县", [("蓝山县", "431127"), ("新圩镇", "431127105")]),
    ("新田县新圩镇", "永州市", [("新田县", "431128"), ("新圩镇", "431128104")]),
    # a bare township name: inside the bulletin's own county first
    ("新圩镇", "新田县", [("新圩镇", "431128104")]),
    ("新圩镇", "蓝山县", [("新圩镇", "431127105")]),
    # shared by many townships and nothing says which: none
    ("城关镇", None, []),
    ("城关镇", "天津市", [("城关镇", "120114110")]),
    # the province or city just named decides
    ("山东日照", None, [("山东省", "370000"), ("日照市", "371100")]),
])
def test_township_in_context(text: str, region: str | None, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.code) for p in parse_places(text, region=region)] == expected


@pytest.mark.parametrize("text, region, expected", [
    ("近日，平江县召开会议，县委书记李明、县长王强出席。", "岳阳市",
     [("李明", "平江县"), ("王强", "平江县")]),
    ("平江县、华容县召开会议，县委书记李明出席。", "岳阳市", [("李明", "华容县")]),
    ("县委书记李明到平江县调研。", "岳阳市", [("李明", "平江县")]),
    ("近日，平江县召开会议，区委书记李明出席。", "岳阳市", [("李明", None)]),  # no 区 named
    ("近日，平江县召开会议，市委书记李明出席。", "岳阳市", [("李明", "岳阳市")]),
    ("近日，平江县召开会议，县委书记李明出席。", "平江县", [("李明", "平江县")]),
])
def test_county_titles_under_a_city_region(text: str, region: str,
                                           expected: list[tuple[str, str | None]]) -> None:
    from extract.officials import parse_officials
    assert [(o.name, o.jurisdiction) for o in parse_officials(text, region=region)] == expected


@pytest.mark.parametrize("text, names", [
    # a rare word across the place's end does not cut a well-known place out
    ("河南关闭取缔993家企业", ["河南省"]),
    ("湖北关闭取缔企业", ["湖北省"]),
    # a word at least as common as the place, or a word the place ends, does
    ("党和政府", []),
    ("蓝山谷", []),
    ("长江入海口", []),
    ("李金华出席", []),
])
def test_a_short_form_is_cut_out_only_by_a_word_as_common_as_itself(text: str, names: list[str]) -> None:
    assert [p.name for p in parse_places(text)] == names
