"""Cleaning: mark what a scraped report carries besides the story, without moving any offset.

A republished copy of a news story comes with page furniture ("Recommended stories", comment
forms, share prompts), a topic tag glued to its headline, photo captions (often twice), and words
glued together where links were stripped ("OtienoKenya’s"). Cleaning *marks* all of this as
segments over `Document.text`; it never deletes a character, so every span still indexes the
original. The NLP stages read `Unit`s: one per kept paragraph, with residue cut out and a line
break inserted at glue points, plus an offset map back to the original.

Hard-wrapped text (news wire: lines cut near a fixed width, paragraphs separated by blank
lines) is read a paragraph at a time, its line breaks seen as spaces: a wrapped line is no
unit of meaning, and cutting there splits sentences, quotes, dates and counts.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from tollbook.model import Document, Segment, SegmentKind

# Whole lines that are page furniture, not story. Matched case-insensitively against a stripped line.
_FURNITURE = [
    r"recommended(?: stories| for you| reading| articles| videos)?",
    r"related(?: stories| articles| posts| content| coverage| news| topics| links)?:?",
    r"(?:read|see) (?:more|also|next)\b.{0,120}",
    r"(?:also read|don'?t miss|you may also like|more from [\w .'’-]{1,40}|trending(?: now)?"
    r"|most (?:read|popular|viewed))\b.{0,120}",
    r"(?:\d+\s*)?list of(?: \d+)? items\s*(?:end of list)?",
    r"end of list",
    r"source link",
    r"leave a (?:reply|comment)(?: cancel reply)?",
    r"your email address will not be published\.?(?: required fields are marked \*)?",
    r"required fields are marked \*",
    r"(?:name|email|website|comment)\s*\*?",
    r"save my name, email, and website in this browser for the next time i comment\.?",
    r"post comment|submit comment|cancel reply",
    r"(?:share|share this(?: article| story| post)?|tweet|email|print|copy link)(?:\s*(?:on\s+)?[|/·:,]?\s*"
    r"(?:facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|email|print|telegram|messenger))*:?",
    r"(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram)(?:\s*[|/·,]?\s*"
    r"(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|email|print))*",
    r"click (?:here )?to (?:share|print|email|open)\b.{0,100}",
    r"advertisement|sponsored(?: content)?|skip to (?:main )?content|loading\.*|like this:?",
    r"(?:sign up|subscribe)\b.{0,100}",
    r"follow us\b.{0,60}",
    r"(?:©|copyright)\s.{0,150}|all rights reserved\.?",
    r"(?:tags|filed under|topics|categories)\s*:.{0,200}",
    r"post navigation|(?:previous|next) (?:article|post|story)\b.{0,150}",
    r"\d*\s*comments?(?: \(\d+\))?",
    r"(?:image|photo) (?:source|copyright)\b.{0,100}",
    r"we use cookies\b.{0,300}",
]
_FURNITURE_RE = re.compile(r"^(?:" + "|".join(_FURNITURE) + r")$", re.IGNORECASE)

# A photo credit closing a line: "(AP Photo/Ramon Espinosa)", "(Norlys Perez/Reuters)", "(Getty Images)".
_AGENCY = r"(?:Photo|Photograph|Picture|Image|Getty|Reuters|AFP|AP|EPA|Xinhua|Anadolu|File|Courtesy|Credit)"
_CREDIT_RE = re.compile(
    r"(?:\((?:[^()]{0,80}?\b" + _AGENCY + r"\b[^()]{0,80}?|[^()/]{2,60}/[^()/]{2,60})\)"
    r"|\b(?:Photo|Photograph|Credit)\s*:\s*[^.]{2,80})\s*$"
)
# A topic tag a scraper glued to the end of a headline: "… Convoy Ambush Joseph Otieno News".
_TOPIC_TAG_RE = re.compile(r"\s+((?:[A-Z][\w’'.-]*\s+){1,4}(?:News|Updates|Live))\s*$")
_SECTION_TAG_RE = re.compile(
    r"\s((?:Breaking|Latest|World|Top|Local|National|International|US|U\.S\.|UK)"
    r" (?:News|Stories|Updates))\s*$"
)
_TITLE_SEPARATOR_RE = re.compile(r"\s[|–—-]\s")
# Two words glued where a link was stripped: a lower-case run of 3+ letters, then a capitalised word.
_GLUE_RE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_CAMEL_WORDS = frozenset(
    "playstation whatsapp javascript powerpoint linkedin gofundme soundcloud wordpress blackberry "
    "facebook youtube smackdown".split()
)
_WORD_RE = re.compile(r"[\w’']+")
_HEADLINE_MAX = 250
# Hard wrapping: the lines that run on into the next are cut close to one width, mostly mid-sentence.
_WRAP_WIDTH = 100  # no hard-wrapped line is longer
_WRAP_SHORTEST = 40  # nor, unless it ends its paragraph, much shorter than the width
_WRAP_MIN_LINES = 3
_CLOSES_SENTENCE = re.compile(r"[.!?:;\"'”’)\]]$")


@dataclass(frozen=True)
class Unit:
    """One paragraph as the NLP stages see it, with a map back to `Document.text`."""

    kind: SegmentKind
    start: int  # original offset of the unit's first character
    text: str  # the view: the original characters, with line breaks inserted at glue points
    inserted: tuple[int, ...] = ()  # view offsets of inserted characters, sorted

    def to_original(self, i: int) -> int:
        """Map a view offset to an offset in `Document.text`."""
        return self.start + i - bisect.bisect_left(self.inserted, i)


@dataclass(frozen=True)
class Cleaned:
    document: Document
    units: list[Unit]


def clean(document: Document) -> Cleaned:
    """Mark headline, body, captions and residue; return the document and its NLP units."""
    text = document.text
    lines = list(_paragraphs(text) if is_hard_wrapped(text) else _lines(text))
    segments: list[Segment] = []
    units: list[Unit] = []
    headline_done = False
    kinds = _caption_kinds(text, lines)
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if not headline_done and line.strip():
            headline_done = True
            headline = _headline(document, text, start, end)
            if headline is not None:
                segments.extend(headline)
                head = headline[0]
                units.append(_unit(SegmentKind.HEADLINE, text, head.start, head.end))
                rest = _body_after(text, max(s.end for s in headline), end)
                if rest is not None:  # a scrape that ran the title into the first paragraph
                    segments.append(Segment(kind=SegmentKind.BODY, start=rest, end=end))
                    units.append(_unit(SegmentKind.BODY, text, rest, end))
                continue
        if _FURNITURE_RE.match(line.strip()):
            segments.append(Segment(kind=SegmentKind.RESIDUE, start=start, end=end, label="furniture"))
            continue
        kind = kinds[index]
        segments.append(Segment(kind=kind, start=start, end=end))
        units.append(_unit(kind, text, start, end))
    glued = [m.start() for m in _GLUE_RE.finditer(text) if not _is_camel_word(text, m.start())]
    headline_text = next((text[s.start : s.end] for s in segments if s.kind == SegmentKind.HEADLINE), None)
    cleaned = dataclasses.replace(
        document, segments=segments, glued_at=glued, headline=document.headline or headline_text
    )
    return Cleaned(document=cleaned, units=[_with_breaks(u, glued) for u in units])


def _lines(text: str):
    """Spans of non-blank lines, trailing whitespace excluded."""
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        stripped = match.group().rstrip()
        lead = len(match.group()) - len(match.group().lstrip())
        if stripped.strip():
            yield start + lead, start + len(stripped)


def is_hard_wrapped(text: str) -> bool:
    """Whether the text's lines were cut at a fixed width: the lines that run on into the next
    are of a similar length and mostly end mid-sentence (a web page has one paragraph a line)."""
    lines = [line.rstrip() for line in text.split("\n")]
    running = [a for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip()]
    if len(running) < _WRAP_MIN_LINES or sum(len(line) > _WRAP_WIDTH for line in lines) > 0.1 * len(running):
        return False
    in_width = sum(_WRAP_SHORTEST <= len(line) <= _WRAP_WIDTH for line in running)
    open_ended = sum(not _CLOSES_SENTENCE.search(line) for line in running)
    return in_width >= 0.7 * len(running) and open_ended >= 0.5 * len(running)


def _paragraphs(text: str):
    """Spans of blank-line separated paragraphs, from the first non-blank character to the last."""
    start = end = None
    for line_start, line_end in _lines(text):
        if end is not None and text[end:line_start].count("\n") > 1:
            yield start, end
            start = None
        start = line_start if start is None else start
        end = line_end
    if start is not None:
        yield start, end


def _headline(document: Document, text: str, start: int, end: int) -> list[Segment] | None:
    """The first line as headline (minus a glued topic tag or site suffix), or None if it is prose."""
    line = text[start:end]
    given = (document.headline or "").strip()
    if given and not line.startswith(given[:40]):
        return None
    if given and len(line) > len(given) and line.startswith(given):
        end = start + len(given)  # the title ran straight into the body
        line = given
    elif not given and (len(line) > _HEADLINE_MAX or _looks_like_prose(line)):
        return None
    segments = []
    tag_at = _topic_tag_start(line)
    if tag_at is not None:
        segments.append(Segment(kind=SegmentKind.RESIDUE, start=start + tag_at, end=end, label="topic_tag"))
        end = start + len(line[:tag_at].rstrip())
    elif (cut := _site_suffix_start(line)) is not None:
        segments.append(Segment(kind=SegmentKind.RESIDUE, start=start + cut, end=end, label="site_name"))
        end = start + len(line[:cut].rstrip(" |–—-"))
    return [Segment(kind=SegmentKind.HEADLINE, start=start, end=end), *segments]


def _site_suffix_start(line: str) -> int | None:
    """Where an outlet's trail starts in a page title: "… shot dead | Local News - Home",
    "… - The Homicide Report - Los Angeles Times". Every part after it is short and capitalised."""
    cuts = [m.start() for m in _TITLE_SEPARATOR_RE.finditer(line)]
    for cut in cuts:
        parts = _TITLE_SEPARATOR_RE.split(line[cut:])[1:]
        if all(0 < len(p.strip()) <= 40 and _capitalised(p) for p in parts):
            return cut + 1
    return None


_DOMAIN_RE = re.compile(r"^[\w.-]+\.(?:com|org|net|co|us|uk|tv|news|info)$", re.IGNORECASE)


def _capitalised(part: str) -> bool:
    if _DOMAIN_RE.match(part.strip()):
        return True  # "| 6abc.com", "| FOX6Now.com": a site's address
    words = [w for w in _WORD_RE.findall(part) if w.lower() not in _GLUE_WORDS]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)


def _body_after(text: str, headline_end: int, line_end: int) -> int | None:
    """Where body text starts on the headline's line, if anything but spaces follows it."""
    rest = text[headline_end:line_end]
    if not rest.strip():
        return None
    return headline_end + len(rest) - len(rest.lstrip())


