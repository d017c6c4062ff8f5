"""The same actors under different framings: the essay's two, and the names scholars use.

:func:`frame` returns a plain data structure (nodes, groups, edges, texts) that
:func:`helpers.figures.framings` draws. Node positions come from :mod:`helpers.models.layout` and never
depend on the framing: a framing changes boundaries, arrows, roles and words only.

- ``collective`` (the essay's P7 usage): a bounded in-group whose members take each other's
  interests into their own; the states outside are sources of risks and threats to it (P1-P2
  name Russia and China).
- ``international`` (P8): every state a separate node; no in-group boundary; interactions on
  specific issues, cooperative or conflictual, drawn as edges (a sourced selection from
  ``helpers/data/interactions.csv``).

A perspective (whose capital is looking) decides which collective is the referent, the year of
the memberships, and the words that explain the picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from helpers.models import layout, membership
from helpers.sources import facts

FRAMINGS = ("collective", "international")
LENSES = (
    "essay",
    "collective_defence",
    "security_community",
    "collective_security_claude",
    "concert",
    "international_society",
)
ROLES = ("self", "member", "threat", "issue", "outsider", "state", "great power")
EDGE_KINDS = ("threat", "war", "cooperation", "clash", "pledge", "peace", "breach", "consult")
# An edge end that is the group's line itself, not one of its members.
LINE = "line"
CURRENT_YEAR = 2025  # memberships in actors.csv are as of 2025


@dataclass(frozen=True)
class Perspective:
    """Whose capital is looking, the year it looks from, and the collective it calls its own."""

    key: str
    label: str
    actor: str
    year: int
    collective: str  # "community" (NATO + EU), "NATO", "EU" or "none"
    view: str  # one or two sentences in our words; facts in it come from the data files


PERSPECTIVES: dict[str, Perspective] = {
    p.key: p
    for p in (
        Perspective(
            "brussels",
            "Brussels (EU and NATO headquarters)",
            "EU",
            CURRENT_YEAR,
            "community",
            "The view the essay describes: NATO and the EU together as the Euro-Atlantic "
            "community, secured against risks from outside.",
        ),
        Perspective(
            "washington",
            "Washington",
            "USA",
            CURRENT_YEAR,
            "NATO",
            "Seen from Washington, the collective is the Alliance.",
        ),
        Perspective(
            "warsaw",
            "Warsaw",
            "POL",
            CURRENT_YEAR,
            "community",
            "Seen from Warsaw, the collective is both lines together.",
        ),
        Perspective(
            "tallinn",
            "Tallinn",
            "EST",
            CURRENT_YEAR,
            "community",
            "Seen from Tallinn, the collective is both lines together.",
        ),
        Perspective(
            "helsinki_2022",
            "Helsinki in 2022 (before joining NATO)",
            "FIN",
            2022,
            "EU",
            "Seen from Helsinki in 2022, the collective was the Union alone.",
        ),
        Perspective(
            "helsinki_2025",
            "Helsinki after April 2023 (in NATO)",
            "FIN",
            CURRENT_YEAR,
            "community",
            "Seen from Helsinki after April 2023, the collective is both lines.",
        ),
        Perspective(
            "ankara",
            "Ankara",
            "TUR",
            CURRENT_YEAR,
            "NATO",
            "Seen from Ankara, the collective is the Alliance; the essay's example of a "
            "member whose current interests clash with the collective's (P7).",
        ),
        Perspective(
            "kyiv",
            "Kyiv",
            "UKR",
            CURRENT_YEAR,
            "none",
            "Seen from Kyiv, there is no line to be inside, and Russia's war against Ukraine "
            "is the central fact of its security.",
        ),
        Perspective(
            "moscow",
            "Moscow",
            "RUS",
            CURRENT_YEAR,
            "none",
            "Seen from Moscow, there is no line to be inside; the essay says both sides serve "
            "their own national interests (P2).",
        ),
        Perspective(
            "beijing",
            "Beijing",
            "CHN",
            CURRENT_YEAR,
            "none",
            "Seen from Beijing, there is no line to be inside; the essay names China, with "
            "Russia, among the states outside the collective (P2).",
        ),
    )
}

# The states the essay itself names as outsiders the collective secures itself against (P2).
ESSAY_NAMED_OUTSIDERS = ("RUS", "CHN")


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    x: float
    y: float
    role: str
    label: str = ""


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[str, ...]
    style: str  # "referent", "NATO", "EU", "universal", "concert"


@dataclass(frozen=True)
class Edge:
    a: str
    b: str
    kind: str
    label: str = ""
    directed: bool = False


@dataclass(frozen=True)
class Framing:
    """A framing of the actors: what the plot draws and the words that explain it."""

    name: str
    title: str
    perspective: Perspective
    nodes: tuple[Node, ...]
    groups: tuple[Group, ...]
    edges: tuple[Edge, ...]
    secured: str
    against: str
    cooperation: str
    quote: tuple[str, str] | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def node(self, actor_id: str) -> Node:
        """The node of ``actor_id``; ``ValueError`` lists the nodes (``LINE`` is not a node)."""
        for n in self.nodes:
            if n.id == actor_id:
                return n
        raise ValueError(f"no node {actor_id!r}; nodes are {', '.join(n.id for n in self.nodes)}")


def perspective(key: str) -> Perspective:
    return facts.pick(PERSPECTIVES, key, "perspective")


def placed_states(actor_ids: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The states drawn (all placed ones by default); unknown ids raise ``ValueError``."""
    if actor_ids is None:
        return tuple(layout.POSITIONS)
    for actor_id in actor_ids:
        facts.actor(actor_id)  # unknown actor -> ValueError naming the valid ones
        if actor_id not in layout.POSITIONS:
            raise ValueError(
                f"{actor_id!r} is an organisation, not a state on the layout; "
                f"states are {', '.join(layout.POSITIONS)}"
            )
    return tuple(actor_ids)


