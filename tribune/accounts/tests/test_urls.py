"""The throttled views take Wagtail's login and password-reset paths, and no public page or API lists
newsroom accounts: the only user-facing URLs with accounts behind them are under /redactie/, behind login."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from wagtail.models import Revision

from tribune.accounts import views
from tribune.newsroom.models import Article
from tribune.newsroom.tests.factories import AuthorFactory, published_article

ACCOUNT_WORDS = re.compile(r"user|account|gebruiker|login|profile|profiel", re.IGNORECASE)


def test_wagtails_login_and_password_reset_paths_are_the_throttled_views():
    assert resolve("/redactie/login/").func.view_class is views.ThrottledLoginView
    assert resolve("/redactie/password_reset/").func.view_class is views.ThrottledPasswordResetView
    assert reverse("wagtailadmin_login") == "/redactie/login/"
    assert reverse("wagtailadmin_password_reset") == "/redactie/password_reset/"
    # The rest of the reset flow stays Wagtail's.
    assert resolve("/redactie/password_reset/done/").url_name == "wagtailadmin_password_reset_done"


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            assert isinstance(pattern, URLPattern)
            yield route


def test_no_public_url_pattern_names_accounts():
    public = [route for route in _routes(get_resolver().url_patterns) if not route.startswith("redactie/")]
    assert public  # the walk found the reader site
    assert [route for route in public if ACCOUNT_WORDS.search(route)] == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/users", "/api/v1/users/", "/api/v1/accounts", "/api/v1/users/1"])
def test_the_api_has_no_user_endpoints(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_the_api_schema_has_no_accounts(client):
    schema = client.get("/api/v1/openapi.json").content.decode()
    assert not re.search(r'"/[^"]*(user|account)[^"]*"', schema, re.IGNORECASE)
    assert '"username"' not in schema
    assert '"email"' not in schema


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/redactie/users/", "/redactie/groups/", "/redactie/api/main/pages/"])
def test_newsroom_user_pages_need_a_login(client, path):
    response = client.get(path)
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"].startswith("/redactie/login/")


@pytest.mark.django_db
def test_public_pages_do_not_reveal_the_editor_behind_an_article(client):
    user = get_user_model().objects.create_user("stiekeme-chef", "stiekeme-chef@example.com", "x")
    author = AuthorFactory(name="Anna Auteur", slug="anna")
    article = published_article(authors=[author])
    # The accounts an article knows: who locked it and who wrote its revisions.
    Article.objects.filter(pk=article.pk).update(locked_by=user, locked=True)
    Revision.objects.filter(object_id=str(article.pk)).update(user=user)
    for path in [
        article.get_absolute_url(),
        author.get_absolute_url(),
        f"/api/v1/articles/{article.pk}",
        "/api/v1/authors/anna",
        "/api/v1/authors",
        "/feed/",
        "/feed/atom/",
        "/sitemap-auteurs.xml",
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert "stiekeme-chef" not in body, path
        assert "Anna Auteur" in body or path.startswith("/sitemap"), path
