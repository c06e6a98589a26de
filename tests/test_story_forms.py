"""General forms of real news items found on the fresh real halves (corpus/real/dev2, dev3):
who joins an act, speakers at a place's meeting, the host of a talk, a paragraph that refers
back to the act, page debris, and name ends. Sentences written for these tests; places are
real divisions, people and figures made up."""
from __future__ import annotations

from datetime import date

import pytest

from extract import extract_text
from extract.officials import parse_officials


def _tables(text: str, issue: str = "2025-09-01", region: str | None = "中阳县"):
    return extract_text(text, issue_date=issue, region=region)


def _periods(facts) -> list[tuple[float, str, str]]:
    return [(v, str(a.date()), str(b.date())) for v, a, b in
            facts[["value", "period_start", "period_end"]].values.tolist()]


def _pairs(text: str, region: str = "中阳县") -> list[tuple[str, str | None]]:
    return [(o.name, o.title) for o in parse_officials(text, region=region)]


def test_those_who_join_an_act_take_its_topics():
    text = ("8月6日晚，县长吴海平到县应急指挥中心调度全县防汛工作。\n"
            "吴海平视频连线各乡镇负责人，详细询问雨情和转移情况。\n"
            "副县长钱玉兰、刘志红参加。\n")
    ev = _tables(text, issue="2025-08-07").events
    # one official dispatching on one day is one row, told over two sentences
    assert ev[["official", "action"]].values.tolist() == [
        ["吴海平", "调度"], ["钱玉兰", "出席会议"], ["刘志红", "出席会议"]]
    assert ev["topics"].tolist() == [["防汛抗旱"]] * 3


def test_doing_an_act_together_takes_the_topics_of_the_first_telling():
    text = "2月11日，副县长钱玉兰深入金罗镇走访慰问困难群众。县委书记曹建国一同慰问。\n"
    ev = _tables(text, issue="2025-02-12").events
    assert ev[["official", "action"]].values.tolist() == [["钱玉兰", "慰问"], ["曹建国", "慰问"]]
    assert ev.iloc[1]["topics"] == ev.iloc[0]["topics"] == ["其他"]


def test_what_a_report_verb_names_is_what_was_reported_not_an_act():
    text = ("7月12日，县安委会召开安全生产巡查工作汇报会，副县长钱玉兰出席。"
            "县应急局局长刘志红汇报了首轮巡查情况。\n")
    ev = _tables(text, issue="2025-07-12").events
    row = ev[ev["official"] == "刘志红"].iloc[0]
    assert (row["action"], row["topics"]) == ("出席会议", ["安全生产"])


@pytest.mark.parametrize("speaker", [
    "镇党委书记刘志红对全镇节日期间安全防范工作进行再动员、再部署。",
    "镇党委书记刘志红结合上级工作要求，对下步工作进行了部署，并提出了指导意见。",
])
def test_a_speaker_who_deploys_owns_the_meeting_the_place_convened(speaker):
    text = "4月30日，金罗镇召开五一假期安全生产工作会议，" + speaker + "\n"
    ev = _tables(text, issue="2025-05-01").events
    assert ev[["official", "action"]].values.tolist() == [["刘志红", "出席会议"]]
    assert ev.iloc[0]["townships"] == ["金罗镇"]


def test_a_speaker_named_again_after_the_attendees_owns_the_meeting():
    text = ("4月2日下午，中阳县召开应急消防管理站建设推进会。县应急管理局局长倪江平，"
            "县消防救援大队大队长戴小欢参加。\n"
            "会议组织全体人员实地查看了站点建设情况。大队戴小欢大队长结合建设要求，"
            "对下步相关工作进行了部署。\n")
    ev = _tables(text, issue="2025-04-03").events
    assert ev[["official", "action"]].values.tolist() == [["倪江平", "出席会议"], ["戴小欢", "出席会议"]]


def test_reporters_joined_by_和_each_attend_with_their_own_title():
    text = ("9月29日，召开全县安全生产委员会全体会议。会上，县长曹建国在听取分管副县长刘焰明"
            "和县安办主任姚健的工作汇报后，对国庆期间安全工作进行了安排部署。\n")
    ev = _tables(text, issue="2025-09-30").events
    rows = ev[["official", "title", "action"]].values.tolist()
    assert rows == [["曹建国", "县长", "出席会议"], ["刘焰明", "分管副县长", "出席会议"],
                    ["姚健", "县安办主任", "出席会议"]]


def test_every_row_of_a_meeting_carries_its_topics():
    text = ("12月28日，金罗镇召开安全生产工作会议，镇党委副书记刘志红主持会议。"
            "镇党委委员、人武部长戴伟就近期全镇消防安全和道路交通工作作具体部署。\n")
    ev = _tables(text, issue="2025-12-29").events
    assert ev[["official", "action"]].values.tolist() == [["刘志红", "主持会议"], ["戴伟", "出席会议"]]
    assert ev["topics"].tolist() == [["安全生产"], ["安全生产"]]


def test_a_talk_or_signing_is_the_hosts():
    text = ("6月22日，县委书记曹建国，县委副书记、县长吴海平与某银行省分行党委书记、行长彭立文"
            "举行工作会谈，并共同见证签约。\n")
    ev = _tables(text, issue="2025-06-23").events
    assert sorted(ev[["official", "action"]].values.tolist()) == [
        ["吴海平", "会见"], ["吴海平", "签约"], ["曹建国", "会见"], ["曹建国", "签约"]]


def test_a_stop_of_the_trip_belongs_to_each_row_of_the_trip():
    text = ("4月4日，县委书记曹建国深入防火检查点调研检查森林防灭火工作，并看望慰问值班人员。\n"
            "曹建国来到位于金罗镇的森林消防队驻地，查看装备配备情况。\n")
    ev = _tables(text, issue="2025-04-05").events
    assert ev[["official", "action"]].values.tolist() == [["曹建国", "调研"], ["曹建国", "慰问"]]
    assert ev["townships"].tolist() == [["金罗镇"], ["金罗镇"]]


