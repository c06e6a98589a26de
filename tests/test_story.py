"""Real news items: an act told over several sentences (frames), page debris, headline
figures, a county's own items, and the quantity forms of web pages. Sentences written
for these tests; places are real divisions, people and figures made up."""
from __future__ import annotations

from datetime import date

import pytest

from extract import extract_text, parse_quantities


def _tables(text: str, issue: str = "2025-09-01", region: str = "中阳县"):
    return extract_text(text, issue_date=issue, region=region)


VISIT = (
    "8月29日，县委副书记、县长吴海平就全县汛期安全生产工作进行调研。副县长钱玉兰，"
    "县应急局、水利局负责人一同参加。\n"
    "在金罗镇一处山洪灾害危险区，吴海平查看监测设备，听取隐患排查情况汇报。\n"
    "吴海平强调，要加强值班值守。\n"
    "调研期间，吴海平还来到暖泉镇检查了一处在建工地。\n"
)


def test_one_trip_is_one_row_with_the_places_of_every_stop():
    ev = _tables(VISIT).events
    visitor = ev[ev["official"] == "吴海平"]
    assert visitor["action"].tolist() == ["调研"]
    assert visitor.iloc[0]["townships"] == ["金罗镇", "暖泉镇"]
    assert visitor.iloc[0]["topics"] == ["防汛抗旱", "安全生产"]


def test_joining_a_visit_gives_a_row_of_its_own_with_the_visits_act():
    ev = _tables(VISIT).events
    joined = ev[ev["official"] == "钱玉兰"].iloc[0]
    assert (joined["action"], joined["title"], joined["date_start"].date()) == ("调研", "副县长", date(2025, 8, 29))
    assert joined["topics"] == ["防汛抗旱", "安全生产"]


def test_a_check_told_after_the_lead_is_not_a_row_without_an_actor():
    text = ("9月28日，副县长龚小平带领住建部门负责同志检查建筑工地、加油站等安全生产工作。\n"
            "检查中，龚小平先后来到两处工地，详细询问防护措施落实情况。\n"
            "检查期间，龚小平还实地查看了项目建设进展情况。\n")
    ev = _tables(text, issue="2025-09-29").events
    assert ev[["official", "action"]].values.tolist() == [["龚小平", "督导检查"]]
    # the work the predicate names, not the sites it lists
    assert ev.iloc[0]["topics"] == ["安全生产"]


def test_meeting_topic_from_what_it_heard_for_every_row_of_the_meeting():
    text = ("7月21日，县政府召开常务会议，县长曹建国主持，副县长刘志红出席。"
            "会议听取了县应急局关于地质灾害防治工作的汇报。曹建国强调，要压实责任。")
    ev = _tables(text, issue="2025-07-22").events
    assert ev[["official", "action"]].values.tolist() == [["曹建国", "主持会议"], ["刘志红", "出席会议"]]
    assert ev["topics"].tolist() == [["地质灾害"], ["地质灾害"]]


def test_reporting_to_a_meeting_is_attending_it():
    text = ("7月21日，县长曹建国主持召开全县安全生产工作会议。"
            "副县长李红梅通报了上半年全县安全生产形势。曹建国强调，要压实责任。")
    ev = _tables(text, issue="2025-07-22").events
    assert ev[["official", "action"]].values.tolist() == [["曹建国", "主持会议"], ["李红梅", "出席会议"]]
    assert ev.iloc[1]["topics"] == ["安全生产"]


def test_listening_to_a_report_during_a_visit_is_not_attending():
    text = ("9月15日，县人大常委会副主任罗晓梅到车鸣峪乡视察食品安全工作，"
            "听取县市场监管局工作汇报。")
    ev = _tables(text).events
    assert ev["action"].tolist() == ["调研"]


