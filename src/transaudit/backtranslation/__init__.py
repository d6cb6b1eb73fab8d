"""Back-translation: an engine protocol, Apertium, Hugging Face models, a cache, round-trip scores.

Only :mod:`transaudit.backtranslation.transformers` needs torch; nothing here
imports it until that backend is chosen.
"""

from transaudit.backtranslation.base import Backend, BackendError, Translation

__all__ = ["Backend", "BackendError", "Translation"]
