"""Relations between a report's figures: inferred outcomes, repeats, parts of totals, revisions.

Order matters and is fixed: (1) a figure that lost its verb takes its outcome from the figures it
belongs with; (2) revisions are linked while both figures still stand in their sentence; (3) a
repeat of the same figure from the same (or no named) source becomes a mention of the first;
(4) parts are linked to their whole or to the total of their outcome, and inherit what the whole
says of their group. Ids are given last, in text order.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from tollbook.annotate.counts import parse_count
from tollbook.annotate.people import fold
from tollbook.extract.draft import Draft
from tollbook.extract.lexicon import REVISION_WORDS
from tollbook.extract.outcomes import survived
from tollbook.model import Category, Gender, Outcome, Role, Status


def relate(drafts: list[Draft]) -> list[Draft]:
    """Resolve outcomes and relations; return the claims to keep, in text order, with ids."""
    drafts = _infer_outcomes(drafts)
    _link_revisions(drafts)
    _mark_survivors(drafts)  # before repeats merge: "a boy was shot" and "the boy is recovering" are one
    _mark_others_shot(drafts)
    kept = _merge_repeats(drafts)
    _link_parts(kept, drafts)
    _link_split_figures(kept)
    _link_deaths_of_wounded(kept)
    kept.sort(key=lambda d: d.evidence.start if d.count is None else d.count.start)
    for number, draft in enumerate(kept, start=1):
        draft.id = f"c{number}"
    return kept


def _infer_outcomes(drafts: list[Draft]) -> list[Draft]:
    headline = Counter(d.outcome for d in drafts if d.outcome and d.from_headline)
    body = Counter(d.outcome for d in drafts if d.outcome and not d.from_headline)
    fallback = (headline or body).most_common(1)
    for draft in drafts:
        if draft.outcome is not None:
            continue
        whole = _draft_for(drafts, draft.part_of_anchor)
        if whole is not None and whole.outcome is not None:
            draft.outcome = whole.outcome
        elif fallback:
            draft.outcome = fallback[0][0]
    return [d for d in drafts if d.outcome is not None]


def _draft_for(drafts: list[Draft], anchor) -> Draft | None:
    if anchor is None:
        return None
    # spaCy makes a new Token object on each access: compare documents and positions.
    return next((d for d in drafts if d.anchor.doc is anchor.doc and d.anchor.i == anchor.i), None)


def _link_revisions(drafts: list[Draft]) -> None:
    """ "Revising … from an initial report of 15, … a total of 40 people were killed": 40 supersedes 15."""
    for old in drafts:
        if not old.from_report or old.count is None:
            continue
        lemmas = {t.lemma_.lower() for t in old.sentence}
        if not lemmas & REVISION_WORDS:
            continue
        newer = [
            d
            for d in drafts
            if d.sentence == old.sentence
            and d is not old
            and d.count is not None
            and not d.from_report
            and d.count.value != old.count.value
        ]
        if newer:
            newer[0].supersedes = old
            old.status = Status.SUPERSEDED


def _merge_repeats(drafts: list[Draft]) -> list[Draft]:
    kept: list[Draft] = []
    for draft in drafts:
        same = next((k for k in kept if _same_figure(k, draft)), None)
        if same is None:
            kept.append(draft)
            continue
        draft.merged_into = same
        same.mentions.append(
            draft.evidence
            if draft.count is None
            else dataclasses.replace(draft.evidence, start=draft.count.start, end=draft.count.end)
        )
        same.source = same.source or draft.source
        if draft.person:
            same.also_named.add(draft.person)
        same.supersedes = same.supersedes or draft.supersedes
        same.part_of_anchor = same.part_of_anchor or draft.part_of_anchor
        same.confidence = max(same.confidence, draft.confidence)
    for draft in kept:  # a relation to a merged repeat points at the claim it was merged into
        draft.supersedes = _resolve(draft.supersedes)
    return kept


def _resolve(draft: Draft | None) -> Draft | None:
    while draft is not None and draft.merged_into is not None:
        draft = draft.merged_into
    return draft


def _same_figure(a: Draft, b: Draft) -> bool:
    if a.singular and a.sentence == b.sentence and a.anchor.i != b.anchor.i and not _pronoun(a, b):
        return False  # "One man was shot in the back and a 29-year-old man was shot": two people
    if a.outcome != b.outcome or a.status != b.status or a.from_headline != b.from_headline:
        return False
    if a.count is None or b.count is None:
        return a.count is None and b.count is None and a.group.noun == b.group.noun
    if (a.count.value, a.count.low, a.count.high) != (b.count.value, b.count.low, b.count.high):
        return False
    # One victim described by several sources is still one person, not several figures.
    return _same_group(a, b) and (_same_source(a, b) or (a.singular and _one_victim(a, b)))


def _same_group(a: Draft, b: Draft) -> bool:
    if a.person and b.person and not _same_name(a, b):
        return False  # two names, two people
    ga, gb = a.group, b.group
    if ga.nationality and gb.nationality and ga.nationality != gb.nationality:
        return False
    if Category.UNKNOWN not in (ga.category, gb.category) and ga.category != gb.category:
        return False
    if ga.gender and gb.gender and ga.gender != gb.gender:
        return False
    return True


def _same_name(a: Draft, b: Draft) -> bool:
    """Two figures of one named person: the same key, or one a word of the other's full name
    ("Akira" and "Akira Marie Waters, 16")."""
    if not (a.person and b.person):
        return False
    return a.person == b.person or a.person in _name_words(b) or b.person in _name_words(a)


def _name_words(draft: Draft) -> set[str]:
    if draft.count is None:
        return set()
    return {fold(w) for w in re.findall(r"[^\W\d_][\w’'-]*", draft.count.as_written)}


def _pronoun(a: Draft, b: Draft) -> bool:
    """ "a man shot dead … when he died": the pronoun is the same person."""
    return a.anchor.pos_ == "PRON" or b.anchor.pos_ == "PRON"


def _one_victim(a: Draft, b: Draft) -> bool:
    return a.person is None or b.person is None or _same_name(a, b)


def _same_source(a: Draft, b: Draft) -> bool:
    if a.source is None or b.source is None:
        return True
    return (a.source.name, a.source.organisation) == (b.source.name, b.source.organisation)


def _link_deaths_of_wounded(drafts: list[Draft]) -> None:
    """ "The victim suffered a gunshot wound … where he died": one person, first wounded then dead.
    The death supersedes the wound, so the person is not counted twice."""
    killed = [d for d in drafts if _standing_one(d, Outcome.KILLED)]
    for wounded in drafts:
        if not _standing_one(wounded, Outcome.INJURED):
            continue
        death = next(
            (
                k
                for k in killed
                if k.from_headline == wounded.from_headline
                and _same_group(k, wounded)
                and k.supersedes is None
                and _may_be_same_person(k, wounded)
                and not _tallied_apart(k, wounded)
            ),
            None,
        )
        if death is not None:
            death.supersedes = wounded
            wounded.status = Status.SUPERSEDED


def _tallied_apart(death: Draft, wound: Draft) -> bool:
    """ "1 dead, 1 injured": one sentence stating a count of dead and a count of wounded counts two
    people ("a man was shot and died" is one person told twice: no stated counts)."""
    return (death.sentence.start == wound.sentence.start
            and all(parse_count(d.count.as_written) is not None for d in (death, wound)))


def _may_be_same_person(death: Draft, wound: Draft) -> bool:
    """Whether a death can be the fate of a wounded person: the same name (one a repeat of the
    death gave counts too), or none ("a man's body was found … the victim had gunshot wounds"),
    or a pronoun after the wound. A wound its sentence says was survived ("is expected to
    survive") was nobody's death."""
    if survived(wound.sentence) or _out_of_danger(wound.sentence) or _someone_besides(wound):
        return False
    if _told_apart(death, wound):
        return False
    return (death.person == wound.person or _same_name(death, wound) or _pronoun_after(death, wound)
            or (wound.person is not None and wound.person in death.also_named))


def _someone_besides(draft: Draft) -> bool:
    """A figure whose sentence tells of a person besides one told before: "The other man shot
    is a 19-year-old; he suffered two gunshot wounds", "A woman was also wounded"."""
    return any(t.lower_ in _OTHERS and t.dep_ in ("amod", "det") and t.head.pos_ == "NOUN"
               for t in draft.sentence) or _also_hurt(draft)


def _also_hurt(draft: Draft) -> bool:
    """ "A woman was also injured": "also" on the person's own verb adds someone."""
    verb = draft.anchor.head
    return draft.anchor.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children)


