"""Fixtures the web tests share: a store filled with the bundled sample reports plus invented ones
(a toll revised from 23 to 47 across two reports, and a report full of markup that must stay inert).

A test module loads them with `pytest_plugins = ["conftest_web"]`. The reports are extracted once
per session into a template database; each test gets its own copy.
"""

from __future__ import annotations

import shutil
import socket

import pytest

# An invented incident, reported twice by the same police spokesman: 23 dead, then 47.
REVISION_FIRST = (
    "Twenty-three people were killed in an attack on a bus station in Kaduna on Monday, police said.\n\n"
    "Police spokesman Musa Ali said 23 people died and 15 were injured."
)
REVISION_LATER = (
    "The death toll from Monday's attack on a bus station in Kaduna has risen to 47, police said on "
    "Wednesday.\n\nPolice spokesman Musa Ali said 47 people were killed and 30 injured in the attack."
)
HOSTILE = (
    "Gunmen killed 4 villagers in Jos on Tuesday, police said. <script>alert('script')</script>\n\n"
    "A resident shared a photo <img src=x onerror=\"alert('img')\"> and a link "
    "<a href=\"javascript:alert('link')\">javascript:alert('bare')</a> to the local council."
)
HOSTILE_TITLE = "Jos attack <script>alert('title')</script>"


def invented_reports():
    from tollbook import pipeline

    return [
        pipeline.extract_text(REVISION_FIRST, title="Bus station attack in Kaduna kills 23",
                              published="2025-04-07"),
        # The title heads the text; it names no figure, so the review test's one corrected
        # figure is that report's only say on the dead.
        pipeline.extract_text(REVISION_LATER, title="Kaduna bus station attack toll rises",
                              published="2025-04-09"),
        pipeline.extract_text(HOSTILE, title=HOSTILE_TITLE, published="2025-05-06"),
    ]


@pytest.fixture(scope="session")
def web_reports():
    from tollbook.demo import extract_samples

    return [extraction for _, extraction in extract_samples()] + invented_reports()


@pytest.fixture(scope="session")
def web_template_db(tmp_path_factory, web_reports):
    from tollbook.store import open_store

    path = tmp_path_factory.mktemp("web-template") / "template.db"
    with open_store(f"sqlite:///{path}") as store:
        for extraction in web_reports:
            store.save(extraction)
    return path


@pytest.fixture
def web_db(tmp_path, web_template_db) -> str:
    """A fresh copy of the filled store, as a URL."""
    path = tmp_path / "web.db"
    shutil.copy(web_template_db, path)
    return f"sqlite:///{path}"


@pytest.fixture
def make_client(web_db):
    """TestClient factory: make_client(read_only=False, allow_fetch=False)."""
    from fastapi.testclient import TestClient

    from tollbook.web import create_app

    clients = []

    def make(**options):
        client = TestClient(create_app(web_db, **options), base_url="http://testserver")
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client):
    return make_client()


SAME_ORIGIN = {"Origin": "http://testserver"}

LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture
def loopback_only(monkeypatch):
    """Fail the test if anything tries to connect anywhere but 127.0.0.1 (or resolve a name)."""
    attempts: list[object] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def host_of(address) -> str:
        return address[0] if isinstance(address, tuple) else str(address)

    def guarded(real):
        def connect(self, address):
            if self.family in (socket.AF_INET, socket.AF_INET6) and host_of(address) not in LOOPBACK:
                attempts.append(address)
                raise AssertionError(f"a test tried to connect to {address!r}")
            return real(self, address)
        return connect

    def no_dns(host, *args, **kwargs):
        if host not in LOOPBACK:
            attempts.append(host)
            raise AssertionError(f"a test tried to resolve {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    yield attempts
    assert not attempts, f"connections attempted outside 127.0.0.1: {attempts}"
