"""Fetching a report from a URL on the server, guarded (off unless `serve` is started with fetching on).

A URL is fetched only if it is http(s) and every address its host resolves to is public: loopback,
private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata lives at
169.254.169.254), multicast, reserved and unspecified addresses are refused. Redirects are followed
by hand, each target checked the same way before any connection to it; the connection goes to the
address that was checked (no second lookup to rebind); bodies stop at a size limit.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from tollbook.errors import TollbookError

MAX_BODY = 2_000_000
MAX_REDIRECTS = 3
TIMEOUT = 10.0

Resolver = Callable[[str, int], list[str]]


class FetchRefused(TollbookError):
    """The URL, one of its addresses, a redirect or the body is not allowed."""


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to (the guard checks all of them, not just the first)."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]  # a literal address: nothing to look up
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchRefused(f"cannot resolve {host!r} ({error.strerror})") from None
    return sorted({info[4][0] for info in infos})


def check_address(address: str, *, allow_loopback: bool = False) -> None:
    """Raise FetchRefused unless the address is a public one (loopback only when allowed, for tests)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        raise FetchRefused(f"{address!r} is not an IP address") from None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:10.0.0.1 is 10.0.0.1
    if allow_loopback and ip.is_loopback:
        return
    if not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_loopback or ip.is_link_local:
        raise FetchRefused(f"refusing to fetch from a non-public address ({ip})")


def check_url(url: str, *, resolver: Resolver = resolve, allow_loopback: bool = False) -> list[str]:
    """The URL's checked addresses; FetchRefused for another scheme, no host or a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"only http and https URLs can be fetched, not {parts.scheme or 'none'!r}")
    if not parts.hostname:
        raise FetchRefused("the URL has no host")
    if parts.username or parts.password:
        raise FetchRefused("URLs with credentials are not fetched")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchRefused("the URL's port is not a number") from None
    addresses = resolver(parts.hostname, port)
    if not addresses:
        raise FetchRefused(f"{parts.hostname!r} resolves to no address")
    for address in addresses:
        check_address(address, allow_loopback=allow_loopback)
    return addresses


def fetch_url(
    url: str,
    *,
    max_bytes: int = MAX_BODY,
    resolver: Resolver = resolve,
    allow_loopback: bool = False,
    client: httpx.Client | None = None,
) -> tuple[str, bytes]:
    """(final URL, body) of a guarded GET. Every hop is checked before it is requested."""
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False, trust_env=False)
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            addresses = check_url(url, resolver=resolver, allow_loopback=allow_loopback)
            with _pinned_get(client, url, addresses[0]) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers.get("location", ""))
                    continue
                if response.status_code != 200:
                    raise FetchRefused(f"the server answered {response.status_code}")
                return url, _body(response, max_bytes)
        raise FetchRefused(f"more than {MAX_REDIRECTS} redirects")
    except httpx.HTTPError as error:
        raise FetchRefused(f"cannot fetch the URL ({type(error).__name__})") from None
    finally:
        if own:
            client.close()


def _pinned_get(client: httpx.Client, url: str, address: str):
    """GET `url` from the address that was checked, not from a second lookup of its host name: a
    name that answers a public address to the check and a private one to the connection (DNS
    rebinding) still reaches only the checked address. The Host header and the TLS server name
    stay the URL's own, so virtual hosts and certificates work as usual."""
    parts = urlsplit(url)
    ip = f"[{address}]" if ":" in address else address
    netloc = f"{ip}:{parts.port}" if parts.port else ip
    host = f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname
    return client.stream("GET", parts._replace(netloc=netloc).geturl(),
                         headers={"User-Agent": "tollbook", "Host": host},
                         extensions={"sni_hostname": parts.hostname})


def _body(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchRefused(f"the page is larger than {max_bytes} bytes")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchRefused(f"the page is larger than {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