# A wound its own sentence calls survivable, or a patient doing well, is nobody's death.
_OUT_OF_DANGER = re.compile(
    r"\bnon-?\s?life|\bnot (?:considered )?life|\bminor (?:injur|wound)|\bsuperficial|"
    r"\b(?:stable|good) condition|\btreated and released|\broad to recovery", re.IGNORECASE)


def _out_of_danger(sentence) -> bool:
    """ "her injuries are not life-threatening", "he remains in stable condition" — unless the
    same sentence tells a death ("was in stable condition but died")."""
    if any(t.lemma_.lower() in ("die", "kill") for t in sentence):
        return False
    return _OUT_OF_DANGER.search(sentence.text) is not None


_PRONOUN_SEX = {**dict.fromkeys(("he", "him"), Gender.MALE), **dict.fromkeys(("she", "her"), Gender.FEMALE)}


def _told_apart(death: Draft, wound: Draft) -> bool:
    """Two people by what the text says of them: "she was killed … the boy was wounded" (sexes,
    pronouns included), a suspect killed and an officer wounded (roles), or two people named
    side by side in one sentence ("an officer wounded and a man killed")."""
    sexes = {_sex(death), _sex(wound)}
    if None not in sexes and len(sexes) == 2:
        return True
    roles = {death.group.role, wound.group.role}
    if roles == {Role.VICTIM, Role.PERPETRATOR}:
        return True
    return _same_sentence(death, wound) and death.anchor.i != wound.anchor.i and not _pronoun(death, wound)