def collective_members(which: str, year: int) -> tuple[str, ...]:
    """Members of "NATO", "EU" or "community" (NATO and the EU together) in ``year``."""
    facts.check(which, ("NATO", "EU", "community"), "collective")
    if which == "community":
        return tuple(sorted(set(membership.members("NATO", year)) | set(membership.members("EU", year))))
    return membership.members(which, year)


@cache
def interactions() -> tuple[dict[str, str], ...]:
    """The sourced interactions on specific issues (cooperation and clashes) between placed states."""
    return facts.load_csv("interactions.csv")


def interaction_edges(states: tuple[str, ...], year: int) -> tuple[Edge, ...]:
    """The sourced interactions among ``states`` begun by ``year``, as edges (a war points from the
    attacker)."""
    edges = []
    for row in interactions():
        if row["a"] in states and row["b"] in states and int(row["start"]) <= year:
            years = f"{row['start']}-{row['end'][2:]}" if row["end"] else f"{row['start']}-"
            edges.append(
                Edge(
                    row["a"],
                    row["b"],
                    row["kind"],
                    f"{row['label']} ({years})",
                    directed=row["kind"] == "war",
                )
            )
    return tuple(edges)


def _nodes(states: tuple[str, ...], roles: dict[str, str], labels: dict[str, str] | None = None):
    table = facts.actors()
    labels = labels or {}
    return tuple(
        Node(s, table[s].name, *layout.position(s), roles.get(s, "state"), labels.get(s, "")) for s in states
    )


def _framing(view: Perspective, states: tuple[str, ...], roles: dict[str, str], edges, **words) -> Framing:
    """A framing of ``states`` seen from ``view``: each state a node in its role, the ``edges``
    drawn, and ``words`` (name, title, groups, secured, against, cooperation, quote, notes)."""
    return Framing(perspective=view, nodes=_nodes(states, roles), edges=tuple(edges), **words)


def frame(framing: str, perspective_key: str = "brussels", actors: tuple[str, ...] | None = None) -> Framing:
    """The essay's ``collective`` or ``international`` framing of ``actors`` from a perspective."""
    facts.check(framing, FRAMINGS, "framing")
    view = perspective(perspective_key)
    states = placed_states(actors)
    year = view.year
    me = view.actor
    if framing == "collective":
        return _collective(view, states, year, me)
    return _international(view, states, year, me)


