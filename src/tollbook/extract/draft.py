"""The working record of a figure between finding it and giving it an id (see claims.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from tollbook.annotate.parsed import ParsedUnit
from tollbook.annotate.sources import Speech
from tollbook.model import Count, Group, Outcome, SegmentKind, Source, Span, Status

MAX_EVIDENCE = 400


@dataclass
class Draft:
    """A figure found in the text, before ids and relations are assigned."""

    outcome: Outcome | None
    count: Count | None
    group: Group
    unit: ParsedUnit
    sentence: SpacySpan
    anchor: Token  # the counted noun (or the number itself)
    evidence: Span
    confidence: float
    status: Status = Status.CURRENT
    hedged: bool = False
    outcome_inferred: bool = False
    source: Source | None = None
    speech: Speech | None = None
    among_total: bool = False  # "Among the dead were 12 …": part of that outcome's total
    part_of_anchor: Token | None = None  # "Nine … were among 47 …": the whole's noun
    from_report: bool = False  # "from an initial report of 15"
    person: str | None = None  # the surname of one named victim: two names are two people
    # Names its merged repeats gave the same person ("A man was killed … Miller died").
    also_named: set[str] = field(default_factory=set)
    mentions: list[Span] = field(default_factory=list)
    # Relations, set by relations.py (references to other drafts until ids are given).
    part_of: Draft | None = None
    supersedes: Draft | None = None
    merged_into: Draft | None = None
    id: str = ""

    @property
    def from_headline(self) -> bool:
        return self.unit.kind == SegmentKind.HEADLINE

    @property
    def singular(self) -> bool:
        return self.count is not None and self.count.value == 1


def evidence_span(unit: ParsedUnit, sent: SpacySpan) -> Span:
    """The sentence a figure was read from, cut to a readable length."""
    span = unit.span_of_tokens(sent)
    if span.end - span.start > MAX_EVIDENCE:
        return Span(start=span.start, end=span.start + MAX_EVIDENCE)
    return span
