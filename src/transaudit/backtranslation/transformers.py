"""Neural back-translation with any Hugging Face seq2seq translation model.

MarianMT (opus-mt), NLLB and M2M100 all load through ``AutoTokenizer`` and
``AutoModelForSeq2SeqLM`` and translate with ``generate()`` (the translation
pipeline is gone in transformers 5). torch and transformers are imported only
when this backend is used, and a model is loaded once per process however many
articles are audited.

Texts are sorted by length before batching, so a batch pads to similar lengths
and long texts do not slow down short ones, then put back in input order. A
batch that fails (or runs past the timeout) marks only its own texts.
"""

from __future__ import annotations

import hashlib
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from transaudit.backtranslation.base import BackendError, Translation, check_length, language_codes

DEFAULT_BATCH_SIZE = 16
DEFAULT_BEAMS = 4
DEFAULT_MAX_LENGTH = 256
#: An output this many times longer than its input (plus slack) is taken for a
#: hallucination loop rather than a translation.
_RUNAWAY_RATIO = 4
_RUNAWAY_SLACK = 40

_LOADED: dict[tuple[str, str], tuple[Any, Any]] = {}
#: A model that failed to load is not tried again in this process: one line, not one per batch.
_FAILED: dict[tuple[str, str], str] = {}


def _load(model: str, device: str) -> tuple[Any, Any]:
    """Tokenizer and model, loaded once per process per (model, device)."""
    key = (model, device)
    if key in _FAILED:
        raise BackendError(_FAILED[key])
    if key not in _LOADED:
        try:
            _LOADED[key] = _load_once(model, device)
        except BackendError as error:
            _FAILED[key] = str(error)
            raise
    return _LOADED[key]