def test_joining_a_check_is_one_row_for_the_check():
    text = "11月25日，县长吴海平带队检查煤矿安全生产工作。县领导刘志红，县级相关部门负责人参加检查。\n"
    ev = _tables(text, issue="2025-11-26").events
    assert ev[ev["official"] == "刘志红"]["action"].tolist() == ["督导检查"]


def test_a_paragraph_referring_back_to_the_act_counts_over_its_period():
    text = ("本报1月31日讯（记者 甲 通讯员 乙）1月20日至23日，县公安局、消防救援大队联合出击，"
            "对人员密集场所开展消防安全大排查。\n"
            "此次行动共检查单位1745家，发现火灾隐患1643处。\n")
    fa = _tables(text, issue="2025-01-31").facts
    periods = [(r.value, r.period_start.date(), r.period_end.date()) for r in fa.itertuples()]
    assert periods == [(1745.0, date(2025, 1, 20), date(2025, 1, 23)),
                       (1643.0, date(2025, 1, 20), date(2025, 1, 23))]


def test_a_record_span_and_a_benchmark_are_not_period_or_scope():
    text = ("5月24日至6月20日，全县出现持续性强降雨过程，创下1961年以来3项历史同期纪录。\n"
            "全县规模以上工业增加值同比增长9.9%，高于全市平均水平2.3个百分点。\n")
    fa = _tables(text, issue="2025-06-29").facts
    first = fa[fa["value"] == 3].iloc[0]
    assert (first["period_start"].date(), first["period_end"].date()) == (date(2025, 5, 24), date(2025, 6, 20))
    assert fa[fa["value"] == 2.3].iloc[0]["scope"] == "全县"


@pytest.mark.parametrize("line", ["中阳县召开安全生产调度会（图1）", "0次浏览  发布时间:2025-04-05 09:44"])
def test_captions_and_view_counters_are_debris(line):
    text = line + "\n4月4日，县长吴海平主持召开安全生产调度会。\n"
    out = _tables(text, issue="2025-04-05")
    assert out.events["official"].tolist() == ["吴海平"]
    assert out.facts.empty


@pytest.mark.parametrize("text, expected", [
    ("县长王健汇报。", [("王健", "县长")]),                 # 王健|汇报: the third character opens a word
    ("听取了县长姚健的汇报。", [("姚健", "县长")]),          # 的 ends a name
    ("副县长刘焰明和县安办主任姚健出席。", [("刘焰明", "副县长"), ("姚健", "县安办主任")]),
    ("市领导阎立、邹宏国、蔡骏一行来到金罗镇。",           # a name in 国 is a name; 一行 ends a name
     [("阎立", "市领导"), ("邹宏国", "市领导"), ("蔡骏", "市领导")]),
    ("县长王在会上讲话。", []),                              # 王 + 在: no name
    ("日本首相官邸发言人称", []),
])
def test_name_ends(text, expected):
    assert _pairs(text) == expected


def test_a_name_written_again_before_a_title_after_it_is_the_official():
    text = "县消防救援大队大队长戴小欢出席。会后，戴小欢大队长带队检查。"
    again = text.index("戴小欢大队长")
    assert [(o.name, o.start) for o in parse_officials(text, region="中阳县")] == [
        ("戴小欢", 0), ("戴小欢", again)]


def test_a_trip_told_again_in_a_later_paragraph_is_still_one_row():
    text = ("1月31日，区领导张建华、李明一行走访慰问困难群众，为他们送去慰问品。\n"
            "张建华、李明分别走访慰问了金罗镇的困难党员。\n")
    ev = _tables(text, issue="2025-02-01").events
    assert ev[["official", "action"]].values.tolist() == [["张建华", "慰问"], ["李明", "慰问"]]


def test_taking_part_in_the_activity_of_a_condolence_item_is_the_condolence():
    text = ("区领导春节走访慰问困难群众\n"
            "1月31日，区委书记张建华走访慰问困难群众。区领导李明、王志强参加活动。\n")
    ev = _tables(text, issue="2025-02-01").events
    assert set(ev["action"]) == {"慰问"}
    assert sorted(ev["official"]) == ["张建华", "李明", "王志强"]


def test_a_report_names_its_source_before_its_lead_date():
    text = ("本报讯（记者 甲）记者从市应急管理局了解到，2月11日（除夕）至17日（初六），全市安全形势平稳。\n"
            "在此期间，应急管理部门开展执法检查338人次。\n")
    fa = _tables(text, issue="2025-02-19").facts
    row = fa.iloc[0]
    assert (row["value"], row["period_start"].date(), row["period_end"].date()) == (
        338.0, date(2025, 2, 11), date(2025, 2, 17))


def test_numbers_listed_before_a_quantity_share_its_unit():
    fa = _tables("9月份，全县工业增加值分别比全国、全省平均水平高3.4和3.9个百分点。\n",
                 issue="2025-10-20").facts
    assert fa[["value", "unit"]].values.tolist() == [[3.4, "个百分点"], [3.9, "个百分点"]]


def test_acts_of_the_year_so_far_run_from_its_start_to_the_issue_date():
    text = "据悉，今年以来，中阳县组织开展烟花爆竹打非治违专项行动。\n"
    ev = _tables(text, issue="2025-09-28").events
    row = ev.iloc[0]
    assert (row["action"], row["date_start"].date(), row["date_end"].date()) == (
        "开展行动", date(2025, 1, 1), date(2025, 9, 28))


def test_a_body_that_leads_a_team_or_is_told_after_an_opener_acts():
    text = ("1月7日，由县教育局牵头，卫生局、消防大队等部门组成的督察小组，来到辖区内学校、医院，"
            "现场督察安全生产工作。\n"
            "据悉，这次县政府安委会共组织8个督查组，对相关行业和领域开展安全生产督查。\n")
    ev = _tables(text, issue="2025-01-14").events
    assert ev[["organization", "action"]].values.tolist() == [
        ["县教育局", "督导检查"], ["县政府安委会", "督导检查"]]


def test_the_official_who_leads_the_team_acts_not_the_bodies_that_make_it_up():
    text = "1月7日，由县长吴海平带队，县应急管理局等部门组成检查组，对辖区内企业开展安全检查。\n"
    ev = _tables(text, issue="2025-01-08").events
    assert ev[["official", "organization", "action"]].values.tolist() == [
        ["吴海平", None, "督导检查"]]