def test_page_debris_yields_nothing_and_headline_figures_are_facts():
    text = ("我县排查整改隐患320处\n"
            "发布时间：2025-08-30 09:12 来源：县应急管理局 浏览次数：1523\n"
            "8月29日，县应急局开展安全生产专项整治行动，排查整改隐患320处。\n"
            "图为检查现场，共5名检查人员。\n"
            "责任编辑：王丽\n")
    tables = _tables(text)
    facts = tables.facts
    assert facts["value"].tolist() == [320.0, 320.0]
    assert tables.events["action"].tolist() == ["开展行动"]


def test_a_countys_own_items_get_the_county():
    ev = _tables("8月29日，县应急局组织开展危化品泄漏应急演练。").events
    assert ev.iloc[0]["counties"] == ["中阳县"]
    assert ev.iloc[0]["county_codes"] == ["141129"]


def test_a_stated_subject_outside_the_vocabulary_is_other():
    ev = _tables("8月29日，副县长钱玉兰走访慰问困难老党员。").events
    assert ev.iloc[0]["topics"] == ["其他"]


@pytest.mark.parametrize("text, scope", [
    ("3月5日，县应急局对暖泉镇辖区内企业开展检查，检查单位23家。", "暖泉镇辖区"),
    ("3月5日，县住建局对中心城区12个在建工地开展检查。", "中心城区"),
    ("3月5日，县住建局检查在建工地12个。", None),
])
def test_scope_is_an_area_written_in_the_sentence(text, scope):
    assert _tables(text, issue="2025-03-10").facts.iloc[0]["scope"] == scope


@pytest.mark.parametrize("text, unit_normalized", [
    ("水位达13.35m", "米"), ("长约5km", "千米"), ("运输20t", "吨"), ("重15kg", "千克"),
    ("降雨量120.5mm", "毫米"), ("培训2000人(次)", "人次"), ("培训2000人（次）", "人次"),
])
def test_latin_units_normalize_to_the_chinese_unit(text, unit_normalized):
    assert [q.unit_normalized for q in parse_quantities(text)] == [unit_normalized]


@pytest.mark.parametrize("text", ["上午10时召开", "8:30开始", "在108会议室召开", "地铁10号线", "3M公司", "5G基站"])
def test_clock_times_rooms_lines_and_names_are_not_quantities(text):
    assert parse_quantities(text) == []


@pytest.mark.parametrize("text, rows", [
    ("7月21日，县政府召开常务会议，县长曹建国主持。", [[None, "主持会议"]]),
    ("7月21日，我县召开防汛工作会议，副县长曹建国出席并讲话。", [[None, "出席会议"]]),
    ("7月21日，县防汛抗旱指挥部召开防汛工作会议，副县长曹建国主持。",
     [["县防汛抗旱指挥部", "召开会议"], [None, "主持会议"]]),
])
def test_a_named_body_convening_keeps_its_row_but_the_place_itself_does_not(text, rows):
    ev = _tables(text, issue="2025-07-22", region="睢县").events
    assert ev[["organization", "action"]].values.tolist() == rows


def test_a_dateline_is_not_the_date_of_the_act():
    text = ("本网讯 11月25日讯(记者 王敏)11月23日，县委常委、常务副县长周建华率应急管理局"
            "负责人深入乡镇督导检查安全生产工作。")
    ev = _tables(text, issue="2021-11-25", region="湘潭县").events
    assert ev["date_start"].dt.date.tolist() == [date(2021, 11, 23)]


def test_the_visits_team_and_what_it_is_asked_to_do_are_not_new_rows():
    text = ("11月23日，副县长周建华带队深入白石镇检查安全生产工作。\n"
            "在一处碎石厂，检查组对隐患整改情况进行检查，要求企业加强日常巡查。\n")
    ev = _tables(text, issue="2021-11-25", region="湘潭县").events
    assert ev[["official", "action"]].values.tolist() == [["周建华", "督导检查"]]


