"""Back-translation engines: a protocol, Apertium, Hugging Face models, a cache.

Only :mod:`transaudit.backends.transformers` needs torch; nothing here imports
it until that backend is chosen.
"""

from transaudit.backends.base import Backend, BackendError, Translation

__all__ = ["Backend", "BackendError", "Translation"]
