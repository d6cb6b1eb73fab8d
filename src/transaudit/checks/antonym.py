"""Antonym: a word of the translation that says the opposite of the source's (TA511)."""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.analysis import resources
from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding, Need
from transaudit.checks.coverage import LONGEST
from transaudit.meaning.opposites import ENGLISH, _base, opposites, prepare
from transaudit.model import Article, Category, Severity


@register
class AntonymSwap(Check):
    """A word of the translation is the antonym of what the source says.

    One side must be English: its words' antonyms come from WordNet (Debian's
    ``wordnet-base``): direct ones, an adjective's indirect ones (a satellite and
    its head's antonym: "pretty" ~ "beautiful" ↔ "ugly"), a verb's inherited from
    its hypernym ("hate", a way of disliking, ↔ "like"), negative affixes on
    WordNet adjectives ("unviable" ↔ "viable", "possible"), and nouns and adverbs
    derived from antonyms ("seller" from "sell" ↔ "buyer" from "buy", "slowly"
    from "slow" ↔ "fast"). The other side's words are put into English with
    Apertium's bilingual dictionary, every translation of every reading, and the
    English word's antonyms into the other language with the English dictionary
    ("prior" → "previo", where "previa" → "previous"). An English word whose
    antonym, and not the word itself, is what an unpaired word of the other side
    says is flagged ("incremento" → "decrease"; "siempre" → "never"), unless a
    negation cue or an approximate negator precedes either word (litotes: "not
    bad" for "bueno", "poco frecuente" for "infrequent") or the word is among the
    language's commonest ("here"/"there").
    The target word is highlighted: the English word when the target is English,
    else the target word that translates to the opposite of the source's. Silent
    without WordNet or a dictionary for the pair.

    Bad: source "el aumento salarial" → target "the wage decrease".
    Good: "the wage increase".
    """

    code = "TA511"
    needs = (Need(resources.ANTONYMS, pair=True),)
    name = "antonym"
    category = Category.MISTRANSLATION
    severity = Severity.MAJOR
    scope = "article"
    #: Off by default until measured on more than DEMETR and WMT24 (docs/evaluation.md).
    default_enabled = False

    def check_article(self, article: Article, ctx: CheckContext) -> Iterator[Finding]:
        # Pairing words one to one weighs every source word against every target word
        # (quadratic), so a side over the meaning checks' 5,000 characters is not judged,
        # as for TA516: a 100,000-character paragraph took over 15 s.
        pairs = [
            s
            for s in article.segments
            if s.source.strip() and s.target.strip() and max(len(s.source), len(s.target)) <= LONGEST
        ]
        if not pairs:
            return
        prepare(
            {ctx.source_lang: [s.source for s in pairs], ctx.target_lang: [s.target for s in pairs]},
            ctx.source_lang,
            ctx.target_lang,
        )
        target_english = _base(ctx.target_lang) == ENGLISH
        for segment in pairs:
            for found in opposites(segment.source, segment.target, ctx.source_lang, ctx.target_lang):
                if target_english:
                    where, quoted = found.english, found.other
                    message = (
                        f"'{where.text}' says the opposite of the source's '{quoted.text}' "
                        f"('{found.antonym}'): an antonym"
                    )
                else:
                    where, quoted = found.other, found.english
                    message = (
                        f"'{where.text}' ('{found.antonym}') says the opposite of the source's "
                        f"'{quoted.text}': an antonym"
                    )
                yield Finding("target", where.start, where.end, message, segment=segment.id)
