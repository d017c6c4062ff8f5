"""Exact voting power (Shapley-Shubik, Banzhaf) for games with several quotas and vetoes.

A game is won by a coalition that holds every veto player and meets all quotas of at least one
clause (for example "15 members and 65% of the population", or "24 members"). Power is computed
exactly, with integers and Fractions, by a generating function over the quota dimensions rather
than by listing the 2^n coalitions; the voting rules themselves live in
``helpers/data/voting_rules.toml`` with their sources.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np

from helpers.sources import facts

MEMBERS = "members"
"""The built-in dimension: the number of members in a coalition (every member weighs 1)."""

MAX_CELLS = 20_000_000
"""Largest generating-function table we build; larger games should scale their weights down."""

_INT64_SAFE_PLAYERS = 62
"""Coalition counts are at most 2^n, so int64 tables are exact up to 62 free players."""


@dataclass(frozen=True)
class Game:
    """A simple voting game: members, integer weights per dimension, quota clauses and vetoes.

    ``clauses`` holds absolute quotas: a coalition wins when it contains every member of
    ``vetoes`` and, for at least one clause, reaches every quota of that clause. Build games with
    :func:`make_game`, which checks the input and turns shares such as 65% into exact quotas.
    """

    members: tuple[str, ...]
    weights: tuple[tuple[str, tuple[int, ...]], ...]
    clauses: tuple[tuple[tuple[str, int], ...], ...]
    vetoes: frozenset[str]

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The quota dimensions: ``"members"`` first, then the weight dimensions."""
        return (MEMBERS,) + tuple(name for name, _ in self.weights)

    def total(self, dimension: str) -> int:
        """Total weight of all members in one dimension (the member count for ``"members"``)."""
        return sum(self._column(dimension))

    def _column(self, dimension: str) -> tuple[int, ...]:
        if dimension == MEMBERS:
            return (1,) * len(self.members)
        for name, column in self.weights:
            if name == dimension:
                return column
        raise ValueError(f"unknown dimension {dimension!r}; valid dimensions: {', '.join(self.dimensions)}")


def make_game(
    members: Sequence[str],
    quotas: Mapping[str, int | Fraction],
    *,
    weights: Mapping[str, Sequence[int]] | None = None,
    alternatives: Iterable[Mapping[str, int | Fraction]] = (),
    vetoes: Iterable[str] = (),
) -> Game:
    """Build a checked game; quotas are integers (absolute) or Fractions in (0, 1] (shares).

    ``quotas`` is the main clause, each of ``alternatives`` a further clause that also wins.
    A share is rounded up: 65% of 10,001 hundredths of a percent is a quota of 6,501.
    """
    members = tuple(members)
    if not members:
        raise ValueError("a game needs at least one member; got an empty list")
    if len(set(members)) != len(members):
        repeated = sorted({m for m in members if members.count(m) > 1})
        raise ValueError(f"members must be distinct; repeated: {', '.join(repeated)}")
    columns = []
    for name, column in (weights or {}).items():
        if name == MEMBERS:
            raise ValueError(f"{MEMBERS!r} is built in (one per member); name the weights otherwise")
        column = tuple(column)
        if len(column) != len(members):
            raise ValueError(
                f"weights {name!r} has {len(column)} entries; need one per member ({len(members)})"
            )
        for member, value in zip(members, column, strict=True):
            if isinstance(value, bool) or not isinstance(value, int | np.integer):
                raise ValueError(f"weight {name!r} of {member!r} must be an integer, got {value!r}")
            if value < 0:
                raise ValueError(f"weight {name!r} of {member!r} must be >= 0, got {value}")
        if sum(column) == 0:
            raise ValueError(f"weights {name!r} are all zero; no quota on them can be met")
        columns.append((name, tuple(int(v) for v in column)))
    veto_set = frozenset(vetoes)
    unknown = sorted(veto_set - set(members))
    if unknown:
        raise ValueError(f"unknown veto member(s) {', '.join(unknown)}; valid members: {', '.join(members)}")
    draft = Game(members, tuple(columns), (), veto_set)
    clauses = tuple(_resolve_clause(draft, clause) for clause in (quotas, *tuple(alternatives)))
    return Game(members, tuple(columns), clauses, veto_set)


