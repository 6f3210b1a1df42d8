"""A reader in a real browser: home, an article from "Meest recent", its LEES OOK link."""

from __future__ import annotations

import pytest

from tribune.tests.conftest import DESKTOP, PHONE, full_screenshot
from tribune.tests.content import EXTERNAL_URL, MAIN_HEADLINE, READ_ALSO_HEADLINE, READER_QUESTION, build_reader_site

# transaction=True: the live server thread must see the test's data. (No serialized_rollback:
# Playwright's greenlets give the test a different connection object than the one Django
# serialized, so build_reader_site() makes the Wagtail rows it needs itself.)
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_follows_meest_recent_and_lees_ook(live_server, new_page, artifacts):
    site = build_reader_site(extra_articles=4)
    page = new_page(viewport=PHONE)
    page.goto(live_server.url + "/")
    full_screenshot(page, artifacts / "home-phone.png")

    recent = page.locator("aside.recent")
    assert recent.locator("h2").inner_text() == "Meest recent"
    recent.get_by_role("link", name=MAIN_HEADLINE).click()
    page.wait_for_url(f"**{site.article.get_absolute_url()}")
    _assert_article_anatomy(page, site)
    full_screenshot(page, artifacts / "article-phone.png")

    page.locator(".read-also a").click()
    page.wait_for_url(f"**{site.read_also.get_absolute_url()}")
    assert page.locator("h1").inner_text() == READ_ALSO_HEADLINE

    desktop = new_page(viewport=DESKTOP)
    desktop.goto(live_server.url + site.article.get_absolute_url())
    # Beside the article on a wide screen, below it on a phone.
    article_box = desktop.locator("article.article").bounding_box()
    recent_box = desktop.locator("aside.recent").bounding_box()
    assert recent_box["x"] > article_box["x"] + article_box["width"] - 1
    full_screenshot(desktop, artifacts / "article-desktop.png")
    desktop.goto(live_server.url + "/")
    full_screenshot(desktop, artifacts / "home-desktop.png")


def _assert_article_anatomy(page, site) -> None:
    article = page.locator("article.article")
    section = article.locator(".article__section a")
    assert section.inner_text().strip().lower() == "voetbal"
    assert section.get_attribute("href") == "/voetbal/"
    assert page.locator("h1").count() == 1
    assert article.locator("h1").inner_text() == MAIN_HEADLINE

    byline = article.locator(".article__byline")
    assert byline.inner_text().startswith("door ")
    assert byline.locator("a[rel=author]").evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        "/auteur/jan-peeters/",
        "/auteur/sofie-claes/",
    ]
    assert article.locator(".article__dates time[datetime]").count() >= 1
    assert article.locator(".article__lead").inner_text() == site.article.lead
    assert article.locator(".article__figure img[fetchpriority=high]").count() == 1

    body = article.locator(".article__body")
    assert body.locator("h2.article__subheading").inner_text() == "Voor het goede doel"
    read_also = body.locator(".read-also")
    assert read_also.inner_text().startswith("LEES OOK:")
    assert read_also.locator("a").get_attribute("href") == site.read_also.get_absolute_url()
    card = body.locator(".link-card a")
    assert card.get_attribute("href") == EXTERNAL_URL
    assert "strava.com" in card.inner_text().lower()
    assert body.locator("blockquote").count() == 1
    assert body.locator("figure img").count() == 1

    # The reader question closes the article body.
    last = body.locator(":scope > *").last
    assert "reader-question" in (last.get_attribute("class") or "")
    assert last.locator(".reader-question__question").inner_text() == READER_QUESTION

    tags = article.locator(".article__tags a")
    assert tags.evaluate_all("links => links.map(a => a.textContent.trim())") == [
        "Steven Defour",
        "KV Mechelen",
        "Jupiler Pro League",
    ]
