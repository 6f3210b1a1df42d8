"""cache_purge: the purge log in the change's transaction, outer caches after commit and after the app."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator

import pytest
from django.db import transaction

from tribune.delivery import purge
from tribune.delivery.models import PurgeEvent
from tribune.delivery.purge import paths_for_tags
from tribune.delivery.services import cache_purge
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, published_article
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


class Recorder:
    calls: list[list[str]] = []

    def purge_tags(self, tags: Iterable[str]) -> None:
        type(self).calls.append(list(tags))


@pytest.fixture
def recorder(settings) -> Iterator[type[Recorder]]:
    settings.TRIBUNE_PURGE_ADAPTERS = ["tribune.delivery.tests.test_services.Recorder"]
    purge._load.cache_clear()
    Recorder.calls = []
    yield Recorder
    purge._load.cache_clear()


def test_the_log_rows_commit_with_the_change_and_outer_caches_hear_after_commit(
    recorder, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cache_purge(tags=["a1", "all", "a1", ""])
        assert recorder.calls == []  # not before commit
    assert sorted(PurgeEvent.objects.values_list("tag", flat=True)) == ["a1", "all"]
    assert recorder.calls == [["a1", "all"]]


def test_a_rolled_back_change_purges_nothing(recorder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        cache_purge(tags=["a1"])
        raise RuntimeError("the save failed")
    assert not PurgeEvent.objects.exists() and recorder.calls == []


def test_with_the_page_cache_on_outer_caches_wait_until_every_process_has_read_the_log(
    settings, recorder, django_capture_on_commit_callbacks
):
    # Told at once, Varnish or nginx would fetch the page again from a process still holding the old copy.
    settings.TRIBUNE_PAGE_CACHE = True
    settings.TRIBUNE_PAGE_CACHE_POLL_SECONDS = 0.3
    with django_capture_on_commit_callbacks(execute=True):
        cache_purge(tags=["a1"])
    assert recorder.calls == []
    time.sleep(0.2)
    assert recorder.calls == []
    deadline = time.monotonic() + 5
    while not recorder.calls and time.monotonic() < deadline:
        time.sleep(0.05)
    assert recorder.calls == [["a1"]]


def test_tags_map_to_the_first_pages_that_show_them():
    section, author, tag = SectionFactory(slug="voetbal"), AuthorFactory(slug="an"), TagFactory(slug="club-brugge")
    article = published_article(section=section, authors=[author], tags=[tag])
    paths = paths_for_tags(
        [f"a{article.pk}", f"s{section.pk}", f"t{tag.pk}", f"p{author.pk}", f"r{article.pk}", f"v{article.pk}", "x9"]
    )
    assert {
        article.get_absolute_url(),
        "/voetbal/",
        "/feed/rubriek/voetbal/",
        tag.get_absolute_url(),
        "/feed/tag/club-brugge/",
        author.get_absolute_url(),
        "/feed/auteur/an/",
        f"/api/v1/articles/{article.pk}/poll",
    } <= paths
    # A comment purges its own article, not the front page (whose counts follow within the micro-cache's second).
    assert paths_for_tags([f"r{article.pk}"]) == {article.get_absolute_url()}
    assert "/nieuws/" in paths_for_tags(["all"]) and paths_for_tags(["nonsense", "a"]) == set()
