"""Which countries a region or a type noun fits, from ``data/gazetteer/world.toml``.

These facts do not depend on a language; each group records its source (UN
M49, a treaty, usage) so a message can say why a description does not fit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from transaudit import data

FAMILY = "gazetteer"


@dataclass(frozen=True)
class Group:
    """A region or a type noun: the countries it fits and why."""

    id: str
    members: frozenset[str]
    accepted: frozenset[str]
    source: str
    accepted_source: str = ""
    #: How a message names the group: the data's ``name`` (type nouns: "grand duchy"), else the
    #: id as the proper noun of a region ("central_america" → "Central America"; "of" stays lower).
    label: str = ""

    @property
    def name(self) -> str:
        if self.label:
            return self.label
        return " ".join(w if w == "of" else w.capitalize() for w in self.id.split("_"))

    def fits(self, country: str) -> bool:
        return country in self.members or country in self.accepted


@lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    return data.load(FAMILY, "world")


@lru_cache(maxsize=1)
def groups() -> dict[str, Group]:
    """Every region and type group, with ``all_except`` groups resolved."""
    raw = world().get("groups", {})
    import pycountry

    every = frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}
    result: dict[str, Group] = {}
    for gid, spec in raw.items():
        if "all_except" in spec:
            continue
        result[gid] = Group(
            gid,
            frozenset(spec.get("members", [])),
            frozenset(spec.get("accepted", [])),
            spec.get("source", ""),
            spec.get("accepted_source", ""),
            spec.get("name", ""),
        )
    for gid, spec in raw.items():
        if "all_except" not in spec:
            continue
        excluded: set[str] = set()
        for other in spec["all_except"]:
            excluded |= result[other].members | result[other].accepted
        result[gid] = Group(
            gid, every - excluded, frozenset(), spec.get("source", ""), label=spec.get("name", "")
        )
    return result


def fitting(gids: Sequence[str]) -> frozenset[str]:
    """The countries every group of a description admits (``=XX`` names one country)."""
    table = groups()
    result: frozenset[str] | None = None
    for gid in gids:
        if gid.startswith("="):
            allowed = frozenset({gid[1:]})
        elif gid in table:
            allowed = table[gid].members | table[gid].accepted
        else:
            continue
        result = allowed if result is None else result & allowed
    return result if result is not None else frozenset()
