"""The `tollbook` command: parses arguments and calls library functions, nothing more.

User-facing errors (`tollbook.errors.TollbookError`) are printed as one line on stderr with exit
code 2 — never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from tollbook import __version__
from tollbook.errors import TollbookError

app = typer.Typer(
    name="tollbook",
    help="Turn news reports of violence into a sourced casualty ledger.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)  # an error message stays on one line


def _version(value: bool) -> None:
    if value:
        print(f"tollbook {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """Turn news reports of violence into a sourced casualty ledger.

    Examples:

      tollbook demo

      tollbook extract report.html

      curl -s https://example.org/story | tollbook extract - --json > story.json
    """


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="A plain-text or HTML report, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole Extraction as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when any finding is an error.")] = False,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) if known.")] = None,
    url: Annotated[str | None, typer.Option(help="Where the report came from.")] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline to use instead of en_core_web_sm.")
    ] = None,
) -> None:
    """Extract casualty claims, events and findings from one report.

    Examples:

      tollbook extract ../shared/data/seed/article.txt

      tollbook extract story.html --json > story.json

      cat story.txt | tollbook extract - --published 2026-01-17 --strict
    """
    from tollbook import pipeline, read, render
    from tollbook import settings as settings_module

    settings = settings_module.from_env().with_(published=published, url=url)
    if model:
        settings = settings.with_(spacy_model=model)
    document = read.read_path(path, settings)
    extraction = pipeline.extract_report(document, settings)
    if as_json:
        from tollbook.model import to_json

        sys.stdout.write(to_json(extraction) + "\n")
    else:
        render.print_extraction(extraction)
    if strict and any(f.severity == "error" for f in extraction.findings):
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, globs, JSONL corpora, or - for standard input.")
    ],
    db: Annotated[
        str | None, typer.Option(help="Database URL: sqlite:///FILE (default tollbook.db) or postgresql://…")
    ] = None,
    jobs: Annotated[int, typer.Option(help="Extraction processes (one writer).", min=1)] = 1,
    field: Annotated[
        list[str] | None, typer.Option(help="JSONL field map NAME=FIELD, e.g. text=content (repeatable).")
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) of reports that give none.")
    ] = None,
) -> None:
    """Extract reports and store them; a report already stored (same text) is skipped.

    Examples:

      tollbook ingest reports/ --db sqlite:///ledger.db

      tollbook ingest corpus.jsonl --field text=content --field published=dct --jobs 4

      tollbook ingest 'archive/**/*.html' --db postgresql://tollbook@localhost/ledger
    """
    from tollbook import ingest as ingest_module
    from tollbook import settings as settings_module

    ingest_module.run(paths, db=db, jobs=jobs, fields=field or [], published=published,
                      settings=settings_module.from_env())


@app.command()
def ledger(
    db: Annotated[
        str | None, typer.Option(help="Database URL: sqlite:///FILE (default tollbook.db) or postgresql://…")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Only events in this country (ISO alpha-2).")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this day (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the events as JSON.")] = False,
) -> None:
    """Show the ledger: stored reports reconciled into events, killed and injured low–best–high.

    Examples:

      tollbook ledger --db sqlite:///ledger.db

      tollbook ledger --country US --since 2016-01-01 --json
    """
    from tollbook.reconcile import view

    events = view.load_ledger(db, country=country, since=since)
    if as_json:
        print(json.dumps(view.summary(events), indent=2, ensure_ascii=False))
    else:
        Console().print(view.table(events))


@app.command(name="export")
def export_ledger(
    format: Annotated[str, typer.Option("--format", help="acled, ucdp, jsonl or geojson.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here, not stdout.")] = None,
    db: Annotated[
        str | None, typer.Option(help="Database URL: sqlite:///FILE (default tollbook.db) or postgresql://…")
    ] = None,
) -> None:
    """Export the ledger as ACLED CSV, UCDP GED CSV, JSONL or GeoJSON.

    Examples:

      tollbook export --format acled -o events.csv

      tollbook export --format geojson --db postgresql://tollbook@localhost/ledger > events.geojson
    """
    from tollbook import export
    from tollbook.reconcile import view

    export.check_format(format)  # before loading: a typo should not cost a whole reconciliation
    text = export.render(view.load_ledger(db), format)
    if output is None:
        sys.stdout.write(text)
    else:
        export.write_atomically(output, text)


@app.command()
def schema() -> None:
    """Print the JSON Schema of `tollbook extract --json` output (versioned)."""
    from tollbook.model import json_schema

    print(json.dumps(json_schema(), indent=2))


@app.command()
def demo() -> None:
    """Run the extractor on the bundled sample articles (invented incidents) and print the ledger."""
    from tollbook import demo as demo_module

    demo_module.run(Console())


@app.command(name="eval")
def evaluate(
    kind: Annotated[str, typer.Argument(help="gvdb, gva, muc4, body, events or seed.")],
    path: Annotated[Path, typer.Argument(help="The data set's folder (e.g. ../shared/data/gvdb).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as one JSON object.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.", min=1)] = None,
    errors: Annotated[Path | None, typer.Option(help="Write per-item predictions and gold (JSONL).")] = None,
) -> None:
    """Score tollbook on a development set, with baselines in the same run.

    Examples:

      tollbook eval gvdb ../shared/data/gvdb --limit 50

      tollbook eval body ../shared/data/article-extraction-benchmark --json

      tollbook eval gva ../shared/data/gva-longtail --errors gva-errors.jsonl
    """
    from tollbook.evaluate import command

    metrics = command.run(kind, path, limit=limit, errors=errors)
    if as_json:
        print(json.dumps(metrics, indent=2, ensure_ascii=False))
    else:
        Console().print(command.render(kind, metrics))


@app.command()
def serve(
    db: Annotated[
        str | None, typer.Option(help="Database URL: sqlite:///FILE (default tollbook.db) or postgresql://…")
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8080,
    read_only: Annotated[bool, typer.Option("--read-only", help="No adding reports, no reviews.")] = False,
    allow_fetch: Annotated[
        bool, typer.Option("--allow-fetch", help="Let the add page fetch public http(s) URLs.")
    ] = False,
) -> None:
    """Serve the web UI and JSON API (ledger, events, reports, reviews; API docs at /api/docs).

    Examples:

      tollbook serve --db sqlite:///ledger.db

      tollbook serve --read-only --host 0.0.0.0 --port 8000
    """
    from tollbook.web import serve as serve_web

    serve_web(db, host=host, port=port, read_only=read_only, allow_fetch=allow_fetch)


def main() -> None:
    try:
        app()
    except TollbookError as error:
        err.print(f"tollbook: error: {error}", highlight=False, markup=False)
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        err.print("tollbook: interrupted", highlight=False)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
