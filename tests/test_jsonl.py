"""JSONL corpora: the field map, what a line becomes, and what is never read from it."""

from __future__ import annotations

import hashlib
import io
import json

import pytest

from tollbook.read import body_of
from tollbook.read.jsonl import (
    FieldMapError,
    JsonlReport,
    LineFailure,
    iter_reports,
    parse_field_map,
    read_report,
    report_from_line,
)
from tollbook.settings import Settings

DEFAULT = {"text": "text", "html": "html", "url": "url", "title": "title", "published": "published"}
BODY = "Police said two people were killed and three injured in a shooting on Main Street on Friday."


@pytest.mark.parametrize(
    ("pairs", "changed"),
    [
        ([], {}),
        (["text=content"], {"text": "content"}),
        (["text=content", "published=dct", "url=uri"], {"text": "content", "published": "dct", "url": "uri"}),
        ([" title = headline "], {"title": "headline"}),  # spaces around the parts are forgiven
        (["text=a", "text=b"], {"text": "b"}),  # the last one wins, as with any repeated option
        (["text=body=main"], {"text": "body=main"}),  # only the first "=" separates
    ],
)
def test_field_map(pairs, changed):
    assert parse_field_map(pairs) == {**DEFAULT, **changed}


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("text", "expected NAME=FIELD"),
        ("=content", "expected NAME=FIELD"),
        ("text=", "expected NAME=FIELD"),
        ("incident=incident_id", "not one of"),  # gold ids can never be mapped in
        ("id=doc_id", "not one of"),
        ("Text=content", "not one of"),  # names are exact
    ],
)
def test_bad_field_map(pair, message):
    with pytest.raises(FieldMapError, match=message):
        parse_field_map([pair])


def line(**fields) -> str:
    return json.dumps(fields)


def test_a_mapped_line_keeps_only_the_five_fields():
    mapping = parse_field_map(["text=content", "published=dct", "url=uri"])
    report = report_from_line(
        line(content=BODY, title="Two killed", dct="2017-04-09", uri="http://x.invalid/a",
             incident_id="123456", doc_id="abc", text="the unmapped text field is not read"),
        mapping, name="docs.jsonl:7")
    assert report == JsonlReport(name="docs.jsonl:7", text=BODY, title="Two killed", published="2017-04-09",
                                 url="http://x.invalid/a")
    assert "123456" not in repr(report) and "abc" not in repr(report)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"text": BODY, "published": 20170409}, {"text": BODY, "published": "20170409"}),  # a number
        ({"text": BODY, "title": "  "}, {"text": BODY}),  # blank metadata is none
        ({"text": BODY, "title": ["a", "b"]}, {"text": BODY}),  # nested values are not metadata
        ({"html": "<p>page</p>"}, {"html": "<p>page</p>"}),
        ({"text": BODY, "html": "<p>page</p>"}, {"text": BODY}),  # text wins: its spans index it
        ({"text": "", "html": "<p>page</p>"}, {"html": "<p>page</p>"}),
    ],
)
def test_line_values(fields, expected):
    assert report_from_line(line(**fields), DEFAULT, name="f:1") == JsonlReport(name="f:1", **expected)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ('{"text": "unterminated', "not JSON"),
        ('["text", "a list"]', "a JSON list, not an object"),
        ('"just a string"', "a JSON str, not an object"),
        (line(text=42), "is not a string"),
        (line(html={"nested": 1}), "is not a string"),
        (line(title="no body"), "no report text"),
        (line(text="", html=""), "no report text"),
    ],
)
def test_bad_lines_are_failures_not_exceptions(raw, reason):
    failure = report_from_line(raw, DEFAULT, name="corpus.jsonl:3")
    assert isinstance(failure, LineFailure)
    assert failure.reason.startswith("corpus.jsonl:3: ") and reason in failure.reason


def test_iter_reports_names_lines_and_skips_blank_ones():
    stream = io.StringIO(line(text=BODY) + "\n\n   \n" + "{bad\n" + line(text=BODY + " Again.") + "\n")
    out = list(iter_reports(stream, DEFAULT, name="c.jsonl"))
    assert [r.name for r in out] == ["c.jsonl:1", "c.jsonl:4", "c.jsonl:5"]
    assert [type(r) for r in out] == [JsonlReport, LineFailure, JsonlReport]


def test_read_report_keeps_the_text_and_hashes_it_as_read_does():
    report = JsonlReport(name="c:1", text=BODY, title="Two killed", published="2017-04-09",
                         url="http://x.invalid/a")
    document = read_report(report, Settings())
    # the title heads the text, as a page's does; the rest is the text as given
    assert document.text == "Two killed\n\n" + BODY
    assert body_of(document) == BODY
    assert document.id == hashlib.sha256(document.text.encode()).hexdigest()
    assert (document.headline, document.published.date, document.url) == (
        "Two killed", "2017-04-09", "http://x.invalid/a")


@pytest.mark.parametrize(
    ("own", "fallback", "expected"),
    [
        ("2017-04-09", None, "2017-04-09"),
        ("2017-04-09", "2020-01-01", "2017-04-09"),  # the line's own date wins over --published
        (None, "2020-01-01", "2020-01-01"),
        (None, None, None),
    ],
)
def test_publication_date_fallback(own, fallback, expected):
    document = read_report(JsonlReport(name="c:1", text=BODY, published=own), Settings(published=fallback))
    assert document.published.date == expected


def test_html_lines_are_read_as_pages():
    page = ("<html><head><title>Two killed on Main Street</title></head><body><article>"
            + "".join(f"<p>{BODY} Paragraph {i} adds detail about the investigation.</p>" for i in range(4))
            + "</article></body></html>")
    document = read_report(JsonlReport(name="c:1", html=page, published="2017-04-09"), Settings())
    assert "<p>" not in document.text and "two people were killed" in document.text
    assert document.published.date == "2017-04-09"