def _looks_like_prose(line: str) -> bool:
    """A first line that reads as a sentence of body text rather than a title."""
    words = _WORD_RE.findall(line)
    if len(words) > 30:
        return True
    # Headlines do not end in a full stop; sentences do (an abbreviation such as "U.S." aside).
    return line.rstrip().endswith(".") and not re.search(
        r"\b(?:[A-Z]\.){2,}$|\b(?:Jr|Sr|St)\.$", line.rstrip()
    )


def _topic_tag_start(line: str) -> int | None:
    """Where a glued topic tag starts in a headline line, if it ends with one.

    The tag cannot start right after a possessive or a function word ("Otieno’s Convoy" is
    the headline's own phrase), so leading words are dropped until the tag can stand alone."""
    section = _SECTION_TAG_RE.search(line)
    if section:
        return section.start(1)
    match = _TOPIC_TAG_RE.search(line)
    if not match:
        return None
    at = match.start(1)
    while True:
        before = line[:at].rstrip()
        previous = before.rsplit(" ", 1)[-1]
        first = line[at:].split(" ", 1)[0]
        if not (_is_possessive(previous) or _is_possessive(first) or previous.lower() in _GLUE_WORDS):
            break
        nxt = line.find(" ", at)
        if nxt < 0 or line[nxt + 1 :].count(" ") < 1:
            return None
        at = nxt + 1
    return at if _is_topic_tag(line[:at], line[at:]) else None


