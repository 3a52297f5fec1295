"""The URL guard: addresses and URLs checked as functions (no connection opened), and redirects and
size limits against a server on 127.0.0.1. Every test here fails if anything tries to connect to
(or even resolve) anything but 127.0.0.1 — even when the guard under test is broken."""

from __future__ import annotations

import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest_web import SAME_ORIGIN
from tollbook.web.fetch import FetchRefused, check_address, check_url, fetch_url, resolve

pytest_plugins = ["conftest_web"]


@pytest.fixture(autouse=True)
def _only_loopback(loopback_only):
    return loopback_only


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "127.8.9.10", "10.0.0.1", "10.255.255.254", "172.16.0.1", "172.31.255.255", "192.168.0.1",
     "192.168.255.255", "169.254.169.254", "169.254.0.1", "0.0.0.0", "100.64.0.1", "224.0.0.1",
     "255.255.255.255", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
     "::", "not-an-ip"],
)
def test_non_public_addresses_are_refused(address):
    with pytest.raises(FetchRefused):
        check_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "192.169.0.1",
                                     "169.255.0.1", "2606:4700:4700::1111"])
def test_public_addresses_pass(address):
    check_address(address)  # just outside the private ranges: allowed


def test_loopback_only_when_allowed():
    check_address("127.0.0.1", allow_loopback=True)
    with pytest.raises(FetchRefused):
        check_address("10.0.0.1", allow_loopback=True)  # allowing loopback allows nothing else


NAMES = {"news.example": ["93.184.215.14"], "intranet.example": ["10.1.2.3"],
         "mixed.example": ["93.184.215.14", "192.168.1.10"], "metadata.example": ["169.254.169.254"],
         "nothing.example": [], "story.example": ["127.0.0.1"]}


def fake_resolver(host: str, port: int) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        return NAMES[host]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", "only http"),
        ("ftp://news.example/a", "only http"),
        ("javascript:alert(1)", "only http"),
        ("gopher://news.example/", "only http"),
        ("news.example/story", "only http"),
        ("http:///story", "no host"),
        ("http://user:pw@news.example/", "credentials"),
        ("http://news.example:99999/", "port"),
        ("http://127.0.0.1/", "non-public"),
        ("http://10.0.0.8:8080/", "non-public"),
        ("http://[::1]/", "non-public"),
        ("http://169.254.169.254/latest/meta-data/", "non-public"),
        ("http://intranet.example/", "non-public"),
        ("http://mixed.example/", "non-public"),  # one private address is enough to refuse
        ("https://metadata.example/", "non-public"),
        ("http://nothing.example/", "no address"),
    ],
)
def test_urls_refused(url, message):
    with pytest.raises(FetchRefused, match=message):
        check_url(url, resolver=fake_resolver)


def test_public_url_passes():
    assert check_url("https://news.example/story?id=1", resolver=fake_resolver) == ["93.184.215.14"]


def test_the_real_resolver_refuses_localhost():
    with pytest.raises(FetchRefused, match="non-public"):
        check_url("http://localhost:9/", resolver=resolve)


# ------------------------------------------------------------ against a 127.0.0.1 server

STORY = (b"<html><head><title>Six killed in Kano blast</title></head><body><article><h1>Six killed in Kano "
         b"blast</h1><p>Six people were killed and nine injured when a gas cylinder exploded in Kano on "
         b"Tuesday, fire officials said.</p><p>Rescue workers searched the rubble for several hours while "
         b"residents gathered outside the damaged buildings.</p></article></body></html>")
REDIRECTS = {"/to-metadata": "http://169.254.169.254/latest/meta-data/", "/to-private": "http://10.0.0.1/admin",
             "/to-intranet": "http://intranet.example/", "/to-file": "file:///etc/passwd",
             "/to-story": "/story", "/loop": "/loop"}


HOSTS_SEEN: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        HOSTS_SEEN.append(self.headers.get("Host", ""))
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
            self.end_headers()
        elif self.path == "/story":
            self._send(STORY)
        elif self.path == "/big":
            self._send(b"x" * 50_000)
        elif self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for _ in range(50):
                self.wfile.write(b"3e8\r\n" + b"y" * 1000 + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_response(404)
            self.end_headers()

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        pass


@pytest.fixture(scope="module")
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.protocol_version = "HTTP/1.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def local_fetch(url: str, **options):
    return fetch_url(url, resolver=fake_resolver, allow_loopback=True, **options)


@pytest.mark.parametrize("path", ["/to-metadata", "/to-private", "/to-intranet", "/to-file", "/loop"])
def test_redirects_to_refused_targets_are_not_followed(local_server, path, loopback_only):
    with pytest.raises(FetchRefused):
        local_fetch(local_server + path)
    assert loopback_only == []  # refused before any connection


def test_a_redirect_to_an_allowed_page_is_followed(local_server):
    final, body = local_fetch(local_server + "/to-story")
    assert final.endswith("/story") and body == STORY


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_bodies_over_the_limit_are_refused(local_server, path):
    with pytest.raises(FetchRefused, match="larger than"):
        local_fetch(local_server + path, max_bytes=10_000)


def test_the_connection_goes_to_the_checked_address_not_a_second_lookup(local_server):
    # "story.example" is known only to the checking resolver: a second lookup of the name at
    # connection time (what a DNS-rebinding host exploits) would trip the no-DNS guard
    port = local_server.rsplit(":", 1)[1]
    final, body = local_fetch(f"http://story.example:{port}/story")
    assert body == STORY and final == f"http://story.example:{port}/story"
    assert HOSTS_SEEN[-1] == f"story.example:{port}"  # the server still sees the URL's own host


def test_loopback_is_refused_by_default(local_server):
    with pytest.raises(FetchRefused, match="non-public"):
        fetch_url(local_server + "/story", resolver=fake_resolver)


@pytest.mark.slow
def test_the_add_page_fetches_only_when_allowed(make_client, local_server):
    off = make_client()
    assert off.post("/add", data={"url": local_server + "/story"}, headers=SAME_ORIGIN).status_code == 403
    on = make_client(allow_fetch=True)
    assert on.post("/add", data={"url": local_server + "/story"}, headers=SAME_ORIGIN).status_code == 400
    on.app.state.service.fetch_loopback = True  # the test server is on 127.0.0.1
    refused = on.post("/add", data={"url": local_server + "/to-private"}, headers=SAME_ORIGIN)
    assert refused.status_code == 400
    story = {"url": local_server + "/story"}
    added = on.post("/add", data=story, headers=SAME_ORIGIN, follow_redirects=False)
    assert added.status_code == 303
    assert "gas cylinder exploded in Kano" in on.get(added.headers["location"]).text
