"""Untrusted text made safe to print: control characters (escape sequences, bells, clears) shown, not sent."""

from __future__ import annotations

import re

# C0 and C1 controls and DEL, but not newline or tab: an escape sequence from a file must reach a terminal
# as visible text, never as a command (an OSC title or clipboard write, a screen clear).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def plain(text: object, limit: int | None = None) -> str:
    """`text` with every control character written as an escape (\\x1b), cut to `limit` characters."""
    shown = _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))
    if limit is not None and len(shown) > limit:
        shown = shown[: max(limit - 1, 0)] + "…"
    return shown


def plain_lines(text: str) -> str:
    """Several lines of output, each made plain; the newlines kept."""
    return "\n".join(plain(line) for line in text.split("\n"))
