"""ACLED event type and sub-event type of a passage, from weighted keyword rules.

Each rule is a regular expression over the lower-cased text (so upper-case wire text reads the
same) and a weight for one ACLED sub-event type; the sub-type with the highest total wins,
and its event type comes with it. The cues follow the ACLED codebook's definitions:

- Battles: two organised armed groups fight (Armed clash); government forces retake ground
  (Government regains territory); a non-state group seizes ground (Non-state actor overtakes
  territory).
- Explosions/Remote violence: one side attacks from afar or with explosives — air or drone
  strikes, suicide bombs, shelling / artillery / missiles, remote explosives / landmines /
  IEDs, grenades, chemical weapons.
- Violence against civilians: armed actors attack unarmed people (Attack), abduct them or
  make them disappear, or commit sexual violence.
- Protests: peaceful demonstrations, with intervention (dispersed, arrests), or met with
  excessive (lethal, injuring) force.
- Riots: violent demonstrations (stones, arson, clashes with police) and mob violence.
- Strategic developments: arrests, disrupted weapons use (defusal, seizures, interceptions),
  changes to a group or its activity, bases established, looting / property destruction,
  non-violent transfers of territory, agreements, other.

Context rules then settle the usual confusions: force used *against* protesters is a
Protests sub-type, not an attack; a shooting of people with no second armed side is
Violence against civilians; a clash between protesters and police is a riot.
`classify` returns (None, None) when no cue fires.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

# An attack on armed forces is a battle in ACLED's terms, not violence against civilians.
_ON_FORCES = (
    r"\b(?:attack\w*|ambush\w*|stormed|raided|targeted|overran)\b (?:\w+ ){0,5}(?:military|army|"
    r"soldiers|troops|patrols?|checkpoints?|convoys?|police (?:station|post|patrol)\w*|"
    r"gendarmes?|security forces|bases?|outposts?|barracks|posts?|positions)\b"
)

# Weapons found, seized or made safe rather than used.
_FOUND = (
    r"(?:seiz\w*|recover\w*|found|discover\w*|confiscat\w*|uncover\w*|cleared|defused|"
    r"identified|impounded|intercepted|removed|destroyed(?!\s+by\b))"
)
# Arms named first, then what befell them ("the explosives were defused"): within the sentence,
# and not "destroyed", which follows a weapon as what it did ("a bomb ... destroyed the office").
_FOUND_AFTER = _FOUND.replace(r"|destroyed(?!\s+by\b)", "")
_ARMS = (
    r"(?:weapons?|arms|ammunitions?|ammo|munitions?|firearms?|guns|pistols|rifles|explosives?|"
    r"ieds?|bombs?|(?:land)?mines|grenades|rockets|rounds|cartridges|cache)"
)

# "set fire to", "set the office on fire", "set two schools and a barn on fire", "set ablaze",
# "was destroyed by fire".
SET_ON_FIRE = (r"set (?:on )?fire|set (?:[\w-]+ ){1,6}?on fire|set ablaze|"
               r"(?:destroyed|gutted) by (?:fire|flames)")

# (event type, sub-event type) → [(pattern, weight)]. Patterns are matched on lower-cased text.
RULES: dict[tuple[str, str], list[tuple[str, float]]] = {
    (BATTLES, "Armed clash"): [
        (r"\bclash(?:es|ed)?\b", 2.0),
        (r"\bfighting\b", 1.5),
        (r"\bfought\b", 1.5),
        (r"\bexchange[sd]? (?:of )?(?:gun)?fire\b", 2.5),
        (r"\bgun ?(?:battle|fight)s?\b", 2.5),
        (r"\bfirefights?\b", 2.5),
        (r"\bshoot-?outs?\b", 2.0),
        (r"\bambush(?:ed|es)?\b", 1.5),
        (r"\bengaged\b", 1.0),
        (_ON_FORCES, 3.0),
        (r"\bbattle[sd]?\b", 1.5),
        (r"\boffensive\b", 1.0),
        (
            r"\b(?:militants?|rebels?|insurgents?|guerrillas?|fighters|terrorists?)\b.{0,80}"
            r"\b(?:troops|soldiers|army|security forces|military)\b",
            0.5,
        ),
        (
            r"\b(?:troops|soldiers|army|security forces|military)\b.{0,80}"
            r"\b(?:militants?|rebels?|insurgents?|guerrillas?|fighters|terrorists?)\b",
            0.5,
        ),
    ],
    (BATTLES, "Government regains territory"): [
        (
            r"\b(?:re-?took|re-?taken|retake|recaptur\w*|regain\w*|liberat\w*|re-?gained|"
            r"took back|taken back|back under (?:government )?control|cleared of)\b",
            2.5,
        ),
    ],
    (BATTLES, "Non-state actor overtakes territory"): [
        (
            r"\b(?:seiz\w*|captur\w*|overr(?:an|un)\w*|took control|taken control|take control|"
            r"gained control|fell to|overtook|stormed|established control|controlling|in control of)\b",
            1.5,
        ),
    ],
    (REMOTE, "Air/drone strike"): [
        (r"\bair ?strikes?\b", 4.0),
        (r"\bair ?raids?\b", 4.0),
        (r"\bstraf(?:ed|ing|es)\b", 3.0),
        (r"\bdrone (?:strike|attack)s?\b", 4.0),
        (r"\bwar ?planes?\b", 3.0),
        (r"\b(?:fighter )?jets?\b", 1.5),
        (r"\bdrones?\b", 1.5),
        (r"\baerial (?:bombardment|bombing|attack)s?\b", 4.0),
        (r"\bhelicopter gunships?\b", 3.0),
        (r"\bair force\b", 2.0),
        (r"\bbombers\b", 1.5),
        (r"\bstrikes?\b", 0.5),
    ],
    (REMOTE, "Suicide bomb"): [
        (r"\bsuicide\b", 3.0),
        (r"\bblew (?:him|her|them)sel(?:f|ves) up\b", 4.0),
        (r"\bself-detonat\w*", 4.0),
        (r"\bsuicide (?:vest|belt|bomb\w*|attack\w*|car)\b", 2.0),
    ],
    (REMOTE, "Shelling/artillery/missile attack"): [
        (r"\bshell(?:s|ed|ing)\b", 3.0),
        (r"\bartillery\b", 3.0),
        (r"\bmortars?\b", 3.0),
        (r"\brockets?\b", 2.5),
        (r"\bmissiles?\b", 3.0),
        (r"\bhowitzers?\b", 3.0),
        (r"\bprojectiles?\b", 2.0),
        (r"\bbombard\w*\b", 1.5),
        (r"\bkatyusha\b", 3.0),
    ],
    (REMOTE, "Remote explosive/landmine/IED"): [
        (r"\bied\b", 4.0),
        (r"\bimprovised explosive", 4.0),
        (r"\broadside bomb", 4.0),
        (r"\b(?:land ?)?mines?\b", 2.5),
        (r"\bcar bomb\w*", 3.0),
        (r"\bbombs?\b", 1.5),
        (r"\bbombed\b", 1.5),
        (r"\bbombings?\b", 2.0),
        (r"\bexplosive devices?\b", 3.0),
        (r"\bexplosives?\b", 1.5),
        (r"\bexplo(?:ded|sions?)\b", 1.5),
        (r"\bblasts?\b", 1.5),
        (r"\bdetonat\w*", 1.5),
        (r"\bbooby[- ]trap\w*", 3.0),
        (r"\b(?:blew|blown|blowing) up\b", 2.5),
        (r"\bdynamit\w*", 3.0),
        (r"\bplanted\b", 1.0),
        (r"\bmagnetic bomb\w*", 3.0),
        (r"\bsticky bomb\w*", 3.0),
        (r"\bbomb attack", 1.0),
    ],
    (REMOTE, "Grenade"): [
        (r"\bgrenades?\b", 4.0),
        (r"\bhurled\b", 1.0),
        (r"\blobbed\b", 1.5),
    ],
    (REMOTE, "Chemical weapon"): [
        (r"\bchemical\b", 4.0),
        (r"\bchlorine\b", 4.0),
        (r"\bsarin\b", 5.0),
        (r"\bmustard gas\b", 5.0),
        (r"\bnerve (?:agent|gas)\b", 5.0),
        (r"\btoxic (?:gas|chemicals?|substances?)\b", 3.0),
        (r"\bpoison(?:ous)? gas\b", 4.0),
        (r"\bgas attack\b", 3.0),
    ],
    (CIVILIANS, "Attack"): [
        (r"\bshot (?:and )?(?:killed|dead|wounded|injured)\b", 2.5),
        (r"\bshot\b", 1.0),
        (r"\bshootings?\b", 2.0),
        (r"\bgunm(?:a|e)n\b", 1.5),
        (r"\bmurder\w*", 2.5),
        (r"\bassassinat\w*", 2.5),
        (r"\bmassacre\w*", 2.5),
        (r"\bstabb\w*", 2.5),
        (r"\bbehead\w*", 2.5),
        (r"\bexecut(?:ed|ion)\b", 1.5),
        (r"\bkill(?:ed|ing|s)?\b", 1.0),
        (r"\battack(?:ed|s)?\b", 0.8),
        (r"\b(?:terrorist|armed|guerrilla) attacks?\b", 0.5),
        (r"\bcivilians?\b", 1.0),
        (r"\bvillagers\b", 1.0),
        (r"\bhacked\b", 2.0),
        (r"\bmachete\b", 1.5),
        (r"\bopened fire\b", 1.0),
        (r"\bmachine-?gun(?:ned|ning)\b", 2.0),
        (r"\b(?:fatally|gunshot|bullet)\w*", 1.0),
        (r"\bbeat(?:en)?\b", 0.5),
        (r"\bhomicides?\b", 2.0),
        (r"\bslain\b", 2.0),
        (r"\btorture\w*", 2.0),
    ],
    (CIVILIANS, "Abduction/forced disappearance"): [
        (r"\babduct\w*", 4.0),
        (r"\bkidnap\w*", 4.0),
        (r"\bhostages?\b", 2.5),
        (r"\b(?:forcibly|forced) disappear\w*", 5.0),
        (r"\bdisappeared\b", 1.5),
        (r"\bhostage-taking\b", 3.0),
        (r"\bwhereabouts\b", 1.5),
        (r"\bransom\b", 2.0),
    ],
    (CIVILIANS, "Sexual violence"): [
        (r"\b(?:gang-?)?rap(?:e|ed|es|ing|ist)\b", 5.0),
        (r"\bsexual\w*", 4.0),
        (r"\bmolest\w*", 4.0),
        (r"\bsexually\b", 3.0),
        (r"\bdefil\w*", 2.0),
    ],
    (PROTESTS, "Peaceful protest"): [
        (r"\bprotest\w*", 2.5),
        (r"\bdemonstrat(?:ion|ions|ors|ed|ing)\b", 2.5),
        (r"\brall(?:y|ies|ied)\b", 2.0),
        # Not the month: "on 10 March", "March 3", "in March", "since early March".
        (r"(?<!\d )(?<!\bin )(?<!\bof )(?<!\bsince )(?<!\bearly )(?<!\blate )(?<!\bmid-)(?<!\bmid )"
         r"\bmarch(?:ed|es)?\b(?! \d)(?!,? \d)", 1.5),
        (r"\bsit-?ins?\b", 2.5),
        (r"\bpicket\w*", 2.0),
        (r"\b(?:went|go|going) on strike\b", 2.5),
        (r"\bstrik(?:e|es|ing) workers\b", 2.0),
        (r"\bslogans?\b", 1.5),
        (r"\bplacards?\b", 2.0),
        (r"\bbanners?\b", 1.0),
        (r"\bdemand(?:ed|ing)\b", 1.0),
        (r"\bvigil\b", 1.5),
        (r"\bpeaceful(?:ly)?\b", 1.0),
        (r"\bhunger strike\b", 2.0),
        (r"\bgathered\b", 0.5),
    ],
    (PROTESTS, "Protest with intervention"): [
        (r"\bdispers\w*", 2.0),
        (r"\bbroke up\b", 1.5),
        (r"\bprevented\b", 1.0),
        (r"\b(?:arrest|detain)\w* (?:\w+ ){0,3}(?:protesters|demonstrators|activists|marchers)\b", 2.0),
        (r"\bwater ?cannons?\b", 1.5),
        (r"\btear ?gas\b", 1.0),
        (r"\bblocked\b", 1.0),
        (r"\bbaton\b", 0.5),
    ],
    (PROTESTS, "Excessive force against protesters"): [
        (
            r"\b(?:fired|opened fire|shot) (?:\w+ ){0,3}(?:on|at|into) (?:\w+ ){0,2}"
            r"(?:protesters|demonstrators|crowds?|marchers)\b",
            3.0,
        ),
        (r"\blive (?:ammunition|rounds|bullets)\b", 2.5),
        (r"\bbrutal(?:ly)?\b", 1.5),
        (
            r"\b(?:killed|injured|wounded|beat(?:en)?|attacked) (?:\w+ ){0,3}(?:protesters|demonstrators|"
            r"students|marchers)\b",
            2.5,
        ),
        (r"\brubber bullets?\b", 1.5),
        (r"\blathi[- ]?charge\w*", 2.5),
        (r"\bcrackdown\b", 1.5),
    ],
    (RIOTS, "Violent demonstration"): [
        (r"\briot\w*", 3.0),
        (
            r"\b(?:threw|throwing|hurled|pelted|pelting) (?:\w+ ){0,3}"
            r"(?:stones|rocks|bricks|petrol bombs|molotov|bottles|objects)\b",
            3.0,
        ),
        (r"\bstone[- ]pelting\b", 3.0),
        (r"\bburn(?:ed|t|ing) tyres\b", 2.5),
        (r"\bmolotov\b", 2.5),
        (r"\bvandali[sz]\w*", 1.5),
        (r"\bviolent (?:protest|demonstration)\w*", 3.0),
        (
            r"\b(?:protesters|demonstrators) (?:\w+ ){0,4}(?:clashed|attacked|torched|set fire|stormed|"
            r"burn(?:ed|t)|damaged|pelted)\b",
            3.0,
        ),
        (r"\bunrest\b", 1.0),
        (r"\bangry\b", 0.5),
    ],
    (RIOTS, "Mob violence"): [
        (r"\bmobs?\b", 4.0),
        (r"\blynch\w*", 4.0),
        (r"\bvigilant(?:e|es|ism)\b", 3.0),
        (r"\bangry crowd\b", 3.0),
        (r"\bcommunal (?:clash|violence)\w*", 3.0),
        (r"\bsupporters of\b", 1.0),
        (r"\bbeaten to death\b", 2.0),
    ],
    (STRATEGIC, "Arrests"): [
        (r"\barrest(?:ed|s|ing)?\b", 3.0),
        (r"\bdetain(?:ed|s)?\b", 2.0),
        (r"\bapprehend\w*", 3.0),
        (r"\bin(?:to)? custody\b", 2.0),
        (r"\bcaptured\b", 0.5),
        (r"\bheld for questioning\b", 2.0),
        (r"\bnabbed\b", 2.5),
        (r"\bwarrants?\b", 1.0),
        (r"\bcharged with\b", 1.5),
    ],
    (STRATEGIC, "Disrupted weapons use"): [
        (r"\bdefus\w*", 4.0),
        (r"\bdefuz\w*", 4.0),
        (r"\bdismantl\w*", 2.0),
        (r"\bdisarm\w*", 1.0),
        (r"\bbomb (?:disposal|squad)\b", 3.0),
        (r"\bintercept\w*", 3.0),
        (r"\bshot down\b", 3.0),
        (rf"\b{_FOUND}\b[^.]{{0,80}}\b{_ARMS}\b", 3.5),
        (rf"\b{_ARMS}\b[^.]{{0,80}}\b{_FOUND_AFTER}\b", 3.5),
        (r"\b(?:weapons|arms|ammunition) (?:cache|depot|haul)\b", 2.5),
        (r"\bfoil\w*", 2.5),
        (r"\bthwart\w*", 2.5),
        (r"\bbefore (?:it|they) (?:could )?explode", 2.0),
        (r"\bcontrolled (?:explosion|detonation)\b", 3.0),
        (r"\bdestroyed (?:\w+ ){0,3}(?:drone|missile)\b", 2.0),
        (r"\bair defen[cs]e\b", 2.0),
    ],
    (STRATEGIC, "Change to group/activity"): [
        (
            r"\b(?:formed|launched|created|founded) (?:a |an )?(?:new )?(?:group|alliance|coalition|militia|"
            r"party|brigade|unit|movement)\b",
            3.0,
        ),
        (r"\bmerg\w*", 2.0),
        (r"\bsplit\b", 1.0),
        (r"\bdefect\w*", 2.0),
        (r"\brecruit\w*", 2.0),
        (r"\bnew (?:leader|commander|chief)\b", 2.5),
        (r"\bappointed\b", 1.0),
        (r"\bdisband\w*", 2.5),
        (r"\btraining\b", 1.0),
        (r"\bpledged allegiance\b", 3.0),
        (r"\bjoined\b", 1.0),
        (r"\bburn(?:ed|t) (?:\w+ ){0,2}(?:drugs|narcotics|crops)\b", 2.0),
        (r"\bannounced\b", 0.5),
        (r"\bsurrender\w*", 2.0),
        (r"\bdeploy\w*", 1.5),
        (r"\breinforc\w*", 2.0),
        (r"\bdispatch\w*", 2.0),
        (r"\b(?:moving|moved|sent|sending) (?:\w+ ){0,2}(?:troops|forces|fighters)\b", 2.0),
        (r"\b(?:military )?(?:drills|exercises|manoeuvres|maneuvers)\b", 2.5),
        (r"\bmobilis\w*|\bmobiliz\w*", 1.5),
        (r"\bmass graves?\b", 1.5),
        (r"\bcurfew\b", 1.5),
        (r"\bsuspend\w*", 1.0),
    ],
    (STRATEGIC, "Headquarters or base established"): [
        (
            r"\b(?:set up|established?|establishing|built|opened|erected) (?:\w+ ){0,3}(?:base|bases|"
            r"headquarters|camp|camps|outpost|outposts|office|checkpoints?|post)\b",
            4.0,
        ),
        (r"\bheadquarters\b", 1.5),
        (r"\bmilitary base\b", 1.0),
        (r"\bstationed\b", 1.0),
    ],
    (STRATEGIC, "Looting/property destruction"): [
        (r"\bloot\w*", 3.5),
        (r"\bplunder\w*", 3.5),
        (r"\bransack\w*", 3.0),
        (rf"\b(?:torched|{SET_ON_FIRE}|burn(?:ed|t) down|arson)\b", 2.5),
        (
            r"\b(?:destroy|demolish|raz)\w* (?:[\w-]+ ){0,4}(?:houses|homes|property|properties|buildings|"
            r"shops|crops|vehicles|churches|mosques|schools|village|pylons|posts|towers|poles|bridges?|"
            r"power lines|facilities|installations|offices|buses|trucks)\b",
            2.5,
        ),
        (r"\bvandali[sz]\w*", 1.5),
        (r"\bsabotag\w*", 2.0),
        (r"\bstole\b|\bstolen\b|\brobb\w*", 2.0),
        (r"\bburn(?:ed|t)\b", 1.0),
        (r"\bdamag\w*", 0.5),
    ],
    (STRATEGIC, "Non-violent transfer of territory"): [
        (r"\bwithdr(?:ew|awn|awal|aw)\w*", 2.5),
        (r"\bhanded over\b", 3.0),
        (r"\bhand(?:ed|ing)? over\b", 2.0),
        (r"\bwithout (?:a )?(?:fight|resistance|fighting|clashes)\b", 4.0),
        (r"\bretreat\w*", 2.0),
        (r"\bpulled out\b", 2.5),
        (r"\babandon\w*", 2.0),
        (r"\bvacat\w*", 2.0),
        (r"\bevacuat\w*", 1.0),
        (r"\bentered\b", 1.0),
        (r"\btook over\b", 1.5),
        (r"\bhandover\b", 3.0),
        (r"\bpeacefully\b", 0.5),
    ],
    (STRATEGIC, "Agreement"): [
        (r"\bagreements?\b", 3.0),
        (r"\bagreed\b", 2.5),
        (r"\bceasefire\b|\bcease-fire\b", 2.5),
        (r"\btruce\b", 3.0),
        (r"\bpeace (?:deal|accord|talks|treaty|agreement)\b", 3.0),
        (r"\bsigned\b", 2.0),
        (r"\baccord\b", 2.0),
        (r"\bprisoner (?:swap|exchange)\b", 3.5),
        (r"\bnegotiat\w*", 1.5),
        (r"\breleased\b", 1.0),
        (r"\bdeal\b", 1.5),
    ],
    (STRATEGIC, "Other"): [],
}

_WEAPONS_FOUND = re.compile(rf"\b{_FOUND}\b[^.]{{0,80}}\b{_ARMS}\b|\b{_ARMS}\b[^.]{{0,80}}\b{_FOUND_AFTER}\b")
_WITHDRAWAL = re.compile(
    r"\b(?:withdr(?:ew|awn|awal)|pulled out|handed (?:\w+ ){0,2}over|retreat\w*|"
    r"without (?:a )?(?:fight|resistance))\b"
)
_PEOPLE_SHOT = re.compile(r"\b(?:shot|killed|wounded|injured|murdered|gunned down)\b", re.IGNORECASE)
_CASUALTIES = re.compile(r"\b(?:killed|dead|died|wounded|injured|murdered|casualties)\b")
_PROTEST = re.compile(r"\b(?:protest\w*|demonstrat(?:ion|ions|ors)|rall(?:y|ies)|marchers|sit-?in)\b")
_CROWD = re.compile(r"\bcrowds?\b")
_PROTESTERS_VIOLENT = re.compile(
    r"\b(?:riot\w*|stones?|rocks|bricks|torched|set fire|pelt\w*|molotov|vandali[sz]\w*|clash\w*|"
    r"(?<!non-)violen(?:t|ce)|aggressive|thrown|threw|looted|smashed|"
    r"(?:protesters|demonstrators) (?:\w+ ){0,4}(?:clashed|attacked|stormed))\b"
)
_FORCE_ON_PROTEST = re.compile(
    r"\b(?:fired|opened fire|shot|killed|injured|wounded|beat(?:en)?|attacked|brutal(?:ly)?|"
    r"live (?:ammunition|rounds|bullets)|lathi\w*|crackdown)\b"
)
_INTERVENTION = re.compile(
    r"\b(?:dispers\w*|broke[- ]up|break up|arrest\w*|detain\w*|tear ?gas|water ?cannons?|baton\w*|"
    r"prevented|blocked|stopped)\b"
)
_ARMED_SECOND_SIDE = re.compile(
    r"\b(?:clash\w*|exchange[sd]? (?:of )?fire|gun ?battle|firefight|returned fire|fighting)\b"
)
_STATE_ACTOR = re.compile(r"\b(?:army|troops|soldiers|forces|military|government|police|security)\b")
_NON_STATE = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|fighters|guerrillas?|militias?|isis|is|taliban|"
    r"al-shabaab|boko haram|terrorists?|houthis?)\b"
)
_TERRITORY = re.compile(
    r"\b(?:town|village|city|district|area|territory|base|positions?|hill|"
    r"airport|region|neighbou?rhood|control)\b"
)

MIN_SCORE = 1.0


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[tuple[str, str], re.Pattern[str], float, str]]:
    return [
        (key, re.compile(pattern), weight, _literal_prefix(pattern))
        for key, rules in RULES.items()
        for pattern, weight in rules
    ]


_METACHARS = set("()[]{}?*+|.^$\\")


def _literal_prefix(pattern: str) -> str:
    """The plain text every match of a pattern starts with ("clash" for r"\bclash(?:es)?\b"),
    so that a fast substring test can skip the regex on texts that lack it. "" when unknown."""
    body = pattern.removeprefix(r"\b")
    prefix = []
    for char in body:
        if char in _METACHARS:
            if char in "?*{" and prefix:
                prefix.pop()  # the character before a quantifier is optional
            break
        prefix.append(char)
    return "".join(prefix)


def scores(text: str) -> dict[tuple[str, str], float]:
    """The summed rule weights per (event type, sub-event type), after the context rules."""
    lowered = text.lower()
    totals: dict[tuple[str, str], float] = defaultdict(float)
    for key, pattern, weight, prefix in _compiled():
        if prefix and prefix not in lowered:
            continue  # a substring test is many times cheaper than the regex
        if pattern.search(lowered):
            totals[key] += weight
    _apply_context(lowered, totals)
    return dict(totals)


def _apply_context(text: str, totals: dict[tuple[str, str], float]) -> None:
    protest = bool(_PROTEST.search(text))
    if protest:
        _settle_protest(text, totals)
    elif not _CROWD.search(text):
        # "Brutally murdered students" with no protest or crowd told of is violence against civilians.
        excessive = totals.pop((PROTESTS, "Excessive force against protesters"), 0.0)
        if excessive:
            totals[(CIVILIANS, "Attack")] = totals.get((CIVILIANS, "Attack"), 0.0) + excessive
    territory = bool(_TERRITORY.search(text))
    regain = totals.get((BATTLES, "Government regains territory"), 0.0)
    overtake = totals.get((BATTLES, "Non-state actor overtakes territory"), 0.0)
    if not territory:
        totals[(BATTLES, "Government regains territory")] = regain * 0.5
        totals[(BATTLES, "Non-state actor overtakes territory")] = overtake * 0.5
    elif overtake and _STATE_ACTOR.search(text) and not _NON_STATE.search(text):
        # "Troops captured the town" is the government taking ground.
        totals[(BATTLES, "Government regains territory")] = regain + overtake
        totals[(BATTLES, "Non-state actor overtakes territory")] = 0.0
    elif overtake and _NON_STATE.search(text):
        totals[(BATTLES, "Non-state actor overtakes territory")] = overtake + 1.0
    if _WEAPONS_FOUND.search(text):
        # Explosives found or made safe were not used: weaken the remote-violence cues.
        for key in [key for key in totals if key[0] == REMOTE]:
            totals[key] *= 0.5
        if _CASUALTIES.search(text):
            # Weapons seized after a deadly clash are its aftermath, not the event.
            disrupted = (STRATEGIC, "Disrupted weapons use")
            totals[disrupted] = totals.get(disrupted, 0.0) * 0.5
    if _WITHDRAWAL.search(text) and not _ARMED_SECOND_SIDE.search(text):
        # Ground that changes hands after a withdrawal, without fighting, is a non-violent transfer.
        totals[(STRATEGIC, "Non-violent transfer of territory")] += 2.0
    battle = _ARMED_SECOND_SIDE.search(text) or re.search(_ON_FORCES, text)
    if _PEOPLE_SHOT.search(text) and not battle and not protest:
        # A shooting of people with no second armed side: violence against civilians.
        totals[(CIVILIANS, "Attack")] = totals.get((CIVILIANS, "Attack"), 0.0) + 1.0


def _settle_protest(text: str, totals: dict[tuple[str, str], float]) -> None:
    """In a protest story the protest vocabulary says *that* people protested; what decides the
    sub-type is who used force: violent demonstrators make a riot whatever force met them;
    injuring force against them is excessive force; dispersal or arrests are an intervention."""
    peaceful = totals.get((PROTESTS, "Peaceful protest"), 0.0)
    if _PROTESTERS_VIOLENT.search(text):
        winner = (RIOTS, "Violent demonstration")
    elif _FORCE_ON_PROTEST.search(text):
        winner = (PROTESTS, "Excessive force against protesters")
    elif _INTERVENTION.search(text):
        winner = (PROTESTS, "Protest with intervention")
    else:
        winner = None
    if winner is not None and totals.get((RIOTS, "Mob violence"), 0.0) < peaceful:
        totals[winner] = max(totals.get(winner, 0.0), peaceful) + 1.0
    # Violence in a protest story is a protest or riot sub-type, not a battle or an attack.
    for key in ((CIVILIANS, "Attack"), (BATTLES, "Armed clash"), (STRATEGIC, "Arrests")):
        totals[key] = totals.get(key, 0.0) * 0.5


# Sub-event types that set an incident apart from a plain attack (see `extract.incidents`).
KINDS = {
    "Abduction/forced disappearance": "abduction",
    "Remote explosive/landmine/IED": "explosion",
    "Suicide bomb": "explosion",
    "Grenade": "explosion",
    "Looting/property destruction": "destruction",
}
DISTINCT_KINDS = tuple(sorted(set(KINDS.values())))


def kind_of(sub_type: str | None) -> str:
    """"abduction", "explosion", "destruction", or "attack" for any other sub-event type."""
    return KINDS.get(sub_type or "", "attack")


def classify(text: str, *, kind: str | None = None) -> tuple[str | None, str | None]:
    """(ACLED event type, sub-event type) of the passage, or (None, None) when no cue fires.

    `kind` ("abduction", "explosion", ...) is what is known to set the incident apart: the best
    sub-type of that kind wins when one scores at all ("kidnapped, then found shot dead" stays
    an abduction).
    """
    totals = scores(text)
    if not totals:
        return None, None
    # Ties go to the earlier rule in RULES: more violent, more specific types come first.
    order = {key: index for index, key in enumerate(RULES)}
    if kind in DISTINCT_KINDS:
        of_kind = {key: value for key, value in totals.items() if KINDS.get(key[1]) == kind and value > 0}
        totals = of_kind or totals
    best = max(totals, key=lambda key: (totals[key], -order[key]))
    if totals[best] < MIN_SCORE:
        return None, None
    return best