def test_a_fire_department_of_a_prefecture_is_a_body():
    text = "9月20日，阿克苏地区消防部门对棉花加工企业开展消防安全检查。\n"
    ev = _tables(text, issue="2025-09-21", region=None).events
    assert ev[["organization", "action"]].values.tolist() == [["阿克苏地区消防部门", "督导检查"]]


def test_bringing_condolence_money_is_a_visit_of_condolence_about_people():
    text = ("2月15日，市领导吴海平、钱玉兰一行，首先来到归侨宋文清的家中送去生活用品和慰问金。\n"
            "1月31日，曹建国、刘志红等中阳县党政班子领导，分六路走访慰问困难群体。\n")
    ev = _tables(text, issue="2025-02-16").events
    assert ev[["official", "title", "action"]].values.tolist() == [
        ["吴海平", "市领导", "慰问"], ["钱玉兰", "市领导", "慰问"],
        ["曹建国", None, "慰问"], ["刘志红", None, "慰问"]]
    assert ev["topics"].tolist() == [["其他"]] * 4


def test_a_trip_told_with_its_subject_keeps_it_over_later_steps():
    text = ("2月12日上午，县长吴海平到金罗镇走访慰问困难群众，送上新春的美好祝福。\n"
            "在困难群众家中，吴海平详细了解了他们身体状况和子女教育等情况，并送上慰问金和慰问品。\n")
    ev = _tables(text, issue="2025-02-14").events
    assert ev[["official", "action"]].values.tolist() == [["吴海平", "慰问"]]
    assert ev.iloc[0]["topics"] == ["其他"]


def test_leaders_who_go_deep_to_call_on_people_call_on_them_one_row_each():
    text = ("2月8日，县委书记曹建国、县长吴海平等带领5个慰问小组，深入基层走访慰问困难群众。\n"
            "县领导钱玉兰、刘志红参加走访活动。\n")
    ev = _tables(text, issue="2025-02-09").events
    assert ev[["official", "action"]].values.tolist() == [
        ["曹建国", "慰问"], ["吴海平", "慰问"], ["钱玉兰", "慰问"], ["刘志红", "慰问"]]


def test_each_clause_headed_by_a_division_is_that_divisions_figure():
    text = "分地区看，中阳县同比增长1.3%，孝义市同比下降0.9%，汾阳市同比下降5.1%。\n"
    facts = _tables(text, issue="2025-11-21", region="吕梁市").facts
    assert facts[["value", "scope", "subject"]].values.tolist() == [
        [1.3, "中阳县", "同比增长"], [0.9, "孝义市", "同比下降"], [5.1, "汾阳市", "同比下降"]]


def test_divisions_listed_after_a_movement_word_are_where_the_counted_things_lie():
    text = ("近日，省安委办抽查检查组赴肇庆、云浮、清远市共抽查14家企业，发现92条隐患问题。\n"
            "新兴县12个乡镇完成排查。\n")
    facts = _tables(text, issue="2023-11-16", region="广东省").facts
    assert facts[["value", "scope"]].values.tolist() == [
        [14, "肇庆、云浮、清远市"], [92, "肇庆、云浮、清远市"], [12, "新兴县"]]
    text = "在大连、鞍山、抚顺、本溪、丹东5市共前置362支水利工程抢险队伍。\n"
    facts = _tables(text, issue="2023-08-30", region="辽宁省").facts
    assert facts[["value", "scope"]].values.tolist() == [[362, "大连、鞍山、抚顺、本溪、丹东5市"]]


def test_a_start_said_before_the_numbers_own_date_opens_its_period():
    text = "自8月27日起开展的全省执法检查于9月26日结束，共发现问题7200项。\n"
    facts = _tables(text, issue="2019-09-27", region="山东省").facts
    periods = _periods(facts)
    assert periods == [(7200, "2019-08-27", "2019-09-26")]


def test_paragraphs_after_a_colon_report_over_the_period_told_before():
    text = ("全县安全生产大检查情况通报\n"
            "2024年1至9月，全县在各乡镇和重点行业开展安全生产大检查。有关情况如下：\n"
            "县应急局共检查企业35家，发现隐患120处。\n")
    facts = _tables(text, issue="2024-10-08", region="新兴县").facts
    periods = _periods(facts)
    assert periods == [(35, "2024-01-01", "2024-09-30"), (120, "2024-01-01", "2024-09-30")]


def test_a_paragraph_breaking_down_the_figures_before_keeps_their_period():
    text = ("2025年1—10月，吕梁市规模以上工业增加值同比下降5.3%。\n"
            "分门类看，采矿业增加值同比下降5.5%，制造业增加值同比下降5.9%。\n"
            "分地区看，中阳县同比增长1.3%。\n")
    facts = _tables(text, issue="2025-11-21", region="吕梁市").facts
    periods = _periods(facts)
    assert periods == [(5.3, "2025-01-01", "2025-10-31"), (5.5, "2025-01-01", "2025-10-31"),
                       (5.9, "2025-01-01", "2025-10-31"), (1.3, "2025-01-01", "2025-10-31")]


def test_a_campaign_since_a_month_governs_the_numbered_points_that_tell_it():
    text = ("县应急管理局坚持问题导向，自8月初以来深入开展安全生产“三项行动”。\n"
            "一是开展液化气瓶专项整治行动。行动期间，共出动检查人员280余人次，检查充装站15家。\n"
            "二是开展危化品专项整治行动。全县共检查企业537家。\n")
    facts = _tables(text, issue="2025-11-25").facts
    periods = _periods(facts)
    assert periods == [(280, "2025-08-01", "2025-11-25"), (15, "2025-08-01", "2025-11-25"),
                       (537, "2025-08-01", "2025-11-25")]


def test_one_official_listed_with_bodies_before_an_attendance_verb_attends():
    text = ("9月14日下午，安全生产例会召开。县委常委、副县长钱玉兰主持会议，县政府副县长、公安局局长"
            "刘志红，县应急局、住建局等相关部门单位负责人参加会议。\n")
    ev = _tables(text, issue="2025-09-15").events
    assert ev[["official", "action"]].values.tolist() == [
        ["钱玉兰", "主持会议"], ["刘志红", "出席会议"]]