def test_a_meeting_that_stresses_is_speech_and_a_whole_city_is_not_the_countys_own():
    text = "6月18日，全市召开强降雨会商会，会议强调各部门要深入开展隐患排查。"
    ev = _tables(text, issue="2025-06-20", region="黄石港区").events
    assert ev[["action", "counties"]].values.tolist() == [["召开会议", []]]


def test_listed_changes_pair_each_item_with_its_value():
    text = ("今年以来，安徽省生产安全事故起数、死亡人数同比分别下降19.3%、23.0%，"
            "较大事故起数、死亡人数，同比分别减少6起、28人。")
    facts = _tables(text, issue="2025-08-29", region="安徽省").facts
    assert facts["subject"].tolist() == ["生产安全事故起数同比下降", "死亡人数同比下降",
                                         "较大事故起数同比减少", "死亡人数同比减少"]
    assert set(facts["scope"]) == {"安徽省"}


def test_a_division_acting_in_another_clause_is_not_the_scope():
    text = "11月29日，甘泉路街道组织开展火灾疏散演练，23个居民区的480余名居民参加。"
    facts = _tables(text, issue="2025-12-03", region="普陀区").facts
    assert facts["scope"].tolist() == [None, None]


def test_hearing_a_report_at_a_convened_meeting_is_attending_it():
    text = ("7月12日，市安委会组织召开了安全生产巡查工作汇报会，市安委会常务副主任、副市长"
            "何立平专门听取了市安委会各巡查组的巡查工作汇报。")
    ev = _tables(text, issue="2017-07-12", region="天津市").events
    assert ev[["official", "organization", "action"]].values.tolist() == [
        [None, "市安委会", "召开会议"], ["何立平", None, "出席会议"]]


def test_everyone_listed_before_escorting_is_an_escort():
    text = ("4月13日，省林业厅副厅长张国芳率督导检查组到庆安县督导检查森林防火工作。"
            "管局局长刘万才、副局长邹文良、王大明等陪同检查。")
    ev = _tables(text, issue="2016-04-15", region="庆安县").events
    assert ev["official"].tolist() == ["张国芳"]


def test_a_chair_named_after_the_place_convenes_owns_the_meeting_and_its_topic():
    text = ("6月28日，綦江区召开防汛救灾工作会。区委书记尹国平主持并讲话。\n"
            "区委副书记、区长罗成，区人大常委会主任母明远出席会议。\n")
    ev = _tables(text, issue="2024-07-01", region="綦江区").events
    assert ev[["official", "action"]].values.tolist() == [
        ["尹国平", "主持会议"], ["罗成", "出席会议"], ["母明远", "出席会议"]]
    assert {tuple(t) for t in ev["topics"]} == {("防汛抗旱",)}


def test_a_named_body_reporting_to_a_meeting_attends_it():
    text = ("7月19日，区长何庆主持召开防汛抗旱工作调度会。会上，区应急管理局通报了全区"
            "防汛抗旱工作形势。")
    ev = _tables(text, issue="2019-07-23", region="北碚区").events
    assert ev[["official", "organization", "action"]].values.tolist() == [
        ["何庆", None, "主持会议"], [None, "区应急管理局", "出席会议"]]


def test_attending_a_signing_ceremony_is_signing():
    text = "11月12日，市委书记罗成、市长郭嘉出席签约仪式。"
    ev = _tables(text, issue="2021-11-24", region="平果市").events
    assert ev["action"].tolist() == ["签约", "签约"]


@pytest.mark.parametrize("text, org", [
    ("6月20日，本次演练由市旅发委、市应急办主办，区政府应急办承办。", "市旅发委"),
    ("10月13日，由青岩镇人民政府主办，区消防救援大队承办的消防疏散演练在古镇举行。", "青岩镇人民政府"),
])
def test_a_drill_held_by_a_body_after_由_is_that_bodys_campaign(text, org):
    ev = _tables(text, issue="2022-10-14", region="花溪区").events
    assert ev[["organization", "action"]].values.tolist() == [[org, "开展行动"]]


