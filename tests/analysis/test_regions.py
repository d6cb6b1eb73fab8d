"""Region and type groups: ISO members with sources, the seed memberships."""

from __future__ import annotations

import pycountry

from transaudit.analysis import regions

ISO = {c.alpha_2 for c in pycountry.countries} | {"XK"}

def test_group_members_are_iso_countries_with_sources() -> None:
    for gid, group in regions.groups().items():
        assert group.members, gid
        assert group.members <= ISO and group.accepted <= ISO, gid
        assert group.source, f"{gid} must say where its membership comes from"
        assert not group.members & group.accepted, gid


def test_memberships_of_the_seed_countries() -> None:
    groups = regions.groups()
    assert not groups["central_asia"].fits("IR")
    assert groups["south_asia"].fits("IR") and groups["middle_east"].fits("IR")
    assert groups["central_asia"].fits("AF") and groups["south_asia"].fits("AF")
    assert groups["central_asia"].fits("TJ") and not groups["balkans"].fits("KG")
    assert groups["sultanate"].fits("OM") and groups["gulf"].fits("KW")
    assert not groups["republic"].fits("SA") and groups["republic"].fits("IR")


def test_a_region_is_named_as_a_proper_noun_and_a_type_by_its_noun() -> None:
    """Messages say "Central America is …", "grand duchy is …" (not "central america")."""
    from transaudit.analysis.place_labels import group_label

    table = regions.groups()
    assert table["central_america"].name == "Central America"
    assert table["horn_of_africa"].name == "Horn of Africa"
    assert table["grand_duchy"].name == "grand duchy" and table["republic"].name == "republic"
    assert group_label(("central_america",), "en").startswith("Central America is Belize")
