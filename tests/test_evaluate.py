"""`bulletin-extract eval` scoring: matching, field rules, layouts and error messages.

Gold and predictions are built in tmp_path from real rows of the bulletin's gold
(corpus/gold/yongzhou-2024-10-12.*.jsonl), edited per case.
"""
from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from extract.evaluate import (
    MATCHING_RULE_HELP,
    EvalError,
    EvalFormatError,
    EvalInputError,
    evaluate,
    evaluate_frames,
    format_report,
    load_gold,
    load_pred,
)

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "corpus" / "gold"
DOC = "yongzhou-2024-10-12"
Rows = list[dict[str, Any]]


def _read(path: Path) -> Rows:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def real() -> dict[str, Rows]:
    paths = {t: GOLD / f"{DOC}.{t}.jsonl" for t in ("events", "facts")}
    if not all(p.is_file() for p in paths.values()):
        pytest.skip("corpus/gold of the real bulletin is absent")
    return {t: _read(p) for t, p in paths.items()}


@pytest.fixture
def gold(real: dict[str, Rows]) -> dict[str, Rows]:
    return copy.deepcopy(real)


def _write(path: Path, rows: Rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _per_doc(root: Path, tables: dict[str, Rows], doc: str = DOC) -> Path:
    for table, rows in tables.items():
        _write(root / f"{doc}.{table}.jsonl", rows)
    return root


def _combined(root: Path, tables: dict[str, Rows]) -> Path:
    for table, rows in tables.items():
        _write(root / f"{table}.jsonl", rows)
    return root


def _score(tmp_path: Path, gold: dict[str, Rows], pred: dict[str, Rows]) -> dict[str, Any]:
    return evaluate(_per_doc(tmp_path / "gold", gold), _combined(tmp_path / "pred", pred))


def _find(rows: Rows, **match: Any) -> int:
    hits = [i for i, r in enumerate(rows) if all(r.get(k) == v for k, v in match.items())]
    assert len(hits) == 1, match
    return hits[0]


# ------------------------------------------------------------------ identity, layouts


@pytest.mark.parametrize("gold_layout", [_per_doc, _combined])
@pytest.mark.parametrize("pred_layout", [_per_doc, _combined])
def test_gold_against_itself_is_perfect(tmp_path, gold, gold_layout, pred_layout):
    metrics = evaluate(gold_layout(tmp_path / "g", gold), pred_layout(tmp_path / "p", gold))
    for table in ("events", "facts"):
        for level in ("matched", "strict"):
            assert metrics[table][level] == {
                "p": 1.0, "r": 1.0, "f1": 1.0, "tp": len(gold[table]),
                "n_gold": len(gold[table]), "n_pred": len(gold[table]),
            }
        assert metrics[table]["misses"] == []
        assert all(f["accuracy"] == 1.0 for f in metrics[table]["fields"].values())
    json.dumps(metrics)  # the CLI writes it with --metrics


def test_the_committed_gold_scores_itself(real):
    metrics = evaluate(GOLD, GOLD)
    assert metrics["events"]["strict"]["f1"] == metrics["facts"]["strict"]["f1"] == 1.0


def test_doc_id_from_file_name_and_subfolder(tmp_path, gold):
    for rows in gold.values():
        for row in rows:
            del row["doc_id"]
    doc = "2024/" + DOC
    g = _per_doc(tmp_path / "g", gold, doc=doc)
    pred = {t: [{**r, "doc_id": doc} for r in rows] for t, rows in gold.items()}
    metrics = evaluate(g, _combined(tmp_path / "p", pred))
    assert [d["doc_id"] for d in metrics["documents"]] == [doc]
    assert metrics["events"]["strict"]["f1"] == metrics["facts"]["strict"]["f1"] == 1.0


def test_load_gold_keeps_null_apart_from_absent(tmp_path, gold):
    events, facts = load_gold(_per_doc(tmp_path, gold))
    assert len(events) == len(gold["events"]) and len(facts) == len(gold["facts"])
    assert events.attrs["doc_ids"] == [DOC]
    assert events["official"].iloc[6] is None  # JSON null
    assert pd.isna(events["note"].iloc[0])  # absent key
    assert facts["value_normalized"].iloc[0] == 172


def test_load_pred_reads_run_output(tmp_path, gold):
    events, facts = load_pred(_combined(tmp_path, {"events": gold["events"]}))
    assert len(events) == len(gold["events"])
    assert facts.empty and not facts.attrs["found"]


# ---------------------------------------------------------------- recall, precision


@pytest.mark.parametrize("table", ["events", "facts"])
@pytest.mark.parametrize("drop", [0, 5, -1])
def test_removing_a_predicted_row_drops_recall_exactly(tmp_path, gold, table, drop):
    pred = copy.deepcopy(gold)
    removed = pred[table].pop(drop)
    metrics = _score(tmp_path, gold, pred)
    n = len(gold[table])
    for level in ("matched", "strict"):
        got = metrics[table][level]
        assert (got["tp"], got["n_gold"], got["n_pred"]) == (n - 1, n, n - 1)
        assert got["p"] == 1.0 and got["r"] == pytest.approx((n - 1) / n, abs=1e-6)
    [miss] = metrics[table]["misses"]
    assert miss["type"] == "missing" and miss["section"] == removed["section"]
    other = "facts" if table == "events" else "events"
    assert metrics[other]["strict"]["f1"] == 1.0


@pytest.mark.parametrize("table", ["events", "facts"])
def test_extra_predicted_row_is_a_false_positive(tmp_path, gold, table):
    pred = copy.deepcopy(gold)
    extra = {**pred[table][0], "evidence": "一句多出来的证据。"}
    if table == "events":
        extra["action"] = "会见"
    else:
        extra["value_normalized"] = 999
    pred[table].append(extra)
    metrics = _score(tmp_path, gold, pred)
    n = len(gold[table])
    assert metrics[table]["strict"]["p"] == pytest.approx(n / (n + 1), abs=1e-6)
    assert metrics[table]["strict"]["r"] == 1.0
    [miss] = metrics[table]["misses"]
    assert miss["type"] == "spurious" and miss["evidence"] == "一句多出来的证据。"


def test_per_field_recall_counts_unmatched_gold(tmp_path, gold):
    pred = copy.deepcopy(gold)
    pred["events"].pop(_find(pred["events"], official="朱洪武"))
    fields = _score(tmp_path, gold, pred)["events"]["fields"]
    with_official = sum(r["official"] is not None for r in gold["events"])
    assert fields["title"]["n_gold"] == with_official
    assert fields["title"]["r"] == pytest.approx((with_official - 1) / with_official, abs=1e-6)
    assert fields["title"]["accuracy"] == 1.0


def test_predictions_of_documents_without_gold_are_ignored(tmp_path, gold):
    pred = copy.deepcopy(gold)
    pred["events"] += [{**r, "doc_id": "other-doc"} for r in gold["events"][:3]]
    metrics = _score(tmp_path, gold, pred)
    assert metrics["events"]["strict"]["f1"] == 1.0
    assert metrics["ignored"] == {"documents": 1, "doc_ids": ["other-doc"], "events": 3, "facts": 0}
    assert "ignored: predictions for 1 document(s)" in format_report(metrics)


def test_gold_document_without_any_prediction_is_flagged(tmp_path, gold):
    pred = {t: [{**r, "doc_id": "misnamed"} for r in rows] for t, rows in gold.items()}
    metrics = _score(tmp_path, gold, pred)
    assert metrics["unpredicted_documents"] == [DOC]
    assert metrics["events"]["matched"]["r"] == 0.0
    assert "no predictions at all" in format_report(metrics)


# ------------------------------------------------------------------- field scoring


@pytest.mark.parametrize(
    ("table", "where", "column", "new_value"),
    [
        ("events", {"official": "陈爱林", "action": "调研"}, "title", "市长"),
        ("events", {"official": "陈爱林", "action": "调研"}, "counties", ["零陵区", "双牌县"]),  # order counts
        ("events", {"official": "赵立平"}, "townships", ["富家桥镇", "梳子铺乡"]),
        ("events", {"official": "侯文"}, "date_end", "2024-10-11"),
        ("events", {"organization": "市生态环境局"}, "organization", "永州生态环境监测中心"),
        ("events", {"official": "侯文"}, "topic", "安全生产"),
        ("facts", {"value_normalized": 172}, "qualifier", "余"),
        ("facts", {"value_normalized": 172}, "period_start", "2024-09-01"),
        ("facts", {"value_normalized": 172}, "scope", None),
        ("facts", {"value_normalized": 26073}, "subject", "排查安全生产重大事故隐患"),
    ],
)
def test_a_wrong_field_breaks_strict_but_not_the_match(tmp_path, gold, table, where, column, new_value):
    pred = copy.deepcopy(gold)
    row = pred[table][_find(pred[table], **where)]
    row[column] = new_value
    if column == "topic":
        row["topics"] = [new_value]
    metrics = _score(tmp_path, gold, pred)
    n = len(gold[table])
    assert metrics[table]["matched"]["tp"] == n
    assert metrics[table]["strict"]["tp"] == n - 1
    assert metrics[table]["fields"][column]["correct"] == metrics[table]["fields"][column]["scored"] - 1
    [miss] = metrics[table]["misses"]
    assert miss["type"] == "wrong"
    assert [e["field"] for e in miss["errors"]] == [column]
    assert miss["errors"][0]["pred"] == new_value


@pytest.mark.parametrize(
    ("where", "column", "new_value"),
    [
        ({"official": "侯文"}, "organization", "别的机构"),  # organization only scored without an official
        ({"organization": "市生态环境局"}, "title", "局长"),  # title only scored with an official
        ({"official": "侯文"}, "county", "零陵区"),  # not a strict field (information only)
        ({"official": "侯文"}, "evidence", "任意"),  # not in gold at all
    ],
)
def test_fields_the_contract_does_not_score_leave_strict_alone(tmp_path, gold, where, column, new_value):
    pred = copy.deepcopy(gold)
    pred["events"][_find(pred["events"], **where)][column] = new_value
    metrics = _score(tmp_path, gold, pred)
    assert metrics["events"]["strict"]["f1"] == 1.0


@pytest.mark.parametrize(
    ("table", "where", "column", "new_value"),
    [
        ("events", {"official": "陈爱林", "action": "主持会议"}, "counties", ["零陵区"]),  # gold "*"
        ("facts", {"value_normalized": 4}, "scope", "县产业开发区"),  # gold "*"
    ],
)
def test_star_in_gold_is_not_scored(tmp_path, gold, table, where, column, new_value):
    pred = copy.deepcopy(gold)
    pred[table][_find(pred[table], **where)][column] = new_value
    metrics = _score(tmp_path, gold, pred)
    assert metrics[table]["strict"]["f1"] == 1.0
    star_rows = sum(r.get(column) == "*" for r in gold[table])
    assert metrics[table]["fields"][column]["scored"] == len(gold[table]) - star_rows


def test_absent_gold_column_is_not_scored(tmp_path, gold):
    for row in gold["facts"]:
        del row["scope"]
    pred = copy.deepcopy(gold)
    for row in pred["facts"]:
        row["scope"] = "全省"
    metrics = _score(tmp_path, gold, pred)
    assert metrics["facts"]["strict"]["f1"] == 1.0
    assert "scope" not in metrics["facts"]["fields"]


@pytest.mark.parametrize(
    ("pred_value", "matches"),
    [(172, True), (172.0, True), ("172", True), (172.00004, True), (172.001, False), (171, False)],
)
def test_numbers_compare_to_four_decimals(tmp_path, gold, pred_value, matches):
    pred = copy.deepcopy(gold)
    row = pred["facts"][_find(pred["facts"], value_normalized=172)]
    row["value_normalized"] = pred_value
    row["value"] = 172.0  # information field, compared numerically too
    metrics = _score(tmp_path, gold, pred)
    assert (metrics["facts"]["matched"]["tp"] == len(gold["facts"])) is matches
    assert metrics["facts"]["fields"]["value"]["accuracy"] == 1.0


@pytest.mark.parametrize(
    ("gold_topics", "pred_topic", "correct"),
    [
        (["消防安全", "森林防灭火", "安全生产"], "消防安全", True),
        (["消防安全", "森林防灭火", "安全生产"], "安全生产", True),
        (["消防安全", "森林防灭火", "安全生产"], "教育", False),
        (["消防安全", "森林防灭火", "安全生产"], None, False),
        ([], None, True),
        ([], "教育", False),
        ("*", "教育", True),
    ],
)
def test_topic_is_any_of_gold_topics(tmp_path, gold, gold_topics, pred_topic, correct):
    i = _find(gold["events"], official="胡勇刚")
    pred = copy.deepcopy(gold)
    gold["events"][i]["topics"] = gold_topics
    gold["events"][i]["topic"] = "*" if gold_topics == "*" else (gold_topics[0] if gold_topics else None)
    pred["events"][i]["topic"] = pred_topic
    pred["events"][i]["topics"] = [pred_topic] if pred_topic else []
    metrics = _score(tmp_path, gold, pred)
    assert (metrics["events"]["strict"]["f1"] == 1.0) is correct


def test_topic_without_gold_topics_compares_topic(tmp_path, gold):
    for row in gold["events"]:
        del row["topics"]
    pred = copy.deepcopy(gold)
    pred["events"][0]["topic"] = "安全生产"
    metrics = _score(tmp_path, gold, pred)
    assert metrics["events"]["fields"]["topic"]["correct"] == len(gold["events"]) - 1


@pytest.mark.parametrize(
    ("gold_subject", "pred_subject", "correct"),
    [
        ("采取曝光、约谈、联合惩戒企业数", "采取曝光约谈联合惩戒企业数", True),  # punctuation
        ("一案双罚", "“一案双罚”", True),  # quotes
        ("一案双罚", "对企业和企业主要负责人“一案双罚”", True),  # contains, wider boundary
        ("抽查检查企业", "市、县两级抽查检查企业", True),
        ("采取曝光、约谈、联合惩戒企业数", "采取曝光约谈联合惩戒企业", True),  # fuzzy >= 80
        ("排查安全生产重大事故隐患", "隐患", False),  # too small a part
        ("抽查检查企业", "市、县两级抽查检查企业26073家，排查安全生产重大事故隐患", False),  # clause break
        ("完成整改", "整改率", False),
        ("存量债务降息展期", None, False),
    ],
)
def test_subject_is_compared_loosely(tmp_path, gold, gold_subject, pred_subject, correct):
    i = _find(gold["facts"], value_normalized=26073)
    pred = copy.deepcopy(gold)
    gold["facts"][i]["subject"] = gold_subject
    pred["facts"][i]["subject"] = pred_subject
    metrics = _score(tmp_path, gold, pred)
    assert (metrics["facts"]["strict"]["f1"] == 1.0) is correct


# ------------------------------------------------------------------------ matching


def test_null_official_matches_only_null_official(tmp_path, gold):
    pred = copy.deepcopy(gold)
    i = _find(pred["events"], organization="市生态环境局")
    pred["events"][i]["official"] = "某某"
    metrics = _score(tmp_path, gold, pred)
    assert metrics["events"]["matched"]["tp"] == len(gold["events"]) - 1
    assert sorted(m["type"] for m in metrics["events"]["misses"]) == ["missing", "spurious"]


def test_repeated_gold_keys_pair_by_agreement_not_order(tmp_path, gold):
    # Two facts with the same value and unit: a second "完成整改 7422个" in another section.
    i = _find(gold["facts"], value_normalized=7422)
    twin = {**gold["facts"][i], "subject": "完成隐患整改", "scope": None, "section": "县市区动态",
            "period_start": "2024-10-08", "period_end": "2024-10-08"}
    gold["facts"].insert(i + 1, twin)
    pred = copy.deepcopy(gold)
    pred["facts"][i], pred["facts"][i + 1] = pred["facts"][i + 1], pred["facts"][i]  # reversed order
    metrics = _score(tmp_path, gold, pred)
    assert metrics["facts"]["strict"]["f1"] == 1.0


def test_repeated_keys_with_equal_agreement_pair_in_order(tmp_path, gold):
    # The same (official, date, action) twice in gold; both predictions agree equally (title wrong).
    i = _find(gold["events"], official="彭浩宸", action="督导检查")
    gold["events"].insert(i + 1, {**gold["events"][i], "note": "second"})
    pred = copy.deepcopy(gold)
    pred["events"][i]["evidence"] = "first"
    pred["events"][i + 1]["evidence"] = "second"
    for row in pred["events"][i : i + 2]:
        row["title"] = "副县长"
    metrics = _score(tmp_path, gold, pred)
    wrong = [m for m in metrics["events"]["misses"] if m["type"] == "wrong"]
    assert [m["evidence"] for m in wrong] == ["first", "second"]
    assert [m.get("note") for m in wrong] == [None, "second"]


def test_several_predictions_for_one_gold_row_take_the_best(tmp_path, gold):
    pred = copy.deepcopy(gold)
    i = _find(pred["events"], official="陈雄")
    worse = {**pred["events"][i], "townships": [], "evidence": "worse"}
    pred["events"].insert(i, worse)  # the worse duplicate comes first
    metrics = _score(tmp_path, gold, pred)
    assert metrics["events"]["strict"]["tp"] == len(gold["events"])
    [miss] = metrics["events"]["misses"]
    assert miss["type"] == "spurious" and miss["evidence"] == "worse"


def test_star_in_a_key_matches_any_value(tmp_path, gold):
    i = _find(gold["events"], official="唐超学")
    gold["events"][i]["date_start"] = "*"
    gold["events"][i]["date_end"] = "*"
    pred = copy.deepcopy(gold)
    pred["events"][i]["date_start"] = pred["events"][i]["date_end"] = "2024-12-10"
    assert _score(tmp_path, gold, pred)["events"]["strict"]["f1"] == 1.0


def test_sections_split_precision_and_recall(tmp_path, gold):
    pred = copy.deepcopy(gold)
    pred["facts"] = [r for r in pred["facts"] if r["section"] != "县市区动态"]
    sections = _score(tmp_path, gold, pred)["facts"]["sections"]
    assert sections["县市区动态"] == {"n_gold": 2, "n_pred": 0, "tp_gold": 0, "tp_pred": 0, "p": 0.0, "r": 0.0, "f1": 0.0}
    assert sections["工作数据"]["f1"] == 1.0


def test_in_memory_frames_with_arrays_and_dates(gold):
    """Predictions as pandas/Parquet give them: lists as numpy arrays, dates as date objects."""
    gold_events, gold_facts = (pd.DataFrame(gold[t], dtype=object) for t in ("events", "facts"))
    pred_events = pd.DataFrame(gold["events"])
    for column in ("counties", "townships", "topics"):
        pred_events[column] = [np.array(v, dtype=object) if v != "*" else np.array([]) for v in pred_events[column]]
    pred_events["date_start"] = [date.fromisoformat(v) for v in pred_events["date_start"]]
    pred_facts = pd.DataFrame(gold["facts"])  # value_normalized becomes float64
    metrics = evaluate_frames(gold_events, gold_facts, pred_events, pred_facts)
    assert metrics["events"]["strict"]["f1"] == metrics["facts"]["strict"]["f1"] == 1.0
    json.dumps(metrics)


def test_combined_gold_scores_documents_named_in_either_table(tmp_path, gold):
    # In the combined layout, a document with events but no facts row has no facts.
    g = _combined(tmp_path / "g", {"events": gold["events"], "facts": []})
    metrics = evaluate(g, _combined(tmp_path / "p", gold))
    assert metrics["facts"]["strict"]["n_gold"] == 0
    assert metrics["facts"]["strict"]["p"] == 0.0
    assert len(metrics["facts"]["misses"]) == len(gold["facts"])


def test_per_doc_gold_without_a_facts_file_does_not_score_facts(tmp_path, gold):
    g = _per_doc(tmp_path / "g", {"events": gold["events"]})
    metrics = evaluate(g, _combined(tmp_path / "p", gold))
    assert metrics["facts"] is None and metrics["events"]["strict"]["f1"] == 1.0
    assert "FACTS: not scored" in format_report(metrics)


# ------------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("setup", "role", "error", "words"),
    [
        ("missing", "gold", EvalInputError, ["does not exist", "--gold"]),
        ("empty", "gold", EvalInputError, ["<doc_id>.events.jsonl", "doc_id column"]),
        ("missing", "pred", EvalInputError, ["does not exist", "--pred"]),
        ("empty", "pred", EvalInputError, ["events.jsonl", "bulletin-extract run"]),
        ("file", "gold", EvalInputError, ["not a directory"]),
        ("bad_json", "pred", EvalFormatError, ["events.jsonl:2", "not valid JSON"]),
        ("no_doc_id", "gold", EvalFormatError, ["no doc_id", "events.jsonl"]),
        ("no_facts", "pred", EvalInputError, ["facts.jsonl", "--force"]),
    ],
)
def test_errors_name_the_path_and_what_to_do(tmp_path, gold, setup, role, error, words):
    good_gold = _per_doc(tmp_path / "good_gold", gold)
    good_pred = _combined(tmp_path / "good_pred", gold)
    bad = tmp_path / "bad"
    if setup == "empty":
        bad.mkdir()
    elif setup == "file":
        bad.write_text("x", encoding="utf-8")
    elif setup == "bad_json":
        _combined(bad, gold)
        (bad / "events.jsonl").write_text('{"doc_id": "x"}\n{oops\n', encoding="utf-8")
    elif setup == "no_doc_id":
        _combined(bad, {"events": [{k: v for k, v in r.items() if k != "doc_id"} for r in gold["events"]]})
    elif setup == "no_facts":
        _combined(bad, {"events": gold["events"]})
    args = (bad, good_pred) if role == "gold" else (good_gold, bad)
    with pytest.raises(error) as caught:
        evaluate(*args)
    assert isinstance(caught.value, EvalError)
    assert isinstance(caught.value, FileNotFoundError if error is EvalInputError else ValueError)
    message = str(caught.value)
    assert str(bad) in message
    for word in words:
        assert word in message


