"""How countries and region groups are named in messages, in the message's language."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from transaudit.analysis.gazetteer import gazetteer
from transaudit.analysis.regions import groups


def group_label(gids: Sequence[str], lang: str) -> str:
    """What a descriptor's groups are, with their source, for messages."""
    gaz = gazetteer(lang)
    table = groups()
    labels = []
    for gid in gids:
        if gid.startswith("="):
            labels.append(f"it names {gaz.name(gid[1:])}")
        elif gid in table:
            group = table[gid]
            text = f"{group.name} is {describe_countries(group.members, lang)} ({group.source})"
            if group.accepted:
                text += (
                    f", also {describe_countries(group.accepted, lang)} ({group.accepted_source or 'usage'})"
                )
            labels.append(text)
    return "; ".join(labels)


def describe_countries(codes: Iterable[str], lang: str, limit: int = 5) -> str:
    gaz = gazetteer(lang)
    names = sorted(gaz.name(c) for c in codes)
    more = len(names) - limit
    return ", ".join(names[:limit]) + (f" and {more} more" if more > 0 else "")


def fitting_descriptors(lang: str, country: str, limit: int = 5) -> list[str]:
    """Descriptor words of this language whose standard members include the country.

    One phrase per group (the first in the data), then the country's demonyms.
    """
    gaz = gazetteer(lang)
    table = groups()
    found: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for phrase, gids in gaz.descriptor_words:
        if gids in seen or not all(g in table and country in table[g].members for g in gids):
            continue
        seen.add(gids)
        found.append(phrase)
    demonyms = [w for w, code in gaz.demonym_words.items() if code == country]
    found.extend(gaz.standard_demonyms.get(country, demonyms[:1]))
    return found[:limit]
