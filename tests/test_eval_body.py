"""The article-body metric on invented examples, and the quality gate on development data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tollbook.evaluate.body import Overlap, aggregate, evaluate, overlap, shingles

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "article-extraction-benchmark"
# Measured on the first 10 pages: 0.9648 (trafilatura: 0.9193 with comments, 0.9586 without).
# The floor only moves up.
MIN_BODY_F1_FIRST_10 = 0.96


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one two three four five", [("one", "two", "three", "four"), ("two", "three", "four", "five")]),
        ("Three killed", [("Three", "killed")]),  # shorter than a shingle: one short shingle
        ("", []),
        (
            "12 dead, 3-year-old hurt",
            [("12", "dead", "3", "year"), ("dead", "3", "year", "old"), ("3", "year", "old", "hurt")],
        ),
    ],
)
def test_shingles(text, expected):
    assert sorted(shingles(text).elements()) == sorted(expected)


@pytest.mark.parametrize(
    ("true", "predicted", "precision", "recall", "f1"),
    [
        ("a b c d e f", "a b c d e f", 1.0, 1.0, 1.0),
        ("a b c d e f", "a  b\nc, d; e — f!", 1.0, 1.0, 1.0),  # punctuation and spacing do not count
        ("a b c d e f", "u v w x y z", 0.0, 0.0, 0.0),
        # shingles abcd bcde vs abcd bcdx: tp 1, fp 1, fn 1
        ("a b c d e", "a b c d x", 0.5, 0.5, 0.5),
        # abcd bcde cdef vs abcd: tp 1, fp 0, fn 2
        ("a b c d e f", "a b c d", 1.0, 1 / 3, 0.5),
        ("Three killed", "three killed", 0.0, 0.0, 0.0),  # tokens keep their case
        ("a b c d e", "", 0.0, 0.0, 0.0),
    ],
)
def test_overlap_scores(true, predicted, precision, recall, f1):
    result = overlap(true, predicted)
    assert result.precision == pytest.approx(precision)
    assert result.recall == pytest.approx(recall)
    assert result.f1 == pytest.approx(f1)


def test_overlap_is_normalised_per_page():
    short, long = overlap("a b c d e", "a b c d x"), overlap("a b c d e " * 50, "a b c d x " * 50)
    assert short.tp + short.fp + short.fn == pytest.approx(1.0)
    assert long.tp + long.fp + long.fn == pytest.approx(1.0)


def test_repeated_shingles_count_as_a_multiset():
    # "a b c d" twice in the prediction but once in the truth: one of them is a false positive.
    result = overlap("a b c d", "a b c d a b c d")
    assert result.precision < 1.0 and result.recall == 1.0


def test_aggregate_averages_then_takes_the_harmonic_mean():
    pages = [overlap("a b c d e f", "a b c d"), overlap("a b c d e", "a b c d x")]
    result = aggregate(pages)
    assert result["precision"] == pytest.approx(0.75)  # (1 + 0.5) / 2
    assert result["recall"] == pytest.approx(5 / 12)  # (1/3 + 1/2) / 2
    assert result["f1"] == pytest.approx(2 * 0.75 * (5 / 12) / (0.75 + 5 / 12))


def test_empty_prediction_has_no_precision_to_average():
    pages = [overlap("a b c d e", ""), overlap("a b c d e", "a b c d e")]
    result = aggregate(pages)
    assert result["precision"] == 1.0  # the empty page predicted nothing, so it has no precision
    assert result["recall"] == 0.5


def test_both_empty_is_undefined_not_perfect():
    assert overlap("", "") == Overlap(0.0, 0.0, 0.0)
    assert aggregate([Overlap(0.0, 0.0, 0.0)])["f1"] == 0.0


INVENTED_BODY = (
    "Gunmen killed 14 villagers in a night raid on Tuesday, local officials said, in the third attack "
    "on the district this month.\n\nA regional spokesman said 9 of the dead were women and that 6 "
    "other people were taken to hospital with gunshot wounds."
)


def _invented_benchmark(folder: Path) -> Path:
    paragraphs = "".join(f"<p>{p}</p>" for p in INVENTED_BODY.split("\n\n"))
    html = (
        "<html><head><title>Night raid</title></head><body><article>"
        f"{paragraphs}<p>Read more: Floods leave 40 dead</p></article></body></html>"
    )
    (folder / "html").mkdir()
    (folder / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    truth = {"p1": {"articleBody": INVENTED_BODY, "url": "https://news.example.org/raid"}}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_evaluate_on_an_invented_page_writes_one_error_line(tmp_path):
    errors = tmp_path / "errors.jsonl"
    result = evaluate(_invented_benchmark(tmp_path), errors=errors)
    assert result["n"] == 1
    assert result["body_f1"] == pytest.approx(1.0)  # the title line and "Read more" are not body
    assert result["trafilatura_nocomments_body_f1"] < 1.0
    rows = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [row["id"] for row in rows] == ["p1"]
    assert set(rows[0]) == {"id", "url", "body_f1", "trafilatura_body_f1", "trafilatura_nocomments_body_f1"}


@pytest.mark.devdata
@pytest.mark.skipif(not (DATA / "ground-truth.json").exists(), reason="development data absent")
def test_body_quality_gate_on_first_pages():
    result = evaluate(DATA, limit=10)
    assert result["n"] == 10
    assert result["body_f1"] >= MIN_BODY_F1_FIRST_10
    assert result["body_f1"] > result["trafilatura_nocomments_body_f1"]
