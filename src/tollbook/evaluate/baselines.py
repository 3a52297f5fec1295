"""Baselines reported beside the pipeline's scores, so a number means something.

- zero: every article reports 0 killed and 0 injured.
- regex: the first number (digits or a word up to twenty) at most four words before a
  killed or injured word, e.g. "two men were shot and killed" → killed 2. No number before
  a casualty word means 0. Deliberately naive: it is the bar the pipeline must clear.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER = r"(?P<n>\d{1,4}|" + "|".join(_NUMBER_WORDS) + r")"
_GAP = r"(?:\s+[\w'-]+){0,4}?\s+"
_KILLED = r"(?:killed|dead|died|slain|murdered|fatally)"
_INJURED = r"(?:injured|wounded|hurt|hospitali[sz]ed)"

KILLED_RE = re.compile(rf"\b{_NUMBER}{_GAP}{_KILLED}\b", re.IGNORECASE)
INJURED_RE = re.compile(rf"\b{_NUMBER}{_GAP}{_INJURED}\b", re.IGNORECASE)


def _first_number(pattern: re.Pattern[str], text: str) -> int:
    match = pattern.search(text)
    if match is None:
        return 0
    token = match["n"].lower()
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def regex_counts(text: str) -> tuple[int, int]:
    """(killed, injured) read by the naive number-before-casualty-word regex."""
    return _first_number(KILLED_RE, text), _first_number(INJURED_RE, text)


def zero_counts(text: str) -> tuple[int, int]:
    return 0, 0
