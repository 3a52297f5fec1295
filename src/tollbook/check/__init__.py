"""Findings: what in one report does not add up, or deserves an analyst's look.

Each rule is a small function from a `CheckContext` to a list of `Finding`s, registered under
its finding kind in `RULES`; `run_checks` runs them all in registry order. Rules only read the
extraction (and the report's date mentions); they never change it and never decide which figure
is true — they point at the spans that disagree.

Severity: `error` = cannot be true as extracted (stated parts larger than their total);
`warning` = the report contradicts itself or is broken (named sources giving conflicting figures,
titles, dates); `info` = worth knowing (revisions, residue, unattributed figures, figures that
differ where one is the outlet's own); `ok` = a check that was made and held. The rules err
towards silence: on real reports most apparent contradictions are a total set against a part,
another incident or another period, and a false warning costs an analyst more than an info line.
"""

from __future__ import annotations

# isort: off
# The rule modules register their rules on import: they are imported in registry order (figures,
# people, dates, scrape damage), which is the order `run_checks` runs them in. Do not sort.
from tollbook.check.base import RULES, CheckContext, finding, group_outcome, rule, run_checks
from tollbook.check.figures import (
    conflicting_figures,
    headline_body,
    is_individual,
    missing_outcome,
    parts_vs_total,
    revision,
    unattributed_figure,
)
from tollbook.check.titles import conflicting_title, country_lookup, country_of, read_title
from tollbook.check.dates import anachronism, invalid_date, mention_year
from tollbook.check.text import caption_words, duplicate_caption, glued_word, same_photo, scrape_residue

# isort: on

__all__ = [
    "RULES",
    "CheckContext",
    "anachronism",
    "caption_words",
    "conflicting_figures",
    "conflicting_title",
    "country_lookup",
    "country_of",
    "duplicate_caption",
    "finding",
    "glued_word",
    "group_outcome",
    "headline_body",
    "invalid_date",
    "is_individual",
    "mention_year",
    "missing_outcome",
    "parts_vs_total",
    "read_title",
    "revision",
    "rule",
    "run_checks",
    "same_photo",
    "scrape_residue",
    "unattributed_figure",
]
