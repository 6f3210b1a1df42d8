"""Tribune's own page cache, driven as the app server drives it: WSGI calls into the real Django app."""

from __future__ import annotations

import gzip
import time
from datetime import timedelta
from typing import Any

import brotli
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.utils import timezone

from tribune.delivery.models import PurgeEvent
from tribune.delivery.pagecache import LocalPages, PageCache
from tribune.delivery.services import cache_purge
from tribune.engagement.models import ModerationMode
from tribune.engagement.services import comment_approve
from tribune.engagement.tests.factories import policy, published_comment
from tribune.newsroom.scheduling import scheduler_tick
from tribune.newsroom.services import article_create, article_publish, article_unpublish
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, published_article

pytestmark = pytest.mark.django_db


class Answer:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status = int(status.split()[0])
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    @property
    def outcome(self) -> str | None:
        return self.headers.get("x-page-cache")

    @property
    def text(self) -> str:
        return self.body.decode()


def call(app: Any, path: str, *, method: str = "GET", **headers: str) -> Answer:
    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD=method, **headers)
    if "?" in path:
        environ["PATH_INFO"], environ["QUERY_STRING"] = path.split("?", 1)
    captured: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        captured["status"], captured["headers"] = status, response_headers
        return lambda data: None

    chunks = app(environ, start_response)
    body = b"".join(chunks)
    getattr(chunks, "close", lambda: None)()
    return Answer(captured["status"], captured["headers"], body)


