import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tribune.core.compiled import CompiledQuery
from tribune.newsroom.models import Section
from tribune.newsroom.tests.factories import SectionFactory

pytestmark = pytest.mark.django_db(transaction=True)

BY_PK = CompiledQuery(lambda *, pk: Section.objects.filter(pk=pk).values_list("name", "slug"), values=("pk",))
FIRST = CompiledQuery(lambda *, limit: Section.objects.order_by("slug").values_list("slug")[:limit], values=())


def test_rows_are_what_values_list_returns_with_each_call_s_values():
    a, b = SectionFactory(name="Voetbal", slug="voetbal"), SectionFactory(name="Tennis", slug="tennis")
    assert BY_PK.rows(pk=a.pk) == list(Section.objects.filter(pk=a.pk).values_list("name", "slug"))
    assert BY_PK.rows(pk=b.pk) == [("Tennis", "tennis")]
    assert BY_PK.rows(pk=b.pk + 1000) == []


def test_one_query_per_call_and_the_sql_is_compiled_once():
    section = SectionFactory()
    BY_PK.rows(pk=section.pk)
    with CaptureQueriesContext(connection) as queries:
        BY_PK.rows(pk=section.pk)
        BY_PK.rows(pk=section.pk)
    assert len(queries) == 2 and queries[0]["sql"] == queries[1]["sql"]


def test_each_shape_is_compiled_on_its_own():
    for slug in ("a", "b", "c"):
        SectionFactory(slug=slug)
    assert FIRST.rows(shape={"limit": 1}) == [("a",)]
    assert FIRST.rows(shape={"limit": 2}) == [("a",), ("b",)]
    assert FIRST.rows(shape={"limit": 1}) == [("a",)]


def test_other_threads_compile_with_their_own_connection():
    section = SectionFactory(name="Wielrennen")
    results: list[object] = []

    def read() -> None:
        try:
            results.append(BY_PK.rows(pk=section.pk))
        finally:
            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join(10)
    assert results == [[("Wielrennen", section.slug)]]


def test_values_must_be_exactly_the_declared_ones_and_be_used():
    with pytest.raises(TypeError):
        BY_PK.rows()
    with pytest.raises(TypeError):
        BY_PK.rows(pk=1, other=2)
    unused = CompiledQuery(lambda *, pk: Section.objects.values_list("slug"), values=("pk",))
    with pytest.raises(ValueError, match="does not use"):
        unused.rows(pk=1)


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.postgres_only
def test_on_postgresql_the_statement_is_prepared_once_and_still_logged(settings):
    settings.TRIBUNE_DB_PREPARE = True
    section = SectionFactory(name="Atletiek")
    with CaptureQueriesContext(connection) as queries:
        assert BY_PK.rows(pk=section.pk) == [("Atletiek", section.slug)]
        assert BY_PK.rows(pk=section.pk + 1000) == []
    assert len(queries) == 2  # Django's cursor wrapper: logged and timed as every other query
    prepared = [sql for sql in _prepared_statements() if "newsroom_section" in sql]
    assert len(prepared) == 1 and "$1" in prepared[0]  # the values are sent apart from the SQL


@pytest.mark.postgres_only
def test_prepared_statements_can_be_turned_off_for_a_pooler(settings):
    settings.TRIBUNE_DB_PREPARE = False
    section = SectionFactory(name="Zwemmen")
    assert BY_PK.rows(pk=section.pk) == [("Zwemmen", section.slug)]
    assert not [sql for sql in _prepared_statements() if "newsroom_section" in sql]


def test_rows_read_inside_a_failed_transaction_s_savepoint_recover():
    """A prepared statement must survive the rollback of a savepoint around it (psycopg forgets them on ROLLBACK)."""
    from django.db import IntegrityError, transaction

    section = SectionFactory(name="Hockey")
    assert BY_PK.rows(pk=section.pk) == [("Hockey", section.slug)]
    with transaction.atomic():
        with pytest.raises(IntegrityError), transaction.atomic():
            Section.objects.create(name="Hockey bis", slug=section.slug)
        assert BY_PK.rows(pk=section.pk) == [("Hockey", section.slug)]
    assert BY_PK.rows(pk=section.pk) == [("Hockey", section.slug)]
