"""Across reports: copies, joined events and reconciled figures, on hand-made Extractions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tollbook.model import (
    Actor,
    Category,
    Claim,
    Count,
    DateRange,
    Document,
    Event,
    Extraction,
    Group,
    Outcome,
    Person,
    Place,
    PlacePrecision,
    Published,
    Qualifier,
    Role,
    Source,
    SourceKind,
    Span,
    Status,
    Title,
)
from tollbook.reconcile import copies, events, figures, reconcile
from tollbook.reconcile.ledger import TOTAL, FigureState, SourceFigure

KANO = ("Kano", "Kano", "NG", 12.0, 8.52)
KADUNA = ("Kaduna", "Kaduna", "NG", 10.52, 7.44)  # about 200 km from Kano


def event(eid: str = "e1", *, day: str | None = "2024-03-04", place=KANO,
          kind: str | None = "Violence against civilians", actors=()) -> Event:
    name, admin1, country, lat, lon = place if place else (None,) * 5
    return Event(id=eid, kind="attack", acled_event_type=kind,
                 acled_sub_event_type="Attack" if kind else None,
                 date=DateRange(start=day, end=day, precision="day" if day else None),
                 place=Place(name=name, admin1=admin1, country=country, lat=lat, lon=lon,
                             precision=PlacePrecision.POINT if name else None),
                 actors=list(actors))


def claim(cid: str, outcome: Outcome, n: int | None, *, event_id: str = "e1", speaker: str | None = None,
          kind: SourceKind = SourceKind.OFFICIAL, party: bool = False, category: Category = Category.UNKNOWN,
          noun: str | None = None, nationality: str | None = None, is_total: bool = False,
          stated: str | None = None, part_of: str | None = None, as_written: str | None = None,
          role: Role = Role.VICTIM, status: Status = Status.CURRENT, low: int | None = None) -> Claim:
    written = as_written or (str(n) if n is not None else "some")
    count = Count(as_written=written, start=0, end=len(written), value=n,
                  low=n if low is None else low, high=n,
                  qualifier=Qualifier.EXACT if n is not None else Qualifier.VAGUE)
    source = Source(name=speaker, kind=kind, is_party=party) if speaker else None
    return Claim(id=cid, outcome=outcome, count=count,
                 group=Group(noun=noun, category=category, role=role, nationality=nationality,
                             is_total=is_total),
                 source=source, evidence=Span(start=0, end=10),
                 stated_on=DateRange(start=None, end=stated) if stated else None,
                 event=event_id, part_of=part_of, status=status)


def report(doc_id: str, *, text: str | None = None, published: str = "2024-03-05", url: str | None = None,
           outlet: str | None = None, claims=(), events_=(), people=()) -> Extraction:
    body = text if text is not None else f"Report {doc_id}: gunmen attacked a village."
    return Extraction(
        document=Document(id=doc_id, text=body, url=url, outlet=outlet, headline=f"Headline {doc_id}",
                          published=Published(date=published)),
        claims=list(claims), events=list(events_) or [event()], people=[Person(name=p) for p in people])


STORY = (" ".join(f"word{n}" for n in range(120)) + " gunmen killed five villagers in the north on Monday "
         "and wounded twelve others, police said, before fleeing into the forest nearby.")


# -- copies -------------------------------------------------------------------------------------

def test_copy_is_linked_to_the_earliest_report_by_date_then_input_order():
    killed = [claim("c1", Outcome.KILLED, 5)]
    later = report("b", text=STORY + " Updated.", published="2024-03-06", claims=killed)
    first = report("a", text=STORY, published="2024-03-05", claims=killed)
    same_day = report("c", text=STORY + " Shared.", published="2024-03-05", claims=killed)
    links = copies.find_copies([later, same_day, first])
    assert {(link.copy, link.original) for link in links} == {("b", "c"), ("a", "c")}


SHORT = "gunmen killed five villagers in the north on Monday, police said."


@pytest.mark.parametrize("text_a, text_b, claims_b, linked", [
    (STORY, STORY + " One more line.", True, True),
    (STORY, STORY, False, False),  # no claim: identical sign-in walls are not copies of a story
    (STORY, " ".join(f"other{n}" for n in range(140)), True, False),  # a different text
    (SHORT, SHORT + " Updated.", True, False),  # too short to tell a copy from a coincidence
])
def test_copy_rule(text_a, text_b, claims_b, linked):
    killed = [claim("c1", Outcome.KILLED, 5)]
    a = report("a", text=text_a, claims=killed)
    b = report("b", text=text_b, claims=killed if claims_b else [])
    assert bool(copies.find_copies([a, b])) is linked


def test_shingles_are_word_runs():
    assert copies.shingles("One two three four five six", size=5) == {"one two three four five",
                                                                      "two three four five six"}


# -- events across reports ----------------------------------------------------------------------

def _joined(a: Extraction, b: Extraction) -> bool:
    return len(events.cluster(events.report_events([a, b]))) == 1


FIVE = [claim("k", Outcome.KILLED, 5)]


@pytest.mark.parametrize("b, joined", [
    (report("b", claims=FIVE), True),  # same place, day and figure
    (report("b", claims=[claim("k", Outcome.KILLED, 4)]), False),  # nothing shared but the place
    (report("b", claims=FIVE, events_=[event(place=KADUNA)]), False),  # 200 km away
    (report("b", claims=FIVE, events_=[event(day="2024-03-12")]), False),  # 8 days later
    (report("b", claims=FIVE, events_=[event(day="2024-03-05")]), True),  # a day apart: a figure joins
    # two days apart a shared figure alone is too weak (a city tells of a shooting a day)
    (report("b", claims=FIVE, events_=[event(day="2024-03-06")]), False),
    (report("b", claims=FIVE, events_=[event(kind="Protests")]), False),  # incompatible types
    (report("b", claims=FIVE, events_=[event(kind="Strategic developments")]), True),  # an arrest story
    (report("b", claims=FIVE, events_=[event(place=None)],
            text="In Kano gunmen attacked a village."), True),  # place named in the other's text
    (report("b", claims=FIVE, events_=[event(place=None)]), False),  # no place to compare
])
def test_join_rule(b, joined):
    a = report("a", claims=FIVE)
    assert _joined(a, b) is joined


def test_shared_names_join_across_months_and_gazetteer_slips():
    names = ["Musa Ibrahim Bello", "Aisha Yusuf"]
    a = report("a", claims=FIVE, people=names)
    b = report("b", claims=[], people=["Musa Bello", "Aisha Yusuf"],
               events_=[event(day="2024-07-01", place=("Kano", "England", "GB", 52.0, -1.0))])
    assert _joined(a, b)
    one_name = report("c", claims=[], people=["Aisha Yusuf"], events_=[event(day="2024-07-01")])
    assert not _joined(a, one_name)


def _officials(*titled: tuple[str, str]) -> list[Person]:
    return [Person(name=name, titles=[Title(text=title, span=Span(start=0, end=len(title)))])
            for name, title in titled]


def test_office_holders_join_reports_only_close_in_time():
    sheriff, prosecutor = ("Dale Hume", "County Sheriff"), ("Rita Vance", "District Attorney")
    a = report("a", claims=FIVE)
    a = replace(a, people=_officials(sheriff, prosecutor))
    months_later = replace(report("b", claims=[], events_=[event(day="2024-06-01")]),
                           people=_officials(sheriff, prosecutor))
    assert not _joined(a, months_later)  # the same sheriff speaks about another shooting
    next_day = replace(report("c", claims=[], events_=[event(day="2024-03-05")]),
                       people=_officials(sheriff))
    assert _joined(a, next_day)


@pytest.mark.parametrize("day, joined", [("2024-03-04", True), ("2024-03-05", False)])
def test_a_shared_one_joins_only_on_the_same_day(day, joined):
    one = [claim("k", Outcome.KILLED, 1)]
    a = report("a", claims=one)
    b = report("b", claims=one, events_=[event(day=day)])
    assert _joined(a, b) is joined


def test_a_shared_name_still_joins_within_the_window():
    a = report("a", claims=FIVE, people=["Aisha Yusuf"])
    b = report("b", claims=FIVE, people=["Aisha Yusuf"], events_=[event(day="2024-03-07")])
    assert _joined(a, b)


POLICE_TOWN = ("Police", "Zachodniopomorskie", "PL", 53.56, 14.57)  # a real town, and a common word


@pytest.mark.parametrize("place_b, text_b, joined", [
    # "Police said ..." read as the town of Police is no place to share
    (None, "A man was shot dead on Monday, police said.", False),
    (POLICE_TOWN, "Police said a man was shot dead on Monday, police added.", False),
    (None, "A man was shot dead in Police on Monday.", True),  # never written in lower case: a town
])
def test_a_place_named_by_a_common_word_is_no_evidence(place_b, text_b, joined):
    killed = [claim("k", Outcome.KILLED, 1)]
    a = report("a", claims=killed, events_=[event(place=POLICE_TOWN)],
               text="Police said a man was shot dead on Monday.")
    b = report("b", claims=killed, events_=[event(place=place_b)], text=text_b)
    assert _joined(a, b) is joined


def test_two_events_of_one_report_are_never_joined():
    a = report("a", claims=FIVE + [claim("k2", Outcome.KILLED, 5, event_id="e2")],
               events_=[event("e1"), event("e2")])
    b = report("b", claims=FIVE)
    groups = events.cluster(events.report_events([a, b]))
    assert sorted(len(g) for g in groups) == [1, 2]


def test_haversine_distance():
    equator = Place(name="a", lat=0.0, lon=0.0)
    assert events.distance_km(equator, Place(name="b", lat=1.0, lon=0.0)) == pytest.approx(111.19, abs=0.1)
    assert events.distance_km(equator, Place(name="c", lat=0.0, lon=180.0)) == pytest.approx(20015, abs=5)
    assert events.distance_km(equator, Place(name="d")) is None


@pytest.mark.parametrize("name, key", [("Darold Lavell Lews Jr.", "darold lews"), ("Lews", None),
                                       ("Mary-Anne O'Neil", "mary neil")])
def test_name_key(name, key):
    assert events.name_key(name) == key


# -- figures ------------------------------------------------------------------------------------

def _figure(value, source, stated, *, official=False):
    return SourceFigure(source=source, value=value, low=value, high=value, as_written=str(value),
                        stated=stated, claims=[], official=official)


def test_later_figure_of_a_source_supersedes_its_earlier_one_and_overtaken_figures_are_stale():
    history = [_figure(23, "named:ministry", "2024-01-03"), _figure(9, "outlet:a.example", "2024-01-04"),
               _figure(83, "named:ministry", "2024-01-05"), _figure(70, "outlet:b.example", "2024-01-05")]
    result = figures.reconcile_figure(Outcome.KILLED, TOTAL, history)
    states = [f.state for f in result.history]
    assert states == [FigureState.SUPERSEDED, FigureState.STALE, FigureState.CURRENT, FigureState.CURRENT]
    assert (result.low, result.high) == (70, 83)  # the stale 9 no longer sets low
    assert result.sources == 3


@pytest.mark.parametrize("history, best, rule", [
    # an official's figure is one vote among the sources, not the winner
    ([_figure(4, "outlet:a", "1"), _figure(6, "named:police", "2", official=True),
      _figure(4, "outlet:b", "3")], 4, "most sources"),
    # an overtaken (stale) figure still votes: two sources said 1, one later said 8
    ([_figure(1, "outlet:a", "1"), _figure(1, "outlet:b", "1"), _figure(8, "outlet:c", "2")],
     1, "most sources"),
    # else the figure most sources state
    ([_figure(4, "outlet:a", "1"), _figure(6, "outlet:c", "2"), _figure(4, "outlet:b", "2")],
     4, "most sources"),
    # a tie goes to the latest stated (a later lower figure does not make the earlier one stale)
    ([_figure(6, "outlet:a", "1"), _figure(4, "outlet:c", "2")], 4, "most sources"),
    ([_figure(4, "outlet:a", "1"), _figure(6, "outlet:c", "1")], 6, "most sources"),
])
def test_best_rule(history, best, rule):
    result = figures.reconcile_figure(Outcome.KILLED, TOTAL, history)
    assert (result.best, result.best_rule) == (best, rule)


def test_outlets_quoting_one_spokesman_are_one_source_and_copies_are_not_independent():
    said = dict(speaker="Abdullahi Haruna", kind=SourceKind.OFFICIAL)
    a = report("a", url="https://one.example/a", claims=[claim("k", Outcome.KILLED, 5, **said)])
    b = report("b", url="https://two.example/b", claims=[claim("k", Outcome.KILLED, 5, **said)])
    ledger = reconcile([a, b])
    total = ledger.events[0].total(Outcome.KILLED)
    assert total.sources == 1 and total.best == 5
    unattributed = [report(x, url=f"https://{x}.example/", claims=FIVE) for x in ("c", "d")]
    assert reconcile(unattributed).events[0].total(Outcome.KILLED).sources == 2


def test_archived_page_counts_as_its_original_outlet():
    archived = report("a", url="http://web.archive.org/web/2016/http://www.news.example:80/story",
                      outlet="web.archive.org")
    assert figures.outlet(archived) == "news.example"


def test_groups_roll_up_and_parts_are_never_added_to_their_total():
    venezuelans = claim("v", Outcome.KILLED, 47, category=Category.MILITARY, noun="soldiers",
                        nationality="VE", part_of="t")
    women = claim("w", Outcome.KILLED, 9, category=Category.MILITARY, noun="women", part_of="v")
    cubans = claim("c", Outcome.KILLED, 32, category=Category.MILITARY, noun="soldiers", nationality="CU",
                   part_of="t")
    total = claim("t", Outcome.KILLED, 83, is_total=True, noun="people")
    ledger = reconcile([report("a", claims=[venezuelans, women, cubans, total])])
    event_ = ledger.events[0]
    military = next(f for f in event_.figures if f.group == "military")
    assert military.best == 79  # 47 + 32, the 9 women are inside the 47
    assert event_.total(Outcome.KILLED).best == 83  # not 83 + 79


def test_figures_list_their_claims():
    a = report("a", url="https://a.example/", claims=[claim("k1", Outcome.KILLED, 3, stated="2024-03-05")])
    b = report("b", url="https://b.example/", claims=[claim("k1", Outcome.KILLED, 3, stated="2024-03-05"),
                                                      claim("k2", Outcome.KILLED, 1, role=Role.PERPETRATOR)],
               text="Report b: gunmen attacked a village in Kano.")
    total = reconcile([a, b]).events[0].total(Outcome.KILLED)
    assert {(r.report, r.claim) for r in total.low_claims} == {("a", "k1")}
    assert {(r.report, r.claim) for r in total.high_claims} == {("b", "k1"), ("b", "k2")}
    assert (total.low, total.high) == (3, 4)


def test_superseded_negated_and_undetermined_claims_set_no_figure():
    claims = [claim("old", Outcome.KILLED, 23, status=Status.SUPERSEDED), claim("new", Outcome.KILLED, 83),
              claim("unk", Outcome.KILLED, None, status=Status.UNDETERMINED)]
    total = reconcile([report("a", claims=claims)]).events[0].total(Outcome.KILLED)
    assert (total.low, total.best, total.high) == (83, 83, 83)


def test_reconcile_reads_a_repeated_document_once():
    a = report("a", claims=FIVE)
    ledger = reconcile([a, a])
    assert len(ledger.events) == 1 and len(ledger.events[0].members) == 1


def test_actors_are_kept_on_the_ledger_event():
    army = Actor(name="Military Forces of Nigeria", actor_type="State forces", country="NG")
    ledger = reconcile([report("a", claims=FIVE, events_=[event(actors=[army])])])
    assert ledger.events[0].actors == [army]


# -- a "was shot" figure joined to a report of the death ------------------------------------------

SHOT_STORIES = {
    "a": "Jordan Avery Price died after a shooting outside a bar on Elm Street in Kano, police said.",
    "b": "Neighbours heard several shots on Monday night; Jordan Avery Price was hit near the corner.",
}


@pytest.mark.parametrize(
    ("second", "injured"),
    [
        ((Outcome.CASUALTIES, 1), None),  # "he was shot": the man the first report says died
        ((Outcome.INJURED, 1), 1),  # near miss: a stated injury stays
        ((Outcome.CASUALTIES, 3), 3),  # near miss: more shot than died: the figure stays
    ],
)
def test_a_shot_figure_does_not_count_the_dead_as_injured(second, injured):
    reports = [
        report(doc_id, text=SHOT_STORIES[doc_id], url=f"https://{doc_id}.example/",
               claims=[claim("c0", outcome, n, kind=SourceKind.UNATTRIBUTED)], people=["Jordan Avery Price"])
        for doc_id, (outcome, n) in (("a", (Outcome.KILLED, 1)), ("b", second))
    ]
    ledger = reconcile(reports)
    assert len(ledger.events) == 1
    total = ledger.events[0].total(Outcome.INJURED)
    assert (total.best if total else None) == injured