def _same_sentence(a: Draft, b: Draft) -> bool:
    # Each paragraph is parsed on its own: token positions compare only within one document.
    return a.sentence.doc is b.sentence.doc and a.sentence.start == b.sentence.start


def _sex(draft: Draft) -> Gender | None:
    return draft.group.gender or _PRONOUN_SEX.get(draft.anchor.lower_)


def _mark_survivors(drafts: list[Draft]) -> None:
    """A person shot who is, by name or sex, none of the people told killed was wounded: "A man
    was shot and killed … A woman was shot in the arm." When a death is a bare figure ("two
    people were killed"), anyone shot may be among them; "the other man" told after deaths of
    one person each is none of them."""
    for shot in drafts:
        if not (_one_by_one(shot) and shot.outcome == Outcome.CASUALTIES and shot.status == Status.CURRENT):
            continue
        dead = [d for d in drafts if d.outcome == Outcome.KILLED and d.status == Status.CURRENT
                and d.from_headline == shot.from_headline]
        if dead and all(_one_by_one(d) and _other_person(d, shot) for d in dead):
            shot.outcome = Outcome.INJURED
        elif dead and _told_as_other(shot) and all(d.singular and _before(d, shot) for d in dead):
            shot.outcome = Outcome.INJURED  # "One man is dead … The other man shot is 19"
        elif shot.person and not any(_same_name(shot, d) for d in dead) and _names_its_dead(dead):
            shot.outcome = Outcome.INJURED  # "Officer Cole was killed … Officer Ray suffered wounds"


def _mark_others_shot(drafts: list[Draft]) -> None:
    """ "A girl was killed … Three other people were also shot": a number of others shot, in a
    report that tells a death, counts people besides the dead, so they are the wounded (else
    the tally would take the dead out of them a second time)."""
    for shot in drafts:
        if (shot.outcome == Outcome.CASUALTIES and shot.status == Status.CURRENT and not shot.singular
                and _counted_others(shot) and not _has_parts(shot, drafts)
                and any(d.outcome == Outcome.KILLED and d.status == Status.CURRENT
                        and d.from_headline == shot.from_headline for d in drafts)):
            shot.outcome = Outcome.INJURED


def _counted_others(draft: Draft) -> bool:
    """ "six others", "three other people" — not "the other three", who may be the dead."""
    anchor = draft.anchor
    if any(c.dep_ == "det" and c.lower_ == "the" for c in anchor.children):
        return False
    return anchor.lower_ == "others" or any(c.dep_ == "amod" and c.lower_ == "other" for c in anchor.children)


def _has_parts(whole: Draft, drafts: list[Draft]) -> bool:
    """ "shot four others, including one who died": a figure with a part told beside it."""
    return any(d is not whole and _same_sentence(d, whole) and d.anchor.head.lower_ in ("including", "among")
               for d in drafts)


def _names_its_dead(dead: list[Draft]) -> bool:
    """A report that tells a death by name: someone shot under another name was not that one."""
    return any(d.person for d in dead if _one_by_one(d))


def _told_as_other(draft: Draft) -> bool:
    """ "The other man shot is 19", "Another victim was shot in the leg": the subject is a person
    besides those told before. As an object ("the boy shot another boy") "another" sets the
    person apart from the shooter, not from the dead."""
    return _another(draft) and draft.anchor.dep_ in ("nsubj", "nsubjpass")


def _before(earlier: Draft, later: Draft) -> bool:
    return earlier.evidence.start < later.evidence.start


def _one_by_one(draft: Draft) -> bool:
    """One person told as a person ("a woman", "Ann Smith"), not a number or a pronoun, nor
    one who shot himself (in a murder-suicide, often the last of the dead)."""
    anchor = draft.anchor
    return (draft.singular and not anchor.like_num and anchor.pos_ != "PRON"
            and not any(c.lower_ in ("himself", "herself") for c in anchor.head.children))


def _other_person(dead: Draft, shot: Draft) -> bool:
    """Two different people: two names, or two sexes."""
    if dead.person and shot.person:
        return not _same_name(dead, shot)
    return bool(dead.group.gender and shot.group.gender and dead.group.gender != shot.group.gender)


