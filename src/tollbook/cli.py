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
err = Console(stderr=True)


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
