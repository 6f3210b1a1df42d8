"""The four roles, driven through the real admin: each can do its job and nothing more."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from tribune.accounts import throttle, totp
from tribune.accounts.roles import ROLES, Role, sync_roles
from tribune.accounts.selectors import two_factor_required
from tribune.accounts.services import roles_sync, totp_device_confirm, totp_device_start
from tribune.accounts.tests.factories import member
from tribune.accounts.two_factor_session import VERIFIED_KEY
from tribune.engagement.models import CommentStatus
from tribune.engagement.tests.test_admin_views import pending_comment
from tribune.newsroom.models import Article
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, article_form_data, published_article

pytestmark = pytest.mark.django_db

REPORTER, EDITOR, MODERATOR, ADMIN = Role.REPORTER, Role.EDITOR, Role.MODERATOR, Role.ADMIN
HOME = "/redactie/"


def client_for(role: Role) -> Client:
    """A signed-in member; one whose group requires two-factor login has an app and gave a code."""
    user = member(role)
    client = Client()
    client.force_login(user)
    if two_factor_required(user=user):
        device = totp_device_start(user=user)
        assert totp_device_confirm(device=device, code=totp.totp(bytes(device.secret), throttle.clock().timestamp()))
        session = client.session
        session[VERIFIED_KEY] = True
        session.save()
    return client


def article_form(
    *,
    section: Any,
    author: Any,
    headline: str = "Nieuwe trainer voor KV Scheldeboorden",
    article: Article | None = None,
    **extra: Any,
):
    """The editor's form; for an existing article its author row is sent back with its id, as the browser does."""
    links = list(article.author_links.all()) if article else []
    authors = [{"id": link.pk, "author": link.author_id} for link in links] or [{"author": author.pk}]
    return article_form_data(
        section=section,
        authors=authors,
        initial_authors=len(links),
        headline=headline,
        lead="De club stelt vandaag een nieuwe trainer voor na een woelige week.",
        **extra,
    )


@pytest.fixture
def parts() -> dict[str, Any]:
    return {"section": SectionFactory(slug="voetbal", name="Voetbal"), "author": AuthorFactory()}


def allowed(client: Client, url: str) -> bool:
    """True when the page opens; False when the admin refuses it (403, or its redirect home with a message)."""
    response = client.get(url)
    if response.status_code == 200:
        return True
    refused = response.status_code == 403 or (response.status_code == 302 and response["Location"] == HOME)
    assert refused, f"{url}: {response.status_code} {response.get('Location')}"
    return False


ALL = {REPORTER, EDITOR, MODERATOR, ADMIN}
WRITERS = {REPORTER, EDITOR, ADMIN}

# Admin address -> the roles that may open it. Everything else must be refused.
ADMIN_PAGES: list[tuple[str, set[Role]]] = [
    ("wagtailadmin_home", ALL),
    ("wagtailsnippets_newsroom_article:list", WRITERS),
    ("wagtailsnippets_newsroom_article:add", WRITERS),
    ("wagtailsnippets_newsroom_author:list", WRITERS),  # the reporter reads it (bylines), cannot change it
    ("wagtailsnippets_newsroom_author:add", {EDITOR, ADMIN}),
    ("wagtailsnippets_newsroom_section:list", {ADMIN}),
    ("wagtailsnippets_newsroom_section:add", {ADMIN}),
    ("wagtailsnippets_taxonomy_tag:list", WRITERS),
    ("wagtailsnippets_taxonomy_tag:add", WRITERS),
    ("wagtailimages:index", WRITERS),
    ("wagtailimages:add", WRITERS),
    ("wagtaildocs:index", WRITERS),
    ("reacties:index", {MODERATOR, ADMIN}),
    ("blokkeringen:index", {MODERATOR, ADMIN}),
    ("wagtailusers_users:index", {ADMIN}),
    ("wagtailusers_users:add", {ADMIN}),
    ("wagtailusers_groups:index", {ADMIN}),
    ("wagtailsites:index", {ADMIN}),
    ("wagtailadmin_collections:index", {ADMIN}),
    ("wagtailadmin_workflows:index", {ADMIN}),
    ("wagtailadmin_workflows:task_index", {ADMIN}),
    ("webhooks:index", {ADMIN}),
    ("webhook-log:index", {ADMIN}),
    # Wagtail shows every admin user the history, limited to the objects they may see.
    ("wagtailadmin_reports:site_history", ALL),
]


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_each_role_opens_exactly_its_admin_pages(role):
    client = client_for(role)
    opened = {name for name, _roles in ADMIN_PAGES if allowed(client, reverse(name))}
    assert opened == {name for name, roles in ADMIN_PAGES if role in roles}


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_settings_for_comments_are_for_the_admin_only(role):
    from wagtail.models import Site

    url = reverse(
        "wagtailsettings:edit", args=["engagement", "commentpolicy", Site.objects.get(is_default_site=True).pk]
    )
    assert allowed(client_for(role), url) == (role == ADMIN)