def _collective(view: Perspective, states: tuple[str, ...], year: int, me: str) -> Framing:
    table = facts.actors()
    if view.collective == "none":
        # Seen from outside: the Euro-Atlantic community is "the only community present" (P4).
        inside = tuple(s for s in collective_members("community", year) if s in states)
        roles = {s: "member" for s in inside}
        edges = []
        if me in states:
            roles[me] = "self"  # the perspective's own state is starred, Kyiv's too
            if me != "UKR" and inside:
                edges.append(Edge(LINE, me, "threat", "a security problem, as P4 puts it", directed=True))
        for outsider in ESSAY_NAMED_OUTSIDERS:
            if outsider in states and outsider != me and inside:
                roles[outsider] = "threat"
                edges.append(Edge(outsider, LINE, "threat", "risk to the collective", directed=True))
        if "UKR" in states and me != "UKR":
            roles["UKR"] = "issue"
        me_name = table[me].name if me in table else me
        secured = (
            f"Not {me_name}: in this framing the only referent is the collective, and "
            f"{me_name} is outside it."
            if me != "UKR"
            else "Not Ukraine: the framing secures the collective. On our reading it sees Ukraine "
            "only through 'the Ukrainian crisis', the particular issue on which the "
            "collective's security is said to depend (P1)."
        )
        against = (
            "The collective is secured against the states outside it, Russia and China "
            "among them (P2); seen from outside, the collective and its means are "
            "themselves the security problem (P4)."
        )
        groups = (Group("the Euro-Atlantic community (NATO and the EU)", inside, "referent"),)
        quote = ("P4", "Europe and its interests represent a security problem for Russia")
        if me == "UKR":
            quote = ("P1", "depends on progress made concerning a particular issue")
    else:
        inside = tuple(s for s in collective_members(view.collective, year) if s in states)
        roles = {s: "member" for s in inside}
        if me in states:
            roles[me] = "self"
        edges = []
        for outsider in ESSAY_NAMED_OUTSIDERS:
            if outsider in states and inside:
                roles[outsider] = "threat"
                edges.append(Edge(outsider, LINE, "threat", "risk to the collective", directed=True))
        if "UKR" in states:
            roles["UKR"] = "issue"
        name = {"community": "the Euro-Atlantic community (NATO and the EU)", "NATO": "NATO", "EU": "the EU"}[
            view.collective
        ]
        groups = (Group(name, inside, "referent"),)
        secured = (
            f"The collective: {name}, {len(inside)} of the states drawn, whose members "
            "take each other's interests into their own."
        )
        against = (
            "Risks and threats from states outside it; the essay names Russia and China "
            "(P2). On our reading, Ukraine appears only through 'the Ukrainian crisis' (P1): "
            "an issue, not a member or a party."
        )
        quote = ("P7", "Collective security refers to")
    for s in states:
        roles.setdefault(s, "outsider")
    return _framing(
        view,
        states,
        roles,
        edges,
        name="collective",
        title=f"Collective security, seen from {view.label}",
        groups=groups,
        secured=secured,
        against=against,
        cooperation="Inside the line: members pool their interests. Across the line: dialogue at "
        "best, since an outsider cannot share the collective's interests (P2).",
        quote=quote,
        notes=(view.view,),
    )


