"""The reading stage: decoding, plain text kept as is, HTML articles, and every bad input."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import os
import sys

import pytest

from tollbook.errors import BinaryInput, EmptyInput, NoArticle, NotEnglish, TooLarge, UnreadablePath
from tollbook.model import DatePrecision
from tollbook.read import body_of, read_bytes, read_html, read_path, read_text
from tollbook.read.html import looks_like_html
from tollbook.read.language import looks_english
from tollbook.settings import Settings

SETTINGS = Settings()

REPORT = (
    "Gunmen killed 14 villagers in a night raid on Tuesday, local officials said.\n"
    "“We buried them at dawn,” a resident said — 9 of the dead were women.\n"
)


def _page(body: str, *, head: str = "", title: str = "Gunmen kill 14 villagers in night raid") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article>{body}</article><footer><a href='/terms'>Terms of use</a></footer></body></html>"
    )


ARTICLE = (
    "<p>Gunmen killed 14 villagers in a night raid on Tuesday, local officials said, in the third "
    "attack on the district this month.</p>"
    "<p>A regional spokesman said 9 of the dead were women and that 6 other people were taken to "
    "hospital with gunshot wounds.</p>"
    "<p>Residents said the attackers arrived on motorcycles shortly after midnight and set fire to "
    "several houses before fleeing into the forest.</p>"
)


# --- decoding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(REPORT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + REPORT.encode("utf-8"), id="utf-8-sig"),
        pytest.param(REPORT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(REPORT.encode("utf-32"), id="utf-32-bom"),
        pytest.param(REPORT.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(REPORT.encode("cp1252"), id="cp1252-smart-quotes"),
    ],
)
def test_encodings_decode_to_the_same_text(data):
    assert read_bytes(data, settings=SETTINGS).text == REPORT


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # 0xE9 is é in cp1252 and latin-1 alike.
        (b"Police in Bogot\xe9 said 3 were killed.", "Police in Bogoté said 3 were killed."),
        # 0x81 is undefined in cp1252: only latin-1 decodes it (a trap for a cp1252-only reader).
        (
            b"Caf\xe9 \x81 owner said 2 were hurt in the attack.",
            "Café \x81 owner said 2 were hurt in the attack.",
        ),
        # Valid UTF-8 wins over cp1252, even where both would decode.
        ("Kraków: 5 injured".encode(), "Kraków: 5 injured"),
    ],
)
def test_single_byte_fallbacks(data, expected):
    assert read_bytes(data, settings=SETTINGS).text == expected


def test_html_meta_charset_is_honoured():
    html = _page(ARTICLE.replace("villagers", "villagers in Tér"), head='<meta charset="iso-8859-2">')
    data = html.encode("iso-8859-2")
    document = read_bytes(data, settings=SETTINGS)
    assert "Tér" in document.text


# --- plain text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        REPORT,
        "  Leading spaces, CRLF line ends\r\n\r\nand 3 dead.\r\n",
        "\tTabs\tand   runs of spaces; 12 killed.\n\n\n\nTrailing blank lines\n\n",
        "NO TRAILING NEWLINE, 4 WOUNDED",
    ],
)
def test_plain_text_is_kept_character_for_character(tmp_path, text):
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("utf-8"))
    document = read_path(path, SETTINGS)
    assert document.text == text
    assert document.id == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert document.headline is None
    assert document.published.date is None
    assert document.language == "en"
    assert document.segments == []


def test_plain_text_takes_given_settings():
    settings = SETTINGS.with_(published="2024-02-01", url="https://news.example.org/a/1", title="Raid")
    document = read_text(REPORT, settings=settings)
    assert document.published.date == "2024-02-01"
    assert document.published.how == "given"
    assert document.published.inferred is False
    assert document.url == "https://news.example.org/a/1"
    assert document.outlet == "news.example.org"
    assert document.headline == "Raid"
    # a given title heads the text as a page's does, so that its figures are read as a headline's
    assert document.text == "Raid\n\n" + REPORT
    assert body_of(document) == REPORT


def test_a_plain_text_that_opens_with_its_title_is_kept_as_it_is():
    text = "Four wounded in shooting at a diner Posted: Friday\n\n" + REPORT
    document = read_text(text, settings=SETTINGS.with_(title="Four wounded in shooting at a diner"))
    assert document.text == text


def test_stdin_is_read_with_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("utf-16"))))
    assert read_path("-", SETTINGS).text == REPORT


def test_stdin_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 101)))
    with pytest.raises(TooLarge, match="standard input"):
        read_path("-", SETTINGS.with_(max_bytes=100))


# --- HTML -------------------------------------------------------------------------------------


def test_html_title_is_prepended_as_its_own_line():
    document = read_html(_page(ARTICLE), settings=SETTINGS)
    assert document.headline == "Gunmen kill 14 villagers in night raid"
    assert document.text.startswith("Gunmen kill 14 villagers in night raid\n\nGunmen killed 14 villagers")
    assert "9 of the dead were women" in document.text
    assert "Terms of use" not in document.text and "Home" not in document.text
    assert body_of(document).startswith("Gunmen killed 14 villagers")
    assert document.id == hashlib.sha256(document.text.encode("utf-8")).hexdigest()


def test_repeated_headline_is_not_doubled():
    document = read_html(
        _page("<h1>Gunmen kill 14 villagers in night raid</h1>" + ARTICLE), settings=SETTINGS
    )
    assert document.text.count("Gunmen kill 14 villagers in night raid") == 1


def test_site_name_is_cut_from_the_title_and_becomes_the_outlet():
    head = '<meta property="og:site_name" content="Valley Courier">'
    html = _page(ARTICLE, head=head, title="Gunmen kill 14 villagers in night raid | Valley Courier")
    document = read_html(html, settings=SETTINGS, url="https://www.valleycourier.example/news/raid")
    assert document.headline == "Gunmen kill 14 villagers in night raid"
    assert document.outlet == "Valley Courier"
    assert document.url == "https://www.valleycourier.example/news/raid"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2023-07-14T08:30:00+00:00">',
        '<meta name="date" content="2023-07-14">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-07-14"}</script>',
    ],
)
def test_published_date_from_html_metadata(head):
    published = read_html(_page(ARTICLE, head=head), settings=SETTINGS).published
    assert published.date == "2023-07-14"
    assert published.precision == DatePrecision.DAY
    assert published.how == "html metadata"
    assert published.inferred is False


def test_given_date_and_title_override_the_page():
    head = '<meta property="article:published_time" content="2023-07-14T08:30:00+00:00">'
    settings = SETTINGS.with_(published="2023-07-20", title="Night raid")
    document = read_html(_page(ARTICLE, head=head), settings=settings)
    assert (document.published.date, document.published.how) == ("2023-07-20", "given")
    assert document.headline == "Night raid"
    assert document.text.startswith("Night raid\n\n")


def test_html_without_date_leaves_it_for_later():
    assert read_html(_page(ARTICLE), settings=SETTINGS).published.date is None


# Each kind of furniture in a form that trafilatura itself keeps, placed inside the article.
@pytest.mark.parametrize(
    ("furniture", "trace"),
    [
        ("<p>Read more: Floods leave 40 dead in the north</p>", "Floods leave 40 dead"),
        ("<p>Related: <a href='/a/5'>Floods leave 40 dead</a></p>", "Floods leave 40 dead"),
        ("<h3><a href='/a/2'>Bus crash kills 23 on mountain road</a></h3>", "Bus crash kills 23"),
        ("<p>You may also like...</p>", "also like"),
        ("<p itemprop='caption'>Mourners carry 14 coffins through the village</p>", "coffins"),
        ("<p>Sign up for our daily briefing</p>", "daily briefing"),
        ("<p>Follow Valley Courier on Twitter and Facebook.</p>", "Twitter"),
        ("<p>By Jane Roe and John Doe</p>", "Jane Roe"),
        ("<p>Jane Roe contributed to this report.</p>", "Jane Roe"),
        ("<p>SOURCE: Valley Courier and news agencies</p>", "news agencies"),
    ],
)
def test_page_furniture_is_dropped(furniture, trace):
    first_paragraph_end = ARTICLE.index("</p>") + len("</p>")
    article = ARTICLE[:first_paragraph_end] + furniture + ARTICLE[first_paragraph_end:]
    document = read_html(_page(article), settings=SETTINGS)
    assert trace not in document.text
    assert "9 of the dead were women" in document.text
    assert "set fire to several houses" in document.text


def test_a_paragraph_with_a_link_inside_is_kept():
    paragraph = (
        "<p>The <a href='/un'>United Nations</a> said at least 200 families had fled the area "
        "since the start of the week.</p>"
    )
    assert "at least 200 families" in read_html(_page(ARTICLE + paragraph), settings=SETTINGS).text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.txt", _page(ARTICLE)),  # the extension says text; the content says HTML
        ("page", "<html><body>" + ARTICLE + "</body></html>"),
        ("fragment.dat", ARTICLE),  # no <html>, but dense with tags
    ],
)
def test_html_is_sniffed_by_content(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = read_path(path, SETTINGS)
    assert "<p>" not in document.text
    assert "9 of the dead were women" in document.text


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<!doctype html><title>x</title>", True),
        ("  \n<html lang='en'>", True),
        ("<?xml version='1.0'?><html>", True),
        ("Casualties rose to <50 after the blast; fewer than > 10 remain missing.", False),
        ("Soldiers <3 their families. The <b> tag is not news.", False),
        ("Police said a < b and the toll was 7.\n" * 20, False),
    ],
)
def test_looks_like_html(text, is_html):
    assert looks_like_html(text) is is_html


# --- bad input --------------------------------------------------------------------------------


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(UnreadablePath, match="nowhere.txt"):
        read_path(path, SETTINGS)


def test_directory(tmp_path):
    with pytest.raises(UnreadablePath, match="directory"):
        read_path(tmp_path, SETTINGS)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_no_permission(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(REPORT)
    path.chmod(0)
    with pytest.raises(UnreadablePath, match="secret.txt"):
        read_path(path, SETTINGS)


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n  ", codecs.BOM_UTF8 + b"  \n", "\n \n".encode("utf-16")],
    ids=["empty", "whitespace", "bom-then-whitespace", "utf16-whitespace"],
)
def test_empty_input(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(EmptyInput, match="empty.txt"):
        read_path(path, SETTINGS)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), id="png"),
        pytest.param(gzip.compress(REPORT.encode()), id="gzip"),
        pytest.param(b"%PDF-1.7\n" + bytes(200), id="pdf"),
        pytest.param(b"Killed: 3\x00\x00\x00\x01\x02 injured", id="nul-bytes"),
        pytest.param(bytes(range(1, 9)) * 40 + b"some text", id="control-characters"),
    ],
)
def test_binary_input(tmp_path, data):
    path = tmp_path / "blob.bin"
    path.write_bytes(data)
    with pytest.raises(BinaryInput, match="blob.bin"):
        read_path(path, SETTINGS)


def test_too_large_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file: the size is checked, not the bytes
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(TooLarge, match="huge.txt"):
        read_path(path, SETTINGS)


@pytest.mark.parametrize("size, refused", [(100, False), (101, True)])
def test_size_limit_is_inclusive(size, refused):
    data = b"a" * (size - 1) + b"\n"
    settings = SETTINGS.with_(max_bytes=100, require_english=False)
    if refused:
        with pytest.raises(TooLarge):
            read_bytes(data, settings=settings, name="limit.txt")
    else:
        assert len(read_bytes(data, settings=settings).text) == size


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html><html><head><title>Home</title></head><body>  </body></html>",
        "<html><body><nav><a href='/'>Home page</a> <a href='/about'>About us</a></nav>"
        "<script>var tracker = 1;</script></body></html>",
    ],
)
def test_no_article(tmp_path, html):
    path = tmp_path / "index.html"
    path.write_text(html)
    with pytest.raises(NoArticle, match="index.html"):
        read_path(path, SETTINGS)


# --- language ---------------------------------------------------------------------------------

FOREIGN = {
    "spanish": "Al menos doce personas murieron el martes en un ataque contra una comisaría de la "
    "ciudad, según informaron las autoridades locales, que también dijeron que hay varios heridos.",
    "german": "Bei einem Anschlag auf eine Polizeiwache sind am Dienstag mindestens zwölf Menschen "
    "getötet worden, wie die Behörden mitteilten. Die Zahl der Verletzten ist noch nicht bekannt.",
    "french": "Au moins douze personnes ont été tuées mardi dans une attaque contre un commissariat "
    "de la ville, selon les autorités locales, qui ont aussi fait état de plusieurs blessés.",
    "russian": "По меньшей мере двенадцать человек погибли во вторник в результате нападения на "
    "полицейский участок, сообщили местные власти.",
    "portuguese": "Pelo menos doze pessoas morreram na terça-feira em um ataque contra uma delegacia "
    "da cidade, segundo as autoridades locais, que não informaram o número de feridos.",
}

ENGLISH = {
    "prose": REPORT,
    "all-caps wire": "GUNMEN KILLED AT LEAST 14 VILLAGERS IN A NIGHT RAID ON TUESDAY, LOCAL OFFICIALS SAID, "
    "AND THE ARMY SAID IT HAD SENT TROOPS TO THE AREA.",
    "short snippet": "Three killed in blast",
    "headline only": "Blast kills 12",
    "place names": "El Paso, Los Angeles and Las Vegas police said a man from San Jose was killed "
    "in a crash on Tuesday. Al Jazeera and Le Monde reported the story.",
    "quoted spanish": "The mayor said the city would mourn the 12 victims. 'Que descansen en paz,' "
    "she said, before the crowd dispersed.",
}


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_foreign_text_is_refused(language):
    assert not looks_english(FOREIGN[language])
    with pytest.raises(NotEnglish, match="standard input|English"):
        read_text(FOREIGN[language], settings=SETTINGS)


@pytest.mark.parametrize("kind", sorted(ENGLISH))
def test_english_text_is_accepted(kind):
    assert looks_english(ENGLISH[kind])
    assert read_text(ENGLISH[kind], settings=SETTINGS).text == ENGLISH[kind]


def test_language_check_can_be_switched_off():
    settings = SETTINGS.with_(require_english=False)
    assert read_text(FOREIGN["german"], settings=settings).text == FOREIGN["german"]


def test_foreign_html_page_is_refused(tmp_path):
    article = "".join(f"<p>{FOREIGN['spanish']}</p>" for _ in range(3))
    path = tmp_path / "noticia.html"
    path.write_text(_page(article, title="Ataque"), encoding="utf-8")
    with pytest.raises(NotEnglish, match="noticia.html"):
        read_path(path, SETTINGS)
