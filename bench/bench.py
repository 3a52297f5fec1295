"""`make bench`: tollbook's speed and memory against spaCy alone, measured in one run.

Runs, on the bundled sample reports repeated to at least 100k words:
- extraction words/s through the whole pipeline, against en_core_web_sm's full default pipeline
  on the same texts (interleaved rounds; medians and their ratio);
- the warm time for one ~1,000-word article (median of repeated runs);
- the cold start of `tollbook extract` as a fresh process (median of 3);
- peak memory (max RSS) of this process and of the cold-start process.

Writes the numbers and the command to BENCHMARKS.md (the section between the markers).
"""

from __future__ import annotations

import argparse
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from markdown import write_section  # bench/markdown.py, beside this script

from tollbook import demo, pipeline, read
from tollbook.annotate.nlp import load
from tollbook.settings import Settings

MARK_BEGIN = "<!-- bench:single-report:begin -->"
MARK_END = "<!-- bench:single-report:end -->"


def sample_texts(settings: Settings) -> list[str]:
    return [read.read_path(p, settings).text for p in demo.sample_paths()]


def corpus(texts: list[str], min_words: int) -> list[str]:
    out, words = [], 0
    while words < min_words:
        for text in texts:
            out.append(text)
            words += len(text.split())
    return out


def time_spacy(nlp, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - start


def time_tollbook(texts: list[str], settings: Settings) -> float:
    start = time.perf_counter()
    documents = (read.read_text(t, settings=settings) for t in texts)
    for _ in pipeline.extract_many(documents, settings):
        pass
    return time.perf_counter() - start


def thousand_word_article(texts: list[str]) -> str:
    paragraphs = [p for t in texts for p in t.split("\n\n") if len(p.split()) > 8]
    out, words = [paragraphs[0]], len(paragraphs[0].split())
    i = 1
    while words < 1000:
        paragraph = paragraphs[i % len(paragraphs)]
        out.append(paragraph)
        words += len(paragraph.split())
        i += 1
    return "\n\n".join(out)


def cold_start(path: Path) -> tuple[float, float]:
    tollbook = Path(sys.executable).with_name("tollbook")
    start = time.perf_counter()
    subprocess.run([str(tollbook), "extract", str(path), "--json"], check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return elapsed, peak


def measure(rounds: int, min_words: int) -> dict:
    settings = Settings()
    texts = sample_texts(settings)
    docs = corpus(texts, min_words)
    words = sum(len(t.split()) for t in docs)
    nlp = load()
    pipeline.extract_report(read.read_text(texts[0], settings=settings), settings)  # warm up both
    spacy_times, tollbook_times = [], []
    for _ in range(rounds):
        spacy_times.append(time_spacy(nlp, docs))
        tollbook_times.append(time_tollbook(docs, settings))
    article = thousand_word_article(texts)
    warm = []
    for _ in range(15):
        start = time.perf_counter()
        pipeline.extract_report(read.read_text(article, settings=settings), settings)
        warm.append(time.perf_counter() - start)
    sample = demo.sample_paths()[0]
    colds = [cold_start(sample) for _ in range(3)]
    spacy_wps = words / statistics.median(spacy_times)
    tollbook_wps = words / statistics.median(tollbook_times)
    return {
        "words": words,
        "documents": len(docs),
        "rounds": rounds,
        "spacy_wps": spacy_wps,
        "tollbook_wps": tollbook_wps,
        "ratio": tollbook_wps / spacy_wps,
        "article_words": len(article.split()),
        "warm_ms": 1000 * statistics.median(warm),
        "cold_s": statistics.median(c for c, _ in colds),
        "cold_peak_mb": max(p for _, p in colds),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def report(m: dict, command: str) -> str:
    goal = lambda ok: "met" if ok else "**not met**"  # noqa: E731
    return "\n".join(
        [
            MARK_BEGIN,
            "## Single-report extraction",
            "",
            f"Command: `{command}` — {date.today().isoformat()}, {platform.machine()}, "
            f"Python {platform.python_version()}, {m['rounds']} interleaved rounds (medians).",
            "",
            f"Corpus: the bundled sample reports repeated to {m['words']:,} words "
            f"({m['documents']} documents).",
            "",
            "| measure | value | goal |",
            "|---|---|---|",
            f"| spaCy en_core_web_sm alone (full default pipeline), words/s | {m['spacy_wps']:,.0f} | |",
            f"| tollbook extraction (whole pipeline), words/s | {m['tollbook_wps']:,.0f} | |",
            f"| ratio tollbook / spaCy | {m['ratio']:.2f}× | ≥ 0.8× ({goal(m['ratio'] >= 0.8)}) |",
            f"| warm extraction of one {m['article_words']:,}-word article | {m['warm_ms']:.0f} ms | "
            f"≤ 250 ms ({goal(m['warm_ms'] <= 250)}) |",
            f"| cold `tollbook extract` (new process, gazetteer cached) | {m['cold_s']:.2f} s | "
            f"≤ 3 s ({goal(m['cold_s'] <= 3)}) |",
            f"| peak memory, cold `tollbook extract` process | {m['cold_peak_mb']:.0f} MB | |",
            f"| peak memory, this benchmark process | {m['peak_mb']:.0f} MB | |",
            MARK_END,
        ]
    )


def write(path: Path, section: str) -> None:
    write_section(path, section, MARK_BEGIN, MARK_END)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="update this Markdown file (BENCHMARKS.md)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    m = measure(args.rounds, args.words)
    section = report(m, "make bench")
    print(section)
    if args.write:
        write(args.write, section)


if __name__ == "__main__":
    main()
