"""Facts from ``helpers/data``: every record carries its source and the date it was accessed.

Notebooks never type a fact; they load it here. A CSV row or TOML record without a non-empty
``source`` and an ``accessed`` date, or whose source is a site on :data:`WEAK_DOMAINS`, is
refused, so an unsourced or weakly sourced fact cannot reach a reader. The glossary is checked
like every other file: its attributions are facts too.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

REQUIRED = ("source", "accessed")

#: Sites that may not stand as a fact's ``source``: encyclopedias and their mirrors, blogs,
#: aggregators, press-release wires and reprint sites (DESIGN: prefer treaty texts, official
#: sites and the author's own publication). Kept here, in one place, for the loaders and the tests.
#: Where only such a copy could be read, the record names the primary in ``source`` and the copy
#: actually read in ``read_via``, which this list does not police.
WEAK_DOMAINS = frozenset({
    # encyclopedias and their mirrors
    "wikipedia.org", "wikimili.com", "wikisum.wiki", "fandom.com", "en-academic.com",
    "liquisearch.com", "absoluteastronomy.com", "britannica.com",
    # blogs and personal pages
    "blogspot.com", "wordpress.com", "tumblr.com", "lauriemeadows.info",
    # aggregators, press-release wires, reprint and document-dump sites
    "einpresswire.com", "exbulletin.com", "etvbharat.com", "voi.id", "ru-main.ru",
    "randrlife.co.uk", "metro.us", "vxp.it", "palthinklib.com", "eu-info.jp", "docplayer.net",
    "docslib.org", "cupdf.com", "scribd.com", "ontheissues.org", "eata.ee",
})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class MissingSourceError(ValueError):
    """A data record without a source or access date, or with an access 'date' that is not one."""


class WeakSourceError(ValueError):
    """A data record whose source is a site on :data:`WEAK_DOMAINS`."""


def weak_domains_in(text: str) -> list[str]:
    """The denylisted domains named in ``text`` (as a host or a subdomain's host)."""
    low = text.lower()
    return sorted(d for d in WEAK_DOMAINS
                  if re.search(r"(?<![\w-])(?:[\w-]+\.)*" + re.escape(d) + r"(?![\w-])", low))


def data_files() -> list[str]:
    """Names of the data files shipped in ``helpers/data``."""
    root = resources.files("helpers").joinpath("data")
    return sorted(p.name for p in root.iterdir() if p.name.endswith((".csv", ".toml")))


def _read(name: str) -> str:
    if name not in data_files():
        raise ValueError(f"unknown data file {name!r}; available: {', '.join(data_files())}")
    return resources.files("helpers").joinpath("data", name).read_text(encoding="utf-8")


def _check(record: dict[str, Any], where: str) -> None:
    """Refuse a record without source and accessed, a non-date accessed, or a weak source."""
    missing = [k for k in REQUIRED if not str(record.get(k, "")).strip()]
    if missing:
        raise MissingSourceError(f"{where} has no {' or '.join(missing)}: every fact needs both")
    accessed = str(record["accessed"]).strip()
    if not _DATE.fullmatch(accessed):
        raise MissingSourceError(f"{where}: accessed must be a date YYYY-MM-DD, not {accessed!r}")
    weak = weak_domains_in(str(record["source"]))
    if weak:
        raise WeakSourceError(
            f"{where} cites {', '.join(weak)} as its source; cite the primary and name the copy "
            "read in read_via (see facts.WEAK_DOMAINS)")


def parse_csv(text: str, name: str = "<csv>") -> list[dict[str, str]]:
    """Rows of a CSV text as dicts, refusing any row without source and accessed."""
    reader = csv.DictReader(io.StringIO(text))
    absent = [k for k in REQUIRED if k not in (reader.fieldnames or [])]
    if absent:
        raise MissingSourceError(f"{name} lacks the column(s) {', '.join(absent)}")
    rows = []
    for number, row in enumerate(reader, start=2):
        _check(row, f"{name} line {number}")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def parse_toml(text: str, name: str = "<toml>") -> dict[str, Any]:
    """A TOML text whose every record (table in a top-level array) has source and accessed.

    A file may instead give ``source`` and ``accessed`` once at its top level when all its
    records come from that one source.
    """
    data = tomllib.loads(text)
    file_level = all(str(data.get(k, "")).strip() for k in REQUIRED)
    if file_level:
        _check(data, f"{name} (file level)")
    records = 0
    for key, value in data.items():
        tables = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        for index, record in enumerate(tables):
            if isinstance(record, dict):
                records += 1
                if not file_level:
                    _check(record, f"{name} [{key}] record {index + 1}")
    if not records and not file_level:
        raise MissingSourceError(f"{name} has no records and no file-level source")
    return data


def audit_dir(folder: str | Path) -> list[str]:
    """Every hygiene problem in the CSV and TOML files of ``folder`` (empty when all is clean).

    The same checks as the loaders (source and a dated accessed on every record, glossary
    included; no source on :data:`WEAK_DOMAINS`), run over a whole folder so that a test can
    plant a bad record in a temporary folder and see it refused.
    """
    problems = []
    for path in sorted(Path(folder).iterdir()):
        if path.suffix not in (".csv", ".toml"):
            continue
        text = path.read_text(encoding="utf-8")
        try:
            parse_csv(text, path.name) if path.suffix == ".csv" else parse_toml(text, path.name)
        except ValueError as error:  # MissingSourceError, WeakSourceError, bad TOML
            problems.append(str(error))
    return problems


def data_dir() -> Path:
    """The folder of the shipped data files."""
    return Path(str(resources.files("helpers").joinpath("data")))


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    return tuple(parse_csv(_read(name), name))


@cache
def load_toml(name: str) -> dict[str, Any]:
    return parse_toml(_read(name), name)


@dataclass(frozen=True)
class Actor:
    """A state or an organisation with the memberships the notebooks draw on."""

    id: str
    name: str
    kind: str
    capital: str
    nato_accession: str
    eu_accession: str
    eu_left: str
    eu_candidate_since: str
    unsc_permanent: bool
    nuclear_weapon_state: bool
    nato_course: str
    note: str
    source: str
    accessed: str

    def in_nato(self, year: int | None = None) -> bool:
        return _member(self.nato_accession, "", year)

    def in_eu(self, year: int | None = None) -> bool:
        return _member(self.eu_accession, self.eu_left, year)


def _member(joined: str, left: str, year: int | None) -> bool:
    if not joined:
        return False
    if year is None:
        return not left
    return int(joined[:4]) <= year and (not left or year < int(left[:4]))


@cache
def actors() -> dict[str, Actor]:
    """The actors of ``actors.csv`` by id."""
    out = {}
    for row in load_csv("actors.csv"):
        out[row["id"]] = Actor(
            id=row["id"], name=row["name"], kind=row["kind"], capital=row["capital"],
            nato_accession=row["nato_accession"], eu_accession=row["eu_accession"],
            eu_left=row["eu_left"], eu_candidate_since=row["eu_candidate_since"],
            unsc_permanent=row["unsc_permanent"] == "yes",
            nuclear_weapon_state=row["nuclear_weapon_state"] == "yes",
            nato_course=row["nato_course"], note=row["note"], source=row["source"], accessed=row["accessed"],
        )
    return out


def actor(actor_id: str) -> Actor:
    """One actor by id; ``ValueError`` names the valid ids."""
    table = actors()
    if actor_id not in table:
        raise ValueError(f"unknown actor {actor_id!r}; valid actors are {', '.join(table)}")
    return table[actor_id]


def sources_table(names: list[str]) -> str:
    """A Markdown list of the distinct sources behind the given data files (for 'Sources')."""
    lines = []
    for name in names:
        rows: list[dict[str, Any]]
        if name.endswith(".csv"):
            rows = list(load_csv(name))
        else:
            data = load_toml(name)
            rows = [data] if "source" in data else [
                r for v in data.values() if isinstance(v, list) for r in v if isinstance(r, dict)
            ]
        # A row may cite several sources separated by "; ": list each distinct one once.
        seen = dict.fromkeys((part.strip(), r["accessed"]) for r in rows if "source" in r
                             for part in r["source"].split("; ") if part.strip())
        for source, accessed in seen:
            lines.append(f"- `{name}`: {source} (accessed {accessed})")
    return "\n".join(lines)