def _pronoun_after(later: Draft, earlier: Draft) -> bool:
    """ "Smith was found with a gunshot wound … where she was pronounced dead": the pronoun is Smith."""
    return later.anchor.pos_ == "PRON" and later.person is None and later.count.start > earlier.count.start


def _standing_one(draft: Draft, outcome: Outcome) -> bool:
    """A current figure of one person that is not one of a group: "One of the wounded" and "one
    of the dead" are two different people, each a part of a total."""
    return (
        draft.singular
        and draft.outcome == outcome
        and draft.status == Status.CURRENT
        and draft.part_of is None
        and not draft.among_total
        and not (_another(draft) and not draft.also_named)  # a name says who, "another" or not
    )


def _another(draft: Draft) -> bool:
    """ "another", "another man", "a second man": a person other than the one before."""
    anchor = draft.anchor
    return anchor.lower_ in _OTHERS or any(c.lower_ in _OTHERS for c in anchor.children)


# "another man", "a second victim", "the other man": a person besides the one told before
_OTHERS = frozenset("another second third fourth other".split())


def _link_parts(drafts: list[Draft], everything: list[Draft]) -> None:
    for draft in drafts:
        whole = _resolve(_draft_for(everything, draft.part_of_anchor))
        if whole is None and (draft.among_total or _bare_number(draft)):
            whole = _whole_before(drafts, draft)
        if (
            whole is None
            and not draft.from_headline
            and draft.status == Status.CURRENT
            and (draft.among_total or not draft.group.is_total)
        ):
            whole = _total_for(drafts, draft)
        if whole is not None and whole is not draft:
            draft.part_of = whole
            _inherit(draft, whole)


def _link_split_figures(drafts: list[Draft]) -> None:
    """ "… wounded five teenagers. Three girls and two boys were hospitalized.": joined figures
    that add up to an earlier figure of the same people split it; they are its parts, not more."""
    for first in drafts:
        joined = [first, *(d for d in drafts if d is not first and _joined(first, d))]
        if len(joined) < 2 or any(d.part_of is not None or d.count is None for d in joined):
            continue
        total = sum(_size(d) or 0 for d in joined)
        whole = next((w for w in drafts if w not in joined and w.count is not None and w.part_of is None
                      and w.status == Status.CURRENT and w.count.start < first.count.start
                      and _size(w) == total and all(_covers(w.outcome, d.outcome) for d in joined)), None)
        if whole is not None:
            for draft in joined:
                draft.part_of = whole


def _joined(first: Draft, other: Draft) -> bool:
    """Two figures of one sentence whose nouns are joined by "and": "three girls and two boys"."""
    return (other.sentence == first.sentence and other.anchor.dep_ == "conj"
            and other.anchor.head.i == first.anchor.i and other.outcome == first.outcome)


def _covers(whole: Outcome | None, part: Outcome | None) -> bool:
    """A whole of the same outcome, or of everyone shot: "five were shot, one of whom died"."""
    return whole == part or (whole == Outcome.CASUALTIES and part in (Outcome.KILLED, Outcome.INJURED))


def _bare_number(draft: Draft) -> bool:
    """ "Five people were shot and one was killed": a number with no noun of its own."""
    return draft.count is not None and draft.anchor.like_num and not draft.from_report


def _whole_before(drafts: list[Draft], part: Draft) -> Draft | None:
    """The nearest larger figure before a part whose outcome covers the part's: in its sentence,
    or for "one of them" anywhere earlier in its paragraph."""
    size = _size(part)
    if size is None:
        return None
    before = [
        d
        for d in drafts
        if d is not part
        and (d.sentence == part.sentence or (part.among_total and d.unit.index == part.unit.index))
        and d.count is not None
        and d.count.start < part.count.start
        and d.status == Status.CURRENT
        and (_size(d) or 0) > size
        and _covers(d.outcome, part.outcome)
    ]
    return before[-1] if before else None


def _total_for(drafts: list[Draft], part: Draft) -> Draft | None:
    """The report's total for a part's outcome that is larger than the part."""
    size = _size(part)
    if size is None:
        return None
    for total in drafts:
        if total is part or not total.group.is_total or total.from_headline:
            continue
        if total.outcome != part.outcome and not (part.among_total and _covers(total.outcome, part.outcome)):
            continue
        if total.status != Status.CURRENT or _size(total) is None or _size(total) <= size:
            continue
        return total
    return None


def _size(draft: Draft) -> int | None:
    if draft.count is None:
        return None
    return draft.count.value if draft.count.value is not None else draft.count.low


def _inherit(part: Draft, whole: Draft) -> None:
    """A part is a subgroup: what the whole says of nationality and category holds for it too."""
    group = part.group
    if whole.group.is_total:
        return
    part.group = dataclasses.replace(
        group,
        nationality=group.nationality or whole.group.nationality,
        category=whole.group.category if group.category == Category.UNKNOWN else group.category,
    )
