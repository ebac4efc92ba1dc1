"""The command line: click options -> Settings -> library call -> renderer -> exit status.

Exit status follows diff(1): 0 nothing at or above --fail-on, 1 discrepancies found,
2 trouble (a usage error or an input that cannot be read).
"""

from __future__ import annotations

import sys
from enum import IntEnum
from typing import TYPE_CHECKING, NoReturn

import click

from . import __version__
from .errors import InspectcheckError
from .records import FailOn, Settings, Status

if TYPE_CHECKING:
    from .records import Report


class ExitStatus(IntEnum):
    OK = 0
    DISCREPANCIES = 1
    TROUBLE = 2


_FORMATS = click.Choice(["text", "json"])
_EPILOG = """\b
Exit status:
  0  nothing at or above --fail-on
  1  discrepancies found (differ; with --fail-on only, also only_a/only_b)
  2  usage error or unreadable input
"""


def _fail(message: str) -> NoReturn:
    click.echo(f"inspectcheck: error: {message}", err=True)
    sys.exit(ExitStatus.TROUBLE)


def exit_status(report: Report, fail_on: FailOn) -> ExitStatus:
    if fail_on is FailOn.NEVER:
        return ExitStatus.OK
    failing = {Status.DIFFER} if fail_on is FailOn.DIFFER else {
        Status.DIFFER, Status.ONLY_A, Status.ONLY_B
    }  # fmt: skip
    found = any(f.status in failing for f in report.findings)
    return ExitStatus.DISCREPANCIES if found else ExitStatus.OK


def _emit(text: str, output: str | None) -> None:
    if output:
        from .output import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


def _render(report: Report, fmt: str, output: str | None) -> None:
    if fmt == "json":
        from .render.json import render_report

        _emit(render_report(report), output)
        return
    from rich.console import Console

    from .render.text import render

    if output:
        console = Console(record=True, file=_Discard(), width=100, color_system=None)
        render(report, console)
        _emit(console.export_text(), output)
    else:
        render(report, Console(highlight=False))


class _Discard:
    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass


def _common(func: click.decorators.FC) -> click.decorators.FC:
    func = click.option(
        "--fail-on",
        type=click.Choice([f.value for f in FailOn]),
        default=FailOn.DIFFER.value,
        show_default=True,
        help="Exit 1 when findings of this kind exist: differ; only (differ, only_a or "
        "only_b); never.",
    )(func)
    func = click.option(
        "-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE."
    )(func)
    func = click.option(
        "--format", "fmt", type=_FORMATS, default="text", show_default=True,
        help="text for people, json for machines (schema_version 1).",
    )(func)  # fmt: skip
    return func


def _run_diff(
    paths: tuple[str, str],
    fmt: str,
    output: str | None,
    fail_on: str,
    names: tuple[str, str] | None = None,
) -> None:
    from .api import compare

    settings = Settings(fail_on=FailOn(fail_on))
    try:
        report = compare(*paths, settings, names=names)
        _render(report, fmt, output)
    except InspectcheckError as exc:
        _fail(str(exc))
    sys.exit(exit_status(report, settings.fail_on))


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=_EPILOG)
@click.version_option(__version__, prog_name="inspectcheck")
def cli() -> None:
    """Check the figures, quotes and inspection ratings two sources give for one report."""


@cli.command(epilog=_EPILOG)
@click.argument("file_a", type=click.Path())
@click.argument("file_b", type=click.Path())
@_common
def diff(file_a: str, file_b: str, fmt: str, output: str | None, fail_on: str) -> None:
    """Compare FILE_A with FILE_B: every figure, quote and rating is agree, differ,
    only_a or only_b."""
    _run_diff((file_a, file_b), fmt, output, fail_on)


@cli.command(epilog=_EPILOG)
@_common
def demo(fmt: str, output: str | None, fail_on: str) -> None:
    """Run diff on the bundled seed pair: a local paper and the BBC on one HMICFRS review."""
    from .demo import SEED_A, SEED_B, seed_paths

    _run_diff(seed_paths(), fmt, output, fail_on, names=(f"seeds/{SEED_A}", f"seeds/{SEED_B}"))


@cli.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=_FORMATS, default="text", show_default=True)
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
            from rich.console import Console

            from .render.text import render_claims as render_text

            console = Console(highlight=False, record=bool(output),
                              file=_Discard() if output else None)  # fmt: skip
            render_text(source, console)
            if output:
                _emit(console.export_text(), output)
    except InspectcheckError as exc:
        _fail(str(exc))


@cli.command("eval")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option(
    "--update-floors",
    is_flag=True,
    help="Raise FOLDER/floors.json to the current scores (never lowers one).",
)
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
    except Exception as exc:  # a bug: say so in one line, keep the trace for --traceback
        if show_traceback:
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --traceback for details)")