def test_a_functional_zone_without_a_code_is_its_own_items_county():
    text = "近期，区应急管理局对辖区内矿山企业开展高温汛期安全生产检查。\n"
    ev = _tables(text, issue="2024-08-20", region="万盛经济技术开发区").events
    assert ev[["organization", "counties"]].values.tolist() == [
        ["区应急管理局", ["万盛经济技术开发区"]]]


def test_a_body_that_organises_people_to_check_makes_one_check():
    text = "12月31日，地震发生后，县应急管理局迅速组织人员对我县影响情况进行排查检查。\n"
    ev = _tables(text, issue="2025-01-02").events
    assert ev[["organization", "action"]].values.tolist() == [["县应急管理局", "督导检查"]]


def test_going_deep_into_a_named_place_is_a_visit_and_a_call_in_a_condolence_story():
    text = ("县领导春节走访慰问困难群众\n"
            "2月8日，县委常委、常务副县长吴海平深入金罗镇宋家村，送上新春的祝福。\n")
    ev = _tables(text, issue="2025-02-09").events
    assert ev[["official", "action", "townships"]].values.tolist() == [
        ["吴海平", "慰问", ["金罗镇"]]]
    plain = _tables("2月8日，县长吴海平深入学习贯彻乡村振兴战略。\n", issue="2025-02-09").events
    assert plain.empty


def test_a_subject_joined_across_its_number_is_written_as_the_damaged_page_writes_it():
    text = "分三次產(chǎn)業看，第一產(chǎn)業增加值1322.83億元，同比增長5.3%。\n"
    facts = _tables(text, issue="2025-10-29", region=None).facts
    # the industries' 三次 counts nothing; the joined subject keeps Traditional characters
    assert facts[["value", "subject"]].values.tolist() == [
        [1322.83, "第一產業增加值"], [5.3, "第一產業增加值同比增長"]]


def test_later_stops_of_a_trip_told_for_partners_belong_to_each_of_them():
    text = ("1月21日，县委书记曹建国、县长吴海平深入金罗镇，看望慰问困难群众。"
            "在武家庄镇，他们走访了老党员。\n")
    ev = _tables(text, issue="2025-01-22").events
    assert ev[["official", "townships"]].values.tolist() == [
        ["曹建国", ["金罗镇", "武家庄镇"]], ["吴海平", ["金罗镇", "武家庄镇"]]]


def test_a_body_opening_a_sentence_after_a_deploying_tells_its_own_act():
    text = ("8月28日，省防办召开强降雨防御会商会议，对防御工作作出安排部署，"
            "并对重点地区进行电话调度。省水利厅派出4个工作组赴大连、丹东指导防御工作。\n"
            "8月29日，省安委会召开会议，对防汛工作进行部署，要求各地压实责任。"
            "县应急局要开展专项检查。\n")
    ev = _tables(text, issue="2023-08-30", region="辽宁省").events
    assert ev[["organization", "action"]].values.tolist() == [
        ["省防办", "召开会议"], ["省防办", "调度"], ["省水利厅", "督导检查"],
        ["省安委会", "召开会议"]]


def test_a_collective_body_acts_but_its_counted_acts_are_a_tally():
    text = ("9月中旬以来，新疆各地消防部门联合当地工商、质监等部门，开展涉棉企业消防安全大排查。\n"
            "春节期间，全省各级党委政府组织召开森林草原防火部署会5000余场。\n")
    ev = _tables(text, issue="2014-09-27", region="新疆维吾尔自治区").events
    assert ev[["organization", "action"]].values.tolist() == [["新疆各地消防部门", "开展行动"]]


def test_an_undated_lead_summing_up_the_dated_tellings_is_no_row_of_its_own():
    text = ("春节将至，连日来，区委书记王敏，区委副书记、区长李志龙等分别前往省疾控中心、"
            "杭州警备区走访慰问。\n"
            "2月8日下午，王敏赴省疾控中心走访慰问。李志龙一行走访慰问了杭州警备区。\n")
    ev = _tables(text, issue="2021-02-10", region="滨江区").events
    assert [(o, str(d.date())) for o, d in ev[["official", "date_start"]].values.tolist()] == [
        ("王敏", "2021-02-08"), ("李志龙", "2021-02-08")]


def test_a_scope_word_after_a_comparison_is_its_base_not_its_scope():
    text = "前三季度，地区生产总值同比增长5.3%，高于全国0.1个百分点。\n"
    facts = _tables(text, issue="2025-10-29", region="陕西省").facts
    assert facts[["value", "scope"]].values.tolist() == [[5.3, None], [0.1, None]]


@pytest.mark.parametrize("lead, joined_stops", [
    ("分两路走访慰问困难群众", []),  # split up: a stop told for one is that one's only
    ("一同走访慰问困难群众", ["金罗镇"]),
])
def test_officials_who_split_up_share_none_of_each_others_stops(lead, joined_stops):
    text = ("1月31日，县委书记曹建国、县长吴海平" + lead + "。县领导钱玉兰、刘志红参加活动。\n"
            "曹建国首先来到金罗镇敬老院，详细了解老人生活情况。\n")
    ev = _tables(text, issue="2025-02-01").events
    assert ev["official"].tolist() == ["曹建国", "吴海平", "钱玉兰", "刘志红"]
    # a stop told for one official of the day's visits is that official's, whoever was
    # told last
    assert ev["townships"].tolist() == [["金罗镇"], [], joined_stops, joined_stops]


@pytest.mark.parametrize("text, scope", [
    ("成效显著!吕梁关闭取缔993家企业\n", "吕梁"),  # an ASCII ! ends a clause
    ("春节期间，本市共接报火灾233起。\n", "本市"),
    ("本市场共有商户120家。\n", None),  # 本市场 is a word, not 本市
])
def test_scope_words_and_clause_marks_of_real_pages(text, scope):
    facts = _tables(text, issue="2025-02-20", region="吕梁市").facts
    assert facts["scope"].tolist() == [scope]


