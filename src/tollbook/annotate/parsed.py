"""The spaCy parse of a report's units, with every token mapped back to `Document.text`."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from tollbook.clean import Unit
from tollbook.model import SegmentKind, Span


@dataclass
class ParsedUnit:
    """One unit (paragraph) and its parse."""

    index: int
    unit: Unit
    doc: Doc
    _starts: list[int] = field(default_factory=list)
    _sentence_starts: list[int] | None = None

    def __post_init__(self) -> None:
        self._starts = [t.idx for t in self.doc]

    @property
    def kind(self) -> SegmentKind:
        return self.unit.kind

    def start_of(self, token: Token) -> int:
        return self.unit.to_original(token.idx)

    def end_of(self, token: Token) -> int:
        return self.unit.to_original(token.idx + len(token.text))

    def span_of(self, first: Token, last: Token | None = None) -> Span:
        return Span(start=self.start_of(first), end=self.end_of(last or first))

    def span_of_tokens(self, tokens: SpacySpan | list[Token]) -> Span:
        tokens = list(tokens)
        return self.span_of(tokens[0], tokens[-1])

    def contains(self, offset: int) -> bool:
        end = self.unit.start + len(self.unit.text) - len(self.unit.inserted)
        return self.unit.start <= offset < end

    def token_at(self, offset: int) -> Token | None:
        """The token covering an original offset, if any."""
        view = offset - self.unit.start
        for inserted in self.unit.inserted:  # view offsets run one ahead past each inserted break
            if inserted <= view:
                view += 1
        i = bisect.bisect_right(self._starts, view) - 1
        if i < 0:
            return None
        token = self.doc[i]
        return token if token.idx <= view < token.idx + max(len(token.text), 1) else None

    def sentence_index(self, token: Token) -> int:
        if self._sentence_starts is None:
            self._sentence_starts = [s.start for s in self.doc.sents]
        return bisect.bisect_right(self._sentence_starts, token.i) - 1


@dataclass
class Parsed:
    """All units of a report, in text order."""

    units: list[ParsedUnit]
    _by_start: list[ParsedUnit] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_start = sorted(self.units, key=lambda u: u.unit.start)  # units never overlap
        self._starts = [u.unit.start for u in self._by_start]

    def __iter__(self) -> Iterator[ParsedUnit]:
        return iter(self.units)

    def of_kind(self, *kinds: SegmentKind) -> Iterable[ParsedUnit]:
        return (u for u in self.units if u.kind in kinds)

    def unit_at(self, offset: int) -> ParsedUnit | None:
        # Bisection, not a scan: a long scraped page has hundreds of units and this runs per date.
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._by_start[i] if i >= 0 and self._by_start[i].contains(offset) else None


def parse(nlp, units: list[Unit], *, batch_size: int = 64) -> Parsed:
    docs = nlp.pipe((u.text for u in units), batch_size=batch_size)
    return Parsed(
        units=[ParsedUnit(index=i, unit=u, doc=d) for i, (u, d) in enumerate(zip(units, docs, strict=True))]
    )