def test_same_document_in_two_gold_files_is_refused(tmp_path, gold):
    root = _per_doc(tmp_path, gold)
    _combined(root, gold)
    with pytest.raises(EvalFormatError, match="keep one"):
        load_gold(root)


# ------------------------------------------------------------------------ report


def test_report_lists_figures_sections_and_misses(tmp_path, gold):
    pred = copy.deepcopy(gold)
    pred["events"][_find(pred["events"], official="陈爱林", action="调研")]["title"] = "市长"
    pred["events"][_find(pred["events"], official="陈爱林", action="调研")]["evidence"] = "陈爱林赴双牌县、零陵区调研"
    pred["facts"].pop(0)
    report = format_report(_score(tmp_path, gold, pred))
    assert "EVENTS" in report and "FACTS" in report
    assert "sections (strict)" in report and "县市区动态" in report
    assert "~ wrong" in report and "title 市委副书记、市长 ≠ 市长" in report
    assert "evidence: 陈爱林赴双牌县、零陵区调研" in report
    assert "- missing" in report and "存量债务降息展期" in report


def test_report_caps_the_misses(tmp_path, gold):
    metrics = _score(tmp_path, gold, {"events": [], "facts": []})
    report = format_report(metrics, max_misses=3)
    assert f"… {len(gold['events']) - 3} more" in report


