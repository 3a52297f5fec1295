"""JSONL corpora: one report per line, with a field map for corpora that name fields otherwise.

A line is a JSON object. tollbook reads five fields from it — `text` (plain text) or `html` (a
page), `url`, `title` and `published` — and ignores every other one, so that an evaluation can
never feed gold ids (an incident id, a label) into the pipeline. A field map renames them:
`text=content` reads the report's text from the line's `content` field. A line with both text and
html is read as text (its spans then index exactly the text given).

Reading a line never raises for a bad line: it yields a `LineFailure` with the reason, so one
broken line of a million does not stop a corpus.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from tollbook.errors import InputError, TollbookError
from tollbook.model import DatePrecision, Document, Published
from tollbook.settings import Settings

FIELDS = ("text", "html", "url", "title", "published")


class FieldMapError(TollbookError):
    """A --field option that is not NAME=FIELD with a NAME tollbook reads."""


@dataclass(frozen=True, kw_only=True)
class JsonlReport:
    """One line's report, before reading. `name` is `FILE:LINE`, as errors name it."""

    name: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, kw_only=True)
class LineFailure:
    name: str
    reason: str


def parse_field_map(pairs: Iterable[str]) -> dict[str, str]:
    """`["text=content", "published=dct"]` → {tollbook field: corpus field}, every field mapped
    (to itself unless renamed). Raises FieldMapError for a malformed pair or an unknown name."""
    mapping = {name: name for name in FIELDS}
    for pair in pairs:
        name, sep, source = (part.strip() for part in pair.partition("="))
        if not sep or not name or not source:
            raise FieldMapError(f"--field {pair!r}: expected NAME=FIELD, e.g. text=content")
        if name not in FIELDS:
            raise FieldMapError(f"--field {pair!r}: {name!r} is not one of {', '.join(FIELDS)}")
        mapping[name] = source
    return mapping


def iter_reports(
    lines: IO[str] | Iterable[str], field_map: dict[str, str], *, name: str = "-"
) -> Iterator[JsonlReport | LineFailure]:
    """Each non-blank line as a report to read, or as the reason it cannot be one."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield report_from_line(line, field_map, name=f"{name}:{number}")


def report_from_line(line: str, field_map: dict[str, str], *, name: str) -> JsonlReport | LineFailure:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return LineFailure(name=name, reason=f"{name}: not JSON ({error.msg} at column {error.colno})")
    if not isinstance(data, dict):
        return LineFailure(name=name, reason=f"{name}: a JSON {type(data).__name__}, not an object")
    values = {field: data.get(source) for field, source in field_map.items()}
    for field in ("text", "html"):
        if values[field] is not None and not isinstance(values[field], str):
            return LineFailure(name=name, reason=f"{name}: field {field_map[field]!r} is not a string")
    if not values["text"] and not values["html"]:
        wanted = " or ".join(repr(field_map[f]) for f in ("text", "html"))
        return LineFailure(name=name, reason=f"{name}: no report text in {wanted} (see --field)")
    return JsonlReport(
        name=name,
        text=values["text"] or None,
        html=None if values["text"] else values["html"],
        url=_string(values["url"]),
        title=_string(values["title"]),
        published=_string(values["published"]),
    )


def read_report(report: JsonlReport, settings: Settings) -> Document:
    """The report as a Document. The line's own url, title and date win; `settings.published` is
    the date of a report that has none of its own. Raises the InputError the readers raise."""
    from tollbook import read  # late: reading lines needs neither trafilatura nor the language check

    plain = settings.with_(published=None, title=None, url=None)
    if report.text is not None:
        document = read.read_text(report.text, settings=plain, url=report.url, title=report.title,
                                  published=report.published, name=report.name)
    elif report.html is not None:
        page = plain.with_(published=report.published, title=report.title)
        document = read.read_html(report.html, settings=page, url=report.url, name=report.name)
    else:
        raise InputError(f"{report.name}: no report text")
    return fallback_date(document, settings.published)


def fallback_date(document: Document, published: str | None) -> Document:
    """The document dated `published` when neither its input nor its page metadata dated it."""
    if document.published.date is not None or not published:
        return document
    given = Published(date=published, precision=DatePrecision.DAY, how="given")
    return dataclasses.replace(document, published=given)


def _string(value: Any) -> str | None:
    """A metadata value as text: numbers become strings, blanks and nested values None."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None
