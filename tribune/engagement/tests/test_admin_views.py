"""The moderation side of the newsroom: the queue, a comment's page and the actions, in Wagtail's admin."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tribune.engagement.models import (
    ArticleEngagement,
    Ban,
    BanKind,
    Comment,
    CommentDecision,
    CommentPolicy,
    CommentReport,
    CommentStatus,
    DecisionAction,
    ModerationMode,
    RejectionReason,
    ReportReason,
    Rule,
)
from tribune.engagement.services import RefusalCode, Refused, comment_report
from tribune.engagement.tests.factories import policy, published_comment, reader
from tribune.newsroom.tests.factories import SectionFactory, published_article

pytestmark = pytest.mark.django_db

QUEUE = "/redactie/reacties/"


# --- helpers (also used by test_admin_queue and test_wagtail_hooks) ---


_bodies = itertools.count(1)


def pending_comment(*, article: Any, body: str = "", **kwargs: Any) -> Comment:
    """A comment the pre-moderation rule sent to the queue."""
    body = body or f"Wacht op een moderator ({next(_bodies)})."
    rules = CommentPolicy(moderation_mode=ModerationMode.PRE)
    comment = published_comment(article=article, body=body, policy=rules, **kwargs)
    assert comment.status == CommentStatus.PENDING
    return comment


def reported_comment(*, article: Any, body: str = "", reasons: tuple[str, ...] = (ReportReason.SPAM,)) -> Comment:
    """A published comment with open reports (fewer than the policy needs to hide it)."""
    body = body or f"Online, maar gemeld ({next(_bodies)})."
    comment = published_comment(article=article, body=body, policy=CommentPolicy(moderation_mode=ModerationMode.POST))
    rules = CommentPolicy(reports_to_hide=0)
    for reason in reasons:
        comment_report(comment=comment, reader=reader(), reason=reason, policy=rules)
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (CommentStatus.PUBLISHED, len(reasons))
    return comment


def reaction_count(article: Any) -> int:
    row = ArticleEngagement.objects.filter(pk=article.pk).first()
    return row.reaction_count if row else 0


def moderators_group() -> Group:
    """The group the data migration makes (made again when a transactional test flushed the database)."""
    import importlib

    from django.apps import apps

    importlib.import_module("tribune.engagement.migrations.0003_moderators_group").create_group(apps, None)
    return Group.objects.get(name="Moderatoren")


def moderator_client(client: Client, django_user_model: Any) -> Client:
    user = django_user_model.objects.create_superuser("moderator", "moderator@example.org", "een-wachtwoord-1")
    client.force_login(user)
    return client


# --- fixtures ---


@pytest.fixture(autouse=True)
def quick_comments(settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0


@pytest.fixture
def admin_client(client, django_user_model):
    return moderator_client(client, django_user_model)


@pytest.fixture
def article():
    policy()
    return published_article(headline="Defour loopt de marathon van Londen")


def _html(response) -> str:
    return response.content.decode()


def _rows(html: str) -> str:
    """The queue's table body (the filters and tabs repeat words the assertions look for)."""
    if 'id="listing-results"' in html:
        html = html[html.index('id="listing-results"') :]
    return html[html.index("<tbody>") : html.index("</tbody>")] if "<tbody>" in html else ""


# --- the queue ---


def test_queue_lists_pending_and_reported_comments_only(admin_client, article):
    pending = pending_comment(article=article, body="Dit wacht nog")
    reported = reported_comment(article=article, body="Dit is gemeld", reasons=(ReportReason.SPAM, ReportReason.HATE))
    published_comment(article=article, body="Dit staat gewoon online")
    rejected = pending_comment(article=article, body="Dit is geweigerd")
    Comment.objects.filter(pk=rejected.pk).update(status=CommentStatus.REJECTED)

    response = admin_client.get(QUEUE)
    assert response.status_code == 200
    rows = _rows(_html(response))
    assert "Dit wacht nog" in rows and "Dit is gemeld" in rows
    assert "Dit staat gewoon online" not in rows and "Dit is geweigerd" not in rows
    # Each row: author, article (linked to the reader page), status, reports with reasons, the rule.
    assert f'href="{article.get_absolute_url()}"' in rows
    assert "Spam of reclame" in rows and "Haatdragend of discriminerend" in rows
    assert str(Rule.PRE_MODERATION.label) in rows and str(Rule.POST_MODERATION.label) in rows
    assert rows.index("Dit is gemeld") < rows.index("Dit wacht nog")  # newest first
    assert reverse("reacties:detail", args=[pending.pk]) in rows
    assert reverse("reacties:approve", args=[reported.pk]) in rows