@pytest.mark.parametrize("lead", ["截止日前", "截至目前", "截止到目前", "到目前为止"])
def test_figures_up_to_now_have_no_period_however_written(lead):
    facts = _tables(lead + "，全县共出动检查组131个。\n", issue="2019-12-25").facts
    assert facts["value"].tolist() == [131]
    assert facts[["period_start", "period_end"]].isna().all(axis=None)


def test_those_who_took_part_are_counted_over_the_days_of_the_act():
    text = ("全县防汛工作会议召开\n\n"
            "为落实上级要求，6月27-28日，县防汛办组织召开全县防汛工作会议。\n\n"
            "会议要求，各地要结合上半年防汛工作情况，做好小结。\n\n"
            "各乡镇防汛办和县防指成员单位共30多人参会。\n")
    facts = _tables(text, issue="2025-06-29").facts
    assert _periods(facts) == [(30, "2025-06-27", "2025-06-28")]


def test_a_clause_opened_by_目前_states_a_current_figure_with_no_period():
    facts = _tables("2024年，全县检查企业12家，目前已整改10家。\n", issue="2025-01-05").facts
    assert facts[["value", "subject"]].values.tolist() == [[12, "检查企业"], [10, "已整改"]]
    assert str(facts.iloc[0]["period_start"].date()) == "2024-01-01"
    assert facts.iloc[1][["period_start", "period_end"]].isna().all()


@pytest.mark.parametrize("text, subjects", [
    # counts written together size one group: both take the group before them
    ("市消防救援大队、应急联动单位共计14车71人参加演练。", ["市消防救援大队、应急联动单位"] * 2),
    # with nothing before the number, the act its people took part in
    ("共200余人参加演练。", ["参加演练"]),
    ("检查企业12家、门店30家。", ["检查企业", "门店"]),
])
def test_counts_written_together_share_the_subject_before_them(text, subjects):
    facts = _tables(text + "\n", issue="2025-04-08").facts
    assert facts["subject"].tolist() == subjects


def test_a_bodys_trip_takes_the_stops_told_after_it():
    text = ("标题\n\n13日至14日，省安委办专项督导组到吕梁市开展为期两天的专项督导。\n\n"
            "吕梁市政府向督导组汇报了工作情况。在离石区，督导组重点询问了隐患整改情况。"
            "在中阳县，督导组抽查了两家企业。\n")
    ev = _tables(text, issue="2016-12-15", region="山西省").events
    assert ev[["organization", "action", "counties"]].values.tolist() == [
        ["省安委办专项督导组", "督导检查", ["离石区", "中阳县"]]]


@pytest.mark.parametrize("text, counties", [
    # the city's own meeting, watched in the county: not the county's act
    ("12月14日，市委副书记、市长王立新主持召开全市安全生产和防凌工作电视电话会议。", []),
    # a city leader acting in the county the item is about
    ("12月14日，副市长王立新来到我县，对冬季安全生产工作进行督导检查。", ["中阳县"]),
    # the county's own officials
    ("12月14日，副县长钱玉兰主持召开全县安全生产工作会议。", ["中阳县"]),
])
def test_a_city_officials_act_is_the_countys_own_only_where_it_happens_there(text, counties):
    ev = _tables(text + "\n", issue="2020-12-18").events
    assert ev["counties"].tolist() == [counties]


def test_the_team_an_official_leads_is_the_body_of_the_act():
    text = "标题\n\n12月23日，副市长高颖斌带领市政府考核组考核中阳县2014年安全生产工作。\n"
    ev = _tables(text, issue="2014-12-24").events
    assert ev[["official", "organization", "action"]].values.tolist() == [
        ["高颖斌", "市政府考核组", "督导检查"]]


def test_a_campaigns_counts_take_its_days_said_after_them_or_by_its_length():
    text = ("标题\n\n同时，10个街镇根据县政府统一部署，于1月11日-13日集中开展了消防安全隐患排查整治专项行动。"
            "三天集中行动，全县共排查点位2981个，发现隐患1659处。\n")
    facts = _tables(text, issue="2023-01-20").facts
    assert facts["subject"].tolist()[0] == "街镇"
    assert _periods(facts) == [(10, "2023-01-11", "2023-01-13"), (2981, "2023-01-11", "2023-01-13"),
                               (1659, "2023-01-11", "2023-01-13")]


def test_the_leading_bodies_are_no_count():
    facts = _tables("县四套班子主要领导出席会议。\n", issue="2023-01-20").facts
    assert facts.empty


def test_officials_whose_speech_is_cited_do_not_act():
    text = ("标题\n\n1月29日下午，中阳县召开政法工作会议，深入学习贯彻全市政法工作会议特别是"
            "市委书记王立新、市长张学军重要讲话精神，部署今年工作。县委书记曹建国出席会议并讲话。\n")
    ev = _tables(text, issue="2024-01-30").events
    assert ev["official"].tolist() == ["曹建国"]


def test_visiting_the_deputies_who_attend_a_congress_is_a_visit_and_its_host_visits_too():
    text = ("标题\n\n12月28日下午，县委书记曹建国，县委副书记、县长吴海平等县领导集中看望出席中阳县"
            "第十九届人民代表大会第四次会议的人大代表。县人大常委会主任钱玉兰主持看望活动。\n")
    ev = _tables(text, issue="2024-12-29").events
    assert ev[["official", "action"]].values.tolist() == [
        ["曹建国", "慰问"], ["吴海平", "慰问"], ["钱玉兰", "慰问"]]


@pytest.mark.parametrize("text, actions", [
    ("今年以来，中阳县共开展拉网式安全大检查8次，整改隐患234处。", []),
    ("截至目前，中阳县共检查各类企业1400余家。", []),
    # a team's one round, and a campaign told by its count alone, stay acts
    ("近日，县安委办检查组赴金罗镇共抽查14家企业。", ["督导检查"]),
    ("今年以来，中阳县组织有关部门开展打击非法生产行动97次。", ["开展行动"]),
])
def test_a_bodys_acts_counted_up_over_a_period_are_a_tally(text, actions):
    ev = _tables("标题\n\n" + text + "\n", issue="2025-09-28").events
    assert ev["action"].tolist() == actions


