"""Readers in a real browser: comment, reply, like, report and vote, with and without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tribune.engagement.models import ArticleEngagement, Comment, CommentReport, PollOption
from tribune.engagement.tests.factories import POLL_QUESTION, policy, poll_article
from tribune.tests.conftest import PHONE, TIMEOUT_MS, full_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def quick_forms(settings):
    # A person takes seconds to type; the test types instantly.
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0


@pytest.fixture
def article():
    policy()  # post-moderation, on a default site made for this transactional test
    return poll_article(headline="Defour loopt de marathon van Londen in 3:26")


def _context(browser, *, javascript: bool):
    context = browser.new_context(viewport=PHONE, locale="nl-BE", java_script_enabled=javascript)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def _write(page, name: str, text: str) -> None:
    form = page.locator("[data-comment-form]")
    form.get_by_label("Naam").fill(name)
    form.get_by_label("Uw reactie").fill(text)
    form.get_by_role("button", name="Plaatsen").click()


def test_reader_with_javascript_posts_replies_likes_and_votes_in_place(live_server, browser, article, artifacts):
    context = _context(browser, javascript=True)
    page = context.new_page()
    url = live_server.url + article.get_absolute_url()
    page.goto(url)
    page.wait_for_selector("html[data-comments-ready]", state="attached")  # comments.js loads after the page
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads

    _write(page, "Sportfan", "Knap gedaan, Steven!")
    status = page.locator("[data-comments-status]")
    status.get_by_text("Bedankt, uw reactie staat online.").wait_for()
    first = page.locator(".comment-list > .comment").first
    assert "Knap gedaan, Steven!" in first.locator(".comment__body").inner_text()

    first.get_by_role("button", name="Goed punt").click()
    # A locator, not wait_for_function: that evals its text in the page, which the reader CSP refuses.
    expect(page.locator("[data-like-count]").first).to_have_text("1")
    assert first.locator("[data-like]").get_attribute("aria-pressed") == "true"

    first.get_by_role("link", name="Antwoorden").click()
    assert page.locator("[data-reply-title]").inner_text() == "Antwoord op Sportfan"
    page.locator("[data-comment-form]").get_by_label("Naam").fill("Tweede lezer")
    page.locator("[data-comment-form]").get_by_label("Uw reactie").fill("Helemaal mee eens.")
    page.locator("[data-comment-form]").get_by_role("button", name="Plaatsen").click()
    first.locator(".comment-replies .comment__body").get_by_text("Helemaal mee eens.").wait_for()

    poll = page.locator(".reader-question")
    assert poll.locator(".reader-question__question").inner_text() == POLL_QUESTION
    poll.get_by_label("Nee").check()
    poll.get_by_role("button", name="Stem").click()
    poll.locator(".poll__results").wait_for()
    assert "100%" in poll.locator(".poll__result--mine").inner_text()
    assert page.evaluate("window.__sameDocument") is True
    full_screenshot(page, artifacts / "comments-phone.png")

    assert Comment.objects.filter(article=article).count() == 2
    assert ArticleEngagement.objects.get(pk=article.pk).reaction_count == 2
    assert list(PollOption.objects.filter(poll_id=article.pk).values_list("votes", flat=True)) == [0, 1, 0]

    # The new count is on the home page's teaser at once.
    page.goto(live_server.url + "/")
    teaser = page.locator(".recent__item").filter(has_text=article.headline)
    assert teaser.locator(".reactions").get_attribute("title") == "2 reacties"
    context.close()


def test_reader_without_javascript_posts_likes_reports_and_votes(live_server, browser, article):
    context = _context(browser, javascript=False)
    page = context.new_page()
    url = live_server.url + article.get_absolute_url()
    page.goto(url)

    _write(page, "Zonder script", "Het werkt ook zo.")
    page.wait_for_url(f"**{article.get_absolute_url()}#reactie-*")
    assert page.get_by_text("Bedankt, uw reactie staat online.").is_visible()
    comment = page.locator(".comment-list > .comment").first
    assert comment.locator(".comment__body").inner_text() == "Het werkt ook zo."

    comment.get_by_role("button", name="Goed punt").click()
    page.wait_for_url("**#reactie-*")
    assert page.get_by_text("Bedankt voor uw waardering.").is_visible()
    assert page.locator("[data-like-count]").first.inner_text() == "1"
    # Liking again changes nothing.
    page.locator(".comment-list > .comment").first.get_by_role("button", name="Goed punt").click()
    assert page.get_by_text("U vond deze reactie al goed.").is_visible()
    assert page.locator("[data-like-count]").first.inner_text() == "1"

    page.locator(".comment-list > .comment").first.get_by_role("link", name="Melden").click()
    page.get_by_label("Beledigend of intimiderend").check()
    page.get_by_role("button", name="Melden").click()
    page.wait_for_url(f"**{article.get_absolute_url()}#reactie-*")
    assert page.get_by_text("Bedankt. De redactie bekijkt uw melding.").is_visible()
    assert CommentReport.objects.get().reason == "abuse"

    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Stem").click()
    page.wait_for_url("**#lezersvraag")
    assert page.get_by_text("Bedankt voor uw stem.").is_visible()
    assert "100%" in page.locator(".poll__result--mine").inner_text()

    # A refused comment comes back with what was typed and the reason.
    page.locator("[data-comment-form]").get_by_label("Naam").fill("Zonder script")
    page.locator("[data-comment-form]").get_by_role("button", name="Plaatsen").click()
    assert page.get_by_role("alert").inner_text() == "Vul uw reactie in."
    assert page.locator("[data-comment-form]").get_by_label("Naam").input_value() == "Zonder script"
    context.close()
