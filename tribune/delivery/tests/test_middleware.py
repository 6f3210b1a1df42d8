"""Cache headers, tags and conditional requests on every kind of page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tribune.engagement.identity import form_token_issue
from tribune.engagement.tests.factories import poll_article, published_comment
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, published_article
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site() -> dict[str, Any]:
    section = SectionFactory(slug="voetbal", name="Voetbal")
    author = AuthorFactory(slug="jan-peeters", name="Jan Peeters")
    tag = TagFactory(slug="club-brugge", name="Club Brugge")
    article = published_article(section=section, authors=[author], tags=[tag])
    poll = poll_article(section=section)
    comment = published_comment(article=article)
    return {"section": section, "author": author, "tag": tag, "article": article, "poll": poll, "comment": comment}


def public_pages(site: dict[str, Any]) -> dict[str, tuple[str, set[str]]]:
    """Path -> the cache tags its answer must carry (at least)."""
    a, s, p, t = site["article"], site["section"], site["author"], site["tag"]
    return {
        "home": ("/", {"all", "nav", f"a{a.pk}", f"r{a.pk}"}),
        "article": (a.get_absolute_url(), {f"a{a.pk}", f"r{a.pk}", "nav"}),
        "section": (s.get_absolute_url(), {f"s{s.pk}", f"a{a.pk}"}),
        "archive": ("/nieuws/", {"all", f"a{a.pk}"}),
        "author": (p.get_absolute_url(), {f"p{p.pk}", f"a{a.pk}"}),
        "tag": (t.get_absolute_url(), {f"t{t.pk}", f"a{a.pk}"}),
        "thread": (f"/reacties/{site['comment'].pk}/", {f"a{a.pk}", f"r{a.pk}"}),
        "feed": ("/feed/", {"all"}),
        "section feed": (f"/feed/atom/rubriek/{s.slug}/", {"all"}),
        "sitemap index": ("/sitemap.xml", {"all"}),
        "news sitemap": ("/sitemap-nieuws.xml", {"all"}),
        "robots": ("/robots.txt", set()),
        "api list": ("/api/v1/articles", {"all"}),
        "api comments": (f"/api/v1/articles/{a.pk}/comments", {f"r{a.pk}"}),
        "api poll": (f"/api/v1/articles/{site['poll'].pk}/poll", {f"v{site['poll'].pk}"}),
    }


PAGES = [
    "home",
    "article",
    "section",
    "archive",
    "author",
    "tag",
    "thread",
    "feed",
    "section feed",
    "sitemap index",
    "news sitemap",
    "robots",
    "api list",
    "api comments",
    "api poll",
]


@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_can_be_shared_tagged_and_revalidated(site, page):
    path, tags = public_pages(site)[page]
    client = Client()
    response = client.get(path)
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert control.startswith("public, max-age=")
    assert "s-maxage=60" in control and "stale-while-revalidate=30" in control and "stale-if-error=86400" in control
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    assert not response.cookies, "a public page must not set a cookie"
    assert (
        "cookie" not in response.get("Vary", "").lower() and "accept-language" not in response.get("Vary", "").lower()
    )
    assert tags <= set(response.get("xkey", "").split())
    again = client.get(path, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["Cache-Control"] == control


def test_the_reader_pages_carry_no_csrf_token(site):
    html = Client().get(site["poll"].get_absolute_url()).content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'name="token"' in html  # the signed form token (time and nonce) is the same for every reader


@pytest.mark.parametrize("path", ["/redactie/", "/redactie/login/"])
def test_the_newsroom_is_never_shared(path):
    response = Client().get(path)
    assert "public" not in response.get("Cache-Control", "")
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_a_logged_in_editor_gets_private_pages(site, django_user_model):
    user = django_user_model.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord-1")
    client = Client()
    client.force_login(user)
    response = client.get(site["article"].get_absolute_url())
    assert response["Cache-Control"].startswith("private") and "xkey" not in response


def test_posts_and_the_page_after_them_are_private(site):
    client = Client()
    article = site["article"]
    data = {"name": "Fan", "body": "Goed stuk!", "token": form_token_issue(now=0.0 + __import__("time").time() - 60)}
    posted = client.post(f"/reacties/artikel/{article.pk}/", data)
    assert posted.status_code == 303 and posted["Cache-Control"] == "private, no-store"
    after = client.get(article.get_absolute_url())
    assert "Bedankt" in after.content.decode() or "reactie" in after.content.decode()
    assert after["Cache-Control"].startswith("private")


def test_error_pages_are_not_kept_long(site):
    response = Client().get("/bestaat-niet/")
    assert response.status_code == 404
    assert response["Cache-Control"].startswith("public")  # a 404 may be shared, and is purged like any page
