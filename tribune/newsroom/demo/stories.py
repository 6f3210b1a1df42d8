"""Building blocks for the demo articles: a draft, a writing context and small helpers.

An article generator takes a :class:`Ctx` and returns a :class:`Draft`: headline,
lead, a few chunks of prose under subheadings, tags and optionally a quote, a
link card and a question for the readers. ``build_fixture`` turns drafts into
the StreamField blocks of the fixture.

Quotes are only ever put in the mouths of fictional people.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from tribune.newsroom.demo.catalogue import Person, slugify

T = TypeVar("T")


@dataclass
class Draft:
    section: str
    kind: str
    headline: str
    lead: str
    # (subheading or None, [paragraph, ...]); paragraphs may contain <b>, <i> and <a href>.
    chunks: list[tuple[str | None, list[str]]]
    tags: list[str]
    quote: tuple[str, str] | None = None
    question: str | None = None
    link: dict[str, str] | None = None
    authors: list[str] | None = None  # forced author slugs (columns, analyses)
    interest: int = 1  # 0..3: how likely to be a top story
    topic: str = ""  # groups related articles for "Lees ook"
    key: str = ""
    image_motif: str | None = None  # override of the section motif (e.g. marathon)
    no_image: bool = False
    extra: dict[str, object] = field(default_factory=dict)


class Ctx:
    """Random choices for one article, plus a memory of what was already said."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: dict[str, int] = {}

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def fresh(self, group: str, options: Sequence[T]) -> T:
        """Pick, preferring options used least often so far in ``group``."""
        counts = [self.used.get(f"{group}:{i}", 0) for i in range(len(options))]
        low = min(counts)
        idx = self.rng.choice([i for i, c in enumerate(counts) if c == low])
        self.used[f"{group}:{idx}"] = counts[idx] + 1
        return options[idx]

    def sample(self, options: Sequence[T], n: int) -> list[T]:
        return self.rng.sample(list(options), n)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def num(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)


def tag_of(person: Person) -> str:
    return person.slug


def comp(name: str) -> str:
    return slugify(name)


def sentences(*parts: str) -> str:
    """Join sentence strings with single spaces, skipping empty ones."""
    return " ".join(p.strip() for p in parts if p and p.strip())


def ordinal(n: int) -> str:
    return f"{n}e"


def number_word(n: int) -> str:
    words = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"]
    return words[n] if 0 <= n < len(words) else str(n)


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def euro(millions: float) -> str:
    if millions == int(millions):
        return f"{int(millions)} miljoen euro"
    return f"{millions:.1f}".replace(".", ",") + " miljoen euro"


def dec(value: float, digits: int = 1) -> str:
    """Belgian decimal comma."""
    return f"{value:.{digits}f}".replace(".", ",")


Generator = Callable[[Ctx], Draft]


class Skip(Exception):
    """Raised by a generator that has nothing new to tell (the event was already covered)."""


def claim(c: Ctx, key: str) -> bool:
    """Mark a one-off event as covered; False when it already was."""
    marker = f"claim:{key}"
    if c.used.get(marker):
        return False
    c.used[marker] = 1
    return True


def first_unclaimed(c: Ctx, options: Sequence[T], key: Callable[[T], str]) -> T:
    """The first option (in random order) whose event was not covered yet; Skip when all were."""
    shuffled = list(options)
    c.rng.shuffle(shuffled)
    for option in shuffled:
        if claim(c, key(option)):
            return option
    raise Skip