@pytest.mark.parametrize("text, rows", [
    ("县应急局制定了《冬春火灾防控工作方案》。", [("县应急局", "印发文件")]),
    ("县应急局发布《冬季安全提示》。", [("县应急局", "印发文件")]),
    ("县政府制定措施加强管理。", []),  # making measures is no document
])
def test_making_or_publishing_a_named_document_is_issuing_it(text, rows):
    ev = _tables("标题\n\n12月1日，" + text + "\n", issue="2024-12-02").events
    assert list(map(tuple, ev[["organization", "action"]].values.tolist())) == rows


def test_acts_since_the_start_of_the_year_run_from_1_january():
    text = "标题\n\n年初以来，中阳县相继开展了烟花爆竹经营专项整治、电气火灾综合治理等工作。\n"
    ev = _tables(text, issue="2018-05-01").events
    assert [(str(a.date()), str(b.date()), c) for a, b, c in
            ev[["date_start", "date_end", "action"]].values.tolist()] == [
        ("2018-01-01", "2018-05-01", "开展行动")]


@pytest.mark.parametrize("text, period", [
    ("“十三五”期间，全县新建道路120公里。", ("2016-01-01", "2020-12-31")),
    ("“十五”期间，全县新建道路120公里。", ("2001-01-01", "2005-12-31")),
])
def test_a_five_year_plans_years_are_the_period_of_its_figures(text, period):
    facts = _tables(text + "\n", issue="2021-11-24").facts
    assert _periods(facts) == [(120, *period)]


def test_an_actor_named_a_clause_before_its_act_keeps_the_places_of_that_clause():
    text = ("标题\n\n10月1日，县委书记曹建国深入金罗镇，看望慰问受灾群众；"
            "县长吴海平赴暖泉镇，专题调研假期值班值守工作。\n")
    ev = _tables(text, issue="2025-10-02").events
    assert ev[["official", "townships"]].values.tolist() == [
        ["曹建国", ["金罗镇"]], ["吴海平", ["暖泉镇"]]]


def test_spaces_typed_inside_a_date_and_a_chair_told_after_attending():
    text = ("标题\n\n2 月 5 日，县安委会召开全体会议，县委常委、常务副县长毛立新，县委常委、组织部长王良永出席会议。\n"
            "王良永主持会议。\n")
    ev = _tables(text, issue="2021-02-06").events
    rows = [(str(d.date()), o, a) for d, o, a in ev[["date_start", "official", "action"]].values.tolist()]
    assert rows == [("2021-02-05", None, "召开会议"), ("2021-02-05", "毛立新", "出席会议"),
                    ("2021-02-05", "王良永", "主持会议")]


def test_a_meeting_named_with_暨_is_one_meeting_and_a_nominee_keeps_the_title():
    text = ("标题\n\n12月18日，金罗镇组织召开冬春火灾防控专题会暨消防安全“百日攻坚”行动部署会。\n\n"
            "10月10日，镇党委书记吴钢、镇党委副书记、镇长提名候选人黄乐明深入辖区督导消防安全工作。\n")
    ev = _tables(text, issue="2025-12-24").events
    assert ev[["official", "title", "action"]].values.tolist() == [
        [None, None, "召开会议"],
        ["吴钢", "镇党委书记", "督导检查"],
        ["黄乐明", "镇党委副书记、镇长提名候选人", "督导检查"]]


def test_demands_named_as_an_object_start_no_speech():
    text = ("标题\n\n1月25日，县政府召开除雪防冻紧急会议。副县长钱玉兰出席会议并提出具体要求，"
            "副县长刘志红主持会议。\n")
    ev = _tables(text, issue="2018-01-25").events
    assert ev[["official", "action"]].values.tolist() == [["钱玉兰", "出席会议"], ["刘志红", "主持会议"]]


def test_a_year_told_as_background_dates_only_its_own_sentence():
    text = ("标题\n\n1月24日，副县长钱玉兰带领慰问团深入金罗镇慰问了6户困难群众。"
            "2012年，陈某患病，家庭欠债2.6万元。在慰问中，慰问团送上慰问金5000元。\n")
    facts = _tables(text, issue="2013-01-25").facts
    assert _periods(facts) == [(6, "2013-01-24", "2013-01-24"), (2.6, "2012-01-01", "2012-12-31"),
                               (5000, "2013-01-24", "2013-01-24")]


@pytest.mark.parametrize("text, actions", [
    ("下一步，县应急局将开展安全生产大检查。", []),  # a plan, not an act done
    ("今后，县应急局将持续开展专项整治行动。", []),
    ("3月1日，县应急局开展安全生产大检查，将隐患整改到位。", ["督导检查"]),
])
def test_an_act_said_with_将_is_a_plan(text, actions):
    ev = _tables("标题\n\n" + text + "\n", issue="2026-03-02").events
    assert ev["action"].tolist() == actions


def test_acts_since_a_month_run_from_it_to_the_issue_date():
    ev = _tables("标题\n\n自8月以来，县应急局深入开展安全生产大检查。\n", issue="2015-11-25").events
    assert ev["date_start"].dt.strftime("%Y-%m-%d").tolist() == ["2015-08-01"]
    assert ev["date_end"].dt.strftime("%Y-%m-%d").tolist() == ["2015-11-25"]


@pytest.mark.parametrize("opening, start", [
    ("去年11月20日，省政府在全省部署开展安全隐患大排查大整治行动。", "2018-11-20"),
    ("自5月10日起，省应急厅在全省开展危化品企业异地执法检查。", "2019-05-10"),
    # a day's own act is not a campaign: the snapshot counts from the year's start
    ("5月10日，省应急厅开展危化品企业执法检查。", "2019-01-01"),
])
def test_a_snapshot_counts_from_the_day_its_campaign_was_launched(opening, start):
    text = ("标题\n\n" + opening + "\n\n截至6月30日，全省共排查整改重大隐患754处。\n")
    facts = _tables(text, issue="2019-07-09").facts
    assert _periods(facts) == [(754, start, "2019-06-30")]


def test_a_snapshot_with_its_own_year_keeps_it_over_a_campaign():
    text = ("标题\n\n自5月10日起，省应急厅在全省开展执法检查。\n\n"
            "截至6月30日，今年全省挂牌督办重大隐患38项。\n")
    assert _periods(_tables(text, issue="2019-07-09").facts) == [(38, "2019-01-01", "2019-06-30")]


