"""Findings about scrape damage: page residue, glued words, doubled captions."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import combinations

from tollbook.check.base import CheckContext, finding, rule
from tollbook.model import Finding, SegmentKind, Severity, Span

# ---------------------------------------------------------------- scrape damage


@rule("scrape_residue")
def scrape_residue(context: CheckContext) -> list[Finding]:
    """Page furniture left in the text, and words glued where a link was stripped."""
    document = context.extraction.document
    findings = []
    residue = [s for s in document.segments if s.kind == SegmentKind.RESIDUE]
    if residue:
        spans = [Span(start=s.start, end=s.end) for s in residue]
        labels = sorted({s.label for s in residue if s.label})
        kinds = f" ({', '.join(labels)})" if labels else ""
        message = (
            f"{len(residue)} piece(s) of page residue{kinds} left in the text, "
            f"e.g. {_examples(context, spans)}; they are not read for figures."
        )
        findings.append(finding("scrape_residue", Severity.INFO, message, spans))
    if document.glued_at:
        spans = [glued_word(document.text, offset) for offset in sorted(set(document.glued_at))]
        message = (
            f"Words are glued together at {len(spans)} place(s) where links were stripped, "
            f"e.g. {_examples(context, spans)}; figures next to them may be misread."
        )
        findings.append(finding("scrape_residue", Severity.INFO, message, spans))
    return findings


def _examples(context: CheckContext, spans: list[Span], most: int = 3) -> str:
    return ", ".join(context.quote(span, limit=40) for span in spans[:most])


def glued_word(text: str, offset: int) -> Span:
    """The whitespace-delimited token around a glue point, e.g. 'OtienoKenya's'."""
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < len(text) and not text[end].isspace():
        end += 1
    return Span(start=start, end=end)


STOPWORDS = frozenset(
    "a an the of in on at to for from with by and or as during that which who is was were be are "
    "its his her their this these those while into onto".split()
)
MIN_CAPTION_WORDS = 4  # shorter captions (a bare credit) carry too little to compare
SAME_PHOTO_RUN = 5  # content words in a row; captions of two photos of one scene share fewer
SAME_PHOTO_OVERLAP = 0.55  # Dice coefficient of content words
NEAR_IDENTICAL_OVERLAP = 0.8


@rule("duplicate_caption")
def duplicate_caption(context: CheckContext) -> list[Finding]:
    """Captions of one photo: near-identical wording, usually a different credit. One finding per
    photo, however many times a gallery page repeats it (pairs would grow as the square)."""
    document = context.extraction.document
    captions = [s for s in document.segments if s.kind == SegmentKind.CAPTION]
    words = [caption_words(document.text[s.start : s.end]) for s in captions]
    findings = []
    for group in _same_photo_groups(words):
        spans = [Span(start=captions[i].start, end=captions[i].end) for i in group]
        count = "Two" if len(spans) == 2 else str(len(spans))
        message = (
            f"{count} captions describe the same photo ({context.quote(spans[0], limit=50)}); "
            "it was probably repeated by the scrape — count it once."
        )
        findings.append(finding("duplicate_caption", Severity.INFO, message, spans))
    return findings


def _same_photo_groups(words: list[list[str]]) -> list[list[int]]:
    """Indexes of captions grouped by photo (linked pairwise), groups of two or more, in order."""
    parent = list(range(len(words)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, b in combinations(range(len(words)), 2):
        if root(a) != root(b) and same_photo(words[a], words[b]):
            parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for i in range(len(words)):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def caption_words(text: str) -> list[str]:
    """Lower-case words, with quote styles, possessives and 'U.S.' spellings made alike."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\bu\.s\.?(?=\W|$)", "us", text)
    text = re.sub(r"'s\b", "", text)
    return re.findall(r"[a-z0-9]+", text)


def same_photo(a: list[str], b: list[str]) -> bool:
    content_a = [w for w in a if w not in STOPWORDS]
    content_b = [w for w in b if w not in STOPWORDS]
    set_a, set_b = set(content_a), set(content_b)
    if min(len(set_a), len(set_b)) < MIN_CAPTION_WORDS:
        return False
    dice = 2 * len(set_a & set_b) / (len(set_a) + len(set_b))
    matcher = SequenceMatcher(None, content_a, content_b, autojunk=False)
    run = matcher.find_longest_match(0, len(content_a), 0, len(content_b)).size
    return dice >= NEAR_IDENTICAL_OVERLAP or (dice >= SAME_PHOTO_OVERLAP and run >= SAME_PHOTO_RUN)
