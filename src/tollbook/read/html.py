"""HTML → article text and metadata, through trafilatura, with page furniture removed.

trafilatura finds the main content; what it keeps of a news page's furniture is mostly of
three kinds, and each one can carry numbers that belong to other stories:

- blocks that are nothing but a link (related stories, "more on this" lists, app promotions);
- short promotional lines ("Read more: …", "Sign up for …", "You may also like");
- the headline repeated as the first line, and bylines / "contributed to this report" lines.

These are removed from trafilatura's element tree (not from the text), so its own text
rendering (lists, headings, tables) is kept. Link texts are read from the original page because
asking trafilatura to keep links changes what it extracts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

_BLOCK_TAGS = ("p", "head", "item", "quote")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Link-only blocks shorter than this are kept: "[CNN]" after a quote is a citation, not a teaser.
_MIN_LINK_BLOCK_WORDS = 2
_MAX_FURNITURE_WORDS = 30
_TITLE_WITHIN_BLOCKS = 3  # a kicker ("Review", "Analysis") may stand before the repeated headline
_MIN_PIECE_CHARS, _MAX_PIECE_CHARS = 3, 500
_MAX_WHOLE_CHECK_CHARS = 5000
_CAPTIONS = etree.XPath("//figcaption | //*[@itemprop='caption'] | //*[contains(@class, 'caption')]")

# Lines that only point elsewhere. Anchored at the start and limited to short blocks, so a
# sentence that merely contains "read more" is never touched.
_FURNITURE = re.compile(
    r"""^(?:
        (?:read|see|watch|listen)\s+(?:more|also|next|now)\b
      | (?:also\s+read|related|recommended|more\s+on\s+this|more\s+from|most\s+read|trending|top\s+stories)
        (?:\s+(?:stories|articles|content|coverage|links|videos|news))?\s*(?::|$|\.\.\.|…)
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)
      | click\s+here\b
      | (?:sign\s+up|subscribe)\s+(?:to|for|now|here)\b
      | follow\s+(?:us|@\w+|[\w\s]{1,40}?\s+on\s+(?:twitter|facebook|instagram|x|tiktok|youtube))\b
      | (?:download|get)\s+(?:the|our)\s+[\w\s]{0,30}?\bapp\b
      | share\s+this\s+(?:article|story)
      | advertisement\s*$
      | source\s*:\s*\S
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von)){0,6}\s*$")
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story)\b", re.IGNORECASE)

_TITLE_SEPARATOR = re.compile(r"\s+(?:\|{1,2}|[-–—•·]|::)\s+")
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|article|section|table|tr|td|li|ul|ol|img|meta|script)\b[^>]*>", re.I
)
_MIN_TAGS = 4
_MIN_TAGS_PER_KB = 2.0


@dataclass(frozen=True, kw_only=True)
class Article:
    """What was read from one page; body is None when no article text was found."""

    body: str | None
    title: str | None
    url: str | None
    date: str | None
    sitename: str | None
    hostname: str | None


def looks_like_html(text: str) -> bool:
    """True for a page that starts like HTML or is dense with HTML tags."""
    head = text[:4096]
    if _HTML_START.match(head) or re.search(r"<(?:html|body)\b", head, re.I):
        return True
    tags = len(_HTML_TAG.findall(head))
    return tags >= _MIN_TAGS and tags * 1024 / max(len(head), 1) >= _MIN_TAGS_PER_KB


