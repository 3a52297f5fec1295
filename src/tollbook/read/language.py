"""A cheap "is this English?" check, by function words and script.

Function words are the most frequent words of every language and differ between languages,
so counting them tells English from Spanish, German or French on a few sentences without a
model. The check is conservative: it refuses a text only on clear evidence (mostly
non-Latin script, or clearly more foreign function words than English ones), because
refusing an English report loses it while reading a foreign one costs only noise. Case is
ignored, so ALL-CAPS wire copy counts like any other text.
"""

from __future__ import annotations

import re

# English function words that are not also function words of the languages below
# ("a", "in", "on", "was", "is" are, so they prove nothing).
_ENGLISH = frozenset(
    """
    the of and to it its that this these those with for at by from or but not they their them
    he his she her we our you who which what when where after before said says will would could
    should there than into over about also more most were are been has have had
    """.split()
)

# Frequent function words of other languages written in Latin script, leaving out any that
# are also English words ("a", "in", "an", "die", "war", "van") or begin place names common
# in English news ("el", "los", "las", "al", "la").
_FOREIGN = frozenset(
    """
    de y que por con para una es fue se su sus pero como más lo muy también ya hay sido
    entre sobre durante según está están
    der das und ist nicht mit dem des ein eine einer sich auf für von zu im auch wurde
    wurden nach bei aus oder wie sind noch nur über werden
    le les une est dans pour pas qui sur avec ce sont été ont par mais leur aux du ces
    cette ou être selon et
    il della di che non gli sono nel alla dei anche più dal
    um uma não em com pelo pela foi são dos
    het een niet zijn voor ook werd maar bij
    """.split()
)

_WORD = re.compile(r"[^\W\d_]+")
_MIN_LETTERS = 40  # below this there is too little text to judge: let it through
_MIN_LATIN_SHARE = 0.5
_MIN_FOREIGN_HITS = 4
_FOREIGN_OVER_ENGLISH = 2.0


def looks_english(text: str, *, sample_chars: int = 20_000) -> bool:
    """False only when the text is clearly in another language."""
    sample = text[:sample_chars]
    letters = [char for char in sample if char.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return True
    latin = sum(1 for char in letters if char.isascii() or "\u00c0" <= char <= "\u024f")
    if latin / len(letters) < _MIN_LATIN_SHARE:
        return False
    words = [word.lower() for word in _WORD.findall(sample)]
    english = sum(1 for word in words if word in _ENGLISH)
    foreign = sum(1 for word in words if word in _FOREIGN)
    return not (foreign >= _MIN_FOREIGN_HITS and foreign > _FOREIGN_OVER_ENGLISH * english)
