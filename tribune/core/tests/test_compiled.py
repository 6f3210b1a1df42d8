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
