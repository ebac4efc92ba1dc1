"""The command line: click options -> Settings -> library call -> renderer -> exit status.

Exit status follows diff(1): 0 nothing at or above --fail-on, 1 discrepancies found,
2 trouble (a usage error or an input that cannot be read). The report is always written
before the exit status is decided.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__
from .errors import InspectcheckError
from .records import FailOn, Settings, Status

if TYPE_CHECKING:
    from rich.console import Console

    from .check import CheckReport
    from .records import Report


class ExitStatus(IntEnum):
    OK = 0
    DISCREPANCIES = 1
    TROUBLE = 2
    BROKEN_PIPE = 141  # what a shell reports for a process ended by SIGPIPE


_FORMATS = ["text", "json", "html", "markdown"]
_FORMAT_HELP = (
    "text for the terminal; json for machines (schema_version 1); html for a side-by-side "
    "page; markdown for a PR comment or CMS note."
)
_DIFF_EPILOG = """\b
Exit status:
  0  nothing at or above --fail-on
  1  discrepancies found (differ; with --fail-on only, also only_a/only_b)
  2  usage error or unreadable input
"""
_CHECK_EPILOG = """\b
Exit status:
  0  nothing at or above --fail-on
  1  a claim is contradicted (with --fail-on unsupported, also unsupported)
  2  usage error or unreadable input
"""


def _fail(message: str) -> NoReturn:
    click.echo(f"inspectcheck: error: {message}", err=True)
    sys.exit(ExitStatus.TROUBLE)


def diff_status(report: Report, fail_on: FailOn) -> ExitStatus:
    failing = {FailOn.NEVER: set(), FailOn.DIFFER: {Status.DIFFER}}.get(
        fail_on, {Status.DIFFER, Status.ONLY_A, Status.ONLY_B}
    )
    found = any(f.status in failing for f in report.findings)
    return ExitStatus.DISCREPANCIES if found else ExitStatus.OK


def check_status(report: CheckReport, fail_on: str) -> ExitStatus:
    from .check import Verdict

    failing = {"never": set(), "contradicted": {Verdict.CONTRADICTED}}.get(
        fail_on, {Verdict.CONTRADICTED, Verdict.UNSUPPORTED}
    )
    found = any(c.verdict in failing for c in report.claims)
    return ExitStatus.DISCREPANCIES if found else ExitStatus.OK


def _emit(text: str, output: str | None) -> None:
    if output:
        from .output import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


class _Discard:
    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass


def _console(output: str | None) -> Console:
    """A terminal console, or a recording one when the text goes to a file or a pipe."""
    from rich.console import Console

    if output or not sys.stdout.isatty():
        width = 100 if output else None
        return Console(record=True, file=_Discard(), width=width, color_system=None)

    class _PipedConsole(Console):
        def on_broken_pipe(self) -> None:
            _reader_left()

    return _PipedConsole(highlight=False)


def _plain(console: Console) -> str:
    """Recorded console text for a file or a pipe: no colour, no trailing spaces."""
    return "".join(line.rstrip() + "\n" for line in console.export_text().splitlines())


def _reader_left() -> NoReturn:
    """The reader closed the pipe (`| head`): stop quietly, as a process killed by SIGPIPE
    would, rather than exit 1, which would read as "discrepancies found"."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(ExitStatus.BROKEN_PIPE)


def _render(report: Any, fmt: str, output: str | None, quiet: bool) -> None:
    """Write the report in the chosen format; `report` is a diff Report or a CheckReport."""
    from .check import CheckReport
    from .render import json as as_json
    from .render import text as as_text

    is_check = isinstance(report, CheckReport)
    if quiet:
        line = as_text.check_summary_line(report) if is_check else as_text.summary_line(report)
        _emit(line + "\n", output)
    elif fmt == "json":
        _emit(as_json.render_check(report) if is_check else as_json.render_report(report), output)
    elif fmt == "html":
        from .render.html import render_check_html, render_html

        _emit(render_check_html(report) if is_check else render_html(report), output)
    elif fmt == "markdown":
        from .render.markdown import render_check_markdown, render_markdown

        _emit(render_check_markdown(report) if is_check else render_markdown(report), output)
    else:
        console = _console(output)
        (as_text.render_check if is_check else as_text.render)(report, console)
        if console.record:
            _emit(_plain(console), output)


def _report_options(func: Any) -> Any:
    for option in reversed(
        [
            click.option("--format", "fmt", type=click.Choice(_FORMATS), default="text",
                         show_default=True,
                         help=_FORMAT_HELP),
            click.option("-o", "--output", type=click.Path(dir_okay=False),
                         help="Write the report to FILE (atomically)."),
            click.option("-q", "--quiet", is_flag=True, help="Print only the summary line."),
            click.option("--baseline", type=click.Path(dir_okay=False),
                         help="Leave out the findings whose ids this baseline file accepts."),
            click.option("--write-baseline", type=click.Path(dir_okay=False),
                         help="Write the current discrepancies to FILE as an accepted baseline."),
        ]
    ):  # fmt: skip
        func = option(func)
    return func


