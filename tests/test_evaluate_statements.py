"""The record's statements as an evaluation set: how it is built, split and scored, and the
figures reached on it, held as a floor."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace

import pytest

from frontline.news import evaluate, statementset
from frontline.news.geoparse import cached_matcher
from frontline.record.statements import split_of

# Measured with `python -m frontline.evaluate`; a change may raise them, not lower them.
FLOOR = {
    "tuning": {
        "mention_recall": 0.99,
        "claim_precision": 0.979,
        "claim_recall": 0.971,
        "claim_recall_placed": 0.795,
    },
    "held_out": {
        "mention_recall": 1.0,
        "claim_precision": 0.981,
        "claim_recall": 0.981,
        "claim_recall_placed": 0.832,
    },
}
FLOOR_DATE = {"tuning": 0.953, "held_out": 0.970}


def item(text: str, status: str, **extra) -> dict:
    row = {
        "id": "kupiansk@2022-09-29T1809Z",
        "split": "tune",
        "place_id": "kupiansk",
        "name": "Kupiansk",
        "geonames_id": 704679,
        "lat": 49.7106,
        "lon": 37.6156,
        "text": text,
        "status": status,
        "held_by": status.capitalize(),
        "recorded_at": "2022-09-29T18:09Z",
        "source": "Wikipedia, ..., revision of 29 September 2022 18h09 UTC",
    }
    return row | extra


def test_an_item_is_the_row_with_its_dateline_and_the_status_the_text_leaves():
    built = statementset.build(
        [
            item(
                "Captured by Russia 27 February 2022. Recaptured by Ukraine by 29 September.",
                "ukrainian",
            )
        ]
    )
    (labelled,) = built["items"]
    assert labelled["text"].startswith("Kupiansk: Captured by Russia")
    assert (labelled["dateline"], labelled["place"], labelled["part"]) == (
        "2022-09-29",
        "gn:704679",
        "tuning",
    )
    # The latest status, on the date of the statement that gives it (the year from the
    # revision's day).
    assert (labelled["status"], labelled["date"], labelled["date_precision"]) == (
        "ukrainian",
        "2022-09-29",
        "day",
    )


def test_a_text_the_table_moved_on_from_is_left_out_and_counted():
    built = statementset.build(
        [
            item("Captured by Russia 24 February 2022.", "ukrainian"),
            item("Contested by Russia between around 15 January – 5 June 2024.", "russian"),
            item("Awarded Hero City status.", "ukrainian", split="held_out"),
            item("Captured by Russia 24 February 2022.", "russian", geonames_id=None),
        ]
    )
    assert [i["place"] for i in built["items"]] == ["record:kupiansk"]
    assert built["left_out"] == {
        f"tuning: {statementset.TEXT_BEHIND}": 2,
        f"held_out: {statementset.NO_STATEMENT}": 1,
    }


def test_the_shipped_set_is_what_the_script_builds(capsys):
    assert statementset.main(["--check"]) == 0


def test_the_split_is_the_place_ids_hash_and_keeps_a_place_in_one_part():
    document = json.loads(statementset.OUTPUT.read_text(encoding="utf-8"))
    source = {row["id"]: row for row in statementset.read_source(statementset.SOURCE)}
    parts = defaultdict(set)
    for labelled in document["items"]:
        place_id = source[labelled["id"]]["place_id"]
        assert labelled["part"] == statementset.PARTS[split_of(place_id)]
        parts[place_id].add(labelled["part"])
    assert all(len(p) == 1 for p in parts.values())
    counts = document["parts"]
    assert counts["tuning"] >= 200 and counts["held_out"] >= 200


def test_a_bad_source_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(item("x", "russian")) + "\n" + '{"id": "a"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"s.jsonl: line 2: field 'split'"):
        statementset.read_source(path)


def write_set(tmp_path, rows: list[dict]) -> list[evaluate.LabelledArticle]:
    path = tmp_path / "statements.json"
    path.write_text(json.dumps(statementset.build(rows)), encoding="utf-8")
    return evaluate.load_set(path)


def test_the_last_claim_on_the_rows_place_is_scored_by_its_status(tmp_path):
    articles = write_set(
        tmp_path,
        [
            # Read right: ukrainian on 29 September.
            item(
                "Captured by Russia 27 February 2022. Recaptured by Ukraine 29 September 2022.",
                "ukrainian",
            ),
            # The text says Ukraine; "Held by" says Russia: dropped by the build, not scored.
            item("Recaptured by Ukraine 10 September 2022.", "russian", id="b"),
            # Contested, as the table has it.
            item("Contested by Russia since 20 September 2022.", "contested", id="c"),
        ],
    )
    assert [a.scoring for a in articles] == [evaluate.LAST_ON_PLACE] * 2
    scores = evaluate.evaluate(articles, cached_matcher())
    assert (scores.claims_gold, scores.claims_predicted, scores.claims_matched) == (2, 2, 2)
    assert scores.figure("date_accuracy") == 1.0
    assert scores.figure("claim_recall_placed") == 1.0
    # The same text against a table that says otherwise: a claim made, and wrong.
    (read,) = write_set(tmp_path, [item("Captured by Russia 27 February 2022.", "russian")])
    wrong = [replace(read, claims=(replace(read.claims[0], status="ukrainian"),))]
    scores = evaluate.evaluate(wrong, cached_matcher())
    assert (scores.claims_predicted, scores.claims_matched) == (1, 0)
    assert scores.figure("claim_precision") == 0.0
    assert any("russian" in miss and "instead of ukrainian" in miss for miss in scores.misses)


@pytest.mark.parametrize("part", sorted(FLOOR))
def test_the_statements_figures_do_not_fall(part):
    articles = [a for a in evaluate.load_set(evaluate.DEFAULT_STATEMENTS) if a.part == part]
    scores = evaluate.evaluate(articles, cached_matcher())
    # Figures, not calls, in the asserts: on a failure pytest would print the scores, whose
    # misses include a held-out part's.
    for name, minimum in FLOOR[part].items():
        value = scores.figure(name)
        assert value >= minimum, name
    date_accuracy = scores.figure("date_accuracy")
    assert date_accuracy >= FLOOR_DATE[part]


def test_verbose_lists_no_held_out_miss(capsys):
    assert evaluate.main(["--labels", str(evaluate.DEFAULT_STATEMENTS), "--verbose"]) == 0
    out = capsys.readouterr().out
    held_out = out.split("held out (never tuned on)")[1]
    assert "a held-out part's misses are not listed" in held_out
    assert "instead of" not in held_out and "no claim" not in held_out
