"""A megabyte of crafted input into every text path answers in under a second (the issue's bound),
with a 4xx and a message where it is refused: the comment form, search, slugs and cursors in URLs
and the API, and the newsroom's article form (headline, lead, rich text). Runs in both passes.

The shapes: plain letters, letters ending in a character a backtracking pattern would stumble on
("a" * 1 MB + "!"), nested markup ("<" * 1 MB, "<<<<b>" repeated), a long run of would-be links
and a long URL-ish word.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tribune.core.longurl import MAX_ADDRESS_BYTES
from tribune.core.tests.naughty import element_texts, with_class
from tribune.engagement.identity import form_token_issue
from tribune.engagement.models import Comment
from tribune.engagement.tests.factories import policy
from tribune.newsroom.blocks import PARAGRAPH_MAX_LENGTH
from tribune.newsroom.models import Article
from tribune.newsroom.tests.factories import (
    AuthorFactory,
    SectionFactory,
    article_form_data,
    draftail_text,
    published_article,
    superuser_client,
)

pytestmark = pytest.mark.django_db

MEGABYTE = 1_000_000
BOUND_SECONDS = 1.0
SHAPES = {
    "letters": "a" * MEGABYTE,
    "backtrack": "a" * MEGABYTE + "!",
    "open-brackets": "<" * MEGABYTE,
    "nested-tags": ("<<<<b>" * (MEGABYTE // 6 + 1))[:MEGABYTE],
    "links": ("www.a.be " * (MEGABYTE // 9 + 1))[:MEGABYTE],
    "url-word": "https://" + "a." * (MEGABYTE // 2),
}


@dataclass(frozen=True)
class Cost:
    """What answering one request cost the server: its thread's CPU time and the wall-clock time."""

    cpu: float
    wall: float

    def within(self, bound: float) -> bool:
        # The bound is on the work: CPU time does not grow when other test processes share the cores, as
        # wall-clock time does (1.03 s once in a full parallel run for work that takes 0.2 s alone). Wall-clock
        # time gets three times the bound, so time spent outside this thread (a database query) still counts.
        return self.cpu < bound and self.wall < 3 * bound


def timed(client: Client, call: Callable[[], Any]) -> tuple[Any, Cost]:
    """`call`'s answer and what the server spent on it: from the environ a WSGI server hands Django to the
    response. The test client's own work before that (encoding a megabyte into a form body, percent-decoding
    a megabyte of escapes into PATH_INFO, which a real server does in its own compiled code) is not counted."""
    handler = client.handler
    costs: list[Cost] = []

    def timed_handler(environ: dict[str, Any]) -> Any:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return handler(environ)
        finally:
            costs.append(Cost(cpu=time.thread_time() - cpu, wall=time.perf_counter() - wall))

    client.handler = timed_handler  # type: ignore[assignment]
    try:
        result = call()
    finally:
        client.handler = handler
    assert len(costs) == 1, costs
    return result, costs[0]