def test_an_article_edit_page_opens_for_writers_only():
    article = published_article()
    url = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    assert {role for role in Role if allowed(client_for(role), url)} == WRITERS


# --- Verslaggever ---


def test_reporter_writes_a_draft_and_submits_it_for_review(parts):
    client = client_for(REPORTER)
    add = reverse("wagtailsnippets_newsroom_article:add")
    page = client.get(add).content.decode()
    assert 'name="action-publish"' not in page  # "Publiceren" is not offered
    assert 'name="action-submit"' in page  # "Ter beoordeling indienen" is

    assert client.post(add, article_form(**parts)).status_code == 302
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")
    assert not article.live

    edit = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    response = client.post(edit, article_form(**parts, article=article, **{"action-submit": "action-submit"}))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Nakijken door de eindredactie"
    article.refresh_from_db()
    assert not article.live


def test_reporter_cannot_publish_even_by_posting_the_action(parts):
    client = client_for(REPORTER)
    client.post(reverse("wagtailsnippets_newsroom_article:add"), article_form(**parts, **{"action-publish": "1"}))
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")
    assert not article.live
    edit = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    client.post(edit, article_form(**parts, article=article, **{"action-publish": "1"}))
    article.refresh_from_db()
    assert not article.live
    assert not article.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_reporter_cannot_schedule(parts):
    client = client_for(REPORTER)
    go_live = timezone.localtime(timezone.now() + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    client.post(
        reverse("wagtailsnippets_newsroom_article:add"),
        article_form(**parts, go_live_at=go_live, **{"action-publish": "1"}),
    )
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")
    # The time is kept on the draft for the editor, but nothing is approved to go live.
    assert not article.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert not article.live


def test_reporter_cannot_unpublish_or_delete_a_live_article():
    article = published_article()
    client = client_for(REPORTER)
    assert not allowed(client, reverse("wagtailsnippets_newsroom_article:unpublish", args=[article.pk]))
    client.post(reverse("wagtailsnippets_newsroom_article:unpublish", args=[article.pk]))
    assert not allowed(client, reverse("wagtailsnippets_newsroom_article:delete", args=[article.pk]))
    client.post(reverse("wagtailsnippets_newsroom_article:delete", args=[article.pk]))
    article.refresh_from_db()
    assert article.live


def test_a_reporters_change_to_a_live_article_waits_for_an_editor(parts):
    article = published_article(headline="Zoals gepubliceerd", section=parts["section"])
    reporter = client_for(REPORTER)
    edit = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    data = article_form(**parts, article=article, headline="Door de verslaggever gewijzigd")
    assert reporter.post(edit, data).status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.live, article.has_unpublished_changes) == ("Zoals gepubliceerd", True, True)
    assert "Zoals gepubliceerd" in reporter.get(article.get_absolute_url()).content.decode()


def test_reporter_and_editor_cannot_moderate_comments():
    comment = pending_comment(article=published_article())
    for role in (REPORTER, EDITOR):
        response = client_for(role).post(reverse("reacties:approve", args=[comment.pk]))
        assert response.status_code in (302, 403)
        comment.refresh_from_db()
        assert comment.status == CommentStatus.PENDING


# --- Eindredacteur ---


def test_editor_publishes_and_edits_someone_elses_article(parts):
    reporter = client_for(REPORTER)
    reporter.post(reverse("wagtailsnippets_newsroom_article:add"), article_form(**parts))
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")

    editor = client_for(EDITOR)
    edit = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    assert 'name="action-publish"' in editor.get(edit).content.decode()
    data = article_form(
        **parts, article=article, headline="Nieuwe trainer voorgesteld", **{"action-publish": "action-publish"}
    )
    assert editor.post(edit, data).status_code == 302
    article.refresh_from_db()
    assert (article.live, article.headline) == (True, "Nieuwe trainer voorgesteld")
    assert editor.get(article.get_absolute_url()).status_code == 200