def _resolve_clause(game: Game, clause: Mapping[str, int | Fraction]) -> tuple[tuple[str, int], ...]:
    """Check one clause and turn its quotas into absolute integers in 1..total."""
    if not clause:
        raise ValueError(f"a clause needs at least one quota on: {', '.join(game.dimensions)}")
    resolved = []
    for dimension, quota in clause.items():
        total = game.total(dimension)
        if isinstance(quota, Fraction):
            if not 0 < quota <= 1:
                raise ValueError(f"share quota for {dimension!r} must be in (0, 1], got {quota}")
            absolute = math.ceil(quota * total)
        elif isinstance(quota, int | np.integer) and not isinstance(quota, bool):
            absolute = int(quota)
        else:
            raise ValueError(f"quota for {dimension!r} must be an int or a Fraction share, got {quota!r}")
        if not 1 <= absolute <= total:
            raise ValueError(f"quota for {dimension!r} must be between 1 and {total}, got {absolute}")
        resolved.append((dimension, absolute))
    return tuple(sorted(resolved))


def weighted_game(weights: Mapping[str, int], quota: int, vetoes: Iterable[str] = ()) -> Game:
    """A one-dimensional weighted game: a coalition wins with total weight >= quota."""
    members = tuple(weights)
    return make_game(
        members,
        {"weight": quota},
        weights={"weight": [weights[m] for m in members]},
        vetoes=vetoes,
    )


def is_winning(game: Game, coalition: Iterable[str]) -> bool:
    """Whether the coalition (a collection of member names) wins the game."""
    chosen = set(coalition)
    unknown = sorted(chosen - set(game.members))
    if unknown:
        raise ValueError(f"unknown member(s) {', '.join(unknown)}; valid members: {', '.join(game.members)}")
    if not game.vetoes <= chosen:
        return False
    mask = [m in chosen for m in game.members]
    sums = {
        d: sum(w for w, inside in zip(game._column(d), mask, strict=True) if inside) for d in game.dimensions
    }
    return any(all(sums[d] >= q for d, q in clause) for clause in game.clauses)


