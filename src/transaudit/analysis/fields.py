"""Field labels of a web article ("Date:", "Written by:", "Fuente:").

Both the completeness checks (a label whose value the translation dropped)
and the number checks (a bare label is not a sentence that lost its number)
need to recognise one, so it lives here rather than in either check.
"""

from __future__ import annotations

import re

#: "Date:", "Written by:", "Fuente:": a short label and a colon, nothing after.
_BARE_LABEL_RE = re.compile(r"^\s*([^\W\d_][\w'’.\- ]{0,38}?)\s*:\s*$")


def is_bare_label(text: str) -> bool:
    """True for a field label with no value: "Date:", "Autor:" (at most four words)."""
    match = _BARE_LABEL_RE.match(text)
    return match is not None and len(match.group(1).split()) <= 4
