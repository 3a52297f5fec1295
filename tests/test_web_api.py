"""The web app through HTTP (TestClient): every API endpoint's status codes and JSON shape, the pages,
the review loop changing the ledger, adding reports, and the guards (cross-site posts, read-only,
upload limit, inert markup)."""

from __future__ import annotations

import html
import re

import pytest

from conftest_web import HOSTILE_TITLE, REVISION_LATER, SAME_ORIGIN

pytest_plugins = ["conftest_web"]

pytestmark = pytest.mark.slow
HEX64 = "0" * 64


def revision_event(client) -> dict:
    events = client.get("/api/events", params={"per_page": 500}).json()["events"]
    return next(e for e in events if e["killed"] and e["killed"]["best"] == 47)


def report_id(client, words: str) -> str:
    return client.get("/api/search", params={"q": words}).json()["reports"][0]["id"]


# ------------------------------------------------------------ API: reading


def test_events_shape_and_paging(client):
    everything = client.get("/api/events", params={"per_page": 500}).json()
    assert everything["total"] == len(everything["events"]) >= 6
    row = everything["events"][0]
    assert set(row) >= {"id", "date", "place", "place_label", "event_type", "killed", "injured", "reports"}
    page2 = client.get("/api/events", params={"per_page": 2, "page": 2}).json()
    assert [e["id"] for e in page2["events"]] == [e["id"] for e in everything["events"][2:4]]
    assert client.get("/api/events", params={"per_page": 2, "page": 999}).json()["events"] == []


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"country": "NG"}, lambda e: e["place"]["country"] == "NG"),
        ({"country": "ng"}, lambda e: e["place"]["country"] == "NG"),  # trap: case
        ({"since": "2025-04-01"}, lambda e: (e["date_end"] or e["date"]) >= "2025-04-01"),
        ({"until": "2025-04-01"}, lambda e: e["date"] <= "2025-04-01"),
        ({"type": "Violence against civilians"}, lambda e: e["event_type"] == "Violence against civilians"),
    ],
)
def test_events_filters(client, params, check):
    events = client.get("/api/events", params={**params, "per_page": 500}).json()["events"]
    everything = client.get("/api/events", params={"per_page": 500}).json()["events"]
    assert events and len(events) < len(everything)
    assert all(check(e) for e in events)


@pytest.mark.parametrize(("sort", "key"), [("killed", lambda e: e["killed"]["best"] if e["killed"] else -1),
                                           ("date", lambda e: e["date"] or e["date_end"] or "")])
def test_events_sorting(client, sort, key):
    down = client.get("/api/events", params={"sort": sort, "order": "desc", "per_page": 500}).json()["events"]
    values = [key(e) for e in down]
    assert values == sorted(values, reverse=True)
    assert len(set(values)) > 1


@pytest.mark.parametrize(
    "params",
    [{"page": 0}, {"per_page": 0}, {"per_page": 100_000}, {"sort": "victims"}, {"order": "up"},
     {"country": "Nigeria"}, {"since": "yesterday"}, {"until": "2025-13-01"}, {"page": "two"}],
)
def test_bad_parameters_get_422(client, params):
    assert client.get("/api/events", params=params).status_code == 422
    assert client.get("/", params=params).status_code == 422


def test_event_detail(client):
    event = client.get(f"/api/events/{revision_event(client)['id']}").json()
    assert set(event) >= {"figures", "members", "findings", "actors"}
    killed = next(f for f in event["figures"] if f["outcome"] == "killed" and f["group"] == "total")
    assert killed["best"] == 47
    assert {c["value"] for c in killed["claims"]} == {23, 47}
    assert all(c["excerpt"] and c["report"] and c["claim"] for c in killed["claims"])
    assert len({m["report"] for m in event["members"]}) == 2


@pytest.mark.parametrize("path", ["/api/events/ev-000000000000", "/api/events/nothing",
                                  f"/api/reports/{HEX64}",
                                  "/api/reports/short", "/events/ev-000000000000", f"/reports/{HEX64}"])
def test_unknown_ids_get_404(client, path):
    assert client.get(path).status_code == 404


def test_report_and_its_claims(client):
    rid = report_id(client, "risen to 47")
    report = client.get(f"/api/reports/{rid}").json()
    assert REVISION_LATER in report["extraction"]["document"]["text"]
    assert report["extraction"]["document"]["id"] == rid and report["events"] and report["reviews"] == []
    claims = client.get("/api/claims", params={"report": rid}).json()["claims"]
    text = report["extraction"]["document"]["text"]
    for claim in claims:
        assert claim["evidence_text"] == text[claim["evidence"]["start"]:claim["evidence"]["end"]]
        assert claim["report"] == rid and claim["reviewed"] is False


def test_claims_queue_is_lowest_confidence_first(client):
    queue = client.get("/api/claims", params={"limit": 1000}).json()["claims"]
    confidences = [c["confidence"] for c in queue]
    assert confidences == sorted(confidences) and len(queue) > 5


