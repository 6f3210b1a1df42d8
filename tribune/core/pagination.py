"""Keyset (cursor) pagination for newest-first listings.

A page is "the N items just older (or newer) than this (date, id) pair", answered
by an index range scan, so page 1,000 costs what page 1 costs. The cursor is an
opaque, URL-safe token; anything that does not decode is `InvalidCursor`, which
views turn into a 404.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from django.db.models import Q, QuerySet

MAX_CURSOR_LENGTH = 64


class InvalidCursor(ValueError):
    pass


class Direction(StrEnum):
    OLDER = "na"  # query parameter: items published after... in reading order, i.e. older
    NEWER = "voor"


@dataclass(frozen=True)
class Cursor:
    published_at: datetime
    pk: int

    def encode(self) -> str:
        micros = int(self.published_at.timestamp() * 1_000_000)
        raw = f"{micros}.{self.pk}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        if not token or len(token) > MAX_CURSOR_LENGTH:
            raise InvalidCursor(token)
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
            micros_text, pk_text = raw.split(".")
            micros, pk = int(micros_text), int(pk_text)
            published_at = datetime.fromtimestamp(micros / 1_000_000, tz=UTC)
        except (binascii.Error, UnicodeDecodeError, ValueError, OverflowError, OSError) as exc:
            raise InvalidCursor(token) from exc
        if pk <= 0 or pk > 2**62:
            raise InvalidCursor(token)
        return cls(published_at=published_at, pk=pk)


@dataclass(frozen=True)
class KeysetPage:
    items: list[Any]
    older: str | None  # cursor for the next page (older items)
    newer: str | None  # cursor for the previous page (newer items)

    @property
    def has_other_pages(self) -> bool:
        return bool(self.older or self.newer)


def keyset_page(
    queryset: QuerySet[Any],
    *,
    date_field: str,
    pk_field: str,
    size: int,
    cursor: Cursor | None = None,
    direction: Direction = Direction.OLDER,
    item_key: Any = None,
) -> KeysetPage:
    """One page of `queryset`, newest first, starting just past `cursor`.

    `date_field`/`pk_field` name the sort key (they may follow a relation, e.g.
    `tag_links__published_at`); `item_key(item) -> (date, pk)` reads it back from a
    result row and defaults to the item's own `first_published_at` and `pk`.
    """
    key = item_key or (lambda item: (item.first_published_at, item.pk))
    if cursor is None:
        rows = list(queryset.order_by(f"-{date_field}", f"-{pk_field}")[: size + 1])
        more_older, more_newer = len(rows) > size, False
        rows = rows[:size]
    elif direction is Direction.OLDER:
        # date <= d narrows the index range; the OR then only breaks ties.
        condition = Q(**{f"{date_field}__lte": cursor.published_at}) & (
            Q(**{f"{date_field}__lt": cursor.published_at}) | Q(**{f"{pk_field}__lt": cursor.pk})
        )
        rows = list(queryset.filter(condition).order_by(f"-{date_field}", f"-{pk_field}")[: size + 1])
        more_older, more_newer = len(rows) > size, True
        rows = rows[:size]
    else:
        condition = Q(**{f"{date_field}__gte": cursor.published_at}) & (
            Q(**{f"{date_field}__gt": cursor.published_at}) | Q(**{f"{pk_field}__gt": cursor.pk})
        )
        rows = list(queryset.filter(condition).order_by(date_field, pk_field)[: size + 1])
        more_older, more_newer = True, len(rows) > size
        rows = rows[:size][::-1]
    if not rows:
        return KeysetPage(items=[], older=None, newer=None)
    first, last = key(rows[0]), key(rows[-1])
    return KeysetPage(
        items=rows,
        older=Cursor(published_at=last[0], pk=last[1]).encode() if more_older else None,
        newer=Cursor(published_at=first[0], pk=first[1]).encode() if more_newer else None,
    )


def cursor_from_query(params: Any) -> tuple[Cursor | None, Direction]:
    """Read `?na=` / `?voor=` from a request's GET; raises InvalidCursor on nonsense."""
    for direction in (Direction.OLDER, Direction.NEWER):
        token = params.get(direction.value)
        if token is not None:
            return Cursor.decode(token), direction
    return None, Direction.OLDER
