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
        return next(i for i, s in enumerate(self.doc.sents) if s.start <= token.i < s.end)


@dataclass
class Parsed:
    """All units of a report, in text order."""

    units: list[ParsedUnit]

    def __iter__(self) -> Iterator[ParsedUnit]:
        return iter(self.units)

    def of_kind(self, *kinds: SegmentKind) -> Iterable[ParsedUnit]:
        return (u for u in self.units if u.kind in kinds)

    def unit_at(self, offset: int) -> ParsedUnit | None:
        return next((u for u in self.units if u.contains(offset)), None)


def parse(nlp, units: list[Unit], *, batch_size: int = 64) -> Parsed:
    docs = nlp.pipe((u.text for u in units), batch_size=batch_size)
    return Parsed(
        units=[ParsedUnit(index=i, unit=u, doc=d) for i, (u, d) in enumerate(zip(units, docs, strict=True))]
    )