@pytest.mark.parametrize("params", [{"report": "xyz"}, {"limit": 0}, {"unreviewed": "maybe"}])
def test_claims_bad_parameters(client, params):
    assert client.get("/api/claims", params=params).status_code == 422


def test_claims_of_an_unknown_report(client):
    assert client.get("/api/claims", params={"report": HEX64}).status_code == 404


def test_search(client):
    found = client.get("/api/search", params={"q": "Kaduna"}).json()
    assert found["reports"] and found["events"]
    assert all("Kaduna" in e["place_label"] for e in found["events"])
    nothing = client.get("/api/search", params={"q": "no such words anywhere"}).json()
    assert nothing == {"reports": [], "events": []}
    assert client.get("/api/search").status_code == 422


def test_openapi_documents_the_api(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/reports/{report_id}", "/api/claims",
            "/api/reviews", "/api/search"} <= set(paths)
    assert client.get("/api/docs").status_code == 200


# ------------------------------------------------------------ reviews change the ledger


def test_a_correction_through_the_api_changes_the_ledger(client):
    rid = report_id(client, "risen to 47")
    claims = client.get("/api/claims", params={"report": rid}).json()["claims"]
    target = next(c for c in claims if c["outcome"] == "killed" and c["source"])
    body = {"report": rid, "claim": target["id"], "coder": "ana", "action": "correct", "field": "count",
            "new_value": "52", "comment": "hospital list"}
    made = client.post("/api/reviews", json=body)
    assert made.status_code == 201
    assert made.json()["old_value"] == "47" and made.json()["new_value"] == "52"
    assert client.get("/api/reviews", params={"report": rid}).json()["reviews"][0]["coder"] == "ana"
    bests = {e["killed"]["best"] for e in client.get("/api/events").json()["events"] if e["killed"]}
    assert 52 in bests and 47 not in bests
    stored = client.get(f"/api/reports/{rid}").json()
    original = next(c for c in stored["extraction"]["claims"] if c["id"] == target["id"])
    assert original["count"]["value"] == 47  # the extraction itself is untouched
    assert (rid, target["id"]) in {(c["report"], c["id"]) for c in
                                   client.get("/api/claims", params={"report": rid}).json()["claims"]
                                   if c["reviewed"]}


@pytest.mark.parametrize(
    ("change", "status"),
    [
        ({"claim": "c99"}, 404),
        ({"report": HEX64}, 404),
        ({"action": "approve"}, 422),
        ({"field": "count", "new_value": "many", "action": "correct"}, 422),
        ({"coder": ""}, 422),
        ({"report": "not-a-hash"}, 422),
    ],
)
def test_bad_reviews(client, change, status):
    rid = report_id(client, "risen to 47")
    body = {"report": rid, "claim": "c1", "coder": "ana", "action": "accept", **change}
    assert client.post("/api/reviews", json=body).status_code == status
    assert client.get("/api/reviews").json()["reviews"] == []