def extract_article(html: str, *, url: str | None = None) -> Article:
    """The main text of a page without furniture, and its title, date and site name."""
    # trafilatura is imported here, not at the top: plain-text reports never pay for it.
    import trafilatura
    from trafilatura.utils import load_html
    from trafilatura.xml import xmltotxt

    tree = load_html(html)
    if tree is None:
        return Article(body=None, title=None, url=url, date=None, sitename=None, hostname=host_of(url))
    # Read link and caption texts first: trafilatura prunes the tree it is given.
    elsewhere = _texts_elsewhere(tree)
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
        with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if result is None or result.body is None:
        return Article(body=None, title=None, url=url, date=None, sitename=None, hostname=host_of(url))
    sitename = _clean(result.sitename) or None
    title = _headline(_clean(result.title), sitename, result.hostname or host_of(url))
    _remove_furniture(result.body, title=title, elsewhere=elsewhere)
    body = xmltotxt(result.body, include_formatting=False).strip()
    # Blocks made of links are gone already; this catches link text outside any block.
    if len(body) <= _MAX_WHOLE_CHECK_CHARS and _covered_by(_clean(body), elsewhere):
        body = ""  # only links or captions: a section front or a navigation page, no article
    return Article(
        body=body or None,
        title=title,
        url=url or result.url,  # the page's canonical URL when the caller gave none
        date=result.date,
        sitename=sitename,
        hostname=result.hostname or host_of(url),
    )


def _remove_furniture(body: etree._Element, *, title: str | None, elsewhere: _Pieces) -> None:
    """Drop furniture blocks; a page that is nothing but links is left with no body at all."""
    blocks = [block for block in body.iter(*_BLOCK_TAGS) if block.getparent() is not None]
    for position, block in enumerate(blocks):
        text = _clean("".join(block.itertext()))
        if _is_furniture(text, position=position, title=title, elsewhere=elsewhere):
            _drop(block)


def _is_furniture(text: str, *, position: int, title: str | None, elsewhere: _Pieces) -> bool:
    if not text:
        return False
    words = len(_WORD.findall(text))
    if position < _TITLE_WITHIN_BLOCKS and title and text.casefold() == title.casefold():
        return True  # the headline repeated: tollbook puts it first itself
    if words <= _MAX_FURNITURE_WORDS and (
        _FURNITURE.match(text) or _BYLINE.match(text) or _CONTRIBUTED.search(text)
    ):
        return True
    return words >= _MIN_LINK_BLOCK_WORDS and _covered_by(text, elsewhere)


@dataclass(frozen=True)
class _Pieces:
    """Texts found elsewhere on the page (links, captions), longest first, and all their words."""

    texts: list[str]
    words: frozenset[str]

    @classmethod
    def of(cls, texts: set[str]) -> _Pieces:
        kept = sorted(
            (t for t in texts if _MIN_PIECE_CHARS <= len(t) <= _MAX_PIECE_CHARS), key=len, reverse=True
        )
        return cls(kept, frozenset(word for text in kept for word in _WORD.findall(text)))


def _covered_by(text: str, pieces: _Pieces) -> bool:
    """Whether every word of the block comes from the given texts (tried longest first)."""
    # Cheap refusal first: real paragraphs have words that no link on the page has.
    if not pieces.words.issuperset(_WORD.findall(text)):
        return False
    rest = text
    for piece in pieces.texts:
        if len(piece) <= len(rest) and piece in rest:
            rest = rest.replace(piece, " ")
            if not _WORD.search(rest):
                return True
    return False


def _drop(element: etree._Element) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail and element.tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _texts_elsewhere(tree: lxml.html.HtmlElement) -> _Pieces:
    """Texts of links and captions on the page: blocks made only of them are furniture."""
    elements = [*tree.iter("a"), *_CAPTIONS(tree)]
    return _Pieces.of({_clean(element.text_content()) for element in elements})


def _headline(title: str, sitename: str | None, hostname: str | None) -> str | None:
    """The page title without a trailing " | Site name" (or " - site.com")."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title or None
    last = separators[-1]
    suffix = _squash(title[last.end() :])
    host = (hostname or "").removeprefix("www.")
    names = {_squash(name) for name in (sitename, host, host.split(".")[0]) if name} - {""}
    if len(suffix) >= 3 and any(
        suffix == name or suffix.startswith(name) or name.startswith(suffix) for name in names
    ):
        return title[: last.start()].strip() or None
    return title


def _squash(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def host_of(url: str | None) -> str | None:
    """The host of a URL without "www.", as the outlet of last resort."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