def _is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'"))


_SECTION_WORDS = frozenset(
    "world us u.s uk breaking latest top local national international politics".split()
)
_GLUE_WORDS = frozenset("a an the of in on at to for by with from and or as".split())


def _is_topic_tag(before: str, tag: str) -> bool:
    """A trailing "X Y News" is a tag when it names something the headline already mentions,
    or is long enough not to be an outlet's name ("Fox News" in a headline stays)."""
    words = tag.split()[:-1]
    if len(words) == 1 and words[0].lower().strip(".") in _SECTION_WORDS:
        return True
    seen = {w.strip("’'s").lower() for w in _WORD_RE.findall(before)}
    return len(words) >= 2 or any(w.strip("’'s").lower() in seen for w in words)


def _caption_kinds(text: str, lines: list[tuple[int, int]]) -> list[SegmentKind]:
    """Body or caption per line: a line ending in a photo credit, and its near-duplicate twin."""
    kinds = [SegmentKind.CAPTION if _CREDIT_RE.search(text[s:e]) else SegmentKind.BODY for s, e in lines]
    for i, (s, e) in enumerate(lines):
        if kinds[i] != SegmentKind.BODY:
            continue
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(lines) and kinds[j] == SegmentKind.CAPTION]
        if any(_caption_copy(text[s:e], text[lines[j][0] : lines[j][1]]) for j in neighbours):
            kinds[i] = SegmentKind.CAPTION
    return kinds