def _international(view: Perspective, states: tuple[str, ...], year: int, me: str) -> Framing:
    roles = {s: "state" for s in states}
    if me in states:
        roles[me] = "self"
    edges = interaction_edges(states, year)
    mine = [e for e in edges if me in (e.a, e.b)]
    table = facts.actors()
    who = table[me].name if me in layout.POSITIONS else "each state"
    if mine:
        coop = [e.label for e in mine if e.kind == "cooperation"]
        clash = [e.label for e in mine if e.kind == "clash"]
        war = [e.label for e in mine if e.kind == "war"]
        detail = (
            f" For {who}, the drawn ones are: cooperation on {', '.join(coop) or 'none of them'}; "
            f"clashes over {', '.join(clash) or 'none of them'}"
            + (f"; war: {', '.join(war)}" if war else "")
            + "."
        )
    else:
        detail = ""
    return _framing(
        view,
        states,
        roles,
        edges,
        name="international",
        title=f"International security, seen from {view.label}",
        groups=(),
        secured=f"{who[:1].upper() + who[1:]}, as one state among others: no in-group, no line.",
        against="No one in advance: threats and partners differ issue by issue, and the same two "
        "states can clash on one issue and cooperate on another.",
        cooperation="Interaction on specific issues between states that do not share interests "
        "(a sourced selection of cases is drawn; it is not a complete map)." + detail,
        quote=("P8", "International security refers to"),
        notes=(view.view,),
    )


@cache
def scholarly_terms() -> dict[str, dict[str, str]]:
    """The scholarly terms beside the essay's framings, by id (sourced in the data file)."""
    return {t["id"]: t for t in facts.load_toml("scholarly_terms.toml")["term"]}


def lens(lens_id: str, perspective_key: str = "brussels", actors: tuple[str, ...] | None = None) -> Framing:
    """The same actors under a scholarly term ("collective_defence", "concert", ...)."""
    facts.check(lens_id, LENSES[1:], "lens", "lenses")
    view = perspective(perspective_key)
    states = placed_states(actors)
    term = scholarly_terms()[lens_id]
    year, me = view.year, view.actor
    roles: dict[str, str] = {}
    edges: list[Edge] = []
    groups: tuple[Group, ...]
    if lens_id == "collective_defence":
        inside = tuple(s for s in collective_members("NATO", year) if s in states)
        roles = {s: "member" for s in inside}
        groups = (Group("NATO: an attack on one is an attack on all (Art. 5)", inside, "referent"),)
        secured = "NATO's members, each pledged to the defence of the others."
        against = "An armed attack from outside the Alliance on any member."
    elif lens_id == "security_community":
        inside = tuple(s for s in collective_members("community", year) if s in states)
        roles = {s: "member" for s in inside}
        groups = (Group("a security community: war among members unthinkable", inside, "referent"),)
        edges = [Edge(a, b, "peace") for a, b in layout.spanning_tree(sorted(inside))]
        secured = "Peace among the members: dependable expectations of peaceful change."
        against = "Nothing in particular: the idea is about relations inside the group."
    elif lens_id == "collective_security_claude":
        roles = {s: "member" for s in states}
        groups = (Group("one system of all states", states, "universal"),)
        target = me if me in states else "POL"
        edges = [Edge(s, target, "breach", directed=True) for s in states if s != target]
        secured = "Every member, against any member that breaks the peace."
        against = (
            "Whoever breaks the peace, inside or outside any alliance: the dotted arrows "
            "show that every other state, allies included, is a potential aggressor the "
            "others would be bound to resist."
        )
    elif lens_id == "concert":
        p5 = tuple(s for s in states if facts.actor(s).unsc_permanent)
        roles = {s: "great power" for s in p5}
        edges = [Edge(a, b, "consult") for i, a in enumerate(p5) for b in p5[i + 1 :]]
        groups = ()
        secured = "Order among the great powers, managed by the few for everyone."
        against = "Disorder, and any power that defies the concert; the rest are managed, not asked."
    else:  # international society
        roles = {s: "state" for s in states}
        groups = (Group("common rules and institutions", states, "universal"),)
        edges = list(interaction_edges(states, year))
        secured = "Order among states that do not share interests, upheld by common rules."
        against = "Breaches of the common rules; clashes of interest are normal and managed."
    if me in states:
        roles[me] = "self" if roles.get(me) != "great power" else "great power"
    return _framing(
        view,
        states,
        roles,
        edges,
        name=lens_id,
        title=f"{term['name'][0].upper() + term['name'][1:]} ({term['who']})",
        groups=groups,
        secured=secured,
        against=against,
        cooperation=term["idea"],
        quote=None,
        notes=(term["differs"],),
    )
