"""bulletin-extract: Chinese local-government work bulletins to tables.

    from extract import extract_text, extract_texts, extract_files
    tables = extract_files("corpus/")
    tables.events.head()
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["extract_text", "extract_texts", "extract_files", "parse_dates", "parse_quantities",
           "parse_places", "parse_officials", "__version__"]

# Imported on first use so `import extract` stays cheap in worker processes
# and notebooks that only need one recognizer.
_LAZY = {
    "extract_text": ("api", "extract_text"),
    "extract_texts": ("api", "extract_texts"),
    "extract_files": ("api", "extract_files"),
    "Extraction": ("api", "Extraction"),
    "parse_dates": ("timex", "parse_dates"),
    "parse_quantities": ("quantity", "parse_quantities"),
    "parse_places": ("gazetteer", "parse_places"),
    "parse_officials": ("officials", "parse_officials"),
}

if TYPE_CHECKING:
    from .api import Extraction, extract_files, extract_text, extract_texts
    from .gazetteer import parse_places
    from .officials import parse_officials
    from .quantity import parse_quantities
    from .timex import parse_dates


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    from importlib import import_module
    module, attr = _LAZY[name]
    return getattr(import_module(f".{module}", __name__), attr)