_NEW_WORDS_OF_A_LEDE = 2


def _caption_copy(line: str, caption: str) -> bool:
    """A caption's twin that says nothing more. A page may caption its photo with the lede's
    own words; the lede then follows, fuller ("… on Sunday …, police said."), and stays body."""
    new = set(content_words(line)) - set(content_words(caption))
    return is_twin(line, caption) and len(new) < _NEW_WORDS_OF_A_LEDE


def content_words(line: str) -> list[str]:
    return [w.lower().replace("’", "'").removesuffix("'s") for w in _WORD_RE.findall(line) if len(w) > 3]


def is_twin(a: str, b: str) -> bool:
    """Two captions of one photo: same opening words, or most content words shared."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    if len(wa) >= 4 and wa[:4] == wb[:4]:
        return True
    overlap = len(set(wa) & set(wb)) / min(len(set(wa)), len(set(wb)))
    return overlap >= 0.6


def _is_camel_word(text: str, at: int) -> bool:
    left = re.search(r"[\w’']*$", text[:at]).group()
    right = re.match(r"[\w’']*", text[at:]).group()
    return (left + right).lower() in _CAMEL_WORDS


def _unit(kind: SegmentKind, text: str, start: int, end: int) -> Unit:
    # A paragraph of hard-wrapped text: its line breaks read as the spaces they stand for.
    view = text[start:end].replace("\n", " ")
    # spaCy's English model parses ALL-CAPS wire text badly; lower-casing keeps every offset.
    if _mostly_upper(view):
        view = view.lower()
    return Unit(kind=kind, start=start, text=view)


def _mostly_upper(view: str) -> bool:
    letters = [c for c in view if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def _with_breaks(unit: Unit, glued: list[int]) -> Unit:
    """Insert a line break at each glue point inside the unit, so the parser sees two pieces."""
    end = unit.start + len(unit.text)
    points = [g - unit.start for g in glued if unit.start < g < end]
    if not points:
        return unit
    pieces, inserted, last = [], [], 0
    for offset, point in enumerate(points):
        pieces.append(unit.text[last:point])
        inserted.append(point + offset)
        pieces.append("\n")
        last = point
    pieces.append(unit.text[last:])
    return dataclasses.replace(unit, text="".join(pieces), inserted=tuple(inserted))


def kept(document: Document, kinds: set[SegmentKind]) -> list[Segment]:
    return [s for s in document.segments if s.kind in kinds]
