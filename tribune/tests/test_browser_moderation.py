"""A moderator logs in to the newsroom, approves a waiting comment in the queue and finds it on the article.

Selectors are the queue's own form actions and field names, not the admin's translated labels,
except for the words Tribune itself puts on the buttons (tribune/engagement/templates/engagement/admin/).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tribune.engagement.models import ArticleEngagement, Comment, CommentPolicy, CommentStatus, ModerationMode
from tribune.engagement.tests.factories import published_comment
from tribune.tests.conftest import DESKTOP, PHONE
from tribune.tests.content import build_reader_site

# transaction=True: the live server thread must see the test's data.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

USERNAME, PASSWORD = "moderator", "een-lang-wachtwoord-voor-de-moderator"
WAITING = "Defour is een voorbeeld voor elke oud-speler. Hopelijk loopt hij onder de 3:30!"
OTHER = "Mijn eerste reactie hier, wacht ook nog op een moderator."


@pytest.fixture(autouse=True)
def quick_comments(settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0


def test_moderator_approves_a_waiting_comment_and_sees_it_on_the_article(live_server, new_page, artifacts):
    site = build_reader_site(extra_articles=1)
    article = site.article
    pre_moderated = CommentPolicy(moderation_mode=ModerationMode.PRE)
    comment = published_comment(article=article, author_name="Sportfan", body=WAITING, policy=pre_moderated)
    published_comment(article=article, author_name="Nieuwkomer", body=OTHER, policy=pre_moderated)
    assert comment.status == CommentStatus.PENDING
    before = ArticleEngagement.objects.filter(pk=article.pk).values_list("reaction_count", flat=True).first() or 0

    # A member of the Moderatoren group (the data migration's group; a transactional test
    # starts from a flushed database, so its function makes it again).
    importlib.import_module("tribune.engagement.migrations.0003_moderators_group").create_group(apps, None)
    moderator = get_user_model().objects.create_user(USERNAME, "moderator@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get(name="Moderatoren"))

    base = live_server.url
    page = new_page(viewport=DESKTOP)
    with _screenshot_on_failure(page, artifacts / "moderation-failure.png"):
        page.goto(f"{base}/redactie/")
        page.wait_for_url("**/redactie/login/**")
        page.fill("input[name=username]", USERNAME)
        page.fill("input[name=password]", PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(f"{base}/redactie/")

        # The menu leads to the queue, its label counting what waits.
        queue_url = reverse("reacties:index")
        page.get_by_role("link", name="Reacties (2)").click()
        page.wait_for_url(f"**{queue_url}")

        row = page.locator("#listing-results tbody tr").filter(has_text=WAITING)
        assert row.count() == 1
        assert article.headline in row.inner_text()
        page.screenshot(path=artifacts / "moderation-queue.png")
        row.locator(f"form[action='{reverse('reacties:approve', args=[comment.pk])}'] button[type=submit]").click()
        page.wait_for_url(f"**{queue_url}")
        page.get_by_text("De reactie van Sportfan staat online.").wait_for()
        assert page.locator("#listing-results tbody tr").filter(has_text=WAITING).count() == 0
        assert page.locator("#listing-results tbody tr").filter(has_text=OTHER).count() == 1

        comment.refresh_from_db()
        assert comment.status == CommentStatus.PUBLISHED
        assert ArticleEngagement.objects.get(pk=article.pk).reaction_count == before + 1

        reader = new_page(viewport=PHONE)
        reader.goto(f"{base}{article.get_absolute_url()}")
        shown = reader.locator(f"#{comment.anchor()} .comment__body")
        assert shown.inner_text() == WAITING
        assert reader.locator(".comment__body").filter(has_text=OTHER).count() == 0
        assert Comment.objects.filter(article=article, status=CommentStatus.PENDING).count() == 1


@contextmanager
def _screenshot_on_failure(page: Any, path: Path) -> Iterator[None]:
    try:
        yield
    except Exception:
        page.screenshot(path=path, full_page=True)
        raise
