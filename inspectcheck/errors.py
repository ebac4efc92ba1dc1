"""Errors raised by the library. Only the CLI turns them into exit codes."""

from __future__ import annotations


class InspectcheckError(Exception):
    """Base class for every error inspectcheck raises on purpose."""


class InputError(InspectcheckError):
    """An input file could not be read as an article."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class CaseError(InspectcheckError):
    """A labelled evaluation case or floors file is malformed."""


class OutputError(InspectcheckError):
    """A report could not be written."""
