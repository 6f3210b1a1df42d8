from datetime import UTC, datetime

import pytest

from tribune.core.pagination import Cursor, Direction, InvalidCursor, cursor_from_query


def test_cursor_round_trip():
    cursor = Cursor(published_at=datetime(2026, 11, 27, 13, 5, 7, 123456, tzinfo=UTC), pk=42)
    assert Cursor.decode(cursor.encode()) == cursor


@pytest.mark.parametrize(
    "token",
    ["", "zzz", "%%%", "A" * 65, "MTIzNA", "LTEuLTE", "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ", "\x00", "Zm9vLmJhcg"],
)
def test_bad_cursors_are_rejected(token):
    with pytest.raises(InvalidCursor):
        Cursor.decode(token)


def test_cursor_from_query_reads_direction():
    cursor = Cursor(published_at=datetime(2026, 1, 1, tzinfo=UTC), pk=7)
    assert cursor_from_query({"voor": cursor.encode()}) == (cursor, Direction.NEWER)
    assert cursor_from_query({"na": cursor.encode()}) == (cursor, Direction.OLDER)
    assert cursor_from_query({}) == (None, Direction.OLDER)