@pytest.mark.parametrize(
    ("status", "shown", "hidden"),
    [
        ("gemeld", {"gemeld"}, {"wachtend", "online", "geweigerd"}),
        ("geweigerd", {"geweigerd"}, {"wachtend", "online", "gemeld"}),
        ("gepubliceerd", {"online", "gemeld"}, {"wachtend", "geweigerd"}),
        ("alle", {"wachtend", "online", "gemeld", "geweigerd"}, set()),
        ("wachtrij", {"wachtend", "gemeld"}, {"online", "geweigerd"}),
    ],
)
def test_queue_filters_by_status(admin_client, article, status, shown, hidden):
    pending_comment(article=article, body="Reactie wachtend")
    published_comment(article=article, body="Reactie online")
    reported_comment(article=article, body="Reactie gemeld")
    rejected = pending_comment(article=article, body="Reactie geweigerd")
    Comment.objects.filter(pk=rejected.pk).update(status=CommentStatus.REJECTED)

    rows = _rows(_html(admin_client.get(QUEUE, {"status": status})))
    for word in shown:
        assert f"Reactie {word}" in rows, word
    for word in hidden:
        assert f"Reactie {word}" not in rows, word


def test_queue_filters_by_article_section_and_age(admin_client, article):
    other_section = SectionFactory(name="Wielrennen", slug="wielrennen")
    other = published_article(headline="Kopecky wint de Ronde", section=other_section)
    pending_comment(article=article, body="Over de marathon")
    pending_comment(article=other, body="Over de Ronde")
    old = pending_comment(article=other, body="Een oude reactie")
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=10))

    rows = _rows(_html(admin_client.get(QUEUE, {"article": article.pk})))
    assert "Over de marathon" in rows and "Over de Ronde" not in rows

    rows = _rows(_html(admin_client.get(QUEUE, {"section": other_section.pk})))
    assert "Over de Ronde" in rows and "Een oude reactie" in rows and "Over de marathon" not in rows

    rows = _rows(_html(admin_client.get(QUEUE, {"age": "uur"})))
    assert "Over de Ronde" in rows and "Een oude reactie" not in rows
    rows = _rows(_html(admin_client.get(QUEUE, {"age": "vandaag"})))
    assert "Over de Ronde" in rows and "Een oude reactie" not in rows
    rows = _rows(_html(admin_client.get(QUEUE, {"age": "ouder"})))
    assert "Een oude reactie" in rows and "Over de Ronde" not in rows

    # The results fragment (Wagtail refreshes the listing with it) filters the same way.
    fragment = _html(admin_client.get(f"{QUEUE}results/", {"article": other.pk, "age": "week"}))
    assert "Over de Ronde" in fragment and "Over de marathon" not in fragment


@pytest.mark.parametrize("value", ["999999", "abc", "9" * 40, "-1"])
def test_queue_with_an_unknown_article_says_so(admin_client, article, value):
    pending_comment(article=article, body="Over de marathon")
    response = admin_client.get(QUEUE, {"article": value})
    assert response.status_code == 400
    html = _html(response)
    assert "Dat artikel bestaat niet." in html
    assert "Over de marathon" not in _rows(html)


def test_queue_ignores_an_unknown_status_and_age_gracefully(admin_client, article):
    pending_comment(article=article, body="Over de marathon")
    response = admin_client.get(QUEUE, {"status": "bestaat-niet", "age": "eeuwig"})
    assert response.status_code == 400
    assert "Over de marathon" not in _rows(_html(response))


def test_queue_shows_comment_text_as_escaped_plain_text(admin_client, article):
    pending_comment(article=article, body='<script>alert("x")</script> <b>vet</b> & "citaat"')
    html = _html(admin_client.get(QUEUE))
    assert "<script>alert" not in html and "<b>vet</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;vet&lt;/b&gt; &amp;" in html


def test_queue_cuts_long_comments(admin_client, article):
    pending_comment(article=article, body="lang " * 200)
    rows = _rows(_html(admin_client.get(QUEUE)))
    assert "lang " * 50 in rows and "lang " * 100 not in rows