def test_editor_schedules_an_article(parts):
    editor = client_for(EDITOR)
    go_live = timezone.localtime(timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    response = editor.post(
        reverse("wagtailsnippets_newsroom_article:add"),
        article_form(**parts, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")
    assert not article.live
    assert article.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == go_live


def test_editor_approves_a_submitted_article(parts):
    reporter = client_for(REPORTER)
    reporter.post(reverse("wagtailsnippets_newsroom_article:add"), article_form(**parts))
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")
    edit = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    reporter.post(edit, article_form(**parts, article=article, **{"action-submit": "action-submit"}))
    state = WorkflowState.objects.get(object_id=str(article.pk))

    url = reverse(
        "wagtailsnippets_newsroom_article:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )
    # The reporter may not approve their own submission; an editor may.
    assert reporter.post(url, {"comment": ""}).status_code in (302, 403)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client_for(EDITOR).post(url, {"comment": ""}).status_code == 302  # back to the article
    article.refresh_from_db()
    assert article.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_editor_cannot_manage_users_or_groups():
    editor = client_for(EDITOR)
    response = editor.post(
        reverse("wagtailusers_users:add"),
        {"username": "indringer", "email": "x@example.org", "password1": "Lang-genoeg-1", "password2": "Lang-genoeg-1"},
    )
    assert response.status_code in (302, 403)
    assert not Group.objects.get(name=ADMIN.label).user_set.filter(username="indringer").exists()
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="indringer").exists()


# --- Moderatoren ---


def test_moderator_approves_and_rejects_comments():
    article = published_article()
    waiting, other = pending_comment(article=article), pending_comment(article=article)
    moderator = client_for(MODERATOR)
    assert moderator.get(reverse("reacties:index")).status_code == 200
    assert moderator.post(reverse("reacties:approve", args=[waiting.pk])).status_code == 302
    assert moderator.post(reverse("reacties:reject", args=[other.pk]), {"reason": "spam"}).status_code == 302
    waiting.refresh_from_db()
    other.refresh_from_db()
    assert (waiting.status, other.status) == (CommentStatus.PUBLISHED, CommentStatus.REJECTED)


def test_moderator_cannot_create_or_edit_articles(parts):
    article = published_article(headline="Origineel")
    moderator = client_for(MODERATOR)
    moderator.post(reverse("wagtailsnippets_newsroom_article:add"), article_form(**parts, headline="Van de moderator"))
    edit = reverse("wagtailsnippets_newsroom_article:edit", args=[article.pk])
    moderator.post(edit, article_form(**parts, article=article, headline="Gewijzigd", **{"action-publish": "1"}))
    assert not Article.objects.filter(headline__in=["Van de moderator", "Gewijzigd"]).exists()
    article.refresh_from_db()
    assert article.headline == "Origineel"


# --- Beheerder ---


def test_admin_publishes_moderates_and_manages_users(parts):
    admin = client_for(ADMIN)
    add = reverse("wagtailsnippets_newsroom_article:add")
    assert admin.post(add, article_form(**parts, **{"action-publish": "action-publish"})).status_code == 302
    assert Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden").live
    comment = pending_comment(article=published_article())
    assert admin.post(reverse("reacties:approve", args=[comment.pk])).status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    response = admin.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "nieuwe-verslaggever",
            "email": "nieuw@example.org",
            "first_name": "Nieuwe",
            "last_name": "Verslaggever",
            "password1": "Een-lang-wachtwoord-1",
            "password2": "Een-lang-wachtwoord-1",
            "groups": [Group.objects.get(name=REPORTER.label).pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Group.objects.get(name=REPORTER.label).user_set.filter(username="nieuwe-verslaggever").exists()


def test_admin_holds_every_permission():
    from django.contrib.auth.models import Permission

    user = member(ADMIN)
    everything = {f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.select_related("content_type")}
    assert everything and all(user.has_perm(perm) for perm in everything)


# --- The sync itself ---


def test_sync_repairs_drift_and_is_idempotent():
    from django.apps import apps
    from django.contrib.auth.models import Permission

    reporter = Group.objects.get(name=REPORTER.label)
    before = set(reporter.permissions.values_list("pk", flat=True))
    # Someone gave reporters user management and removed a right they need.
    reporter.permissions.add(Permission.objects.get(codename="add_user"))
    reporter.permissions.remove(Permission.objects.get(codename="add_article"))
    roles_sync()
    assert set(reporter.permissions.values_list("pk", flat=True)) == before
    sync_roles(apps)  # and again: nothing changes, nothing is duplicated
    assert set(reporter.permissions.values_list("pk", flat=True)) == before
    assert Group.objects.filter(name__in=[role.label for role in Role]).count() == len(ROLES)


def test_sync_command_reports_each_role(capsys):
    Group.objects.get(name=EDITOR.label).delete()
    call_command("tribune_sync_roles")
    out = capsys.readouterr().out
    for role in Role:
        assert f"{role.label}:" in out
    assert Group.objects.get(name=EDITOR.label).permissions.filter(codename="publish_article").exists()


@pytest.mark.django_db(transaction=True)
def test_a_flushed_database_gets_the_roles_back():
    """flush (every transactional test's teardown) sends post_migrate without a model registry."""
    Group.objects.filter(name__in=[role.label for role in Role]).delete()
    call_command("flush", interactive=False, verbosity=0)
    assert set(Group.objects.values_list("name", flat=True)) >= {role.label for role in Role}
    assert Group.objects.get(name=EDITOR.label).permissions.filter(codename="publish_article").exists()
