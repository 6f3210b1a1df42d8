"""Comments in the newsroom's chrome: the menu item, the dashboard panel, the article listing, the settings."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tribune.engagement.tests.factories import default_site, policy, published_comment
from tribune.engagement.tests.test_admin_views import (
    moderator_client,
    moderators_group,
    pending_comment,
    reported_comment,
)
from tribune.newsroom.tests.factories import SectionFactory, published_article, published_articles

pytestmark = pytest.mark.django_db

ARTICLES = "/redactie/snippets/newsroom/article/"


@pytest.fixture(autouse=True)
def quick_comments(settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0


@pytest.fixture
def admin_client(client, django_user_model):
    return moderator_client(client, django_user_model)


@pytest.fixture
def editor_client(client, django_user_model):
    """Into the admin, allowed to edit articles, not to moderate."""
    user = django_user_model.objects.create_user("redacteur", "r@example.org", "een-wachtwoord-2")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="newsroom", content_type__model="article"),
    )
    client.force_login(user)
    return client


@pytest.fixture
def article():
    policy()
    return published_article(headline="Defour loopt de marathon van Londen")


def test_menu_shows_reacties_with_the_queue_size(admin_client, article):
    html = admin_client.get("/redactie/").content.decode()
    assert '"Reacties"' in html and "/redactie/reacties/" in html
    pending_comment(article=article)
    pending_comment(article=article)
    reported_comment(article=article)
    html = admin_client.get("/redactie/").content.decode()
    assert '"Reacties (3)"' in html


def test_menu_and_panel_are_only_for_moderators(editor_client, article):
    pending_comment(article=article)
    html = editor_client.get("/redactie/").content.decode()
    assert "/redactie/reacties/" not in html
    assert "Reacties te modereren" not in html


def test_dashboard_panel_shows_the_queue(admin_client, article):
    pending_comment(article=article)
    pending_comment(article=article)
    reported_comment(article=article)
    published_comment(article=article)
    response = admin_client.get("/redactie/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Reacties te modereren" in html
    assert "<strong>2</strong> reacties wachten op moderatie" in html
    assert "<strong>1</strong> gepubliceerde reactie is gemeld" in html
    assert 'href="/redactie/reacties/"' in html and 'href="/redactie/reacties/?status=gemeld"' in html


def test_moderatoren_group_has_the_moderation_permission():
    group = moderators_group()
    assert Group.objects.filter(name="Moderatoren").count() == 1  # the migration's function runs twice safely
    assert set(group.permissions.values_list("content_type__app_label", "codename")) == {
        ("wagtailadmin", "access_admin"),
        ("engagement", "change_comment"),
    }


def test_comment_policy_setting_loads_and_saves(admin_client):
    site = default_site()
    url = f"/redactie/settings/engagement/commentpolicy/{site.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "verboden woorden" in html.lower() and "maximum aantal links" in html.lower()
    response = admin_client.post(
        url,
        {
            "moderation_mode": "pre",
            "blocked_words": "vloek\nscheldwoord",
            "suspect_words": "",
            "link_limit": 1,
            "reports_to_hide": 2,
        },
    )
    assert response.status_code == 302
    from tribune.engagement.models import CommentPolicy

    saved = CommentPolicy.objects.get(site=site)
    assert (saved.moderation_mode, saved.blocked_list, saved.link_limit) == ("pre", ["vloek", "scheldwoord"], 1)


def test_article_listing_shows_pending_and_reported_counts(admin_client, article):
    pending_comment(article=article)
    pending_comment(article=article)
    reported_comment(article=article)
    published_comment(article=article)
    response = admin_client.get(ARTICLES)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wachtend" in html and "Gemeld" in html
    queue = f'href="/redactie/reacties/?article={article.pk}"'
    assert f"{queue}>2</a>" in html and f"{queue}>1</a>" in html


def test_article_listing_costs_the_same_queries_with_comments(admin_client, django_assert_max_num_queries):
    section = SectionFactory()
    policy()
    admin_client.get(ARTICLES)
    counts = []
    for extra in (3, 22):
        for article in published_articles(extra, section=section):
            pending_comment(article=article)
            reported_comment(article=article)
        admin_client.get(ARTICLES)
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(ARTICLES).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(counts[0]):
        html = admin_client.get(ARTICLES).content.decode()
    assert html.count('href="/redactie/reacties/?article=') == 2 * 25


def test_moderators_can_list_and_lift_bans(client, django_user_model):
    from tribune.engagement.models import Ban, RejectionReason
    from tribune.engagement.services import comment_ban_author
    from tribune.engagement.tests.factories import published_comment
    from tribune.newsroom.tests.factories import published_article

    admin = django_user_model.objects.create_superuser("mod", "mod@example.org", "x")
    client.force_login(admin)
    comment = published_comment(article=published_article())
    comment_ban_author(comment=comment, reason=RejectionReason.ABUSE)
    listing = client.get("/redactie/blokkeringen/")
    assert listing.status_code == 200
    assert "Beledigend of intimiderend" in listing.content.decode()
    ban = Ban.objects.first()
    assert client.get(f"/redactie/blokkeringen/edit/{ban.pk}/").status_code == 404
    assert client.get("/redactie/blokkeringen/new/").status_code == 404
    response = client.post(f"/redactie/blokkeringen/delete/{ban.pk}/")
    assert response.status_code == 302
    assert Ban.objects.count() == 1
    anonymous_reader = django_user_model.objects.create_user("lezer", "l@example.org", "x", is_staff=False)
    client.force_login(anonymous_reader)
    assert client.get("/redactie/blokkeringen/").status_code in {302, 403}
