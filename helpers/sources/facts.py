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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

REQUIRED = ("source", "accessed")
T = TypeVar("T")

#: Sites that may not stand as a fact's ``source``: encyclopedias and their mirrors, blogs,
#: aggregators, press-release wires and reprint sites (DESIGN: prefer treaty texts, official
#: sites and the author's own publication). Kept here, in one place, for the loaders and the tests.
#: Where only such a copy could be read, the record names the primary in ``source`` and the copy
#: actually read in ``read_via``, which this list does not police.
WEAK_DOMAINS = frozenset(
    {
        # encyclopedias and their mirrors
        "wikipedia.org",
        "wikimili.com",
        "wikisum.wiki",
        "fandom.com",
        "en-academic.com",
        "liquisearch.com",
        "absoluteastronomy.com",
        "britannica.com",
        # blogs and personal pages
        "blogspot.com",
        "wordpress.com",
        "tumblr.com",
        "lauriemeadows.info",
        # aggregators, press-release wires, reprint and document-dump sites
        "einpresswire.com",
        "exbulletin.com",
        "etvbharat.com",
        "voi.id",
        "ru-main.ru",
        "randrlife.co.uk",
        "metro.us",
        "vxp.it",
        "palthinklib.com",
        "eu-info.jp",
        "docplayer.net",
        "docslib.org",
        "cupdf.com",
        "scribd.com",
        "ontheissues.org",
        "eata.ee",
    }
)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_URL = re.compile(r"https?://\S+")


class MissingSourceError(ValueError):
    """A data record without a source or access date, or with an access 'date' that is not one."""


class WeakSourceError(ValueError):
    """A data record whose source is a site on :data:`WEAK_DOMAINS`."""


def weak_domains_in(text: str) -> list[str]:
    """The denylisted domains named in ``text`` (as a host or a subdomain's host)."""
    low = text.lower()
    return sorted(
        d for d in WEAK_DOMAINS if re.search(r"(?<![\w-])(?:[\w-]+\.)*" + re.escape(d) + r"(?![\w-])", low)
    )


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
            "read in read_via (see facts.WEAK_DOMAINS)"
        )


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
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            capital=row["capital"],
            nato_accession=row["nato_accession"],
            eu_accession=row["eu_accession"],
            eu_left=row["eu_left"],
            eu_candidate_since=row["eu_candidate_since"],
            unsc_permanent=row["unsc_permanent"] == "yes",
            nuclear_weapon_state=row["nuclear_weapon_state"] == "yes",
            nato_course=row["nato_course"],
            note=row["note"],
            source=row["source"],
            accessed=row["accessed"],
        )
    return out


def check(value: Any, valid: Iterable[Any], what: str, plural: str = "") -> None:
    """``ValueError`` naming the valid choices unless ``value`` is one of ``valid`` (the keys of a
    dict, the items of a tuple): "unknown {what} ...; valid {plural, by default what + 's'} are ..."."""
    valid = tuple(valid)
    if value not in valid:
        raise ValueError(
            f"unknown {what} {value!r}; valid {plural or what + 's'} are {', '.join(map(str, valid))}"
        )


def pick(table: Mapping[str, T], key: str, what: str, plural: str = "") -> T:
    """``table[key]``, or the ``ValueError`` of :func:`check` naming the valid keys."""
    check(key, table, what, plural)
    return table[key]


def actor(actor_id: str) -> Actor:
    """One actor by id; ``ValueError`` names the valid ids."""
    return pick(actors(), actor_id, "actor")


def split_citations(source: str) -> list[str]:
    """The works a ``source`` field cites, split at semicolons outside brackets.

    A semicolon inside parentheses belongs to one citation ("(entry into force 5 February 2011;
    Russia announced ...)"), so it never splits: every part keeps its brackets whole.
    """
    parts, depth, current = [], 0, []
    for char in source:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if char == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


Use = str | tuple[str, "list[str] | tuple[str, ...]"]


def _records(name: str) -> list[dict[str, Any]]:
    if name.endswith(".csv"):
        return list(load_csv(name))
    data = load_toml(name)
    if "source" in data:
        return [data]
    return [r for v in data.values() if isinstance(v, list) for r in v if isinstance(r, dict)]


def sources_table(uses: list[Use]) -> str:
    """A Markdown list of the works behind the facts a notebook uses, each work once.

    ``uses`` names data files, or ``(file, keys)`` pairs to list only the records the notebook
    shows (matched on a record's ``id``, else its ``date``). A work cited by several records or
    files is listed once (parts naming the same URL count as one work), with the files that use
    it. Citations are split only at semicolons outside brackets, so none is cut in half. Copies
    read instead of an unreadable primary (``read_via``) are listed as such.
    """
    works: dict[str, dict[str, Any]] = {}
    copies: dict[str, dict[str, Any]] = {}
    for use in uses:
        name, keys = (use, None) if isinstance(use, str) else use
        records = [r for r in _records(name) if "source" in r]
        if keys is not None:
            wanted = set(keys)
            records = [r for r in records if str(r.get("id", r.get("date", ""))) in wanted]
            found = {str(r.get("id", r.get("date", ""))) for r in records}
            if found != wanted:
                valid = ", ".join(str(r.get("id", r.get("date"))) for r in _records(name))
                raise ValueError(f"{name} has no record {sorted(wanted - found)}; valid keys are {valid}")
        for record in records:
            for part in split_citations(str(record["source"])):
                # One work, one line: parts naming the same URL are the same work.
                url = _URL.search(part)
                key = url.group(0).rstrip(".,)") if url else part
                entry = works.setdefault(key, {"text": part, "files": [], "accessed": ""})
                entry["files"] = list(dict.fromkeys([*entry["files"], name]))
                entry["accessed"] = max(entry["accessed"], str(record["accessed"]))
            if str(record.get("read_via", "")).strip():
                entry = copies.setdefault(str(record["read_via"]).strip(), {"files": [], "accessed": ""})
                entry["files"] = list(dict.fromkeys([*entry["files"], name]))
                entry["accessed"] = max(entry["accessed"], str(record["accessed"]))

    def line(text: str, entry: dict[str, Any], prefix: str = "") -> str:
        files = ", ".join(f"`{f}`" for f in entry["files"])
        return f"- {prefix}{text} (accessed {entry['accessed']}; used in {files})"

    lines = [line(entry["text"], entry) for entry in works.values()]
    lines += [line(text, entry, "*copy read:* ") for text, entry in copies.items()]
    return "\n".join(lines)
