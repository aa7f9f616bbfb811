"""Text cells that a spreadsheet must never run as formulas (OWASP's CSV-injection advice).

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
leading apostrophe in CSV; reading such a file back removes it again.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """A CSV cell that no spreadsheet evaluates."""
    return "'" + text if text.startswith(_TRIGGERS) else text


def restore(text: str) -> str:
    """The text a neutralised cell stood for."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_TRIGGERS) else text
