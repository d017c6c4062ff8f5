"""Facts load only with a source and a date; actors' memberships match the fact sheet."""

from __future__ import annotations

import pytest

from helpers.sources import facts


def test_every_data_file_loads_with_sources():
    names = facts.data_files()
    assert "actors.csv" in names and "glossary.toml" in names
    for name in names:  # the glossary too: its attributions are facts
        loaded = facts.load_csv(name) if name.endswith(".csv") else facts.load_toml(name)
        assert loaded, f"{name} is empty"


def test_shipped_data_passes_the_hygiene_audit():
    assert facts.audit_dir(facts.data_dir()) == []


def test_hygiene_audit_refuses_planted_bad_records(tmp_path):
    # A clean file passes, so the failures below come from the planted records alone.
    (tmp_path / "good.csv").write_text(
        "id,source,accessed\nA,Charter of the United Nations,2026-12-02\n", encoding="utf-8"
    )
    assert facts.audit_dir(tmp_path) == []
    # A source on the denylist (an encyclopedia), even as a subdomain and inside a longer text.
    (tmp_path / "weak.csv").write_text(
        'id,source,accessed\nA,"see https://en.wikipedia.org/wiki/X",2026-12-02\n', encoding="utf-8"
    )
    # A glossary-like file whose term has no source; one whose accessed is not a date.
    (tmp_path / "glossary.toml").write_text(
        '[[term]]\nname = "t"\nexplanation = "e"\naccessed = "2026-12-02"\n', encoding="utf-8"
    )
    (tmp_path / "undated.toml").write_text(
        '[[event]]\ntext = "x"\nsource = "NATO"\naccessed = "the seed capture"\n', encoding="utf-8"
    )
    # A weak site named at file level is refused too; read_via may name the copy actually read.
    (tmp_path / "filelevel.toml").write_text(
        'source = "blog at x.blogspot.com"\naccessed = "2026-12-02"\n[[x]]\nv = 1\n', encoding="utf-8"
    )
    (tmp_path / "via.toml").write_text(
        '[[x]]\nsource = "NATO press release"\nread_via = "https://www.einpresswire.com/a"\n'
        'accessed = "2026-12-02"\n',
        encoding="utf-8",
    )
    problems = "\n".join(facts.audit_dir(tmp_path))
    assert "weak.csv line 2 cites wikipedia.org" in problems
    assert "glossary.toml [term] record 1 has no source" in problems
    assert "undated.toml [event] record 1: accessed must be a date" in problems
    assert "filelevel.toml (file level) cites blogspot.com" in problems
    assert "good.csv" not in problems and "via.toml" not in problems
    assert len(facts.audit_dir(tmp_path)) == 4


def test_weak_domains_live_in_one_place_and_match_hosts_only():
    assert "wikipedia.org" in facts.WEAK_DOMAINS
    assert facts.weak_domains_in("https://en.wikipedia.org/wiki/X") == ["wikipedia.org"]
    assert facts.weak_domains_in("nato.int; un.org") == []
    assert facts.weak_domains_in("notmetro.usa.gov") == []  # not the host metro.us
    with pytest.raises(facts.WeakSourceError, match="WEAK_DOMAINS"):
        facts.parse_csv("id,source,accessed\nA,voi.id/en/1,2026-12-02\n", "t.csv")


def test_row_without_source_is_refused():
    with pytest.raises(facts.MissingSourceError, match="line 3 has no source"):
        facts.parse_csv("id,source,accessed\nA,here,2026-01-01\nB,,2026-01-01\n", "t.csv")
    with pytest.raises(facts.MissingSourceError, match="lacks the column"):
        facts.parse_csv("id,source\nA,here\n", "t.csv")
    with pytest.raises(facts.MissingSourceError, match="record 2 has no accessed"):
        facts.parse_toml('[[x]]\nsource="s"\naccessed="2026-01-01"\n[[x]]\nsource="s"\n', "t.toml")
    assert facts.parse_toml('source="s"\naccessed="2026-01-01"\n[[x]]\nv=1\n')["x"][0]["v"] == 1


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


def test_sources_table_lists_each_work_once_and_whole():
    table = facts.sources_table(["actors.csv"])
    lines = table.splitlines()
    assert len(lines) == len(set(lines)) and len(lines) < len(facts.load_csv("actors.csv"))
    assert all(
        line.startswith("- ") and "(accessed 20" in line and "used in `actors.csv`" in line for line in lines
    )
    # No citation is cut inside its brackets (the student's "(entry into force ... (accessed").
    for line in lines:
        assert line.count("(") == line.count(")"), line
    # A semicolon inside brackets belongs to one citation; one outside separates two works.
    assert facts.split_citations("'New START' (in force 2011; suspended 2023); NTI") == [
        "'New START' (in force 2011; suspended 2023)",
        "NTI",
    ]


def test_sources_table_lists_a_shared_work_once_with_every_file_using_it():
    table = facts.sources_table(["twelve_steps.toml", "proposals.toml"])
    nti = [line for line in table.splitlines() if "nti.org/news/statement-euro-atlantic" in line]
    assert len(nti) == 1 and "`twelve_steps.toml`, `proposals.toml`" in nti[0]
    # Copies read stand apart from the works they stand in for.
    assert "*copy read:*" in table


def test_sources_table_lists_only_the_records_a_notebook_uses():
    one = facts.sources_table([("since_then.toml", ["2022-02-24"])])
    assert "GA/12407" in one and "SIPRI" not in one
    with pytest.raises(ValueError, match="valid keys are 2022-02-24"):
        facts.sources_table([("since_then.toml", ["1999-01-01"])])