def _diff_options(func: Any) -> Any:
    func = click.option(
        "--fail-on",
        type=click.Choice([f.value for f in FailOn]),
        default=FailOn.DIFFER.value,
        show_default=True,
        help="Exit 1 when findings of this kind exist: differ; only (differ, only_a or "
        "only_b); never.",
    )(func)
    return _report_options(func)


def _deliver(
    make: Callable[[], Any],
    options: dict[str, Any],
    accept: Callable[[Any, frozenset[str]], Any],
    record: Callable[[str, Any], None],
    status: Callable[[Any], ExitStatus],
) -> NoReturn:
    """Build the report, apply or record a baseline, write the report, then exit."""
    from .baseline import read_baseline

    try:
        report = make()
        if options["baseline"]:
            report = accept(report, read_baseline(options["baseline"]))
        _render(report, options["fmt"], options["output"], options["quiet"])
        if options["write_baseline"]:
            record(options["write_baseline"], report)
    except InspectcheckError as exc:
        _fail(str(exc))
    sys.exit(status(report))


def _run_diff(
    paths: tuple[str, str], options: dict[str, Any], names: tuple[str, str] | None = None
) -> NoReturn:
    from .api import compare
    from .baseline import apply_to_diff, write_diff_baseline

    settings = Settings(fail_on=FailOn(options["fail_on"]))
    _deliver(
        lambda: compare(*paths, settings, names=names, progress=sys.stderr.isatty()),
        options,
        apply_to_diff,
        write_diff_baseline,
        lambda report: diff_status(report, settings.fail_on),
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=_DIFF_EPILOG)
@click.version_option(__version__, prog_name="inspectcheck")
def cli() -> None:
    """Check the figures, quotes and inspection ratings two sources give for one report."""


@cli.command(epilog=_DIFF_EPILOG)
@click.argument("file_a", type=click.Path())
@click.argument("file_b", type=click.Path())
@_diff_options
def diff(file_a: str, file_b: str, **options: Any) -> None:
    """Compare FILE_A with FILE_B: every figure, quote and rating is agree, differ,
    only_a or only_b."""
    _run_diff((file_a, file_b), options)


@cli.command(epilog=_DIFF_EPILOG)
@_diff_options
def demo(**options: Any) -> None:
    """Run diff on the bundled seed pair: a local paper and the BBC on one HMICFRS review."""
    from .demo import SEED_A, SEED_B, seed_paths

    _run_diff(seed_paths(), options, names=(f"seeds/{SEED_A}", f"seeds/{SEED_B}"))


@cli.command(epilog=_CHECK_EPILOG)
@click.argument("draft", type=click.Path())
@click.option("--against", "sources", multiple=True, required=True, type=click.Path(),
              help="A source to check the draft against (repeat for several).")  # fmt: skip
@click.option("--fail-on", type=click.Choice(["contradicted", "unsupported", "never"]),
              default="contradicted", show_default=True,
              help="Exit 1 when a claim is contradicted; with unsupported, also when one "
              "is not found in any source.")  # fmt: skip
@_report_options
def check(draft: str, sources: tuple[str, ...], fail_on: str, **options: Any) -> None:
    """Check every figure, quote and rating in DRAFT against the sources: each is
    supported, contradicted or unsupported."""
    from .baseline import apply_to_check, write_check_baseline
    from .check import check as run_check

    _deliver(
        lambda: run_check(draft, sources, Settings(), progress=sys.stderr.isatty()),
        options,
        apply_to_check,
        write_check_baseline,
        lambda report: check_status(report, fail_on),
    )


@cli.command()
@click.argument("file", type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE.")
def claims(file: str, fmt: str, output: str | None) -> None:
    """List every claim inspectcheck reads in FILE, with spans, values and speakers."""
    from .extract import read_source
    from .load import load

    try:
        source = read_source(load(file, "a"))
        if fmt == "json":
            from .render.json import render_claims

            _emit(render_claims(source), output)
        else:
            from .render.text import render_claims as render_text

            console = _console(output)
            render_text(source, console)
            if console.record:
                _emit(_plain(console), output)
    except InspectcheckError as exc:
        _fail(str(exc))


@cli.command("eval")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--update-floors", is_flag=True,
              help="Raise FOLDER/floors.json to the current scores (never lowers one).")  # fmt: skip
@click.option("--show-misses", is_flag=True, help="List each labelled finding the tool missed.")
def eval_command(folder: str, update_floors: bool, show_misses: bool) -> None:
    """Score inspectcheck on the labelled cases under FOLDER against FOLDER/floors.json.

    Exits 1 when any score is below its floor. See fixtures/cases/README.md for the format.
    """
    from pathlib import Path

    from rich.console import Console

    from .gate import run_gate

    try:
        status = run_gate(Path(folder), update_floors, show_misses, Console(highlight=False))
    except InspectcheckError as exc:
        _fail(str(exc))
    sys.exit(status)


def main() -> None:
    """Console entry point: no traceback reaches the user unless --traceback is given."""
    show_traceback = "--traceback" in sys.argv
    if show_traceback:
        sys.argv.remove("--traceback")
    try:
        cli.main(standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("inspectcheck: interrupted", err=True)
        sys.exit(ExitStatus.TROUBLE)
    except BrokenPipeError:
        _reader_left()
    except Exception as exc:  # a bug: say so in one line, keep the trace for --traceback
        if show_traceback:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --traceback for details)")
