"""inspectcheck: check the figures, quotes and inspection ratings that coverage of an
inspection report carries, against another source.

The names below load on first use, so that `inspectcheck --help` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "compare": "api",
    "compare_documents": "api",
    "read_source": "extract",
    "load": "load",
    "from_text": "load",
    "CaseError": "errors",
    "InputError": "errors",
    "InspectcheckError": "errors",
    "OutputError": "errors",
    "Document": "records",
    "FailOn": "records",
    "Figure": "records",
    "Finding": "records",
    "Kind": "records",
    "Quote": "records",
    "Rating": "records",
    "Report": "records",
    "Settings": "records",
    "Source": "records",
    "Status": "records",
}
__all__ = [
    "CaseError",
    "Document",
    "FailOn",
    "Figure",
    "Finding",
    "InputError",
    "InspectcheckError",
    "Kind",
    "OutputError",
    "Quote",
    "Rating",
    "Report",
    "Settings",
    "Source",
    "Status",
    "__version__",
    "compare",
    "compare_documents",
    "from_text",
    "load",
    "read_source",
]

if TYPE_CHECKING:
    from .api import compare, compare_documents
    from .errors import CaseError, InputError, InspectcheckError, OutputError
    from .extract import read_source
    from .load import from_text, load
    from .records import (
        Document,
        FailOn,
        Figure,
        Finding,
        Kind,
        Quote,
        Rating,
        Report,
        Settings,
        Source,
        Status,
    )


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'inspectcheck' has no attribute {name!r}")