def test_help_text_names_the_match_keys():
    for words in ("official, date_start, action", "value_normalized", "\"*\"", "any of gold"):
        assert words in MATCHING_RULE_HELP


@pytest.mark.parametrize(
    ("table", "where", "column", "new_value", "named"),
    [
        ("events", {"official": "龙向洋"}, "official", None, True),  # actor lost, date and action right
        ("events", {"official": "龙向洋"}, "action", "督导检查", True),
        ("facts", {"value_normalized": 1545}, "unit_normalized", "家", True),  # 家次 read as 家
        ("facts", {"value_normalized": 1545}, "value_normalized", 1546, False),  # a fact's value must agree
    ],
)
def test_missing_row_names_the_nearest_unmatched_prediction(tmp_path, gold, table, where, column, new_value, named):
    pred = copy.deepcopy(gold)
    row = pred[table][_find(pred[table], **where)]
    row[column] = new_value
    row["evidence"] = "近似的那一行"
    metrics = _score(tmp_path, gold, pred)
    [missing] = [m for m in metrics[table]["misses"] if m["type"] == "missing"]
    assert ("nearest" in missing) is named
    if named:
        assert missing["nearest"]["key"][column] == new_value
        assert missing["nearest"]["evidence"] == "近似的那一行"
        assert "nearest unmatched prediction" in format_report(metrics)
