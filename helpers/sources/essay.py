"""The essay as data: the seed parsed into page chrome, paragraphs P1-P11, the repeated block and the poll.

The seed is a capture of a web page, so the parser works from the text's own structure (prose
lines, a block of paragraphs that the page shows twice, the poll's "count (percent)" lines)
rather than from fixed line numbers. Quotations go through :func:`quote`, which returns the
seed's exact sentence(s) and fails loudly when the text is not there.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

SEED_NAME = "000_78823c85cdbae0e5.txt"
SEED_SHA256 = "f7a4abe0d7daf839e8ee944daf720ec3735252cb0d00b6a8474575788268c855"
PAGE_TITLE = "12 Essential Steps in a Conceptual Dead End"
AUTHOR_NOTE = (
    "Written c. 2020 (the essay discusses the Twelve Steps released at the Munich Security "
    "Conference in February 2020); later events are not in the text."
)

# A sentence ends at . ! or ? (optionally followed by a closing quote) before a space and a capital.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))\s+(?=[A-Z“\"‘(])")
_COUNT_LINE = re.compile(r"^(\d+) \((\d+)%\)$")
_RATING_LINE = re.compile(r"\(votes: (\d+), rating: (\d+(?:\.\d+)?)\)")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Paragraph:
    """One essay paragraph with its stable id (P1...P11) and its line in the seed (1-based)."""

    pid: str
    text: str
    line: int

    @property
    def sentences(self) -> list[str]:
        return split_sentences(self.text)


@dataclass(frozen=True)
class Variant:
    """A word-level difference between the first rendering of a paragraph and the repeated one."""

    pid: str
    first: str
    second: str

    def __str__(self) -> str:
        return f"{self.pid}: “{self.first}” / “{self.second}”"


@dataclass(frozen=True)
class PollAnswer:
    text: str
    votes: int
    percent: int


@dataclass(frozen=True)
class Poll:
    question: str
    answers: tuple[PollAnswer, ...]

    @property
    def total(self) -> int:
        return sum(a.votes for a in self.answers)


@dataclass(frozen=True)
class Capture:
    """Everything the seed holds, sorted into its parts."""

    chrome_top: tuple[str, ...]
    author: str
    affiliation: str
    paragraphs: tuple[Paragraph, ...]
    repeated_lines: tuple[str, ...]
    repeated_line_numbers: tuple[int, ...]
    repeated_covers: tuple[str, ...]
    variants: tuple[Variant, ...]
    rating_votes: int
    rating: float
    poll: Poll
    navigation: tuple[str, ...]
    all_lines: tuple[str, ...] = field(repr=False)


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping the seed's characters exactly."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def seed_path() -> Path:
    """The seed file, from the repository's ``seeds/`` folder.

    ``helpers/sources/seeds`` is a symbolic link to that folder, so a checkout keeps one copy of the
    seed and a built wheel (Binder's ``pip install .``) carries the file itself as package data.
    """
    return Path(str(resources.files("helpers.sources").joinpath("seeds", SEED_NAME)))


def _is_prose(line: str) -> bool:
    """A prose line is long and made of sentences (page chrome and bylines are not)."""
    stripped = line.strip()
    return len(stripped) >= 200 and stripped[-1] in '.!?”"' and len(split_sentences(stripped)) >= 2


def _shingles(words: list[str], size: int = 4) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def parse(text: str) -> Capture:
    """Sort a capture of the page into chrome, paragraphs, the repeated block and the poll."""
    raw_lines = text.splitlines()
    numbered = [(i + 1, line.rstrip()) for i, line in enumerate(raw_lines) if line.strip()]
    prose_idx = [k for k, (_, line) in enumerate(numbered) if _is_prose(line)]
    if not prose_idx:
        raise ValueError("the seed holds no prose paragraphs: is this the right file?")
    first, last = prose_idx[0], prose_idx[-1]
    if prose_idx != list(range(first, last + 1)):
        raise ValueError("the seed's prose is interrupted by non-prose lines; the parser expects one run")

    # A prose line belongs to the repeated block when most of its word 4-grams already appeared.
    seen: set[tuple[str, ...]] = set()
    repeated: list[bool] = []
    for k in prose_idx:
        grams = _shingles(_words(numbered[k][1]))
        share = len(grams & seen) / max(len(grams), 1)
        repeated.append(share > 0.6)
        seen |= grams
    paragraphs = tuple(
        Paragraph(pid=f"P{n + 1}", text=numbered[k][1].strip(), line=numbered[k][0])
        for n, k in enumerate(k for k, rep in zip(prose_idx, repeated, strict=True) if not rep)
    )
    rep_lines = [numbered[k] for k, rep in zip(prose_idx, repeated, strict=True) if rep]
    covers, variants = _align_repeat(paragraphs, [line for _, line in rep_lines])

    before = [line.strip() for _, line in numbered[:first]]
    if len(before) < 2:
        raise ValueError("expected the author's name and affiliation before the essay")
    author, affiliation = before[-2], before[-1]
    after = [line.strip() for _, line in numbered[last + 1 :]]
    rating_votes, rating = _find_rating(before + after)
    poll, navigation = _parse_poll(after)
    return Capture(
        chrome_top=tuple(before[:-2]),
        author=author,
        affiliation=affiliation,
        paragraphs=paragraphs,
        repeated_lines=tuple(line.strip() for _, line in rep_lines),
        repeated_line_numbers=tuple(n for n, _ in rep_lines),
        repeated_covers=covers,
        variants=variants,
        rating_votes=rating_votes,
        rating=rating,
        poll=poll,
        navigation=navigation,
        all_lines=tuple(raw_lines),
    )


def _align_repeat(
    paragraphs: tuple[Paragraph, ...], rep_lines: list[str]
) -> tuple[tuple[str, ...], tuple[Variant, ...]]:
    """Align the repeated block word by word with the paragraphs it repeats."""
    if not rep_lines:
        return (), ()
    owner: list[str] = []
    words: list[str] = []
    for p in paragraphs:
        w = _words(p.text)
        words += w
        owner += [p.pid] * len(w)
    rep_words = [w for line in rep_lines for w in _words(line)]
    matcher = difflib.SequenceMatcher(a=words, b=rep_words, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
    covered = tuple(dict.fromkeys(owner[start:end]))
    # Differences separated by a few equal words are one variant ("would care" / "can ... care").
    spans: list[list[int]] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or a1 <= start or a0 >= end:
            continue
        if spans and a0 - spans[-1][1] <= 4:
            spans[-1][1], spans[-1][3] = a1, b1
        else:
            spans.append([a0, a1, b0, b1])
    variants = [
        Variant(owner[min(a0, len(owner) - 1)], " ".join(words[a0:a1]), " ".join(rep_words[b0:b1]))
        for a0, a1, b0, b1 in spans
    ]
    return covered, tuple(variants)


def _find_rating(lines: list[str]) -> tuple[int, float]:
    for line in lines:
        match = _RATING_LINE.search(line)
        if match:
            return int(match.group(1)), float(match.group(2))
    raise ValueError("no '(votes: N, rating: R)' line in the capture")


def _parse_poll(lines: list[str]) -> tuple[Poll, tuple[str, ...]]:
    """The poll is a numbered question followed by answer lines, each with a 'N (P%)' line."""
    q_index = next((i for i, line in enumerate(lines) if re.match(r"^\d+\.\s", line)), None)
    if q_index is None:
        raise ValueError("no numbered poll question in the capture")
    question = re.sub(r"^\d+\.\s+", "", lines[q_index])
    answers, i = [], q_index + 1
    while i + 1 < len(lines) and _COUNT_LINE.match(lines[i + 1]):
        count = _COUNT_LINE.match(lines[i + 1])
        answers.append(PollAnswer(lines[i], int(count.group(1)), int(count.group(2))))
        i += 2
    if not answers:
        raise ValueError("the poll question has no answers with counts")
    return Poll(question, tuple(answers)), tuple(lines[i:])


@cache
def capture() -> Capture:
    """The parsed seed (read once per process)."""
    return parse(seed_path().read_text(encoding="utf-8"))


def paragraph_ids() -> list[str]:
    return [p.pid for p in capture().paragraphs]


def paragraph(pid: str) -> str:
    """The verbatim text of one paragraph, by id (P1...P11)."""
    return _get(pid).text


def _get(pid: str) -> Paragraph:
    for p in capture().paragraphs:
        if p.pid == pid:
            return p
    raise ValueError(f"unknown paragraph id {pid!r}; valid ids are {', '.join(paragraph_ids())}")


class Quotation(str):
    """A verbatim quotation that remembers its paragraph and shows itself as a block quote."""

    pid: str

    def __new__(cls, text: str, pid: str) -> Quotation:
        obj = super().__new__(cls, text)
        obj.pid = pid
        return obj

    def _repr_markdown_(self) -> str:
        return f"> {self}\n>\n> — Bordachev, {self.pid}"


def _loose(text: str) -> str:
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
    return " ".join(text.translate(table).lower().split())


def quote(pid: str, text: str) -> Quotation:
    """Return the sentence(s) of paragraph ``pid`` that contain ``text``, exactly as in the seed.

    Raises ``ValueError`` naming the valid ids for an unknown id, and saying where the text is
    (another paragraph, or only with different quotes/dashes/case) when it is not in ``pid``.
    """
    para = _get(pid)
    if not text or not text.strip():
        raise ValueError("quote() needs the text to look for; got an empty string")
    start = para.text.find(text)
    if start < 0:
        elsewhere = [p.pid for p in capture().paragraphs if text in p.text]
        loose = [p.pid for p in capture().paragraphs if _loose(text) in _loose(p.text)]
        if elsewhere:
            hint = f"it is in {', '.join(elsewhere)}"
        elif loose:
            hint = (
                f"it matches {', '.join(loose)} only if quotes, dashes or case are ignored; "
                "copy the seed's characters exactly"
            )
        else:
            hint = "it is absent from the essay"
        raise ValueError(f"{text!r} is not in {pid}: {hint}")
    end = start + len(text)
    pieces, pos = [], 0
    for sentence in para.sentences:
        s_start = para.text.find(sentence, pos)
        s_end = s_start + len(sentence)
        pos = s_end
        if s_end > start and s_start < end:
            pieces.append((s_start, s_end))
    return Quotation(para.text[pieces[0][0] : pieces[-1][1]], pid)


def find(text: str) -> list[str]:
    """Ids of the paragraphs that contain ``text`` verbatim."""
    return [p.pid for p in capture().paragraphs if text in p.text]


@dataclass(frozen=True)
class Term:
    """A glossary entry: the essay's term, where it occurs, and our short explanation."""

    name: str
    patterns: tuple[str, ...]
    explanation: str
    scholarly: str
    paragraphs: tuple[str, ...]


@cache
def glossary() -> tuple[Term, ...]:
    """The essay's key terms, each with the paragraphs where one of its phrasings occurs."""
    raw = tomllib.loads(resources.files("helpers").joinpath("data/glossary.toml").read_text("utf-8"))
    terms = []
    for entry in raw["term"]:
        patterns = tuple(entry["patterns"])
        found = tuple(
            p.pid
            for p in capture().paragraphs
            if any(re.search(pat, p.text, flags=re.IGNORECASE) for pat in patterns)
        )
        terms.append(Term(entry["name"], patterns, entry["explanation"], entry.get("scholarly", ""), found))
    return tuple(terms)


def term(name: str) -> Term:
    """One glossary entry by name; ``ValueError`` lists the names on a miss."""
    for t in glossary():
        if t.name.lower() == name.lower():
            return t
    raise ValueError(f"unknown term {name!r}; the glossary has: {', '.join(t.name for t in glossary())}")
