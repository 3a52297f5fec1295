"""The toll-over-time chart of an event, laid out on the server (the template draws it as SVG).

Every figure each independent source stated becomes a point at (date stated, value); a source's
points are joined in date order, so a revision such as 23 → 47 reads as a rising line.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from tollbook.reconcile.ledger import LedgerEvent

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 56, 56, 20, 40  # room for the tick and point labels
PALETTE = ("#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#a04000", "#566573")


@dataclass
class Point:
    x: float
    y: float
    value: int
    date: str
    source: str
    outcome: str
    state: str


@dataclass
class Series:
    label: str
    colour: str
    points: list[Point] = field(default_factory=list)

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass
class Chart:
    width: int
    height: int
    series: list[Series]
    y_ticks: list[tuple[float, int]]  # (y, value)
    x_ticks: list[tuple[float, str]]  # (x, date)
    baseline: float
    left: int


def _day(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def source_label(key: str) -> str:
    """ "named:interior ministry" → "interior ministry"; "outlet:…" → the outlet."""
    return key.split(":", 1)[-1]


def event_chart(event: LedgerEvent) -> Chart | None:
    """The chart of every figure stated for this event (None when no figure has a date)."""
    rows = [(figure.outcome.value, item) for figure in event.totals for item in figure.history
            if _day(item.stated) is not None]
    if not rows:
        return None
    days = [_day(item.stated) for _, item in rows]
    first, last = min(days), max(days)  # type: ignore[type-var]
    span_days = max((last - first).days, 1)  # type: ignore[operator]
    top = max(item.value for _, item in rows) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(day: datetime.date) -> float:
        if first == last:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (day - first).days / span_days

    def y_of(value: int) -> float:
        return TOP + plot_h * (1 - value / (top * 1.1))

    series: dict[tuple[str, str], Series] = {}
    for outcome, item in sorted(rows, key=lambda r: (r[1].stated or "", r[1].value)):
        key = (outcome, item.source)
        if key not in series:
            series[key] = Series(label=f"{outcome} — {source_label(item.source)}",
                                 colour=PALETTE[len(series) % len(PALETTE)])
        day = _day(item.stated)
        series[key].points.append(Point(x=x_of(day), y=y_of(item.value), value=item.value,  # type: ignore[arg-type]
                                        date=str(day), source=source_label(item.source), outcome=outcome,
                                        state=item.state.value))
    y_ticks = [(y_of(v), v) for v in sorted({0, top // 2, top})]
    x_ticks = [(x_of(d), str(d)) for d in sorted(set(days))][:8]  # type: ignore[arg-type]
    return Chart(width=WIDTH, height=HEIGHT, series=list(series.values()), y_ticks=y_ticks, x_ticks=x_ticks,
                 baseline=TOP + plot_h, left=LEFT)
