"""Where the class pulse keeps its counts: one SQL database through SQLAlchemy.

Two tables. ``pulse_questions`` holds, per course and question, whether it is open, whether its
spread has been revealed, and the current round. ``pulse_answers`` holds one row per voter, question
and round: the option chosen and when. A voter is never stored by name: the service passes in a
keyed hash of (course, user name) (see :func:`voter_id`), so the database alone cannot tell who
answered what, and the same student in two courses gets two unrelated ids.

The default is SQLite in WAL mode on the hub's disk (readers never wait for the writer, and a
committed answer survives the service being killed); any SQLAlchemy URL works, e.g.
``postgresql+psycopg://...`` on Kubernetes. Writing an answer is one statement
(insert, or replace the voter's earlier answer in the same round), so a retried submission
replaces and never counts twice.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

STATES = ("closed", "open")
ACTIONS = ("open", "close", "reveal", "hide", "reset", "delete")

metadata = sa.MetaData()

questions = sa.Table(
    "pulse_questions",
    metadata,
    sa.Column("course", sa.String(64), primary_key=True),
    sa.Column("question", sa.String(40), primary_key=True),
    sa.Column("state", sa.String(8), nullable=False, default="closed"),
    sa.Column("revealed", sa.Boolean, nullable=False, default=False),
    sa.Column("round", sa.Integer, nullable=False, default=1),
    sa.Column("changed_at", sa.Float, nullable=False),
)

answers = sa.Table(
    "pulse_answers",
    metadata,
    sa.Column("course", sa.String(64), primary_key=True),
    sa.Column("question", sa.String(40), primary_key=True),
    sa.Column("round", sa.Integer, primary_key=True),
    sa.Column("voter", sa.String(64), primary_key=True),
    sa.Column("option", sa.Integer, nullable=False),
    sa.Column("answered_at", sa.Float, nullable=False),
)


def voter_id(secret: bytes, course: str, user: str) -> str:
    """A keyed hash (HMAC-SHA256) of the user within one course: stable, but not reversible
    without the secret, and different for the same user in another course."""
    return hmac.new(secret, f"{course}\x00{user}".encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Status:
    """A question's state in one course."""

    question: str
    state: str
    revealed: bool
    round: int


def engine_for(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite files get WAL mode and a busy timeout."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 10})

        @sa.event.listens_for(engine, "connect")
        def _wal(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # NORMAL: in WAL mode a commit survives the process being killed; only a power cut can
            # lose the last commits. FULL would fsync every answer.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


class Store:
    """The counts of one service: questions' states and students' (hashed) answers."""

    def __init__(self, url: str) -> None:
        self.engine = engine_for(url)
        metadata.create_all(self.engine)
        self.dialect = self.engine.dialect.name

    # -- questions ---------------------------------------------------------------------------
    def status(self, course: str, question: str) -> Status:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(questions).where(questions.c.course == course, questions.c.question == question)
            ).first()
        if row is None:
            return Status(question, "closed", False, 1)
        return Status(question, row.state, bool(row.revealed), row.round)

    def statuses(self, course: str, ids: Iterable[str]) -> list[Status]:
        with self.engine.connect() as conn:
            rows = {
                r.question: r for r in conn.execute(sa.select(questions).where(questions.c.course == course))
            }
        out = []
        for qid in ids:
            r = rows.get(qid)
            out.append(
                Status(qid, r.state, bool(r.revealed), r.round) if r else Status(qid, "closed", False, 1)
            )
        return out

    def act(self, course: str, question: str, action: str) -> Status:
        """Apply a teacher's action: open, close, reveal, hide, reset (new round) or delete."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}; valid actions are {', '.join(ACTIONS)}")
        now = time.time()
        with self.engine.begin() as conn:
            row = conn.execute(
                sa.select(questions).where(questions.c.course == course, questions.c.question == question)
            ).first()
            state, revealed, rnd = (row.state, bool(row.revealed), row.round) if row else ("closed", False, 1)
            if action == "open":
                state = "open"
            elif action == "close":
                state = "closed"
            elif action == "reveal":
                revealed = True
            elif action == "hide":
                revealed = False
            elif action == "reset":  # a new round: earlier rounds' answers stay, for comparison
                rnd, revealed, state = rnd + 1, False, "open"
            elif action == "delete":  # every round of this question, gone
                conn.execute(
                    sa.delete(answers).where(answers.c.course == course, answers.c.question == question)
                )
                rnd, revealed, state = 1, False, "closed"
            values = {"state": state, "revealed": revealed, "round": rnd, "changed_at": now}
            if row is None:
                conn.execute(sa.insert(questions).values(course=course, question=question, **values))
            else:
                conn.execute(
                    sa.update(questions)
                    .where(questions.c.course == course, questions.c.question == question)
                    .values(**values)
                )
        return Status(question, state, revealed, rnd)

    # -- answers -----------------------------------------------------------------------------
    def answer(self, course: str, question: str, rnd: int, voter: str, option: int) -> None:
        """Store a voter's answer for this round, replacing any earlier one (one statement)."""
        values = {
            "course": course,
            "question": question,
            "round": rnd,
            "voter": voter,
            "option": option,
            "answered_at": time.time(),
        }
        keys = ["course", "question", "round", "voter"]
        if self.dialect in ("sqlite", "postgresql"):
            if self.dialect == "sqlite":
                from sqlalchemy.dialects.sqlite import insert
            else:
                from sqlalchemy.dialects.postgresql import insert
            stmt = insert(answers).values(**values)
            stmt = stmt.on_conflict_do_update(
                index_elements=keys,
                set_={"option": stmt.excluded.option, "answered_at": stmt.excluded.answered_at},
            )
            with self.engine.begin() as conn:
                conn.execute(stmt)
            return
        with self.engine.begin() as conn:  # other databases: update, else insert, in one transaction
            where = [answers.c[k] == values[k] for k in keys]
            done = conn.execute(
                sa.update(answers).where(*where).values(option=option, answered_at=values["answered_at"])
            ).rowcount
            if not done:
                conn.execute(sa.insert(answers).values(**values))

    def counts(self, course: str, question: str, rnd: int, n_options: int) -> list[int]:
        """How many voters chose each option in this round (a list as long as the options)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(answers.c.option, sa.func.count())
                .where(answers.c.course == course, answers.c.question == question, answers.c.round == rnd)
                .group_by(answers.c.option)
            ).all()
        out = [0] * n_options
        for option, count in rows:
            if 0 <= option < n_options:
                out[option] = count
        return out

    def all_counts(self, course: str) -> list[tuple[str, int, int, int]]:
        """(question, round, option, count) for every round of every question in a course."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(answers.c.question, answers.c.round, answers.c.option, sa.func.count())
                .where(answers.c.course == course)
                .group_by(answers.c.question, answers.c.round, answers.c.option)
                .order_by(answers.c.question, answers.c.round, answers.c.option)
            ).all()
        return [tuple(r) for r in rows]

    def total_answers(self) -> int:
        """Every stored answer row (all courses, all rounds): for tests and the health check."""
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(answers)).scalar_one()

    def purge(self, older_than_days: float) -> int:
        """Delete answers older than this many days; returns how many went."""
        cutoff = time.time() - older_than_days * 86400
        with self.engine.begin() as conn:
            return conn.execute(sa.delete(answers).where(answers.c.answered_at < cutoff)).rowcount