@pytest.mark.parametrize("text", [
    "7月1日至7日，县应急管理部门开展安全生产执法检查338人次，查处隐患问题418项。",
    "7月1日至7日，全县各级应急部门共出动检查人员2713人次，检查企业1133家，发现问题679项。",
])
def test_acts_counted_up_in_a_list_of_counts_are_a_tally(text):
    assert _tables("标题\n\n" + text + "\n", issue="2026-07-08").events.empty


def test_a_check_told_with_its_objects_counted_once_is_still_an_act():
    text = "标题\n\n7月2日，县应急局检查企业12家，发现隐患30处。\n"
    assert _tables(text, issue="2026-07-08").events["action"].tolist() == ["督导检查"]


def test_an_official_speaking_at_the_meeting_told_attends_it():
    text = ("标题\n\n12月28日下午，青石镇召开全镇安全生产工作会议，学习上级会议精神。"
            "镇长田国明指出，全镇上下要绷紧思想之弦。\n")
    ev = _tables(text, issue="2023-12-29").events
    assert ev[["official", "action"]].values.tolist() == [["田国明", "出席会议"]]
    assert ev["topics"].tolist() == [["安全生产"]]


def test_a_speaker_outside_a_meeting_has_no_row():
    text = "标题\n\n12月28日，镇长田国明指出，全镇上下要绷紧思想之弦。\n"
    assert _tables(text, issue="2023-12-29").events.empty


@pytest.mark.parametrize("text, actions", [
    ("据悉，省林业局将在国庆、重阳等节点前采取暗访方式进行明察暗访，督导检查各地森林防火工作。", []),
    ("县应急局将于下周一开展安全生产大检查，督导检查各乡镇整改情况。", []),
    ("9月1日，省林业局组织人员进行明察暗访，督导检查各地森林防火工作。", ["督导检查"]),
])
def test_a_plan_said_with_将_goes_on_into_the_clause_after(text, actions):
    ev = _tables("标题\n\n" + text + "\n", issue="2020-09-21").events
    assert ev["action"].tolist() == actions


@pytest.mark.parametrize("lead", ["从九月开始，", "自9月份起，", "据省林业局透露，从九月开始，"])
def test_acts_from_a_month_on_run_from_its_start_to_the_issue_date(lead):
    text = "标题\n\n" + lead + "林业部门在全省范围内组织开展森林防火宣传月活动。\n"
    ev = _tables(text, issue="2020-09-21").events
    assert ev[["date_start", "date_end"]].apply(lambda c: c.dt.strftime("%Y-%m-%d")).values.tolist() \
        == [["2020-09-01", "2020-09-21"]]


def test_a_quote_s_own_time_dates_no_act():
    text = ("标题\n\n11月24日，县长余飞宇深入治城煤矿检查安全生产工作。\n\n"
            "“今天有多少工人在井下作业？”在安全信息中心，余飞宇询问了煤矿的生产规模。\n")
    ev = _tables(text, issue="2017-11-25").events
    assert ev[["official", "action"]].values.tolist() == [["余飞宇", "督导检查"]]
    assert ev["date_start"].dt.strftime("%Y-%m-%d").tolist() == ["2017-11-24"]


@pytest.mark.parametrize("text, scope", [
    ("前三季度，吉林全省规模以上工业增加值同比增长4.6%。", "吉林全省"),
    ("前三季度，吉林省规模以上工业增加值同比增长4.6%。", "吉林省"),
])
def test_a_division_and_its_own_全省_are_one_scope(text, scope):
    facts = _tables("标题\n\n" + text + "\n", issue="2023-10-28").facts
    assert facts["scope"].tolist() == [scope]


def test_an_act_about_to_happen_is_not_an_act():
    text = ("标题\n\n本报讯（记者 张元）全国两会召开在即。2月27日，区委书记王少峰带队检查"
            "全国两会服务保障工作。\n")
    ev = _tables(text, issue="2025-03-03").events
    assert ev[["official", "action"]].values.tolist() == [["王少峰", "督导检查"]]


def test_a_figure_in_brackets_after_a_division_is_that_division_s():
    text = ("标题\n\n2025年1-9月，7个市州工业固定资产投资增幅超全省平均水平，"
            "分别为白银市(42.2%)、天水市(29.3%)；5个市州工业固定资产投资负增长，张掖市(-5.1%)。\n")
    facts = _tables(text, issue="2025-10-31").facts
    assert facts[["value", "scope"]].values.tolist() == [
        [7, None], [42.2, "白银市"], [29.3, "天水市"], [5, None], [5.1, "张掖市"]]
    assert "工业固定资产投资增幅" in facts["subject"].iloc[1]
    assert "工业固定资产投资负增长" in facts["subject"].iloc[4]


def test_a_comparison_base_opening_a_sentence_is_not_its_period():
    text = ("标题\n\n今年1-9月，全省工业投资增长6.4%。\n\n"
            "与1-8月投资增速相比，5个市州工业投资增速有所提高。\n")
    facts = _tables(text, issue="2025-10-31").facts
    assert _periods(facts) == [(6.4, "2025-01-01", "2025-09-30"), (5, "NaT", "NaT")]


def test_a_headline_s_months_are_the_period_of_figures_with_none():
    text = "1-9月全省工业投资运行情况\n\n全省工业投资同比增长6.4%，制造业投资增长4.7%。\n"
    facts = _tables(text, issue="2025-10-31").facts
    assert _periods(facts) == [(6.4, "2025-01-01", "2025-09-30"), (4.7, "2025-01-01", "2025-09-30")]


def test_a_year_in_a_headline_names_an_event_not_a_period():
    text = "陆良县开展2020年综合性应急演练\n\n演练出动应急救援车28辆。\n"
    assert _periods(_tables(text, issue="2020-06-10").facts) == [(28, "NaT", "NaT")]


