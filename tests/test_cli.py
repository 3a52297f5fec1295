"""The command line as a user meets it: bad input gives one line and exit 2, good input works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "tollbook" / "samples"


def tollbook(*args: str, stdin: bytes | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tollbook", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "200"},
    )


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


SPANISH = (
    "El gobierno anunció que las elecciones se celebrarán en el mes de junio y que todos los "
    "partidos podrán presentar sus candidatos antes de la fecha límite establecida por la ley."
)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("big") / "big.txt"
    line = b"Two people were killed and three injured in the attack, police said.\n"
    with path.open("wb") as f:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    return str(path)


BAD_INPUTS = {
    "empty": (b"", "empty"),
    "whitespace": (b"   \n\t\n", "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    "spanish": (SPANISH.encode(), "english"),
    "html-without-article": (
        b"<!DOCTYPE html><html><head><title>x</title></head><body>"
        b"<nav><a href='/'>Home</a></nav></body></html>",
        "article",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_exit_2(tmp_path, name):
    data, word = BAD_INPUTS[name]
    result = tollbook("extract", write(tmp_path, f"{name}.in", data))
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert word in stderr.lower()
    assert result.stdout == b""


def test_missing_path(tmp_path):
    result = tollbook("extract", str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "nope.txt" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_directory_path(tmp_path):
    result = tollbook("extract", str(tmp_path))
    assert result.returncode == 2 and len(result.stderr.decode().strip().splitlines()) == 1


def test_unreadable_path(tmp_path):
    path = write(tmp_path, "secret.txt", b"Two people were killed.")
    os.chmod(path, 0)
    if os.access(path, os.R_OK):  # root reads anything: make the path unreadable another way
        path = path + "/not-a-dir"
    result = tollbook("extract", path)
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()


def test_fifty_megabytes_is_refused_quickly(big_file):
    result = tollbook("extract", big_file, timeout=60)
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in stderr
    assert "large" in stderr.lower() or "limit" in stderr.lower()


def test_fifty_megabytes_on_stdin_is_refused(big_file):
    result = tollbook("extract", "-", stdin=Path(big_file).read_bytes(), timeout=60)
    assert result.returncode == 2 and "Traceback" not in result.stderr.decode()


def test_stdin_json_roundtrip():
    text = (SAMPLES / "market-bombing.txt").read_bytes()
    result = tollbook("extract", "-", "--json", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["schema_version"] and data["document"]["text"] == text.decode()
    values = {c["count"]["value"] for c in data["claims"] if c["count"]}
    assert 27 in values and 300 not in values and 45 not in values


def test_summary_output_has_tables():
    result = tollbook("extract", str(SAMPLES / "checkpoint-clash.txt"))
    out = result.stdout.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert "Casualty claims" in out and "Events" in out


def test_schema_is_json_schema():
    result = tollbook("schema")
    schema = json.loads(result.stdout)
    assert result.returncode == 0
    assert "claims" in schema["properties"] and "schema_version" in schema["properties"]


def test_help_has_examples():
    result = tollbook("extract", "--help")
    assert result.returncode == 0 and "Examples" in result.stdout.decode()
