"""An editor writes an article with every block in Wagtail's admin and publishes it.

Selectors are field names, ids and Wagtail's data attributes (chooser buttons,
modal choices, stream children), not the admin's translated labels; the block
menu is chosen by the labels Tribune itself gives its blocks (tribune/newsroom/blocks.py).
"""

from __future__ import annotations

import time
from contextlib import contextmanager

import pytest
from django.contrib.auth import get_user_model

from tribune.newsroom.blocks import ArticleBodyBlock
from tribune.newsroom.models import Article
from tribune.tests.conftest import DESKTOP, PHONE, full_screenshot
from tribune.tests.content import build_reader_site

# transaction=True: the live server thread must see the test's data. (No serialized_rollback:
# Playwright's greenlets give the test a different connection object than the one Django
# serialized, so build_reader_site() makes the Wagtail rows it needs itself.)
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

USERNAME, PASSWORD = "redacteur", "een-lang-wachtwoord-voor-de-test"
HEADLINE = "Lotte Kopecky wint Ronde van Vlaanderen na solo van 30 kilometer"
LEAD = "De wereldkampioene reed weg op de Paterberg en hield stand tot in Oudenaarde."
EXTERNAL_URL = "https://www.rondevanvlaanderen.be/nl/uitslagen"
QUESTION = "Wint Kopecky dit jaar ook Parijs-Roubaix?"


def test_editor_publishes_an_article_with_every_block(live_server, new_page, artifacts):
    site = build_reader_site(extra_articles=2)
    get_user_model().objects.create_superuser(USERNAME, "redacteur@example.org", PASSWORD)
    section, author, tag, image = site.sections[1], site.authors[1], site.tags[2], site.image
    page = new_page(viewport=DESKTOP)
    base = live_server.url

    with _screenshot_on_failure(page, artifacts / "newsroom-failure.png"):
        page.goto(f"{base}/redactie/")
        page.wait_for_url("**/redactie/login/**")
        page.fill("input[name=username]", USERNAME)
        page.fill("input[name=password]", PASSWORD)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(f"{base}/redactie/")

        page.goto(f"{base}/redactie/snippets/newsroom/article/")
        page.locator("a[href$='/snippets/newsroom/article/add/']").first.click()
        page.wait_for_url("**/snippets/newsroom/article/add/")
        page.fill("#id_headline", HEADLINE)
        page.fill("#id_lead", LEAD)
        _choose(page, "#id_section-chooser", section.pk, "#id_section")
        _choose(page, "#id_author_links-0-author-chooser", author.pk, "#id_author_links-0-author")
        _choose(page, "#id_image-chooser", image.pk, "#id_image")

        n = _add_block(page, "Alinea", "paragraph")
        _child(page, n).locator("[contenteditable=true]").click()  # Draftail
        page.keyboard.type("Kopecky viel aan op de Oude Kwaremont en was niet meer te volgen.")
        n = _add_block(page, "Tussenkop", "subheading")
        page.fill(f"[name='body-{n}-value']", "Een aanval van ver")
        n = _add_block(page, "Lees ook", "read_also")
        _choose(page, f"#body-{n}-value-chooser", site.read_also.pk, f"[name='body-{n}-value']")
        n = _add_block(page, "Afbeelding", "image")
        _choose(page, f"#body-{n}-value-image-chooser", image.pk, f"[name='body-{n}-value-image']")
        page.fill(f"[name='body-{n}-value-caption']", "Kopecky op de Paterberg")
        n = _add_block(page, "Externe link", "external_link")
        page.fill(f"[name='body-{n}-value-url']", EXTERNAL_URL)
        page.fill(f"[name='body-{n}-value-title']", "De volledige uitslag")
        page.fill(f"[name='body-{n}-value-description']", "Alle renners, met hun tijden.")
        n = _add_block(page, "Citaat", "quote")
        page.fill(f"[name='body-{n}-value-text']", "Ik wist dat ik het kon.")
        page.fill(f"[name='body-{n}-value-attribution']", "Lotte Kopecky")
        n = _add_block(page, "Vraag aan de lezers", "reader_question")
        page.fill(f"[name='body-{n}-value-question']", QUESTION)

        page.locator("#id_tag_links-ADD").click()
        _choose(page, "#id_tag_links-0-tag-chooser", tag.pk, "#id_tag_links-0-tag")

        # Publishing sits in the footer's action menu, behind the "save draft" button.
        footer = page.locator("footer")
        footer.locator("[data-w-dropdown-target=toggle]").last.click()
        footer.locator("button[name=action-publish]").click()
        page.wait_for_url("**/redactie/snippets/newsroom/article/**")
        # Autosave may have moved the page to the edit URL already, which the pattern matches too:
        # wait for the publication itself rather than for an address.
        deadline = time.monotonic() + 20
        while not Article.objects.filter(headline=HEADLINE, live=True).exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        page.screenshot(path=artifacts / "newsroom-published.png")

        article = Article.objects.get(headline=HEADLINE)
        assert article.live
        assert [block.block_type for block in article.body] == list(
            ArticleBodyBlock().child_blocks
        )  # every block, in the order the editor added them

        reader = new_page(viewport=PHONE)
        reader.goto(f"{base}/")
        first = reader.locator("aside.recent .recent__item").first
        assert first.locator(".recent__headline").inner_text() == HEADLINE
        first.locator("a.recent__link").click()
        reader.wait_for_url(f"**{article.get_absolute_url()}")
        body = reader.locator(".article__body")
        assert reader.locator("h1").inner_text() == HEADLINE
        assert reader.locator(".article__byline a").inner_text() == author.name
        assert "Oude Kwaremont" in body.locator(".rich-text").inner_text()
        assert body.locator(".read-also a").get_attribute("href") == site.read_also.get_absolute_url()
        assert body.locator(".link-card a").get_attribute("href") == EXTERNAL_URL
        assert body.locator(".reader-question__question").inner_text() == QUESTION
        assert reader.locator(".article__tags a").inner_text() == tag.name
        full_screenshot(reader, artifacts / "newsroom-article-phone.png")


def _child(page, n: int):
    return page.locator(f"#panel-body-content [data-streamfield-child]:has(> input[name='body-{n}-order'])")


def _add_block(page, label: str, block_type: str) -> int:
    """Append a block through the stream's last "+" menu; return its form index."""
    n = page.locator("#panel-body-content [data-streamfield-child]").count()
    page.locator("#panel-body-content .c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()
    assert page.locator(f"input[name='body-{n}-type']").input_value() == block_type
    return n


def _choose(page, chooser: str, pk: int, field: str) -> None:
    """Open a chooser modal, pick the object with this primary key, wait for the field to hold it."""
    page.locator(f"{chooser} [data-chooser-action-choose]").first.click()
    page.locator(f".modal [data-chooser-modal-choice][href$='/chosen/{pk}/']:visible").first.click()
    page.locator(".modal").wait_for(state="hidden")
    assert page.locator(field).input_value() == str(pk)


@contextmanager
def _screenshot_on_failure(page, path):
    try:
        yield
    except Exception:
        page.screenshot(path=path, full_page=True)
        raise
