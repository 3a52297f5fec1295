"""Attribution on invented reports: who each figure comes from (or nobody: the outlet's own)."""

from __future__ import annotations

import pytest

from tollbook.pipeline import extract_text


def source_of(text: str, value: int) -> str | None:
    extraction = extract_text(text, published="2025-05-09")
    [claim] = [
        c
        for c in extraction.claims
        if c.count and value in (c.count.value, c.count.low) and not c.from_headline
    ]
    if claim.source is None:
        return None
    return " ".join(filter(None, [claim.source.title, claim.source.name, claim.source.organisation]))


# (report text, figure value, words the source must contain — None: unattributed)
CASES = [
    ("Three people were killed in the attack, police said.", 3, "police"),
    ("Police said three people were killed in the attack.", 3, "police"),
    ("According to police, three people were killed in the attack.", 3, "police"),
    ("Three people were killed in the attack, according to the Red Cross.", 3, "Red Cross"),
    ("The Interior Ministry said 14 people were wounded.", 14, "Interior Ministry"),
    ("Health Minister Jane Doe said 14 people were wounded.", 14, "Jane Doe"),
    ("Fourteen people were wounded, Health Minister Jane Doe told reporters.", 14, "Jane Doe"),
    ("Fourteen people were wounded, said Jane Doe, the health minister.", 14, "Jane Doe"),
    ("Witnesses said five people were killed.", 5, "Witnesses"),
    ("Five people were killed, witnesses told the AP.", 5, "witnesses"),
    ("The army said eight soldiers were killed in the clash.", 8, "army"),
    ("Eight soldiers were killed in the clash, the army said on Tuesday.", 8, "army"),
    # attribution carries on through a paragraph, not into the next one
    (
        "A hospital official said 20 people were being treated for gunshot wounds. "
        "Two of them died overnight.",
        2,
        "hospital official",
    ),
    (
        "A hospital official said 20 people were being treated for gunshot wounds.\n\n"
        "Two more people died overnight.",
        2,
        None,
    ),
    ("Eight soldiers were killed in the clash. The army said in a statement.", 8, "army"),
    ("Eight soldiers were killed in the clash.", 8, None),
    ("More than 40 people are reported to have been wounded.", 41, None),
    ("The United Nations said at least 30 civilians were killed in the strikes.", 30, "United Nations"),
    ("UN spokesman Stephane Martin said 30 civilians were killed.", 30, "Stephane Martin"),
    ("Sheriff John Smith said two deputies were wounded in the shootout.", 2, "John Smith"),
    ("Two deputies were wounded in the shootout, Sheriff John Smith said.", 2, "John Smith"),
    ("Maria Lopez, a police spokeswoman, said 11 people were arrested.", 11, "Maria Lopez"),
    (
        "Police spokeswoman Maria Lopez said 11 people were arrested. "
        "She said four more were detained on Sunday.",
        4,
        "Maria Lopez",
    ),
    ("The local rights group put the number of people killed at 17.", 17, "rights group"),
    ("Officials confirmed that 9 miners were missing.", 9, "Officials"),
    ("Nine miners were missing, officials confirmed.", 9, "officials"),
    ("Residents said 40 houses burned and six people died.", 6, "Residents"),
    ("The state news agency reported that 25 people were killed.", 25, "news agency"),
    ("Rebels said they killed 12 soldiers.", 12, "Rebels"),
    ("Governor Ann Lee announced on Monday that 7 people had died.", 7, "Ann Lee"),
    (
        "The coroner's office said a 19-year-old man died at the scene. Three others were injured.",
        3,
        "coroner's office",
    ),
    ("Six people were killed, the ministry said. Police said 10 people were arrested.", 10, "Police"),
    ("Police said 10 people were arrested. Six people were killed, the ministry said.", 6, "ministry"),
]


@pytest.mark.parametrize("text, value, expected", CASES, ids=[t[:45] for t, _, _ in CASES])
def test_attribution(text, value, expected):
    got = source_of(text, value)
    if expected is None:
        assert got is None, f"attributed to {got!r}"
    else:
        assert got is not None and expected.lower() in got.lower(), f"got {got!r}"
