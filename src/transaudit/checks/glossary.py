"""Editors' glossaries: a required term not used, a forbidden term used.

Off unless a glossary is configured (``--glossary PATH`` or ``glossary = [...]``
in the config, both arriving as ``ctx.glossaries``). Reading the
user's glossary file is the one piece of I/O a check does; it is cached by path
and modification time, and a broken file makes the checks silent (the CLI
validates glossaries up-front with :func:`transaudit.input.glossary.load_glossary`).
"""

from __future__ import annotations

from collections.abc import Iterator

from transaudit.checks import register
from transaudit.checks.base import Check, CheckContext, Finding
from transaudit.errors import InputError
from transaudit.input.glossary import Term, cached_glossary, find_term, term_pattern
from transaudit.model import Category, Segment, Severity


def _terms(ctx: CheckContext) -> list[Term]:
    terms: list[Term] = []
    for path in ctx.glossaries:
        try:
            terms.extend(cached_glossary(path).for_pair(ctx.source_lang, ctx.target_lang))
        except (InputError, OSError, ValueError):
            continue
    return terms


def _style_rule_applies(terms: list[Term], term: Term, target: str) -> bool:
    """A forbidden variant of the required term is used: TA331 reports it."""
    wanted = {t.casefold() for t in term.targets}
    return any(
        other.targets[0].casefold() in wanted and any(find_term(f, target) for f in other.forbidden)
        for other in terms
        if other.forbidden and other.targets
    )


def _note(term: Term) -> str:
    return f" ({term.note})" if term.note else ""


@register
class GlossaryTermMissing(Check):
    """A source term whose required translation (from the glossary) is not in the target.

    The span is the source term, since the target has nothing to point at. When
    the target uses one of the term's forbidden variants instead, TA331 reports
    that variant.

    Bad (glossary "Samarcanda → Samarkand"): source "la cumbre de Samarcanda",
    target "the Samarcand summit". Good: "the Samarkand summit".
    """

    code = "TA330"
    name = "glossary-term-missing"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not segment.source or not segment.target:
            return
        terms = _terms(ctx)
        for term in terms:
            if not term.sources:
                continue
            match = next((m for m in (find_term(s, segment.source) for s in term.sources) if m), None)
            if match is None:
                continue
            if any(find_term(t, segment.target) for t in term.targets):
                continue
            if any(find_term(f, segment.target) for f in term.forbidden) or _style_rule_applies(
                terms, term, segment.target
            ):
                continue
            yield Finding(
                "source",
                match.start(),
                match.end(),
                f"glossary: '{match.group()}' is translated '{term.targets[0]}'{_note(term)}, "
                "which the translation does not use",
                suggestion=term.targets[0],
            )


@register
class GlossaryForbiddenTerm(Check):
    """A target term the glossary forbids, with the preferred term as suggestion.

    Bad (glossary "Kiev → Kyiv"): "talks in Kiev". Good: "talks in Kyiv".
    """

    code = "TA331"
    name = "glossary-forbidden-term"
    category = Category.TERMINOLOGY
    severity = Severity.MINOR

    def check_segment(self, segment: Segment, ctx: CheckContext) -> Iterator[Finding]:
        if not segment.target:
            return
        seen: set[tuple[int, int]] = set()
        for term in _terms(ctx):
            for forbidden in term.forbidden:
                for match in term_pattern(forbidden).finditer(segment.target):
                    span = (match.start(), match.end())
                    if span in seen or any(t.casefold() == match.group().casefold() for t in term.targets):
                        continue
                    seen.add(span)
                    yield Finding(
                        "target",
                        span[0],
                        span[1],
                        f"glossary: '{match.group()}' is not to be used; "
                        f"write '{term.targets[0]}'{_note(term)}",
                        suggestion=term.targets[0],
                    )