@pytest.fixture
def quick_comments(settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("field", ["body", "name"])
def test_a_megabyte_comment_is_refused_in_under_a_second(quick_comments, shape, field):
    policy()
    article = published_article()
    client = Client(raise_request_exception=False)
    url = f"/reacties/artikel/{article.pk}/"
    client.post(url, {"name": "Lezer", "body": "Warm", "token": form_token_issue()})  # warm, and leaves one comment
    data = {"name": "Lezer", "body": "Gewone tekst", "token": form_token_issue(), field: SHAPES[shape]}
    for extra in ({}, {"HTTP_ACCEPT": "application/json"}):
        response, cost = timed(client, lambda extra=extra: client.post(url, data, **extra))
        assert cost.within(BOUND_SECONDS), (shape, field, cost)
        assert response.status_code == 400, (shape, field, response.status_code)
        text = response.json()["message"] if extra else response.content.decode()
        assert "te lang" in text
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("javascript", [False, True])
def test_a_megabyte_comment_sent_url_encoded_is_too_long_not_a_broken_request(quick_comments, javascript):
    # A form without JavaScript is sent URL-encoded: a megabyte of "<" is three, over Django's upload limit.
    policy()
    article = published_article()
    client = Client(raise_request_exception=False)
    url = f"/reacties/artikel/{article.pk}/"
    client.get(article.get_absolute_url())
    data = urlencode({"name": "Lezer", "body": SHAPES["open-brackets"], "token": form_token_issue()})
    extra = {"HTTP_ACCEPT": "application/json"} if javascript else {}
    response, cost = timed(
        client, lambda: client.post(url, data, content_type="application/x-www-form-urlencoded", **extra)
    )
    assert cost.within(BOUND_SECONDS), cost
    assert response.status_code == 413
    message = response.json()["message"] if javascript else response.content.decode()
    assert "Uw reactie is te lang: maximaal 3000 tekens." in message
    assert not Comment.objects.exists()


def _urls(raw: str, article: Article) -> dict[str, tuple[str, set[int]]]:
    """Every place a URL carries reader text, with the statuses the view owes an overlong value.

    In the query string the text is percent-encoded, as a browser sends it, and the site decodes
    it. In the path only "%", "?" and "#" are: the app server hands Django the path decoded, and the
    test client would otherwise spend the time decoding it on the server's clock.
    """
    text = quote(raw, safe="")
    path = quote(raw, safe="".join(chr(c) for c in range(32, 127) if chr(c) not in "%?#"))
    return {
        "search": (f"/zoeken/?q={text}", {400}),
        "article slug": (f"/voetbal/{path}-{article.pk}/", {404}),
        "section slug": (f"/{path}/", {404}),
        "tag slug": (f"/tag/{path}/", {404}),
        "author slug": (f"/auteur/{path}/", {404}),
        "archive cursor": (f"/nieuws/?na={text}", {404}),
        # A stale comment cursor still shows the article (engagement.views.article_engagement_context).
        "comment cursor": (f"{article.get_absolute_url()}?reacties={text}", {200}),
        # Ninja checks max_length (422) or the route does not match ("/" in the text: 404).
        "api section slug": (f"/api/v1/sections/{path}", {404, 422}),
        "api section filter": (f"/api/v1/articles?section={text}", {422}),
        "api cursor": (f"/api/v1/articles?cursor={text}", {400, 422}),
        "api comments cursor": (f"/api/v1/articles/{article.pk}/comments?cursor={text}", {422}),
        "api path": (f"/api/v1/{path}", {404}),
    }


@pytest.mark.parametrize("shape", SHAPES)
def test_a_megabyte_in_any_url_answers_414_in_under_a_second(shape):
    # Refused before anything parses it (tribune/core/longurl.py): percent-decoding a megabyte
    # of escapes alone took over a second.
    article = published_article()
    client = Client(raise_request_exception=False)
    client.get(article.get_absolute_url())  # warm: the bound is for the input, not a cold process
    for name, (url, _statuses) in _urls(SHAPES[shape], article).items():
        response, cost = timed(client, lambda url=url: client.get(url))
        assert cost.within(BOUND_SECONDS), (name, shape, cost)
        assert response.status_code == 414, (name, shape, response.status_code)
        if name.startswith("api"):
            assert "longer than" in response.json()["detail"]
        else:
            assert "Het adres bevat iets wat we niet kunnen verwerken." in response.content.decode()


@pytest.mark.parametrize("shape", SHAPES)
def test_the_longest_address_allowed_reaches_the_views_and_answers_in_under_a_second(shape):
    article = published_article()
    client = Client(raise_request_exception=False)
    client.get(article.get_absolute_url())
    for name, (url, statuses) in _urls("", article).items():
        # The most of the shape that fits, measured as it is sent.
        size = MAX_ADDRESS_BYTES - len(url)
        while len(_urls(SHAPES[shape][:size], article)[name][0]) > MAX_ADDRESS_BYTES:
            size -= max(1, (len(_urls(SHAPES[shape][:size], article)[name][0]) - MAX_ADDRESS_BYTES) // 3)
        longest = _urls(SHAPES[shape][:size], article)[name][0]
        response, cost = timed(client, lambda longest=longest: client.get(longest))
        assert cost.within(BOUND_SECONDS), (name, shape, cost)
        assert response.status_code in statuses, (name, shape, response.status_code)


@pytest.fixture
def editor() -> Client:
    return superuser_client(Client(raise_request_exception=False))


def _article_form(*, headline: str, lead: str, paragraph: str) -> dict[str, Any]:
    return article_form_data(
        section=SectionFactory(),
        authors=[{"author": AuthorFactory().pk}],
        headline=headline,
        lead=lead,
        body=[("paragraph", draftail_text(paragraph))],
        **{"action-publish": "action-publish"},
    )


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("field", ["headline", "lead", "paragraph"])
def test_a_megabyte_in_the_article_form_is_refused_in_under_a_second(editor, shape, field):
    fields = {"headline": "Kop", "lead": "Intro", "paragraph": "Alinea", field: SHAPES[shape]}
    form = _article_form(**fields)
    editor.get(reverse("wagtailsnippets_newsroom_article:add"))  # warm: Wagtail's templates compile once
    response, cost = timed(editor, lambda: editor.post(reverse("wagtailsnippets_newsroom_article:add"), form))
    assert cost.within(BOUND_SECONDS), (field, shape, cost)
    assert response.status_code == 400, (field, shape, response.status_code)
    # Refused before Wagtail converts it (newsroom/wagtail_hooks.py), with the editor's page and a message.
    assert "Er is niets opgeslagen: een veld is langer dan 200.000 tekens." in response.content.decode()
    assert not Article.objects.exists()


def test_a_paragraph_may_hold_its_maximum_and_not_one_character_more(editor):
    url = reverse("wagtailsnippets_newsroom_article:add")
    # Counted as text: each typed "<" is one character, though the stored HTML holds "&lt;".
    text = "<a href='x'>&amp;" * (PARAGRAPH_MAX_LENGTH // 17) + "<" * (PARAGRAPH_MAX_LENGTH % 17)
    over = editor.post(url, _article_form(headline="Kop", lead="Intro", paragraph=text + "!"))
    assert over.status_code == 400
    assert f"niet meer dan {PARAGRAPH_MAX_LENGTH} tekens bevat (het zijn er nu {PARAGRAPH_MAX_LENGTH + 1})" in (
        over.content.decode()
    )
    exact = editor.post(url, _article_form(headline="Kop", lead="Intro", paragraph=text))
    assert exact.status_code == 302
    article = Article.objects.get()
    html = Client().get(f"/api/v1/articles/{article.pk}").json()["body"][0]["html"]
    assert element_texts(f'<div class="x">{html}</div>', with_class("x"))["x"] == [text]


def test_a_megabyte_in_the_edit_form_leaves_the_saved_article_as_it_was(editor):
    article = published_article(headline="Zoals gepubliceerd")
    form = _article_form(headline="Kop", lead=SHAPES["open-brackets"], paragraph="Alinea")
    url = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    editor.get(url)
    response, cost = timed(editor, lambda: editor.post(url, form))
    assert cost.within(BOUND_SECONDS), cost
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is niets opgeslagen" in html and "Zoals gepubliceerd" in html  # the editor, as saved
    article.refresh_from_db()
    assert article.headline == "Zoals gepubliceerd" and article.revisions.count() == 2  # no new revision
