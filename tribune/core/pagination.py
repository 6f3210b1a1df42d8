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
    keys: QuerySet[Any] | None = None,
) -> KeysetPage:
    """One page of `queryset`, newest first, starting just past `cursor`.

    `date_field`/`pk_field` name the sort key (they may follow a relation, e.g.
    `tag_links__published_at`); `item_key(item) -> (date, pk)` reads it back from a
    result row and defaults to the item's own `first_published_at` and `pk`.

    `keys`, when given, is a bare queryset with the same filters: the page's ids
    are chosen from it in a subquery and the rows fetched by primary key. This
    pins PostgreSQL to the listing's own index; with joins and a LIMIT it may
    otherwise walk a global date index and filter out most of the table (a big
    section with nothing recent cost 0.5 s, see docs/performance.md).
    """
    key = item_key or (lambda item: (item.first_published_at, item.pk))
    newest_first = (f"-{date_field}", f"-{pk_field}")
    oldest_first = (date_field, pk_field)

    def rows(condition: Q | None, ordering: tuple[str, str]) -> list[Any]:
        source = keys if keys is not None else queryset
        if condition is not None:
            source = source.filter(condition)
        source = source.order_by(*ordering)[: size + 1]
        if keys is not None:
            # The page's rows by primary key, sorted here: an ORDER BY on the outer query lets SQLite
            # walk the whole section index to produce that order instead of looking up 21 ids.
            found = list(queryset.filter(pk__in=source.values("pk")).order_by())
            return sorted(found, key=key, reverse=ordering[0].startswith("-"))
        return list(source)

    if cursor is None:
        found = rows(None, newest_first)
        more_older, more_newer = len(found) > size, False
        found = found[:size]
    elif direction is Direction.OLDER:
        # date <= d narrows the index range; the OR then only breaks ties.
        condition = Q(**{f"{date_field}__lte": cursor.published_at}) & (
            Q(**{f"{date_field}__lt": cursor.published_at}) | Q(**{f"{pk_field}__lt": cursor.pk})
        )
        found = rows(condition, newest_first)
        more_older, more_newer = len(found) > size, True
        found = found[:size]
    else:
        condition = Q(**{f"{date_field}__gte": cursor.published_at}) & (
            Q(**{f"{date_field}__gt": cursor.published_at}) | Q(**{f"{pk_field}__gt": cursor.pk})
        )
        found = rows(condition, oldest_first)
        more_older, more_newer = True, len(found) > size
        found = found[:size][::-1]
    if not found:
        return KeysetPage(items=[], older=None, newer=None)
    first, last = key(found[0]), key(found[-1])
    return KeysetPage(
        items=found,
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
