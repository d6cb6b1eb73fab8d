"""A tiny MarianMT model built from scratch, so transformers tests never download.

A SentencePiece model is trained on a few dozen invented English/Spanish
sentence pairs, a one-layer MarianMT (d_model 32) memorises the English→Spanish
direction, and everything is written with ``save_pretrained`` into a folder
that the real backend loads like any local model. Training is seeded and runs
on the CPU in well under a minute.
"""

from __future__ import annotations

import json
import random
import warnings
from pathlib import Path
from typing import Any

#: (English, Spanish) pairs written for these tests; the model learns en→es.
PAIRS: list[tuple[str, str]] = [
    ("The dog eats apples.", "El perro come manzanas."),
    ("The cat sleeps at home.", "El gato duerme en casa."),
    ("The river is long.", "El río es largo."),
    ("We drink cold water.", "Bebemos agua fría."),
    ("The summit ends today.", "La cumbre termina hoy."),
    ("The leaders meet in the city.", "Los líderes se reúnen en la ciudad."),
    ("The minister signs the agreement.", "El ministro firma el acuerdo."),
    ("Prices rise in winter.", "Los precios suben en invierno."),
    ("The school opens at eight.", "La escuela abre a las ocho."),
    ("My sister reads a book.", "Mi hermana lee un libro."),
    ("The train arrives late.", "El tren llega tarde."),
    ("The market sells bread.", "El mercado vende pan."),
    ("They visit the museum.", "Ellos visitan el museo."),
    ("The weather is good.", "El tiempo es bueno."),
    ("The president speaks to the press.", "El presidente habla con la prensa."),
    ("Farmers need rain.", "Los agricultores necesitan lluvia."),
    ("The road is closed.", "La carretera está cerrada."),
    ("The children play football.", "Los niños juegan al fútbol."),
    ("Date:", "Fecha:"),
    ("The talks continue tomorrow.", "Las conversaciones siguen mañana."),
    ("The bank lends money.", "El banco presta dinero."),
    ("The port is busy.", "El puerto está ocupado."),
    ("The doctor works at night.", "El médico trabaja de noche."),
    ("We need more trade.", "Necesitamos más comercio."),
    ("The house is small.", "La casa es pequeña."),
    ("The film starts soon.", "La película empieza pronto."),
    ("The team wins again.", "El equipo gana otra vez."),
    ("She writes a letter.", "Ella escribe una carta."),
    ("The garden has flowers.", "El jardín tiene flores."),
    ("The country exports gas.", "El país exporta gas."),
]

D_MODEL = 32
STEPS = 400


def _train_spm(folder: Path) -> Path:
    import sentencepiece as spm

    corpus = folder / "corpus.txt"
    lines = [text for pair in PAIRS for text in pair]
    corpus.write_text("\n".join(lines * 3) + "\n", encoding="utf-8")
    prefix = folder / "spm"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=160,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        bos_id=-1,
        eos_id=1,
        unk_id=0,
        pad_id=-1,
        minloglevel=2,
        num_threads=1,
    )
    corpus.unlink()
    return prefix.with_suffix(".model")


def build_tiny_marian(folder: Path, seed: int = 0, steps: int = STEPS) -> Path:
    """Train and save the tiny model into ``folder``; returns the folder."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    folder.mkdir(parents=True, exist_ok=True)
    spm_model = _train_spm(folder)
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(spm_model))
    vocab = {processor.id_to_piece(i): i for i in range(processor.get_piece_size())}
    vocab["<pad>"] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    data = spm_model.read_bytes()
    (folder / "source.spm").write_bytes(data)
    (folder / "target.spm").write_bytes(data)
    spm_model.unlink()
    spm_model.with_suffix(".vocab").unlink()

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*sacremoses", category=UserWarning)
        tokenizer = MarianTokenizer(
            source_spm=str(folder / "source.spm"),
            target_spm=str(folder / "target.spm"),
            vocab=str(folder / "vocab.json"),
            source_lang="en",
            target_lang="es",
        )
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=D_MODEL,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=64,
        pad_token_id=pad,
        eos_token_id=vocab["</s>"],
        decoder_start_token_id=pad,
        dropout=0.0,
        attention_dropout=0.0,
        activation_dropout=0.0,
    )
    random.seed(seed)
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    sources = [en for en, _ in PAIRS]
    targets = [es for _, es in PAIRS]
    batch = tokenizer(sources, text_target=targets, padding=True, return_tensors="pt")
    labels = batch["labels"].masked_fill(batch["labels"] == pad, -100)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    model.train()
    threads = torch.get_num_threads()
    # One thread: on a busy machine more threads contend and training gets 10× slower.
    torch.set_num_threads(1)
    try:
        _fit(model, optimizer, batch, labels, steps)
    finally:
        torch.set_num_threads(threads)
    model.eval()
    model.generation_config.max_length = 48
    model.generation_config.num_beams = 1
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def _fit(model: Any, optimizer: Any, batch: Any, labels: Any, steps: int) -> None:
    for _ in range(steps):
        optimizer.zero_grad()
        loss = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"], labels=labels).loss
        loss.backward()
        optimizer.step()
