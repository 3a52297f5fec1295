"""The web UI in a real browser: Debian's Chromium driven by Playwright, against uvicorn on 127.0.0.1
serving a store of the sample reports plus invented ones. Screenshots go to a folder under the
test's tmp_path (or $TOLLBOOK_ARTIFACTS when set, e.g. the git-ignored artifacts/)."""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest_plugins = ["conftest_web"]

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no {CHROMIUM}"),
]
sync_api = pytest.importorskip("playwright.sync_api")

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(web_db):
    import uvicorn

    from tollbook.web import create_app

    port = free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("TOLLBOOK_ARTIFACTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    dialogs: list[str] = []
    outside: list[str] = []

    def local_only(route):
        # Nothing but this server: a request anywhere else is recorded and never sent.
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    opened.route("**/*", local_only)
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.dialogs = dialogs  # type: ignore[attr-defined]
    opened.set_default_timeout(15_000)
    yield opened
    context.close()
    assert outside == [], f"the page tried to reach {outside}"


def open_revision_event(page, server):
    page.goto(f"{server}/?sort=killed&order=desc")
    row = page.locator("#ledger tbody tr", has_text="Kaduna").filter(has_text="47").first
    row.locator("a").first.click()
    page.wait_for_selector("svg#chart")


def test_ledger_event_chart_and_report_highlights(page, server, shots):
    page.goto(server)
    assert page.locator("#ledger tbody tr").count() >= 6
    page.screenshot(path=shots / "ledger.png", full_page=True)

    open_revision_event(page, server)
    values = page.eval_on_selector_all('circle.point[data-outcome="killed"]',
                                       "points => points.map(p => Number(p.dataset.value))")
    assert sorted(values) == [23, 47]
    page.screenshot(path=shots / "event.png", full_page=True)

    page.locator("ul.members a", has_text="toll rises").click()
    page.wait_for_selector("#report-text")
    report_id = page.url.rsplit("/", 1)[-1]
    text = page.request.get(f"{server}/api/reports/{report_id}").json()["extraction"]["document"]["text"]
    marked = page.eval_on_selector_all("mark.claim", """marks => {
        const joined = {};
        for (const m of marks) joined[m.dataset.claim] = (joined[m.dataset.claim] || '') + m.textContent;
        return joined;
    }""")
    assert marked
    for claim_id, shown in marked.items():
        row = page.locator(f"#claim-{claim_id}")
        start, end = int(row.get_attribute("data-span-start")), int(row.get_attribute("data-span-end"))
        assert shown == text[start:end]
    page.screenshot(path=shots / "report.png", full_page=True)


def test_correcting_a_count_changes_the_ledger(page, server, shots):
    open_revision_event(page, server)
    page.locator("ul.members a", has_text="toll rises").click()
    page.fill("form.coder-form input[name=name]", "Test Coder")
    page.click("form.coder-form button")
    page.wait_for_selector("form.review")
    assert "Test Coder" in page.locator("header .coder").inner_text()
    row = page.locator("tr.claim-row").filter(has=page.locator("td.count", has_text="47")).first
    claim_id = row.get_attribute("data-claim")
    form = row.locator("form.review")
    form.locator("select[name=action]").select_option("correct")
    form.locator("select[name=field]").select_option("count")
    form.locator("input[name=new_value]").fill("61")
    form.locator("input[name=comment]").fill("morgue count")
    form.locator("button").click()
    page.wait_for_selector(f"#claim-{claim_id}")
    assert "61" in page.locator(f"#claim-{claim_id} td.count").inner_text()
    assert "morgue count" in page.locator("table.reviews").inner_text()
    page.screenshot(path=shots / "reviewed.png", full_page=True)
    page.goto(f"{server}/?sort=killed&order=desc")
    first = page.locator("#ledger tbody tr").first
    assert "Kaduna" in first.inner_text() and "61" in first.locator("td.killed").inner_text()


def test_adding_a_pasted_report_and_finding_it(page, server, shots):
    page.goto(f"{server}/add")
    page.fill("input[name=title]", "Flood of violence in Lokoja")
    page.fill("textarea[name=text]", "Armed men killed 8 traders in Lokoja on Saturday, police said. "
                                     "Three others were wounded and taken to hospital.")
    page.fill("input[name=published]", "2025-07-06")
    page.click("form.add button")
    page.wait_for_selector("#report-text")
    assert "Armed men killed" in page.locator("#report-text").inner_text()
    page.goto(server)
    page.fill("header input[name=q]", "Lokoja")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("ul.results")
    assert page.locator("ul.results a", has_text="Flood of violence in Lokoja").count() == 1
    page.goto(f"{server}/?country=NG&per_page=500")
    assert page.locator("#ledger tbody tr", has_text="Lokoja").count() >= 1
    page.screenshot(path=shots / "added.png", full_page=True)


def test_hostile_markup_is_inert(page, server, shots):
    page.goto(f"{server}/search?q=Jos")
    page.locator("ul.results a").first.click()
    page.wait_for_selector("#report-text")
    page.wait_for_timeout(300)  # time for anything that would fire
    text = page.locator("#report-text").inner_text()
    assert "<script>alert('script')</script>" in text
    assert "<img src=x onerror=\"alert('img')\">" in text
    assert page.locator("#report-text script, #report-text img, a[href^='javascript']").count() == 0
    assert "<script>" in page.locator("h1").inner_text()
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.screenshot(path=shots / "hostile.png", full_page=True)