def test_attendees_named_after_a_passive_meeting_take_its_topic():
    text = ("9月19日，全旗安全生产工作会议召开。\n"
            "会议通报了全旗前三季度安全生产工作情况。\n"
            "旗领导李青来、付磊参加。\n")
    ev = _tables(text, issue="2025-09-19", region="乌拉特后旗").events
    assert ev[["official", "action"]].values.tolist() == [
        [None, "召开会议"], ["李青来", "出席会议"], ["付磊", "出席会议"]]
    assert {tuple(t) for t in ev["topics"]} == {("安全生产",)}


@pytest.mark.parametrize("text, scope", [
    ("1-6月，我省累计排查隐患3200处。", "我省"),
    ("12月份，我国居民消费价格同比上涨0.2%。", "我国"),
])
def test_the_place_itself_written_as_我省_is_a_scope(text, scope):
    assert _tables(text, issue="2024-07-10", region="安徽省").facts.iloc[0]["scope"] == scope


def test_a_chair_named_alone_after_the_meeting_is_told_chairs_it_with_its_topic():
    text = ("9月29日，全县安全生产和森林防灭火视频会议召开，县长周建华出席会议并讲话。\n"
            "林志强主持，陈立新、王晓东出席。\n")
    ev = _tables(text, issue="2025-09-30").events
    assert ev[["official", "title", "action"]].values.tolist() == [
        ["周建华", "县长", "出席会议"], ["林志强", None, "主持会议"],
        ["陈立新", None, "出席会议"], ["王晓东", None, "出席会议"]]
    assert {tuple(t) for t in ev["topics"]} == {("森林防灭火", "安全生产")}


def test_a_body_reporting_after_a_connective_and_an_official_deploying_attend_the_meeting():
    text = ("8月7日，县应急局召集县水利局、县气象局等单位召开防汛会商会。\n"
            "会上，各单位负责人先观看了视频，然后县气象局通报了降雨预测意见。"
            "县应急局局长罗家明进行了安排部署。\n")
    ev = _tables(text, issue="2025-08-08").events
    rows = ev[["official", "organization", "action"]].values.tolist()
    assert [None, "县气象局", "出席会议"] in rows
    assert ["罗家明", None, "出席会议"] in rows


def test_sites_listed_before_等_are_not_what_an_inspection_is_about():
    text = "9月17日，县委常委、副县长罗志明带队深入机关、学校、商场等开展安全生产督导检查。\n"
    ev = _tables(text, issue="2025-09-18").events
    assert ev[["official", "action"]].values.tolist() == [["罗志明", "督导检查"]]
    assert ev.iloc[0]["topics"] == ["安全生产"]


def test_dispatching_at_a_stop_of_a_visit_is_part_of_that_visit():
    text = ("9月2日上午，县长吴海平来到县应急管理局，检查指导防汛工作。\n"
            "吴海平来到县应急指挥中心，通过视频系统调度各乡镇防汛工作。\n")
    ev = _tables(text, issue="2025-09-03").events
    assert ev[["official", "action"]].values.tolist() == [["吴海平", "督导检查"]]


@pytest.mark.parametrize("text, rows", [
    # an attendee who only attends leaves the place's own 召开会议 row
    ("9月2日，县里召开防汛部署会，副县长钱玉兰参加会议。\n",
     [[None, "召开会议"], ["钱玉兰", "出席会议"]]),
    # a speaker makes it their meeting (the contract: no separate row then)
    ("9月2日，县里召开防汛部署会，副县长钱玉兰出席会议并讲话。\n",
     [["钱玉兰", "出席会议"]]),
])
def test_the_place_convening_keeps_its_row_unless_a_chair_or_speaker_is_named(text, rows):
    ev = _tables(text, issue="2025-09-03").events
    assert ev[["official", "action"]].values.tolist() == rows
