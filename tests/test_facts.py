"""Facts load only with a source and a date; actors' memberships match the fact sheet."""

from __future__ import annotations

import pytest

from helpers.sources import facts


def test_every_data_file_loads_with_sources():
    names = facts.data_files()
    assert "actors.csv" in names
    for name in names:
        if name in facts.PROSE_FILES:
            continue
        loaded = facts.load_csv(name) if name.endswith(".csv") else facts.load_toml(name)
        assert loaded, f"{name} is empty"


def test_row_without_source_is_refused():
    with pytest.raises(facts.MissingSourceError, match="line 3 has no source"):
        facts.parse_csv("id,source,accessed\nA,here,2026-01-01\nB,,2026-01-01\n", "t.csv")
    with pytest.raises(facts.MissingSourceError, match="lacks the column"):
        facts.parse_csv("id,source\nA,here\n", "t.csv")
    with pytest.raises(facts.MissingSourceError, match="record 2 has no accessed"):
        facts.parse_toml('[[x]]\nsource="s"\naccessed="d"\n[[x]]\nsource="s"\n', "t.toml")
    assert facts.parse_toml('source="s"\naccessed="d"\n[[x]]\nv=1\n')["x"][0]["v"] == 1


def test_unknown_file_and_actor_name_the_valid_ones():
    with pytest.raises(ValueError, match="available: actors.csv"):
        facts.load_csv("nope.csv")
    with pytest.raises(ValueError, match="valid actors are RUS, USA"):
        facts.actor("XYZ")


def test_memberships_match_the_fact_sheet():
    a = facts.actors()
    nato = {i for i, x in a.items() if x.in_nato()}
    eu = {i for i, x in a.items() if x.in_eu()}
    assert {"TUR", "NOR", "USA", "GBR"} <= nato - eu
    assert {"AUT", "IRL"} <= eu - nato
    assert {"RUS", "CHN", "UKR"}.isdisjoint(nato | eu)
    assert {i for i, x in a.items() if x.unsc_permanent} == {"USA", "GBR", "FRA", "RUS", "CHN"}
    assert a["FIN"].in_nato(2022) is False and a["FIN"].in_nato(2023) is True
    assert a["SWE"].in_nato(2023) is False and a["SWE"].in_nato(2024) is True
    assert a["GBR"].in_eu(2019) is True and a["GBR"].in_eu() is False
    assert a["TUR"].eu_candidate_since == "1999"


def test_sources_table_lists_each_source_once():
    table = facts.sources_table(["actors.csv"])
    lines = table.splitlines()
    assert len(lines) == len(set(lines))
    assert all(line.startswith("- `actors.csv`: ") and "(accessed " in line for line in lines)
