"""The reading stage: a file, bytes or text → `Document`.

Plain text becomes `Document.text` exactly as decoded: every span indexes it, and nothing is
normalised or stripped. HTML becomes its main article text (see `read.html`), with the page
title as its own first line so that figures in the headline have spans too.

Bad input raises the `InputError` subclasses of `tollbook.errors`, each with a one-line
message that names the input.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO

from tollbook.errors import EmptyInput, NoArticle, NotEnglish
from tollbook.model import DatePrecision, Document, Published
from tollbook.read import text as _text
from tollbook.read.html import extract_article, host_of, looks_like_html
from tollbook.read.language import looks_english
from tollbook.settings import Settings

__all__ = ["read_bytes", "read_html", "read_path", "read_text", "body_of"]

_STDIN = "-"


def read_path(path: str | Path, settings: Settings, *, stdin: BinaryIO | None = None) -> Document:
    """Read a report from a file, or from standard input when path is "-"."""
    if str(path) == _STDIN:
        data = _text.read_stream_bytes(stdin, settings.max_bytes)
        return read_bytes(data, settings=settings, name=_STDIN)
    data = _text.read_file_bytes(Path(path), settings.max_bytes)
    return read_bytes(data, settings=settings, name=str(path))


def read_bytes(data: bytes, *, settings: Settings, name: str | None = None) -> Document:
    """Read a report from raw bytes: HTML is recognised by its content, not by a file name."""
    _text.check_size(len(data), settings.max_bytes, name)
    if not data.strip():
        raise EmptyInput(f"{_text.label(name)}: the input is empty")
    decoded = _text.decode(data, name=name, declared=_text.declared_charset(data))
    if looks_like_html(decoded):
        return read_html(decoded, settings=settings, url=settings.url, name=name)
    return read_text(decoded, settings=settings, url=settings.url, title=settings.title, name=name)


def read_text(
    text: str,
    *,
    settings: Settings,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
    name: str | None = None,
) -> Document:
    """A plain-text report, kept character for character."""
    _text.check_size(len(text.encode("utf-8", "surrogatepass")), settings.max_bytes, name)
    _text.check_text(text, name)
    _check_language(text, settings, name)
    headline = settings.title or title
    return _document(
        _with_title(headline, text),
        url=url or settings.url,
        outlet=host_of(url or settings.url),
        headline=headline,
        published=_published(settings.published or published, from_html=False),
    )


def read_html(html: str, *, settings: Settings, url: str | None = None, name: str | None = None) -> Document:
    """An HTML page: its title as the first line, then the article text."""
    _text.check_size(len(html.encode("utf-8", "surrogatepass")), settings.max_bytes, name)
    _text.check_text(html, name)
    url = url or settings.url
    article = extract_article(html, url=url)
    if not article.body:
        raise NoArticle(f"{_text.label(name or url)}: no article text could be found in this HTML page")
    _check_language(article.body, settings, name or url)
    headline = settings.title or article.title
    return _document(
        _with_headline(headline, article.body),
        url=article.url,
        outlet=article.sitename or article.hostname or host_of(url),
        headline=headline,
        published=_published(settings.published or article.date, from_html=settings.published is None),
    )


def body_of(document: Document) -> str:
    """The document's text without the headline line that reading put in front of it."""
    prefix = f"{document.headline}\n\n" if document.headline else ""
    if prefix and document.text.startswith(prefix):
        return document.text[len(prefix) :]
    return document.text


def _with_headline(headline: str | None, body: str) -> str:
    first_line = body.split("\n", 1)[0].strip()
    if not headline or first_line == headline.strip():
        return body
    return f"{headline}\n\n{body}"


def _with_title(title: str | None, text: str) -> str:
    """A plain text with its title in front, as a page has it, unless the text opens with it:
    the title's figures ("Four wounded in shooting at a restaurant") are read as a headline's."""
    if not title or not title.strip() or text.lstrip().startswith(title.strip()):
        return text
    return f"{title.strip()}\n\n{text}"


def _document(text: str, **fields: object) -> Document:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(id=digest, text=text, language="en", segments=[], **fields)  # type: ignore[arg-type]


def _published(date: str | None, *, from_html: bool) -> Published:
    if not date:
        return Published(date=None)
    how = "html metadata" if from_html else "given"
    return Published(date=date, precision=DatePrecision.DAY, inferred=False, how=how)


def _check_language(text: str, settings: Settings, name: str | None) -> None:
    if settings.require_english and not looks_english(text):
        raise NotEnglish(
            f"{_text.label(name)}: the text does not look like English; tollbook reads English reports"
        )
