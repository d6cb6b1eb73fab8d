"""Text bound for a terminal: control and bidi characters made visible.

File names and article text are untrusted. Echoed raw, an escape sequence in a
file name could recolour, retitle or rewrite the editor's terminal, and a bidi
override could make ``evil.tsv`` read as something else. Every line the tool
prints about them goes through :func:`escape`.
"""

from __future__ import annotations

import re

#: C0/C1 controls (except tab), DEL, line/paragraph separators, bidi controls. A newline
#: is escaped too: every message is one line, and a file name holding a newline must
#: not split it into two.
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """``text`` with every control and bidi-override character shown as ``\\xNN``/``\\uNNNN``.

    Lone surrogates (undecodable bytes of a file name) are shown as ``\\udcNN``.
    """
    text = CONTROL.sub(_escape, text)
    return re.sub(r"[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