def _load_once(model: str, device: str) -> tuple[Any, Any]:
    """Import, then load from the local cache or a folder, else from the hub if it answers."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError as error:
        raise BackendError(
            f"the transformers backend needs torch, transformers and sentencepiece ({error})"
        ) from None
    hf_logging.disable_progress_bar()
    if looks_like_path(model) and not Path(model).expanduser().is_dir():
        raise BackendError(f"model folder not found: {model}")
    try:
        try:
            tokenizer, network = _from_pretrained(model, local_files_only=True)
        except Exception:
            if looks_like_path(model):
                raise
            # Not in the local cache: download, but only if the hub answers at
            # once (the library's own retries take minutes to give up).
            unreachable = hub_unreachable()
            if unreachable:
                raise BackendError(f"cannot load model {model}: not in the local Hugging Face cache "
                                   f"and {unreachable}; run once with network access or pass a "
                                   "local model folder") from None
            tokenizer, network = _from_pretrained(model, local_files_only=False)
        network.to(device)
        network.eval()
    except BackendError:
        raise
    except Exception as error:  # any load failure is reported, not raised
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise BackendError(f"cannot load model {model}: {first}") from None
    return tokenizer, network


def _from_pretrained(model: str, local_files_only: bool) -> tuple[Any, Any]:
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    with warnings.catch_warnings():
        # Marian tokenizers recommend sacremoses for punctuation
        # normalisation; translation works without it.
        warnings.filterwarnings("ignore", message=".*sacremoses", category=UserWarning)
        tokenizer = AutoTokenizer.from_pretrained(model, local_files_only=local_files_only)
        network = AutoModelForSeq2SeqLM.from_pretrained(model, local_files_only=local_files_only)
    return tokenizer, network


#: Seconds to wait for the hub (or the proxy in front of it) to accept a connection.
HUB_CONNECT_TIMEOUT = 3.0


def hub_unreachable() -> str | None:
    """Why the Hugging Face hub cannot be reached right now, or None if it accepts a connection.

    HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE say so at once; otherwise one TCP
    connection to the endpoint (HF_ENDPOINT, else huggingface.co) or to the
    HTTPS proxy in front of it, with a short timeout.
    """
    import os
    import socket
    from urllib.parse import urlsplit

    for flag in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"):
        if os.environ.get(flag, "").strip().lower() in ("1", "true", "yes", "on"):
            return f"{flag} is set"
    endpoint = urlsplit(os.environ.get("HF_ENDPOINT") or "https://huggingface.co")
    proxy = os.environ.get("HTTPS_PROXY") or os.environ.get("https_proxy")
    target = urlsplit(proxy if proxy and endpoint.scheme == "https" else endpoint.geturl())
    host = target.hostname or "huggingface.co"
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=HUB_CONNECT_TIMEOUT):
            return None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return f"the hub is unreachable ({host}:{port}: {reason})"


def looks_like_path(model: str) -> bool:
    """A hub id is ``name`` or ``owner/name``; anything else is meant as a folder."""
    return model.startswith((".", "/", "~")) or model.count("/") > 1 or Path(model).exists()


def _folder_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


class TransformersBackend:
    """A seq2seq translation model from the Hugging Face hub or a local folder."""

    name = "transformers"
    unit = "sentence"

    def __init__(
        self,
        model: str,
        device: str = "cpu",
        batch_size: int = DEFAULT_BATCH_SIZE,
        beams: int = DEFAULT_BEAMS,
        max_length: int = DEFAULT_MAX_LENGTH,
        timeout: float | None = None,
    ) -> None:
        local = Path(model).expanduser()
        self.model = str(local.resolve()) if local.is_dir() else model
        self.device = device
        self.batch_size = max(1, batch_size)
        self.beams = max(1, beams)
        self.max_length = max(1, max_length)
        self.timeout = timeout

    def identity(self) -> str:
        return self.model

    def version(self) -> str:
        from importlib.metadata import PackageNotFoundError, version

        try:
            library = f"transformers {version('transformers')}"
        except PackageNotFoundError:
            library = "transformers (not installed)"
        folder = Path(self.model)
        if folder.is_dir():
            weights = f"local {_folder_fingerprint(folder)}"
        else:
            _, network = _load(self.model, self.device)
            weights = f"revision {getattr(network.config, '_commit_hash', None) or 'unknown'}"
        settings = f"beams {self.beams}, max length {self.max_length}"
        return f"{library}; {weights}; {settings}"

    def describe(self) -> dict[str, Any]:
        return {
            "engine": "transformers",
            "model": self.model,
            "version": self.version(),
            "device": self.device,
            "batch_size": self.batch_size,
            "beams": self.beams,
            "max_length": self.max_length,
        }

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        tokenizer, network = _load(self.model, self.device)
        prefix, forced_bos = self._languages(tokenizer, source_lang, target_lang)
        results: list[Translation] = [Translation("") for _ in texts]
        work = sorted(
            ((index, " ".join(text.split())) for index, text in enumerate(texts) if text.strip()),
            key=lambda item: (len(item[1]), item[0]),
        )
        for start in range(0, len(work), self.batch_size):
            batch = work[start : start + self.batch_size]
            try:
                outputs = self._generate(tokenizer, network, [prefix + text for _, text in batch], forced_bos)
            except BackendError as error:
                outputs = [Translation(None, note=str(error)) for _ in batch]
            for (index, source), output in zip(batch, outputs, strict=True):
                results[index] = _screen(source, output)
        return check_length(texts, results, "transformers")

    def _languages(self, tokenizer: Any, source_lang: str, target_lang: str) -> tuple[str, int | None]:
        """Set the source language and find the target language token, if the model needs them.

        Bilingual Marian models need neither; multilingual Marian models take a
        ``>>spa<<`` prefix; M2M100 (``__es__``) and NLLB (``spa_Latn``) take a
        source language on the tokenizer and a forced first target token.
        """
        vocab = tokenizer.get_vocab()
        source = _language_token(vocab, source_lang)
        target = _language_token(vocab, target_lang)
        if target and target.startswith(">>"):
            return target + " ", None
        if source and hasattr(tokenizer, "src_lang"):
            tokenizer.src_lang = source.strip("_")
        if target:
            return "", vocab[target]
        return "", None

    def _generate(
        self, tokenizer: Any, network: Any, texts: list[str], forced_bos: int | None
    ) -> list[Translation]:
        import torch

        options: dict[str, Any] = {"num_beams": self.beams, "max_length": self.max_length}
        if forced_bos is not None:
            options["forced_bos_token_id"] = forced_bos
        if self.timeout is not None:
            options["max_time"] = self.timeout
        began = time.monotonic()
        try:
            encoded = tokenizer(
                texts, return_tensors="pt", padding=True, truncation=True, max_length=self.max_length
            ).to(self.device)
            with torch.inference_mode():
                generated = network.generate(**encoded, **options)
            decoded = tokenizer.batch_decode(generated, skip_special_tokens=True)
        except Exception as error:  # a failing batch marks its own texts only
            raise BackendError(f"model failed: {type(error).__name__}: {error}") from None
        if self.timeout is not None and time.monotonic() - began >= self.timeout:
            raise BackendError(f"model timed out after {self.timeout:g} s")
        return [Translation(" ".join(text.split())) for text in decoded]


def _language_token(vocab: dict[str, int], lang: str) -> str | None:
    codes, _ = language_codes(lang)
    for code in codes:
        for candidate in (f">>{code}<<", f"__{code}__"):
            if candidate in vocab:
                return candidate
        prefix = code + "_"
        scripts = sorted(t for t in vocab if len(t) == len(prefix) + 4 and t.startswith(prefix))
        if scripts:
            latin = [token for token in scripts if token.endswith("_Latn")]
            return (latin or scripts)[0]
    return None


def _screen(source: str, output: Translation) -> Translation:
    """Reject outputs that are not translations: empty, or a runaway repetition."""
    if output.text is None:
        return output
    if not output.text:
        return Translation(None, note="the model returned nothing for this text")
    if len(output.text) > _RUNAWAY_RATIO * len(source) + _RUNAWAY_SLACK:
        return Translation(None, note="the model output is far longer than its input (a hallucination?)")
    return output