@pytest.fixture(autouse=True)
def keep_the_test_connection() -> Any:
    """As Django's test client does: the real handler would close the test's database connection per request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def cache() -> PageCache:
    # Poll the purge log on every request: the tests need no waiting.
    return PageCache(WSGIHandler(), poll_interval=0)


def test_second_request_is_a_hit_with_the_same_page(cache):
    published_article(headline="Eerste bericht")
    first, second = call(cache, "/"), call(cache, "/")
    assert (first.outcome, second.outcome) == ("MISS", "HIT")
    assert first.body == second.body and "Eerste bericht" in second.text
    assert second.headers["cache-control"].startswith("public, max-age=0, s-maxage=")
    assert "all" in second.headers["xkey"].split() and "age" in second.headers


def test_compressed_copies_match_the_page(cache):
    published_article()
    plain = call(cache, "/").body
    as_gzip = call(cache, "/", HTTP_ACCEPT_ENCODING="gzip")
    as_br = call(cache, "/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert as_gzip.headers["content-encoding"] == "gzip" and gzip.decompress(as_gzip.body) == plain
    assert as_br.headers["content-encoding"] == "br" and brotli.decompress(as_br.body) == plain
    assert as_br.headers["vary"] == "Accept-Encoding"
    assert int(as_br.headers["content-length"]) == len(as_br.body) < len(plain) / 3


def test_conditional_requests_get_304_from_the_cache(cache):
    published_article()
    first = call(cache, "/")
    again = call(cache, "/", HTTP_IF_NONE_MATCH=first.headers["etag"])
    assert again.status == 304 and again.body == b"" and again.outcome == "HIT"
    by_date = call(cache, "/", HTTP_IF_MODIFIED_SINCE=first.headers["last-modified"])
    assert by_date.status == 304
    assert call(cache, "/", HTTP_IF_NONE_MATCH='W/"iets-anders"').status == 200


def test_head_is_answered_without_a_body(cache):
    published_article()
    call(cache, "/")
    head = call(cache, "/", method="HEAD")
    assert head.status == 200 and head.body == b"" and int(head.headers["content-length"]) > 1000


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_COOKIE": "sessionid=abc"}, {"HTTP_COOKIE": "messages=xyz"}, {"HTTP_AUTHORIZATION": "Bearer x"}],
    ids=["logged in", "message waiting", "credentials"],
)
def test_personal_requests_go_past_the_cache(cache, headers):
    published_article()
    call(cache, "/")
    answer = call(cache, "/", **headers)
    assert answer.outcome is None  # never looked up, never stored
    assert call(cache, "/").outcome == "HIT"


def test_the_reader_cookie_alone_shares_the_page(cache):
    published_article()
    call(cache, "/")
    assert call(cache, "/", HTTP_COOKIE="tribune_lezer=abc").outcome == "HIT"


def test_the_newsroom_is_never_cached(cache):
    first, second = call(cache, "/redactie/login/"), call(cache, "/redactie/login/")
    assert first.outcome is None and second.outcome is None


def test_not_found_pages_are_not_kept(cache):
    assert call(cache, "/bestaat-niet/").status == 404
    assert call(cache, "/bestaat-niet/").outcome == "PASS"


def test_publishing_purges_the_home_page_but_not_other_sections(cache):
    sport = SectionFactory(name="Voetbal", slug="voetbal")
    other = SectionFactory(name="Tennis", slug="tennis")
    published_article(headline="Oud voetbalnieuws", section=sport)
    published_article(headline="Tennisnieuws", section=other)
    call(cache, "/"), call(cache, "/tennis/")
    assert call(cache, "/tennis/").outcome == "HIT"
    published_article(headline="Vers voetbalnieuws", section=sport)
    home = call(cache, "/")
    assert home.outcome == "MISS" and "Vers voetbalnieuws" in home.text
    # The tennis page shows "Meest recent"? Then it must change too; otherwise it stays cached.
    tennis = call(cache, "/tennis/")
    assert ("Vers voetbalnieuws" in tennis.text) == (tennis.outcome == "MISS")


def test_editing_purges_every_page_that_shows_the_article(cache):
    article = published_article(headline="Eerste titel")
    url = article.get_absolute_url()
    call(cache, url), call(cache, "/")
    article.headline = "Tweede titel"
    article.save()
    article_publish(article=article)
    page = call(cache, article.get_absolute_url())
    assert page.outcome == "MISS" and "Tweede titel" in page.text
    assert "Tweede titel" in call(cache, "/").text


def test_unpublishing_purges_the_article_and_the_lists(cache):
    article = published_article(headline="Weg ermee")
    url = article.get_absolute_url()
    assert call(cache, url).status == 200 and "Weg ermee" in call(cache, "/").text
    article_unpublish(article=article)
    assert call(cache, url).status == 404
    assert "Weg ermee" not in call(cache, "/").text


def test_a_scheduled_article_going_live_purges_the_home_page(cache):
    published_article(headline="Al online")
    article = article_create(headline="Gepland stuk", section=SectionFactory(), lead="Lead.", authors=[AuthorFactory()])
    article_publish(article=article, go_live_at=timezone.now() + timedelta(seconds=1))
    assert "Gepland stuk" not in call(cache, "/").text
    assert call(cache, "/").outcome == "HIT"  # scheduling alone changed nothing readers see
    time.sleep(1.1)
    assert scheduler_tick(holder="test")
    home = call(cache, "/")
    assert home.outcome == "MISS" and "Gepland stuk" in home.text


def test_a_comment_purges_its_article_and_counts_but_not_unrelated_pages(cache):
    section = SectionFactory(slug="wielrennen", name="Wielrennen")
    article = published_article(headline="Met reacties", section=section)
    other = published_article(headline="Zonder reacties", section=SectionFactory(slug="golf", name="Golf"))
    url = article.get_absolute_url()
    for path in (url, "/", other.get_absolute_url(), "/wielrennen/"):
        call(cache, path)
    published_comment(article=article, body="Een eerste reactie op dit stuk")
    page = call(cache, url)
    assert page.outcome == "MISS" and "Een eerste reactie op dit stuk" in page.text
    assert call(cache, "/").outcome == "MISS"  # its teaser shows the count
    assert call(cache, "/wielrennen/").outcome == "MISS"
    tags = {tag for tag in PurgeEvent.objects.values_list("tag", flat=True)}
    assert f"r{article.pk}" in tags and "all" not in tags - {"all"}


def test_a_moderator_publishing_a_waiting_comment_purges_the_article(cache):
    article = published_article()
    comment = published_comment(
        article=article, body="Wachtte op goedkeuring", policy=policy(moderation_mode=ModerationMode.PRE)
    )
    url = article.get_absolute_url()
    call(cache, url)
    assert call(cache, url).outcome == "HIT"
    comment_approve(comment=comment)
    page = call(cache, url)
    assert page.outcome == "MISS" and "Wachtte op goedkeuring" in page.text


def test_a_purge_reaches_a_second_process_through_the_log():
    published_article(headline="Gedeeld")
    one, two = PageCache(WSGIHandler(), poll_interval=0), PageCache(WSGIHandler(), poll_interval=0)
    for process in (one, two):
        call(process, "/"), call(process, "/")
    cache_purge(tags=["all"])  # as another app server would write it
    assert call(one, "/").outcome == "MISS" and call(two, "/").outcome == "MISS"


def test_the_poll_interval_bounds_how_long_a_process_serves_the_old_page():
    published_article()
    slow = PageCache(WSGIHandler(), poll_interval=3600)
    call(slow, "/"), call(slow, "/")
    cache_purge(tags=["all"])
    assert call(slow, "/").outcome == "HIT"  # not read yet
    slow.log.next_poll = 0  # the interval has passed
    assert call(slow, "/").outcome == "MISS"


def test_an_old_copy_is_served_when_rendering_fails():
    published_article(headline="Nog te zien")
    django_app = WSGIHandler()
    failing = {"on": False}

    def app(environ: dict[str, Any], start_response: Any) -> Any:
        if failing["on"]:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
            return [b"database down"]
        return django_app(environ, start_response)

    cache = PageCache(app, poll_interval=0, ttl=0)  # every copy is already past its lifetime
    assert call(cache, "/").outcome == "MISS"
    failing["on"] = True
    stale = call(cache, "/")
    assert stale.status == 200 and stale.outcome == "STALE" and "Nog te zien" in stale.text


def test_a_page_rendered_across_a_purge_is_not_kept():
    pages = LocalPages(max_bytes=10_000)
    started = pages.generation
    pages.invalidate({"a1"})  # read from the log while the page was rendering
    from tribune.delivery.pagecache import Entry

    entry = Entry(200, "OK", [], b"x", frozenset({"a1"}), None, None, False)
    assert not pages.put("k", entry, generation=started)
    assert pages.put("k", entry, generation=pages.generation)


def test_memory_is_bounded_and_the_least_recently_used_page_goes_first():
    from tribune.delivery.pagecache import Entry

    pages = LocalPages(max_bytes=4500)  # three pages of 900 bytes (plus bookkeeping) fit

    def entry(tag: str) -> Entry:
        return Entry(200, "OK", [], b"x" * 900, frozenset({tag}), None, None, False)

    for key in "abc":
        pages.put(key, entry(key), generation=pages.generation)
    assert pages.get("a") is not None  # now the most recently used
    pages.put("d", entry("d"), generation=pages.generation)
    assert pages.get("b") is None and pages.get("a") is not None and len(pages) == 3
    assert pages.invalidate({"a"}) == 1 and pages.get("a") is None


def test_static_files_pass_through_compressed_by_whitenoise(cache, settings):
    # WhiteNoise keeps them compressed; the page cache must not hide the reader's Accept-Encoding from it.
    from django.contrib.staticfiles import finders

    assert finders.find("tribune/site.css")
    answer = call(cache, f"{settings.STATIC_URL}tribune/site.css", HTTP_ACCEPT_ENCODING="gzip")
    assert answer.outcome is None  # never looked at by the page cache


def test_a_purge_committed_late_with_a_lower_id_is_still_read(cache):
    """Ids are handed out at insert, commits come in any order: 100 may commit after 101 was read."""
    published_article(headline="Eerst")
    call(cache, "/"), call(cache, "/")
    early = PurgeEvent.objects.create(tag="placeholder")
    PurgeEvent.objects.create(tag="a-different-page")
    early_id = early.pk
    early.delete()  # as if its transaction had not committed yet
    assert call(cache, "/").outcome == "HIT"  # reads past it
    PurgeEvent.objects.create(id=early_id, tag="all")  # it commits now
    assert call(cache, "/").outcome == "MISS"
    assert call(cache, "/").outcome == "HIT"  # and it is not read twice