@dataclass(frozen=True)
class Power:
    """Exact power of every member of one game, plus what the game says about passing a motion.

    ``shapley_shubik`` and ``banzhaf`` (normalized) are Fractions summing to 1; ``swings`` counts
    the coalitions a member turns from losing to winning; ``ease`` is the share of all 2^n
    coalitions that win (the chance a random coalition passes a decision).
    """

    members: tuple[str, ...]
    shapley_shubik: dict[str, Fraction]
    swings: dict[str, int]
    banzhaf: dict[str, Fraction]
    winning: int
    coalitions: int
    vetoes: tuple[str, ...]
    dummies: tuple[str, ...]

    @property
    def ease(self) -> Fraction:
        """Probability that a coalition drawn uniformly from all 2^n wins."""
        return Fraction(self.winning, self.coalitions)

    def absolute_banzhaf(self, member: str) -> Fraction:
        """Swings over 2^(n-1): the chance the member is decisive if others vote at random."""
        return Fraction(self.swings[self._check(member)], self.coalitions // 2)

    def _check(self, member: str) -> str:
        if member not in self.swings:
            raise ValueError(f"unknown member {member!r}; valid members: {', '.join(self.members)}")
        return member


def power(game: Game) -> Power:
    """Exact Shapley-Shubik and Banzhaf power, vetoes, dummies and ease of passing (cached)."""
    if not isinstance(game, Game):
        raise ValueError(f"expected a Game built with make_game, got {type(game).__name__}")
    return _power(game)


def shapley_shubik(game: Game) -> dict[str, Fraction]:
    """Exact Shapley-Shubik index of every member (sums to exactly 1)."""
    return dict(power(game).shapley_shubik)


def banzhaf(game: Game) -> dict[str, Fraction]:
    """Exact normalized Banzhaf index of every member (swings over all swings)."""
    return dict(power(game).banzhaf)


def swings(game: Game) -> dict[str, int]:
    """Raw Banzhaf swings: coalitions without the member that lose but win with it."""
    return dict(power(game).swings)


@lru_cache(maxsize=256)
def _power(game: Game) -> Power:
    n = len(game.members)
    vetoes = [m for m in game.members if m in game.vetoes]
    free = [i for i, m in enumerate(game.members) if m not in game.vetoes]
    dims = [name for name, _ in game.weights]
    columns = [game._column(d) for d in dims]
    # Scale each weight dimension by the gcd of its weights (exact; shrinks the table).
    scale = [math.gcd(*column) for column in columns]
    free_w = np.array(
        [[columns[j][i] // scale[j] for j in range(len(dims))] for i in free], dtype=np.int64
    ).reshape(len(free), len(dims))
    veto_w = [sum(columns[j][game.members.index(v)] for v in vetoes) for j in range(len(dims))]
    extents = [int(free_w[:, j].sum()) for j in range(len(dims))]
    cells = (len(free) + 1) * math.prod(e + 1 for e in extents)
    if cells > MAX_CELLS:
        raise ValueError(
            f"the game needs a table of {cells:,} cells (limit {MAX_CELLS:,}); "
            "scale the weights down (e.g. population in hundredths of a percent)"
        )
    dtype = np.int64 if len(free) <= _INT64_SAFE_PLAYERS else object
    table = _generating_function(free_w, extents, dtype)
    win = _win_grid(game, dims, scale, extents, len(free), len(vetoes), veto_w)
    weight_axes = tuple(range(1, len(dims) + 1))

    fact = [math.factorial(k) for k in range(n + 1)]

    def shapley_numerator(counts_by_size: np.ndarray, offset: int) -> int:
        # A swing coalition S of size s + offset earns |S|! (n - |S| - 1)! / n!.
        return sum(
            int(c) * fact[s + offset] * fact[n - s - offset - 1] for s, c in enumerate(counts_by_size) if c
        )

    swing_count: dict[str, int] = {}
    shapley_num: dict[str, int] = {}
    winning_by_size = (table * win).sum(axis=weight_axes) if dims else table * win
    winning = int(sum(int(c) for c in winning_by_size))
    for v in vetoes:
        # Without a veto player nothing passes, so every winning coalition is its swing.
        swing_count[v] = winning
        shapley_num[v] = shapley_numerator(winning_by_size, len(vetoes) - 1)
    by_type: dict[tuple[int, ...], tuple[int, int]] = {}
    for row, i in enumerate(free):
        key = tuple(int(x) for x in free_w[row])
        if key not in by_type:
            by_size = _swings_by_size(table, win, key, extents, weight_axes)
            by_type[key] = (
                int(sum(int(c) for c in by_size)),
                shapley_numerator(by_size, len(vetoes)),
            )
        swing_count[game.members[i]], shapley_num[game.members[i]] = by_type[key]

    total_swings = sum(swing_count.values())
    members = game.members
    return Power(
        members=members,
        shapley_shubik={m: Fraction(shapley_num[m], fact[n]) for m in members},
        swings={m: swing_count[m] for m in members},
        banzhaf={m: Fraction(swing_count[m], total_swings) if total_swings else Fraction(0) for m in members},
        winning=winning,
        coalitions=2**n,
        vetoes=tuple(m for m in members if _is_veto(game, m)),
        dummies=tuple(m for m in members if swing_count[m] == 0),
    )


def _is_veto(game: Game, member: str) -> bool:
    """A member is a veto player when everyone else together still loses."""
    return not is_winning(game, [m for m in game.members if m != member])


def _generating_function(free_w: np.ndarray, extents: list[int], dtype) -> np.ndarray:
    """Count subsets of the free players by size and by weight sum in each dimension.

    Entry [s, w1, ..., wk] is the number of subsets with s players and weight sums w1..wk:
    the coefficients of the product over players of (1 + x * y1^w1 * ... * yk^wk).
    """
    m = free_w.shape[0]
    table = np.zeros((m + 1, *(e + 1 for e in extents)), dtype=dtype)
    table[(0,) * table.ndim] = 1
    for row in free_w:
        dst = (slice(1, m + 1),) + tuple(slice(int(w), None) for w in row)
        src = (slice(0, m),) + tuple(slice(0, e + 1 - int(w)) for w, e in zip(row, extents, strict=True))
        table[dst] += table[src].copy()
    return table


def _remove_player(table: np.ndarray, w: tuple[int, ...], extents: list[int]) -> np.ndarray:
    """Divide the generating function by one player's factor (1 + x y^w), exactly.

    The result counts subsets of the other free players; rows run over sizes 0..m-1.
    """
    m = table.shape[0] - 1
    out = np.empty_like(table[:m])
    out[0] = table[0]
    dst = tuple(slice(wj, None) for wj in w)
    src = tuple(slice(0, e + 1 - wj) for wj, e in zip(w, extents, strict=True))
    for s in range(1, m):
        out[s] = table[s]
        out[(s,) + dst] -= out[(s - 1,) + src]
    return out


def _win_grid(game, dims, scale, extents, m, n_vetoes, veto_w) -> np.ndarray:
    """Boolean table over (free size, free weights): does that many plus all vetoes win?"""
    shape = (m + 1, *(e + 1 for e in extents))
    grids = np.indices(shape, sparse=True)
    win = np.zeros(shape, dtype=bool)
    for clause in game.clauses:
        ok = np.ones(shape, dtype=bool)
        for dimension, quota in clause:
            if dimension == MEMBERS:
                ok &= grids[0] + n_vetoes >= quota
            else:
                j = dims.index(dimension)
                # sum of free weights (scaled) * scale + veto weight >= quota
                ok &= grids[j + 1] * scale[j] + veto_w[j] >= quota
        win |= ok
    return win


def _swings_by_size(table, win, w, extents, weight_axes) -> np.ndarray:
    """Swings of a free player with weights ``w``, counted by the size of the losing coalition."""
    rest = _remove_player(table, w, extents)
    m = rest.shape[0]
    lo = (slice(0, m),) + tuple(slice(0, e + 1 - wj) for wj, e in zip(w, extents, strict=True))
    hi = (slice(1, m + 1),) + tuple(slice(wj, None) for wj in w)
    decisive = win[hi] & ~win[lo]
    swing = rest[lo] * decisive
    return swing.sum(axis=weight_axes) if weight_axes else swing


# --- The voting rules in helpers/data -------------------------------------------------------

RULES_FILE = "voting_rules.toml"
RULE_IDS = ("unsc_1945", "unsc_1965", "nato", "eu_unanimity", "eu_qmv")
"""The rules notebook 05 compares, in the order it shows them."""


def _rules_data() -> dict:
    return facts.load_toml(RULES_FILE)


def _csv_rows(name: str) -> tuple[dict, ...]:
    return facts.load_csv(name)


def rule(rule_id: str) -> dict:
    """The record of one voting rule (name, quotas, note, source, accessed)."""
    rules = {r["id"]: r for r in _rules_data()["rule"]}
    if rule_id not in rules:
        raise ValueError(f"unknown rule {rule_id!r}; valid rules: {', '.join(rules)}")
    return dict(rules[rule_id])


def statuses(actor: str | None = None) -> list[dict]:
    """Sourced status records (e.g. Turkey in NATO and the EU), optionally for one actor."""
    records = [dict(r) for r in _rules_data().get("status", [])]
    if actor is None:
        return records
    actors = sorted({r["actor"] for r in records})
    if actor not in actors:
        raise ValueError(f"unknown actor {actor!r}; valid actors: {', '.join(actors)}")
    return [r for r in records if r["actor"] == actor]


def eu_population_shares() -> dict[str, int]:
    """EU-27 population shares for 2025 in hundredths of a percent (they sum to 10,001)."""
    return {
        row["member"]: int(Fraction(row["population_share_percent"]) * 100)
        for row in _csv_rows("eu_population_2025.csv")
    }


def sweden_accession_events() -> list[dict]:
    """Sourced dates of Sweden's accession to NATO, in time order."""
    rows = (dict(r) for r in _csv_rows("nato_sweden_accession.csv"))
    return sorted(rows, key=lambda r: r["date"])


def council_defaults(rule_id: str) -> tuple[int, int, int]:
    """(seats, permanent members, quota) of a Security Council rule as the Charter sets them."""
    record = rule(rule_id)
    if record["kind"] != "council":
        councils = [r["id"] for r in _rules_data()["rule"] if r["kind"] == "council"]
        raise ValueError(f"rule {rule_id!r} is not a Security Council rule; valid: {', '.join(councils)}")
    permanent = len(record["permanent"])
    return permanent + record["elected_seats"], permanent, record["quota_members"]


def rule_game(rule_id: str, *, permanent: int | None = None, quota: int | None = None) -> Game:
    """The exact game of a rule; for a Security Council rule, optionally vary vetoes and quota.

    ``permanent`` is how many seats hold a veto (0..seats) and ``quota`` the affirmative votes
    needed (1..seats). Seats keep their real names only in the Charter's own configuration.
    """
    record = rule(rule_id)
    kind = record["kind"]
    if kind != "council" and (permanent is not None or quota is not None):
        raise ValueError(
            f"permanent and quota apply only to Security Council rules "
            f"(unsc_1945, unsc_1965), not to {rule_id!r}"
        )
    if kind == "council":
        return _council_game(rule_id, permanent, quota)
    if kind == "unanimity":
        members = tuple(record["members"]) if "members" in record else tuple(eu_population_shares())
        return make_game(members, {MEMBERS: len(members)})
    if kind == "double_majority":
        shares = eu_population_shares()
        members = tuple(shares)
        n = len(members)
        member_quota = max(
            math.ceil(Fraction(record["quota_members_share"]) * n), record["quota_members_min"]
        )
        return make_game(
            members,
            {MEMBERS: member_quota, "population": Fraction(record["quota_population_share"])},
            weights={"population": [shares[m] for m in members]},
            alternatives=[{MEMBERS: n - record["blocking_minority_min_members"] + 1}],
        )
    raise ValueError(f"rule {rule_id!r} has an unknown kind {kind!r}")


def _council_game(rule_id: str, permanent: int | None, quota: int | None) -> Game:
    seats, default_permanent, default_quota = council_defaults(rule_id)
    permanent = default_permanent if permanent is None else permanent
    quota = default_quota if quota is None else quota
    if isinstance(permanent, bool) or not isinstance(permanent, int) or not 0 <= permanent <= seats:
        raise ValueError(f"permanent must be an integer between 0 and {seats}, got {permanent!r}")
    if isinstance(quota, bool) or not isinstance(quota, int) or not 1 <= quota <= seats:
        raise ValueError(f"quota must be an integer between 1 and {seats}, got {quota!r}")
    if permanent == default_permanent:
        holders = list(rule(rule_id)["permanent"])
    else:
        holders = [f"Permanent {k}" for k in range(1, permanent + 1)]
    elected = [f"Elected {k}" for k in range(1, seats - permanent + 1)]
    return make_game(holders + elected, {MEMBERS: quota}, vetoes=holders)


def is_permanent(member: str, game: Game) -> bool:
    """Whether a Council seat is permanent (holds a veto by the rule) rather than elected."""
    if member not in game.members:
        raise ValueError(f"unknown member {member!r}; valid members: {', '.join(game.members)}")
    return member in game.vetoes


def top_share(result: Power, k: int, index: str = "shapley_shubik") -> Fraction:
    """Share of all power held by the k most powerful members: a measurable 'monopoly'."""
    values = index_values(result, index)
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= len(values):
        raise ValueError(f"k must be an integer between 1 and {len(values)}, got {k!r}")
    return sum(sorted(values.values(), reverse=True)[:k], Fraction(0))


def index_values(result: Power, index: str) -> dict[str, Fraction]:
    """The values of one index ("shapley_shubik" or "banzhaf", normalized) by member."""
    indices = {"shapley_shubik": result.shapley_shubik, "banzhaf": result.banzhaf}
    if index not in indices:
        raise ValueError(f"unknown index {index!r}; valid indices: {', '.join(indices)}")
    return indices[index]


def fact(fact_id: str) -> dict:
    """A sourced fact record shown beside the rules (text, source, accessed)."""
    records = {r["id"]: dict(r) for r in _rules_data().get("fact", [])}
    if fact_id not in records:
        raise ValueError(f"unknown fact {fact_id!r}; valid facts: {', '.join(records)}")
    return records[fact_id]


# --- Designs of the Council and other derived tables (notebook 05) ---------------------------

INDEX_IDS = ("shapley_shubik", "banzhaf")
QUOTA_KIND_IDS = ("charter", "majority", "two_thirds", "all")
REFERENCE_DESIGN = (11, 5, "charter")
"""The Charter's 1945 Council (11 seats, 5 vetoes, 7 votes): what every design is compared with."""


def council_rule(seats: int) -> str:
    """The Council rule with this many seats ("unsc_1945" for 11, "unsc_1965" for 15)."""
    by_seats = {council_defaults(r)[0]: r for r in ("unsc_1945", "unsc_1965")}
    if seats not in by_seats:
        raise ValueError(
            f"unknown council size {seats!r}; valid sizes: {', '.join(str(s) for s in by_seats)}"
        )
    return by_seats[seats]


def council_quota(seats: int, kind: str) -> int:
    """The affirmative votes needed for a named kind of quota on a council of ``seats``."""
    if kind not in QUOTA_KIND_IDS:
        raise ValueError(f"unknown quota {kind!r}; valid quotas: {', '.join(QUOTA_KIND_IDS)}")
    return {
        "charter": council_defaults(council_rule(seats))[2],
        "majority": seats // 2 + 1,
        "two_thirds": math.ceil(Fraction(2, 3) * seats),
        "all": seats,
    }[kind]


@dataclass(frozen=True)
class CouncilDesign:
    """One design of the Council and the exact power of one permanent and one elected seat.

    ``permanent_power`` / ``elected_power`` map each index id to a Fraction, or are None when the
    design has no seat of that kind; ``permanent_share`` is the permanent seats' total per index.
    """

    seats: int
    permanent: int
    quota_kind: str
    quota: int
    result: Power
    permanent_power: dict[str, Fraction] | None
    elected_power: dict[str, Fraction] | None
    permanent_share: dict[str, Fraction]

    @property
    def is_reference(self) -> bool:
        """Whether this is the Charter's 1945 text itself."""
        return (self.seats, self.permanent, self.quota_kind) == REFERENCE_DESIGN

    def ratio(self, index: str) -> Fraction | None:
        """How many elected seats one permanent seat is worth (None if either is missing or 0)."""
        if not self.permanent_power or not self.elected_power or not self.elected_power[index]:
            return None
        return self.permanent_power[index] / self.elected_power[index]


def council_design(seats: int, permanent: int, quota_kind: str) -> CouncilDesign:
    """Power of one permanent and one elected seat under a design, both indices, exactly."""
    quota = council_quota(seats, quota_kind)
    game = rule_game(council_rule(seats), permanent=permanent, quota=quota)
    result = power(game)
    perm = next((m for m in game.members if m in game.vetoes), None)
    elect = next((m for m in game.members if m not in game.vetoes), None)
    values = {ix: index_values(result, ix) for ix in INDEX_IDS}
    return CouncilDesign(
        seats=seats,
        permanent=permanent,
        quota_kind=quota_kind,
        quota=quota,
        result=result,
        permanent_power={ix: values[ix][perm] for ix in INDEX_IDS} if perm else None,
        elected_power={ix: values[ix][elect] for ix in INDEX_IDS} if elect else None,
        permanent_share={ix: sum((values[ix][m] for m in game.vetoes), Fraction(0)) for ix in INDEX_IDS},
    )


def change_from_1945(design: CouncilDesign) -> dict[tuple[str, str], tuple[Fraction, Fraction]]:
    """{(seat kind, index): (value in the 1945 text, value in this design)} for shared seat kinds."""
    ref = council_design(*REFERENCE_DESIGN)
    changes = {}
    for kind in ("permanent", "elected"):
        now, old = getattr(design, f"{kind}_power"), getattr(ref, f"{kind}_power")
        if now is None or old is None:
            continue
        for ix in INDEX_IDS:
            changes[(kind, ix)] = (old[ix], now[ix])
    return changes


def monopoly_table(index: str, k: int) -> list[tuple[str, Fraction, Fraction]]:
    """(rule id, share of power held by the top k members, k/n if power were equal) per rule."""
    if index not in INDEX_IDS:
        raise ValueError(f"unknown index {index!r}; valid indices: {', '.join(INDEX_IDS)}")
    rows = []
    for rule_id in RULE_IDS:
        result = power(rule_game(rule_id))
        top = min(k, len(result.members)) if isinstance(k, int) and k >= 1 else k
        rows.append((rule_id, top_share(result, top, index), Fraction(top, len(result.members))))
    return rows


def accession_waits() -> list[tuple[str, dt.date, dt.date]]:
    """(who, from, until) for the approvals Sweden waited for, from the sourced dates."""
    events = sweden_accession_events()
    dates = {e["actor"]: dt.date.fromisoformat(e["date"]) for e in events}
    start = dt.date.fromisoformat(events[0]["date"])
    allies = max(dt.date.fromisoformat(e["date"]) for e in events if e["actor"] == "Allies")
    return [
        ("28 other Allies (by end of Sept 2022)", start, allies),
        ("Turkey (parliament)", start, dates["Turkey"]),
        ("Hungary (parliament)", start, dates["Hungary"]),
    ]
