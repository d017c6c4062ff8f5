"""The essay's argument as a map of claims, and what falls when a reader rejects a premise.

The structure lives in ``data/argument_map.toml`` (our reconstruction, labelled as ours). Claims
are nodes; "supports" edges run from supporting claims to the claim they support. Nothing here
depends on the order of paragraphs or of claims in the file: the page's order may not be the
author's. :class:`MapState` is what the map shows for some rejections; :class:`MapGeometry` places
its boxes and arrows in inches around label sizes the figure measures (no drawing here).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

KINDS = ("premise", "intermediate", "conclusion")
DATA_FILE = "argument_map.toml"
_REQUIRED = ("id", "kind", "text", "paragraphs", "source", "accessed")


@dataclass(frozen=True)
class Claim:
    """One claim: our wording, its kind, the paragraphs it comes from, and its support routes."""

    id: str
    kind: str
    text: str
    label: str  # our short name, drawn on the map
    paragraphs: tuple[str, ...]
    evidence: tuple[str, ...]
    support: tuple[tuple[str, ...], ...]  # routes; each route is a set of joint supporters
    rejectable: bool
    source: str
    accessed: str

    @property
    def supporters(self) -> tuple[str, ...]:
        """Every claim that appears in any support route, without repeats."""
        return tuple(dict.fromkeys(s for route in self.support for s in route))


class ArgumentMap:
    """A validated directed acyclic graph of claims."""

    def __init__(self, claims: Iterable[Claim], paragraph_ids: Iterable[str]):
        self.claims: dict[str, Claim] = {}
        for claim in claims:
            if claim.id in self.claims:
                raise ValueError(f"duplicate claim id {claim.id!r}")
            self.claims[claim.id] = claim
        self.paragraph_ids = frozenset(paragraph_ids)
        self._validate()
        self._order = self._topological_order()

    # --- validation ---------------------------------------------------------------------

    def _validate(self) -> None:
        if not self.claims:
            raise ValueError("the argument map has no claims")
        for claim in self.claims.values():
            where = f"claim {claim.id!r}"
            if claim.kind not in KINDS:
                raise ValueError(f"{where}: kind {claim.kind!r} is not one of {', '.join(KINDS)}")
            if not claim.text.strip():
                raise ValueError(f"{where}: empty text")
            if not claim.paragraphs:
                raise ValueError(f"{where}: cites no paragraph")
            for pid in claim.paragraphs:
                if pid not in self.paragraph_ids:
                    valid = ", ".join(sorted(self.paragraph_ids, key=_pid_key))
                    raise ValueError(f"{where}: unknown paragraph {pid!r}; valid ids are {valid}")
            if not (claim.source.strip() and claim.accessed.strip()):
                raise ValueError(f"{where}: needs non-empty source and accessed fields")
            if claim.kind == "premise" and claim.support:
                raise ValueError(f"{where}: a premise cannot have support routes")
            if claim.kind != "premise" and not claim.support:
                raise ValueError(f"{where}: a {claim.kind} needs at least one support route")
            if claim.rejectable and claim.kind != "premise":
                raise ValueError(f"{where}: only premises can be rejectable")
            for route in claim.support:
                if not route:
                    raise ValueError(f"{where}: empty support route")
                for supporter in route:
                    if supporter not in self.claims:
                        raise ValueError(f"{where}: unknown supporting claim {supporter!r}")
                    if supporter == claim.id:
                        raise ValueError(f"{where}: supports itself")
        for claim in self.claims.values():
            if claim.kind != "conclusion" and not self.supported_claims(claim.id):
                raise ValueError(f"claim {claim.id!r} ({claim.kind}) supports nothing")

    def _topological_order(self) -> list[str]:
        """Claims with supporters first (Kahn's algorithm); ValueError names a cycle's claims."""
        remaining = {cid: set(c.supporters) for cid, c in self.claims.items()}
        order: list[str] = []
        ready = sorted(cid for cid, deps in remaining.items() if not deps)
        while ready:
            cid = ready.pop(0)
            order.append(cid)
            del remaining[cid]
            for other, deps in remaining.items():
                if cid in deps:
                    deps.discard(cid)
                    if not deps and other not in ready:
                        ready.append(other)
            ready.sort()
        if remaining:
            raise ValueError(f"the map has a cycle among: {', '.join(sorted(remaining))}")
        return order

    # --- queries ------------------------------------------------------------------------

    def __getitem__(self, cid: str) -> Claim:
        try:
            return self.claims[cid]
        except KeyError:
            valid = ", ".join(self.ids())
            raise ValueError(f"unknown claim {cid!r}; valid ids are {valid}") from None

    def ids(self) -> list[str]:
        return sorted(self.claims)

    def of_kind(self, kind: str) -> list[Claim]:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; valid kinds are {', '.join(KINDS)}")
        return [self.claims[cid] for cid in self._order if self.claims[cid].kind == kind]

    def rejectable(self) -> list[Claim]:
        """The premises offered to the reader as toggles."""
        return [c for c in self.of_kind("premise") if c.rejectable]

    def edges(self) -> list[tuple[str, str]]:
        """All "supports" edges as (supporter, supported), sorted."""
        return sorted((s, c.id) for c in self.claims.values() for s in c.supporters)

    def supported_claims(self, cid: str) -> list[str]:
        """Claims that `cid` directly supports."""
        return sorted(c.id for c in self.claims.values() if cid in c.supporters)

    def topological_order(self) -> list[str]:
        return list(self._order)

    def depth(self) -> dict[str, int]:
        """Longest chain of support below each claim (premises are 0): a layout layer."""
        depth: dict[str, int] = {}
        for cid in self._order:
            supporters = self.claims[cid].supporters
            depth[cid] = 1 + max(depth[s] for s in supporters) if supporters else 0
        return depth

    def layout(
        self,
        sizes: Mapping[str, float] | None = None,
        gap: float = 0.15,
        dummy: float = 0.15,
        sweeps: int = 6,
    ) -> dict[str, tuple[float, float]]:
        """(x, y) for each claim: x is its depth, y stacks each column top to bottom.

        `sizes` gives each claim's height (default 1.0) and `gap` the space between neighbours, in
        the same units as y. Edges that skip a column pass through a thin slot of height `dummy`
        in each column they cross, so no edge has to cut through a box (see :meth:`routes`).
        Columns are ordered by the barycentre of their neighbours, sweeping down and up and
        keeping the order with the fewest crossings; ties break by id, so the result does not
        depend on file order.
        """
        return self._arrange(sizes, gap, dummy, sweeps)[0]

    def routes(
        self,
        sizes: Mapping[str, float] | None = None,
        gap: float = 0.15,
        dummy: float = 0.15,
        sweeps: int = 6,
    ) -> dict[tuple[str, str], list[tuple[float, float]]]:
        """For each edge (supporter, supported), its (x, y) waypoints, one per column it touches:
        the supporter, a free slot in every column it skips, then the supported claim."""
        return self._arrange(sizes, gap, dummy, sweeps)[1]

    def _arrange(self, sizes, gap, dummy, sweeps):
        key = (tuple(sorted((sizes or {}).items())), gap, dummy, sweeps)
        cache = self.__dict__.setdefault("_arrangements", {})
        if key not in cache:
            cache[key] = self._compute_arrangement(dict(sizes or {}), gap, dummy, sweeps)
        return cache[key]

    def _compute_arrangement(self, sizes, gap, dummy, sweeps):
        depth = self.depth()
        layer = dict(depth)
        chains: dict[tuple[str, str], list[str]] = {}
        for s, t in self.edges():
            chain = [s]
            for d in range(depth[s] + 1, depth[t]):
                node = f"{s}>{t}@{d}"  # a slot for the edge in a column it skips
                layer[node] = d
                chain.append(node)
            chain.append(t)
            chains[(s, t)] = chain
        up: dict[str, list[str]] = {n: [] for n in layer}
        down: dict[str, list[str]] = {n: [] for n in layer}
        for chain in chains.values():
            for a, b in zip(chain, chain[1:], strict=False):
                up[a].append(b)
                down[b].append(a)
        top = max(layer.values())
        columns = {d: sorted(n for n in layer if layer[n] == d) for d in range(top + 1)}

        def height(node: str) -> float:
            return float(sizes.get(node, 1.0)) if node in self.claims else dummy

        def place() -> dict[str, float]:
            pos = {}
            for col in columns.values():
                total = sum(height(n) for n in col) + gap * (len(col) - 1)
                y = total / 2
                for node in col:
                    pos[node] = y - height(node) / 2
                    y -= height(node) + gap
            return pos

        def crossings() -> int:
            count = 0
            for d in range(top):
                rank = {n: i for i in (d, d + 1) for i, n in enumerate(columns[i])}
                segs = [(rank[a], rank[b]) for a in columns[d] for b in up[a]]
                count += sum(
                    1
                    for i, (a1, b1) in enumerate(segs)
                    for a2, b2 in segs[i + 1 :]
                    if (a1 - a2) * (b1 - b2) < 0
                )
            return count

        pos = place()
        best = (crossings(), {d: list(c) for d, c in columns.items()})
        for _ in range(sweeps):
            for d in range(top - 1, -1, -1):  # down: order by the nodes each one supports
                columns[d].sort(key=lambda n: (-_mean([pos[p] for p in up[n]], pos[n]), n))
                pos = place()
            for d in range(1, top + 1):  # up: order by each node's supporters
                columns[d].sort(key=lambda n: (-_mean([pos[p] for p in down[n]], pos[n]), n))
                pos = place()
            score = crossings()
            if score < best[0]:
                best = (score, {d: list(c) for d, c in columns.items()})
        columns = best[1]
        pos = place()
        claims = {cid: (float(depth[cid]), pos[cid]) for cid in self.claims}
        routes = {edge: [(float(layer[n]), pos[n]) for n in chain] for edge, chain in chains.items()}
        return claims, routes

    def standing(self, rejected: Iterable[str] = ()) -> dict[str, bool]:
        """Which claims still stand when the given premises are rejected.

        A premise stands unless rejected; any other claim stands if at least one of its support
        routes has every member standing. ValueError if a rejected id is unknown or not a premise.
        """
        rejected = set(rejected)
        for cid in rejected:
            claim = self[cid]
            if claim.kind != "premise":
                premises = ", ".join(c.id for c in self.of_kind("premise"))
                raise ValueError(
                    f"only premises can be rejected; {cid!r} is a {claim.kind} (premises: {premises})"
                )
        status: dict[str, bool] = {}
        for cid in self._order:
            claim = self.claims[cid]
            if claim.kind == "premise":
                status[cid] = cid not in rejected
            else:
                status[cid] = any(all(status[s] for s in route) for route in claim.support)
        return status

    def fallen(self, rejected: Iterable[str] = ()) -> list[str]:
        """Claims that lose their support (rejected premises included), in support order."""
        status = self.standing(rejected)
        return [cid for cid in self._order if not status[cid]]

    def lost_conclusions(self, rejected: Iterable[str] = ()) -> list[str]:
        """Conclusions left without support when the given premises are rejected."""
        status = self.standing(rejected)
        return [c.id for c in self.of_kind("conclusion") if not status[c.id]]

    def premises_under(self, cid: str) -> list[str]:
        """Every premise a claim rests on, through any route."""
        found: set[str] = set()
        stack = [cid]
        while stack:
            claim = self[stack.pop()]
            if claim.kind == "premise":
                found.add(claim.id)
            stack.extend(claim.supporters)
        return sorted(found)


@dataclass(frozen=True)
class MapState:
    """The map with some premises rejected: what stands, what falls, which conclusions are lost."""

    amap: ArgumentMap
    rejected: tuple[str, ...]
    standing: tuple[tuple[str, bool], ...]
    lost: tuple[str, ...]

    @property
    def status(self) -> dict[str, bool]:
        """Whether each claim still stands, by id."""
        return dict(self.standing)


def map_state(amap: ArgumentMap, rejected) -> MapState:
    """Compute once what the map shows for these rejections."""
    rejected = tuple(sorted(set(rejected)))
    return MapState(
        amap, rejected, tuple(amap.standing(rejected).items()), tuple(amap.lost_conclusions(rejected))
    )


# The drawn map's spacing, in inches (see MapGeometry).
_COL_GAP_IN = 0.8  # horizontal room for the arrows between two columns
_ROW_GAP_IN = 0.12
_SLOT_IN = 0.12  # the free slot an arrow uses in a column it passes through
_MARGIN_IN = 0.1
_HEAD_IN = 0.75  # title and column headings above the map
_PORT_IN = 0.1  # spacing of the arrows that leave or enter one box
_PORT_EDGE_IN = 0.08  # ports keep this far from a box's top and bottom


class MapGeometry:
    """Where the drawn map's boxes and arrows go, in inches from the figure's lower left corner.

    ``size`` gives each claim's box (width, height) in inches, measured by the figure from its
    label; columns are as wide as their widest box and the figure grows to fit, so boxes never
    overlap whatever the labels say.
    """

    def __init__(self, amap: ArgumentMap, size: Mapping[str, tuple[float, float]]):
        heights = {cid: round(h, 3) for cid, (_, h) in size.items()}
        pos = amap.layout(heights, gap=_ROW_GAP_IN, dummy=_SLOT_IN)
        routes = amap.routes(heights, gap=_ROW_GAP_IN, dummy=_SLOT_IN)
        depth_max = int(max(x for x, _ in pos.values()))
        widths = [max(size[c][0] for c in pos if pos[c][0] == d) for d in range(depth_max + 1)]
        self.left, self.right, centre = [], [], []
        x = _MARGIN_IN
        for w in widths:
            self.left.append(x)
            centre.append(x + w / 2)
            self.right.append(x + w)
            x += w + _COL_GAP_IN
        ys = [y for _, y in pos.values()] + [y for r in routes.values() for _, y in r]
        half = max(size[c][1] for c in pos) / 2
        low = min(ys) - half - _MARGIN_IN
        map_height = max(ys) + half - low
        self.figsize = (x - _COL_GAP_IN + _MARGIN_IN, map_height + _HEAD_IN + _MARGIN_IN)
        shift = -low  # y = 0 at the figure's bottom edge
        self.centre = {cid: (centre[int(d)], y + shift) for cid, (d, y) in pos.items()}
        self.boxes = {
            cid: (cx - size[cid][0] / 2, cy - size[cid][1] / 2, *size[cid])
            for cid, (cx, cy) in self.centre.items()
        }
        self.routes = {edge: [(int(d), y + shift) for d, y in way] for edge, way in routes.items()}
        self.map_top = map_height
        self.depth_max = depth_max
        self.ports = self._ports()

    def _ports(self) -> dict[tuple[str, str], tuple[float, float]]:
        """Where each edge leaves its supporter and enters the claim it supports (y offsets).

        Several arrows meeting a box in one point read as one; instead they are spread down the
        box's side in the order of their other ends, so the fan itself adds no crossing.
        """
        out: dict[str, list] = {}
        into: dict[str, list] = {}
        for edge, way in self.routes.items():
            out.setdefault(edge[0], []).append((-way[1][1], edge))
            into.setdefault(edge[1], []).append((-way[-2][1], edge))
        offsets = {edge: [0.0, 0.0] for edge in self.routes}
        for end, groups in ((0, out), (1, into)):
            for cid, items in groups.items():
                items.sort()
                height = self.boxes[cid][3]
                step = min(_PORT_IN, (height - 2 * _PORT_EDGE_IN) / max(len(items) - 1, 1))
                for i, (_, edge) in enumerate(items):
                    offsets[edge][end] = ((len(items) - 1) / 2 - i) * step
        return {edge: (a, b) for edge, (a, b) in offsets.items()}

    def path(self, edge: tuple[str, str]) -> list[tuple[float, float]]:
        """The edge's polyline: out of the supporter's box, level through each column it
        crosses, into the supported box; slanted only in the gaps between columns."""
        way = self.routes[edge]
        x0, _, w0, _ = self.boxes[edge[0]]
        x1 = self.boxes[edge[1]][0]
        y0, y1 = way[0][1] + self.ports[edge][0], way[-1][1] + self.ports[edge][1]
        points = [(x0 + w0, y0), (self.right[way[0][0]], y0)]
        for d, y in way[1:-1]:
            points += [(self.left[d], y), (self.right[d], y)]
        points += [(self.left[way[-1][0]], y1), (x1, y1)]
        return points


def _mean(values: list[float], default: float) -> float:
    return sum(values) / len(values) if values else default


def _pid_key(pid: str) -> tuple[int, str]:
    digits = pid[1:]
    return (int(digits), pid) if digits.isdigit() else (10**6, pid)


def claims_from_records(records: Sequence[Mapping]) -> list[Claim]:
    """Turn TOML records into Claim objects; ValueError names a record missing a field."""
    claims = []
    for index, rec in enumerate(records):
        missing = ", ".join(k for k in _REQUIRED if k not in rec)
        if missing:
            raise ValueError(f"claim record {index} ({rec.get('id', '?')}) lacks {missing}")
        claims.append(
            Claim(
                id=str(rec["id"]),
                kind=str(rec["kind"]),
                text=str(rec["text"]),
                label=str(rec.get("label") or rec["id"]),
                paragraphs=tuple(rec["paragraphs"]),
                evidence=tuple(rec.get("evidence", ())),
                support=tuple(tuple(route) for route in rec.get("support", ())),
                rejectable=bool(rec.get("rejectable", False)),
                source=str(rec["source"]),
                accessed=str(rec["accessed"]),
            )
        )
    return claims


def read_records(text: str | None = None) -> list[dict]:
    """The claim records of the data file (or of the TOML `text` given)."""
    if text is None:
        text = resources.files("helpers").joinpath("data", DATA_FILE).read_text("utf-8")
    return list(tomllib.loads(text).get("claim", []))


def load(paragraph_ids: Iterable[str] | None = None) -> ArgumentMap:
    """The essay's argument map, checked against the essay's paragraph ids."""
    if paragraph_ids is None:
        from helpers.sources import essay

        paragraph_ids = essay.paragraph_ids()
    return ArgumentMap(claims_from_records(read_records()), paragraph_ids)