def test_review_form_sets_the_coder_and_rejects_cross_site_posts(client):
    rid = report_id(client, "risen to 47")
    path = f"/reports/{rid}/claims/c1/review"
    form = {"action": "reject", "coder": "bo"}
    assert client.post(path, data=form).status_code == 403  # no Origin or Referer
    assert client.post(path, data=form, headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.post(path, data=form, headers={"Referer": "https://evil.example/x"}).status_code == 403
    assert client.post(path, data=form, headers={"Origin": "null"}).status_code == 403
    assert client.post("/api/reviews", json={}, headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.get("/api/reviews").json()["reviews"] == []
    done = client.post(path, data=form, headers=SAME_ORIGIN, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("#claim-c1")
    assert client.cookies.get("tollbook_coder") == "bo"
    again = client.post(path, data={"action": "accept"}, headers={"Referer": f"http://testserver/reports/{rid}"},
                        follow_redirects=False)
    assert again.status_code == 303  # the name comes from the session cookie now
    assert [r["coder"] for r in client.get("/api/reviews").json()["reviews"]] == ["bo", "bo"]


def test_review_without_a_name_is_refused(client):
    rid = report_id(client, "risen to 47")
    answer = client.post(f"/reports/{rid}/claims/c1/review", data={"action": "accept"}, headers=SAME_ORIGIN)
    assert answer.status_code == 422


def test_read_only_refuses_every_write(make_client):
    client = make_client(read_only=True)
    rid = report_id(client, "risen to 47")
    assert client.post("/api/reviews", json={"report": rid, "claim": "c1", "coder": "a", "action": "accept"}
                       ).status_code == 403
    assert client.post(f"/reports/{rid}/claims/c1/review", data={"action": "accept", "coder": "a"},
                       headers=SAME_ORIGIN).status_code == 403
    assert client.post("/add", data={"text": "Two people were killed in Jos."}, headers=SAME_ORIGIN
                       ).status_code == 403
    page = client.get(f"/reports/{rid}").text
    assert "<form class=\"review\"" not in page and 'href="/add"' not in page


# ------------------------------------------------------------ adding reports


def test_add_pasted_text_then_find_it(client):
    text = "Gunmen killed 9 farmers near Makurdi on Sunday, police said. Eleven others were wounded."
    form = {"text": text, "title": "Makurdi farm attack", "published": "2025-06-02"}
    added = client.post("/add", data=form, headers=SAME_ORIGIN, follow_redirects=False)
    assert added.status_code == 303
    rid = added.headers["location"].rsplit("/", 1)[-1]
    assert "Makurdi farm attack" in client.get(added.headers["location"]).text
    assert client.get("/api/search", params={"q": "Makurdi"}).json()["reports"][0]["id"] == rid
    events = client.get("/api/events", params={"per_page": 500}).json()["events"]
    assert any(rid in e["reports"] and e["killed"] and e["killed"]["best"] == 9 for e in events)


def test_add_an_html_file(client):
    html = (b"<html><head><title>Clash in Maiduguri leaves 5 dead</title></head><body><article>"
            b"<h1>Clash in Maiduguri leaves 5 dead</h1><p>Five soldiers were killed in a clash near "
            b"Maiduguri on Friday, the army said in a statement on Saturday.</p><p>Residents said the "
            b"fighting lasted for several hours and many families fled the area overnight.</p>"
            b"</article></body></html>")
    added = client.post("/add", files={"file": ("clash.html", html, "text/html")}, headers=SAME_ORIGIN,
                        follow_redirects=False)
    assert added.status_code == 303
    assert "soldiers were killed in a clash near" in client.get(added.headers["location"]).text


@pytest.mark.parametrize(
    ("form", "status"),
    [({"text": "   "}, 422), ({"text": "x", "published": "June"}, 422), ({"url": "http://127.0.0.1/"}, 403)],
)
def test_add_refusals(client, form, status):
    assert client.post("/add", data=form, headers=SAME_ORIGIN).status_code == status


def test_uploads_over_the_limit_get_413(make_client):
    client = make_client(max_body=10_000)
    big = b"<p>" + b"Four people were killed. " * 5000 + b"</p>"
    answer = client.post("/add", files={"file": ("big.html", big, "text/html")}, headers=SAME_ORIGIN)
    assert answer.status_code == 413

    def chunks():  # no Content-Length: the body is counted as it arrives
        for _ in range(100):
            yield b"x" * 1000

    streamed = client.post("/api/reviews", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_cross_site_add_is_refused(client):
    answer = client.post("/add", data={"text": "Two people were killed in Jos."},
                         headers={"Origin": "http://testserver.evil.example"})
    assert answer.status_code == 403


# ------------------------------------------------------------ pages


def test_pages_render(client):
    event = revision_event(client)
    rid = event["reports"][0]
    for path in ("/", "/?sort=killed&order=desc", f"/events/{event['id']}", f"/reports/{rid}", "/queue",
                 "/add", "/search?q=Kaduna", "/static/style.css", "/static/app.js"):
        answer = client.get(path)
        assert answer.status_code == 200, path
    ledger = client.get("/").text
    assert f'/events/{event["id"]}' in ledger


def test_event_page_chart_has_both_figures_of_the_revision(client):
    page = client.get(f"/events/{revision_event(client)['id']}").text
    killed = re.findall(r'<circle class="point"[^>]*data-value="(\d+)"[^>]*data-outcome="killed"', page)
    assert sorted(map(int, killed)) == [23, 47]


def test_report_page_highlights_equal_the_claims_spans(client):
    rid = report_id(client, "Maiduguri")
    page = client.get(f"/reports/{rid}").text
    text = client.get(f"/api/reports/{rid}").json()["extraction"]["document"]["text"]
    marks: dict[str, str] = {}
    mark = r'<mark class="claim[^"]*" data-claim="([^"]+)"[^>]*>(.*?)</mark>'
    for claim_id, inner in re.findall(mark, page, re.S):
        marks[claim_id] = marks.get(claim_id, "") + inner
    rows = {claim_id: (int(start), int(end)) for claim_id, start, end in
            re.findall(r'data-claim="(c\d+)"\s+data-span-start="(\d+)" data-span-end="(\d+)"', page)}
    assert marks
    for claim_id, inner in marks.items():
        start, end = rows[claim_id]
        assert html.unescape(inner) == text[start:end]


def test_hostile_markup_is_escaped(client):
    rid = report_id(client, "Jos")
    page = client.get(f"/reports/{rid}")
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert 'href="javascript:' not in page.text
    assert "&lt;script&gt;alert(" in page.text and "&lt;img src=x onerror=" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert HOSTILE_TITLE not in client.get("/search", params={"q": "Jos"}).text
