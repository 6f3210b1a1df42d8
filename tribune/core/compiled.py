"""Fixed-shape reads compiled to SQL once, then run with new values.

Django compiles a queryset to SQL every time it is evaluated. For the few reads behind every reader page
(the article, its authors and tags, "Meest recent"), compiling (resolving joins, ordering and quoting some
forty columns) took longer than the database took to answer (docs/performance.md, section 11). A
`CompiledQuery` compiles its queryset once per thread, database and shape, with placeholders where the
values go, and afterwards only sends the same SQL with the new values. The rows come back through the
compiler's own converters, exactly as `values_list()` returns them.

Only the values change between calls, never the shape: a different `LIMIT` or a list of another length is
another shape, passed as a keyword of `shape` and compiled on its own.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.backends.utils import CursorWrapper
from django.db.models import QuerySet

# Placeholders: values no real row id reaches, so each is recognised among the compiled parameters.
_PLACEHOLDER_BASE = 9_087_000_000_000_000_000


class CompiledQuery:
    """`build(**values, **shape)` must return a `values_list()` queryset; `values` are integers.

    >>> by_pk = CompiledQuery(lambda pk: Section.objects.filter(pk=pk).values_list("name"), values=("pk",))
    >>> by_pk.rows(pk=3)
    [('Voetbal',)]
    """

    def __init__(self, build: Callable[..., QuerySet[Any]], *, values: tuple[str, ...]) -> None:
        self._build = build
        self._values = values
        self._local = threading.local()

    def rows(self, *, using: str = "default", shape: dict[str, Hashable] | None = None, **values: int) -> list[Any]:
        if set(values) != set(self._values):
            raise TypeError(f"values must be exactly {self._values}, got {tuple(values)}")
        sql, slots, compiler, converters = self._compiled(using, shape or {})
        params = [values[slot] if isinstance(slot, _Slot) else slot for slot in slots]
        with prepared_cursor(using) as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        if not converters:
            return fetched
        return [tuple(row) for row in compiler.apply_converters(fetched, converters)]

    def _compiled(self, using: str, shape: dict[str, Hashable]) -> tuple[str, list[Any], Any, Any]:
        # Per thread: a compiler keeps its thread's connection (for the converters), as Django's do.
        cache: dict[Any, tuple[str, list[Any], Any, Any]] | None = getattr(self._local, "cache", None)
        if cache is None:
            cache = self._local.cache = {}
        key = (using, tuple(sorted(shape.items())))
        compiled = cache.get(key)
        if compiled is None:
            placeholders = {name: _PLACEHOLDER_BASE + n for n, name in enumerate(self._values)}
            queryset = self._build(**placeholders, **shape)
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            names = {number: name for name, number in placeholders.items()}
            slots = [_Slot(names[param]) if type(param) is int and param in names else param for param in params]
            missing = set(self._values) - {slot for slot in slots if isinstance(slot, _Slot)}
            if missing:
                raise ValueError(f"the compiled query does not use {sorted(missing)}")
            # What results_iter() would work out again on every call.
            converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
            compiled = cache[key] = (sql, slots, compiler, converters)
        return compiled


def prepared_cursor(using: str = "default") -> CursorWrapper:
    """A cursor for SQL whose text never changes between calls, only its values.

    On PostgreSQL the statement is prepared on the connection the first time and afterwards only executed:
    the server no longer parses and plans the same few reads behind every reader page, which took as much
    of its time as answering them (docs/performance.md, section 12). Django turns prepared statements off
    because a pooler in transaction mode (PgBouncer before 1.21) loses them between transactions:
    TRIBUNE_DB_PREPARE=false turns them off here too. Elsewhere it is the connection's ordinary cursor.
    Either way the cursor is Django's wrapper: queries are logged, wrapped and timed as every other one.
    """
    connection = connections[using]
    if connection.vendor != "postgresql" or not settings.TRIBUNE_DB_PREPARE:
        return connection.cursor()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None:
        # Django's "never prepare". Its own (client-side binding) cursors never prepare anyway; this lets
        # PreparedCursor's explicit prepare=True through, and nothing else.
        raw.prepare_threshold = _NEVER_BY_COUNT
    with connection.wrap_database_errors:
        # Django's own wrapping (debug logging, execute wrappers), as connection.cursor() does it.
        return connection._prepare_cursor(_prepared_cursor_class()(raw))  # type: ignore[attr-defined,no-any-return]


_NEVER_BY_COUNT = 2**62


@functools.cache
def _prepared_cursor_class() -> type:
    """Server-side binding (values sent apart from the SQL, which prepared statements need), always prepared."""
    from django.db.backends.postgresql.base import ServerBindingCursor  # type: ignore[attr-defined]

    class PreparedCursor(ServerBindingCursor):  # type: ignore[misc,valid-type]
        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            return super().execute(query, params, prepare=True)

    return PreparedCursor


class _Slot(str):
    """Where a value goes among the compiled parameters (its name)."""
