"""The command line: parses arguments, calls library functions, prints, sets exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import click
from tqdm import tqdm

from marsad import __version__
from marsad.errors import MarsadError
from marsad.evaluate import evaluate, format_scores
from marsad.model import Document, Rejected
from marsad.pipeline import AnalyzeOptions, Reporter, analyze

# Without a terminal, a plain line every this many documents instead of a bar.
_PLAIN_PROGRESS_EVERY = 1000


class StderrReporter(Reporter):
    """Rejected inputs as `rejected: PATH: REASON` lines; a bar when stderr is a terminal."""

    def rejected(self, item: Rejected) -> None:
        click.echo(f"rejected: {item.path}: {item.reason}", err=True)

    def progress(self, documents: Sequence[Document]) -> Iterator[Document]:
        if sys.stderr.isatty():
            yield from tqdm(documents, desc="analysing", unit="doc", file=sys.stderr)
            return
        for count, doc in enumerate(documents, start=1):
            yield doc
            if count % _PLAIN_PROGRESS_EVERY == 0:
                click.echo(f"analysed {count}/{len(documents)} documents", err=True)


@click.group()
@click.version_option(__version__, prog_name="marsad")
def main() -> None:
    """marsad: Arabic news articles in, sourced and checkable structured knowledge out."""


@main.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder for analysis.json, report.html and (by default) the database.")
@click.option("--db", "db_path", default=None, type=click.Path(path_type=Path),
              help="SQLite database file [default: OUT/marsad.db].")
@click.option("--lang", default="ar", show_default=True, help="Language of the extractors.")
@click.option("--strict", is_flag=True, help="Exit 1 when any input was rejected.")
@click.option("--jobs", default=0, show_default=True, type=click.IntRange(min=0),
              help="Extraction processes (0: one per core).")
@click.option("--crf/--no-crf", default=False, show_default=True,
              help="Entity names from the CRF as well as the rules (slower; default: rules only).")
def analyze_command(
    paths: tuple[Path, ...], out_dir: Path, db_path: Path | None, lang: str, strict: bool,
    jobs: int, crf: bool,
) -> None:
    """Analyse files and folders of articles; write OUT/analysis.json and OUT/report.html."""
    try:
        options = AnalyzeOptions(lang=lang, strict=strict, jobs=jobs, crf=crf)
        result = analyze(paths, out_dir, db_path, options, StderrReporter())
    except MarsadError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    click.echo(
        f"{result.documents} documents ({result.added} new, {result.analysed} analysed), "
        f"{len(result.rejected)} rejected -> {out_dir / 'analysis.json'}, "
        f"{out_dir / 'report.html'}",
        err=True,
    )
    sys.exit(result.exit_code)


@main.command("batch")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for the Parquet datasets, analysis.json and report.html.")
@click.option("--scheduler", default=None,
              help="Address of a running Dask scheduler [default: a local cluster].")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(min=1),
              help="Worker processes of the local cluster.")
@click.option("--lang", default="ar", show_default=True, help="Language of the extractors.")
@click.option("--strict", is_flag=True, help="Exit 1 when any input was rejected.")
@click.option("--crf/--no-crf", default=False, show_default=True,
              help="Entity names from the CRF as well as the rules (slower; default: rules only).")
def batch_command(paths: tuple[Path, ...], out_dir: Path, scheduler: str | None, workers: int,
                  lang: str, strict: bool, crf: bool) -> None:
    """Analyse PATHs on a Dask cluster; write OUT/<kind>/ Parquet datasets and the report."""
    from marsad.scale.runner import batch  # Dask is imported only by this command

    reporter = StderrReporter()
    try:
        options = AnalyzeOptions(lang=lang, strict=strict, crf=crf)
        result = batch(paths, out_dir, scheduler, workers, options)
    except MarsadError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    for item in result.rejected:
        reporter.rejected(item)
    click.echo(
        f"{result.documents} documents ({result.analysed} analysed), "
        f"{len(result.rejected)} rejected -> {out_dir}",
        err=True,
    )
    sys.exit(result.exit_code)


@main.command("eval")
@click.argument("gold_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("analysis_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold_path: Path, analysis_path: Path, as_json: bool) -> None:
    """Score ANALYSIS.json against the hand annotations in GOLD.json."""
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        analysis = json.loads(analysis_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        click.echo(f"error: cannot read {error}; both files must be UTF-8 JSON", err=True)
        sys.exit(2)
    results = evaluate(gold, analysis)
    if as_json:
        click.echo(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        click.echo(format_scores(results))


@main.command("serve")
@click.option("--db", "db_path", default="out/marsad.db", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path), help="SQLite database file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--token", default=None, envvar="MARSAD_TOKEN", show_envvar=True,
              help="Bearer token for POST /api/documents; without one, uploads are disabled.")
@click.option("--max-upload-mb", default=None, type=click.FloatRange(min=0, min_open=True),
              help="Largest upload accepted [default: 20].")
def serve_command(db_path: Path, host: str, port: int, token: str | None,
                  max_upload_mb: float | None) -> None:
    """Serve the pages and the REST API over the database at --db."""
    import uvicorn  # the web stack is imported only by this command

    from marsad.web.app import create_app
    from marsad.web.settings import Settings

    options = {"max_upload_mb": max_upload_mb} if max_upload_mb else {}
    try:
        app = create_app(db_path, Settings.from_env(token, **options))
    except MarsadError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    click.echo(f"marsad: serving {db_path} on http://{host}:{port}/ "
               f"(uploads {'on' if app.state.settings.token else 'off: no --token'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command("export")
@click.option("--db", "db_path", default="out/marsad.db", show_default=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SQLite database file.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the tables.")
@click.option("--format", "fmt", default="csv", show_default=True,
              type=click.Choice(["csv", "parquet"]), help="Table format.")
def export_command(db_path: Path, out_dir: Path, fmt: str) -> None:
    """Write one table per kind (documents, entities, mentions, quotes, figures, times,
    events, stories), plus events_acled.csv and figures_tidy.csv."""
    from marsad.export.tables import export_store

    try:
        written = export_store(db_path, out_dir, fmt)
    except MarsadError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
    for path, rows in written.items():
        click.echo(f"{path}\t{rows}")


if __name__ == "__main__":
    main()