def test_queue_pages_cost_the_same_queries(admin_client, article, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for extra in (3, 60):
        for index in range(extra):
            if index % 3:
                pending_comment(article=article, body=f"Wachtende reactie {extra}-{index}")
            else:
                reported_comment(article=article, body=f"Gemelde reactie {extra}-{index}")
        admin_client.get(QUEUE)
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(QUEUE, {"p": 2 if extra > 3 else 1}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(counts[0]):
        admin_client.get(QUEUE, {"p": 3})


def test_queue_pages_through_both_branches_in_order(admin_client, article):
    made = []
    for index in range(30):
        if index % 2:
            made.append(pending_comment(article=article, body=f"Nummer {index:02d} wacht"))
        else:
            made.append(reported_comment(article=article, body=f"Nummer {index:02d} gemeld"))
    first = _rows(_html(admin_client.get(QUEUE)))
    second = _rows(_html(admin_client.get(QUEUE, {"p": 2})))
    shown = [comment for comment in reversed(made) if comment.body in first]
    assert len(shown) == 25 and [comment.body for comment in shown] == [c.body for c in reversed(made)][:25]
    assert all(comment.body in second for comment in made[:5])
    assert not any(comment.body in second for comment in made[5:])


# --- the actions ---


def test_approve_publishes_the_comment_on_the_article_page_and_counts_it_once(admin_client, article):
    comment = pending_comment(article=article, body="Eindelijk goedgekeurd")
    before = reaction_count(article)
    assert "Eindelijk goedgekeurd" not in _html(admin_client.get(article.get_absolute_url()))

    response = admin_client.post(reverse("reacties:approve", args=[comment.pk]), {"next": QUEUE})
    assert response.status_code == 302 and response["Location"] == QUEUE
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert reaction_count(article) == before + 1
    queue = _html(admin_client.get(QUEUE))
    assert "De reactie van Lezer staat online." in queue  # the Dutch message
    assert "Eindelijk goedgekeurd" not in _rows(queue)
    assert "Eindelijk goedgekeurd" in _html(admin_client.get(article.get_absolute_url()))

    # Approving again changes nothing but the log.
    admin_client.post(reverse("reacties:approve", args=[comment.pk]))
    assert reaction_count(article) == before + 1
    decision = CommentDecision.objects.filter(comment=comment).first()
    assert (decision.action, decision.rule, decision.moderator.username) == (
        DecisionAction.PUBLISHED,
        Rule.MODERATOR,
        "moderator",
    )


def test_approve_a_reported_comment_closes_its_reports(admin_client, article):
    comment = reported_comment(article=article)
    before = reaction_count(article)
    response = admin_client.post(reverse("reacties:approve", args=[comment.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("reacties:detail", args=[comment.pk])
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (CommentStatus.PUBLISHED, 0)
    assert not CommentReport.objects.filter(comment=comment, resolved=False).exists()
    assert reaction_count(article) == before


def test_reject_with_a_reason_logs_it_and_lowers_the_count(admin_client, article):
    comment = published_comment(article=article, body="Dit was online")
    before = reaction_count(article)
    response = admin_client.post(
        reverse("reacties:reject", args=[comment.pk]),
        {"reason": RejectionReason.HATE, "detail": "Over de afkomst van een speler", "next": QUEUE},
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason) == (CommentStatus.REJECTED, RejectionReason.HATE)
    assert reaction_count(article) == before - 1
    decision = CommentDecision.objects.filter(comment=comment).first()
    assert (decision.action, decision.rule, decision.reason, decision.detail) == (
        DecisionAction.REJECTED,
        Rule.MODERATOR,
        RejectionReason.HATE,
        "Over de afkomst van een speler",
    )
    assert "Dit was online" not in _html(admin_client.get(article.get_absolute_url()))


def test_reject_a_pending_comment_leaves_the_count(admin_client, article):
    comment = pending_comment(article=article)
    before = reaction_count(article)
    admin_client.post(reverse("reacties:reject", args=[comment.pk]), {"reason": RejectionReason.SPAM})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
    assert reaction_count(article) == before


@pytest.mark.parametrize("data", [{}, {"reason": ""}, {"reason": "nonsense"}, {"reason": "x" * 5000}])
def test_reject_without_a_valid_reason_is_refused(admin_client, article, data):
    comment = pending_comment(article=article)
    response = admin_client.post(reverse("reacties:reject", args=[comment.pk]), data)
    assert response.status_code == 400
    assert "Kies een reden" in _html(response)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert not CommentDecision.objects.filter(comment=comment, rule=Rule.MODERATOR).exists()


def test_feature_and_unfeature(admin_client, article):
    comment = published_comment(article=article, body="Een pareltje")
    url = reverse("reacties:feature", args=[comment.pk])
    assert admin_client.post(url, {"featured": "1"}).status_code == 302
    comment.refresh_from_db()
    assert comment.is_featured
    assert "comment--featured" in _html(admin_client.get(article.get_absolute_url()))
    assert admin_client.post(url, {"featured": "0"}).status_code == 302
    comment.refresh_from_db()
    assert not comment.is_featured
    actions = list(
        CommentDecision.objects.filter(comment=comment, rule=Rule.MODERATOR).values_list("action", flat=True)
    )
    assert actions == [DecisionAction.UNFEATURED, DecisionAction.FEATURED]


def test_feature_refuses_a_pending_comment_and_bad_input(admin_client, article):
    comment = pending_comment(article=article)
    url = reverse("reacties:feature", args=[comment.pk])
    response = admin_client.post(url, {"featured": "1"})
    assert response.status_code == 400
    assert "Alleen een gepubliceerde reactie kan uitgelicht worden." in _html(response)
    assert admin_client.post(url, {"featured": "misschien"}).status_code == 400
    assert admin_client.post(url, {}).status_code == 400
    comment.refresh_from_db()
    assert not comment.is_featured


def test_ban_blocks_the_writer_and_refuses_their_next_comment(admin_client, article):
    who = reader("lastpost", address="198.51.100.7")
    comment = published_comment(article=article, body="Scheldpartij", reader=who)
    waiting = pending_comment(article=article, body="Nog een scheldpartij", reader=who)
    before = reaction_count(article)
    response = admin_client.post(reverse("reacties:ban", args=[comment.pk]), {"reason": RejectionReason.ABUSE})
    assert response.status_code == 302
    assert set(Ban.objects.values_list("kind", "value_hash", "reason")) == {
        (BanKind.ADDRESS, who.address_hash, RejectionReason.ABUSE),
        (BanKind.READER, who.reader_hash, RejectionReason.ABUSE),
    }
    assert set(Comment.objects.filter(pk__in=[comment.pk, waiting.pk]).values_list("status", flat=True)) == {
        CommentStatus.REJECTED
    }
    assert reaction_count(article) == before - 1
    assert CommentDecision.objects.filter(comment=comment, action=DecisionAction.AUTHOR_BANNED).exists()
    detail = _html(admin_client.get(reverse("reacties:detail", args=[comment.pk])))
    assert "Deze schrijver is geblokkeerd" in detail

    with pytest.raises(Refused) as refusal:
        published_comment(article=article, body="Ik ben terug", reader=who)
    assert refusal.value.code == RefusalCode.BANNED
    # Another browser behind the same address is blocked too (the hashed address).
    with pytest.raises(Refused):
        published_comment(article=article, body="Ik ben terug", reader=reader("nieuw", address="198.51.100.7"))


@pytest.mark.parametrize("data", [{}, {"reason": "weet niet"}])
def test_ban_without_a_valid_reason_is_refused(admin_client, article, data):
    comment = published_comment(article=article)
    response = admin_client.post(reverse("reacties:ban", args=[comment.pk]), data)
    assert response.status_code == 400
    assert "reden" in _html(response)
    assert not Ban.objects.exists()


@pytest.mark.parametrize("action", ["detail", "approve", "reject", "feature", "ban"])
def test_unknown_comment_is_a_clear_404(admin_client, action):
    url = reverse(f"reacties:{action}", args=[987654])
    response = admin_client.get(url) if action == "detail" else admin_client.post(url, {"reason": "spam"})
    assert response.status_code == 404
    assert "Die reactie bestaat niet (meer)." in _html(response)


@pytest.mark.parametrize("path", ["99999999999999999999/", "abc/goedkeuren/", "-1/weigeren/"])
def test_malformed_ids_are_404_not_500(admin_client, path):
    assert admin_client.post(f"{QUEUE}{path}").status_code == 404


def test_actions_take_only_post(admin_client, article):
    comment = pending_comment(article=article)
    for action in ("approve", "reject", "feature", "ban"):
        assert admin_client.get(reverse(f"reacties:{action}", args=[comment.pk])).status_code == 405
    assert admin_client.get(reverse("reacties:bulk")).status_code == 405
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_actions_need_the_csrf_token(django_user_model, article):
    client = Client(enforce_csrf_checks=True)
    moderator_client(client, django_user_model)
    comment = pending_comment(article=article)
    assert client.post(reverse("reacties:approve", args=[comment.pk])).status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_forms_in_the_queue_post_with_csrf(admin_client, article):
    pending_comment(article=article)
    html = _html(admin_client.get(QUEUE))
    assert html.count('name="csrfmiddlewaretoken"') >= 3  # approve, reject, bulk


def test_next_must_stay_on_this_site(admin_client, article):
    comment = pending_comment(article=article)
    response = admin_client.post(reverse("reacties:approve", args=[comment.pk]), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("reacties:detail", args=[comment.pk])


# --- a comment's page ---


def test_detail_shows_the_comment_its_reports_and_its_decision_log(admin_client, article):
    comment = reported_comment(article=article, body="Lijn één\n<i>lijn twee</i>", reasons=(ReportReason.PRIVACY,))
    admin_client.post(reverse("reacties:reject", args=[comment.pk]), {"reason": RejectionReason.PRIVACY})
    response = admin_client.get(reverse("reacties:detail", args=[comment.pk]))
    assert response.status_code == 200
    html = _html(response)
    assert "&lt;i&gt;lijn twee&lt;/i&gt;" in html
    assert "Schendt iemands privacy" in html  # the report's reason and the rejection's
    log = html[html.index("data-decision-log") :]
    assert log.index("Geweigerd") < log.index("Gepubliceerd")  # newest first
    assert "moderator" in log and "automatisch" in log
    assert str(Rule.MODERATOR.label) in log and str(Rule.POST_MODERATION.label) in log


# --- bulk ---


def test_bulk_approve_and_reject(admin_client, article):
    first, second, third = (pending_comment(article=article, body=f"Bulk {n}") for n in range(3))
    before = reaction_count(article)
    response = admin_client.post(
        reverse("reacties:bulk"), {"id": [first.pk, second.pk], "action": "approve", "next": QUEUE}
    )
    assert response.status_code == 302 and response["Location"] == QUEUE
    assert reaction_count(article) == before + 2
    assert "2 reacties goedgekeurd." in _html(admin_client.get(QUEUE))

    response = admin_client.post(
        reverse("reacties:bulk"), {"id": [second.pk, third.pk], "action": "reject", "reason": RejectionReason.SPAM}
    )
    assert response.status_code == 302
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "published", second.pk: "rejected", third.pk: "rejected"}
    assert reaction_count(article) == before + 1
    assert CommentDecision.objects.filter(comment=third, reason=RejectionReason.SPAM).exists()


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"action": "approve"}, 400, "Selecteer minstens één reactie."),
        ({"id": ["1"], "action": "wissen"}, 400, "Kies een actie"),
        ({"id": ["{pk}"], "action": "reject"}, 400, "Kies een reden om te weigeren."),
        ({"id": ["{pk}"], "action": "reject", "reason": "nonsense"}, 400, "Kies een reden"),
        ({"id": ["abc"], "action": "approve"}, 400, "Die selectie klopt niet."),
        ({"id": ["{pk}", "987654"], "action": "approve"}, 404, "bestaan niet"),
        ({"id": [str(n) for n in range(1, 102)], "action": "approve"}, 400, "hoogstens 100"),
    ],
)
def test_bulk_refuses_bad_input(admin_client, article, data, status, message):
    comment = pending_comment(article=article)
    data = {**data, "id": [value.replace("{pk}", str(comment.pk)) for value in data.get("id", [])]}
    response = admin_client.post(reverse("reacties:bulk"), data)
    assert response.status_code == status
    assert message in _html(response)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


# --- who may moderate ---


@pytest.fixture
def staff_client(client, django_user_model):
    """A newsroom editor: into the admin, but not a moderator."""
    user = django_user_model.objects.create_user("redacteur", "r@example.org", "een-wachtwoord-2", is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    client.force_login(user)
    return client


def test_a_non_moderator_cannot_see_or_act(staff_client, article):
    comment = pending_comment(article=article)
    assert staff_client.get("/redactie/").status_code == 200
    for url in (QUEUE, f"{QUEUE}results/", reverse("reacties:detail", args=[comment.pk])):
        response = staff_client.get(url)
        assert response.status_code in (302, 403), url
    for action in ("approve", "reject", "feature", "ban"):
        response = staff_client.post(reverse(f"reacties:{action}", args=[comment.pk]), {"reason": "spam"})
        assert response.status_code in (302, 403), action
    assert staff_client.post(reverse("reacties:bulk"), {"id": [comment.pk], "action": "approve"}).status_code in (
        302,
        403,
    )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert not Ban.objects.exists()


def test_anonymous_visitors_go_to_the_login(client, article):
    comment = pending_comment(article=article)
    response = client.post(reverse("reacties:approve", args=[comment.pk]))
    assert response.status_code == 302 and "/redactie/login/" in response["Location"]
    assert client.get(QUEUE).status_code == 302


def test_the_moderatoren_group_may_moderate(client, django_user_model, article):
    group = moderators_group()
    user = django_user_model.objects.create_user("mod", "mod@example.org", "een-wachtwoord-3")
    user.groups.add(group)
    client.force_login(user)
    comment = pending_comment(article=article, body="Mag het online?")
    assert "Mag het online?" in _rows(_html(client.get(QUEUE)))
    assert client.post(reverse("reacties:approve", args=[comment.pk])).status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