def test_a_subsection_details_the_period_of_its_section_s_lead():
    text = ("工业投资情况\n\n一、工业投资完成情况\n2025年1-9月，全省工业投资同比增长6.4%。\n"
            "（一）分行业投资情况\n制造业投资增长4.7%。\n（二）分市州投资情况\n9个市州投资实现正增长。\n")
    facts = _tables(text, issue="2025-10-31").facts
    assert _periods(facts) == [(6.4, "2025-01-01", "2025-09-30"), (4.7, "2025-01-01", "2025-09-30"),
                               (9, "2025-01-01", "2025-09-30")]


def test_bodies_listed_before_分别_each_report_and_a_new_subject_ends_the_stretch():
    text = ("标题\n\n9月23日，闵行区召开安全生产工作会议。区委常委、副区长汪向阳出席会议并讲话。"
            "会上，区安委办通报近期安全生产形势；区建管委、区消防救援支队分别通报部署燃气安全和消防安全"
            "工作情况；梅陇镇、七宝镇分别汇报了近期安全生产工作开展情况。\n")
    ev = _tables(text, issue="2023-09-27", region="闵行区").events
    assert ev["organization"].tolist()[1:] == ["区安委办", "区建管委", "区消防救援支队"]
    assert ev["townships"].tolist()[1:] == [[], [], []]


def test_bodies_listed_without_分别_act_as_the_first_named():
    text = "标题\n\n1月1日，县应急局、县消防救援大队联合开展消防安全检查。\n"
    assert _tables(text, issue="2024-01-02").events["organization"].tolist() == ["县应急局"]


def test_a_scope_word_opening_the_number_s_own_clause_is_its_scope():
    text = "标题\n\n会议指出，我市进入高温干旱期，全市10个区县不同程度出现旱情。\n"
    facts = _tables(text, issue="2024-07-25", region=None).facts
    assert facts[["value", "scope"]].values.tolist() == [[10, "全市"]]


def test_a_change_told_by_its_verb_alone_is_of_the_figure_before_it():
    text = "标题\n\n前三季度，第一产业增加值2085.02亿元，增长3.7%；规模以上工业增加值同比增长5.5%。\n"
    facts = _tables(text, issue="2022-11-02").facts
    assert facts["subject"].tolist() == ["第一产业增加值", "第一产业增加值增长", "规模以上工业增加值同比增长"]


def test_the_day_the_figures_were_learned_is_not_their_period():
    text = ("标题\n\n人民网贵阳11月2日电 （李丽萍）11月1日，记者从贵州省统计局获悉，"
            "前三季度贵州全省地区生产总值14755.92亿元。其中，第一产业增加值2085.02亿元。\n")
    facts = _tables(text, issue="2022-11-02", region=None).facts
    assert _periods(facts) == [(14755.92, "2022-01-01", "2022-09-30"), (2085.02, "2022-01-01", "2022-09-30")]


def test_the_sentence_scope_keeps_the_division_written_before_its_全省():
    text = "标题\n\n前三季度，吉林全省工业增加值同比增长4.6%，9个重点产业中有7个实现正增长。\n"
    facts = _tables(text, issue="2023-10-28").facts
    assert facts["scope"].tolist() == ["吉林全省"] * 3


@pytest.mark.parametrize("text, subject", [
    ("6月28日，省市两级防汛办和省防指相关成员单位共30多人参会。", "省市两级防汛办和省防指相关成员单位参会"),
    ("6月28日，森林扑火队共150余人参加演练。", "森林扑火队参加演练"),
])
def test_a_group_split_by_its_count_of_people_joins_what_they_took_part_in(text, subject):
    facts = _tables("标题\n\n" + text + "\n", issue="2022-06-29").facts
    assert facts["subject"].tolist() == [subject]


@pytest.mark.parametrize("text", [
    "在去年召开的全县安全生产工作会议上，县长田国明强调，要压实责任。",
    "正如县长田国明所指出，安全生产责任重于泰山。",
])
def test_a_speech_cited_from_some_meeting_is_no_attendance(text):
    assert _tables("标题\n\n" + text + "\n", issue="2023-12-29").events.empty


def test_a_meeting_the_visiting_team_holds_on_its_trip_is_a_step_of_the_visit():
    text = ("标题\n\n9月10日，省应急厅副厅长汪少舟带领检查组赴鹰潭市检查安全生产工作。"
            "期间，检查组在鹰潭市高新技术开发区召开座谈会，了解园区安全生产工作情况。\n")
    ev = _tables(text, issue="2019-09-20", region=None).events
    assert ev[["official", "action"]].values.tolist() == [["汪少舟", "督导检查"]]


def test_a_meeting_a_named_body_convenes_after_a_visit_keeps_its_row():
    text = ("标题\n\n9月10日，县长李明到青石镇检查安全生产工作。"
            "9月10日下午，县应急管理局召开全县安全生产工作会议。\n")
    ev = _tables(text, issue="2019-09-20").events
    assert ev["action"].tolist() == ["督导检查", "召开会议"]


@pytest.mark.parametrize("text, actions", [
    ("3月20日，维西县制定实施方案和重点行业安全检查表。", []),
    ("3月20日，该村在路口设置防火检查点。", []),
    ("3月20日，县应急局开展安全检查。", ["督导检查"]),
])
def test_a_thing_named_by_an_act_word_is_no_act(text, actions):
    assert _tables("标题\n\n" + text + "\n", issue="2025-03-23").events["action"].tolist() == actions


@pytest.mark.parametrize("text, townships", [
    ("2月10日，县长李明到王峰镇、桑树坪镇检查安全生产工作。", ["桑树坪镇", "王峰镇"]),
    ("1月15日，副市长李明检查了东台市廉贻镇东风船舶修造厂。", ["廉贻镇"]),
    ("1月15日，县长李明深入各乡镇检查安全生产工作。", []),
])
def test_a_township_the_table_lacks_counts_where_its_county_is_certain(text, townships):
    ev = _tables("标题\n\n" + text + "\n", issue="2015-03-16", region="韩城市").events
    assert ev["townships"].tolist() == [townships]


def test_a_known_township_after_a_preposition_is_not_read_twice():
    text = "标题\n\n3月14日，易门县在绿汁镇开展森林火灾扑救实战演练。\n"
    ev = _tables(text, issue="2026-03-16", region="玉溪市").events
    assert ev["townships"].tolist() == [["绿汁镇"]]
