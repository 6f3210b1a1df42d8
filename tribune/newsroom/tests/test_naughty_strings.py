"""Every naughty string through the newsroom's article form (Wagtail's real admin views, a logged-in
editor): as headline, as lead and as a rich-text paragraph. Each is stored and, once published,
reads back exactly from the article page's HTML and the API's JSON, or the form is refused with a
400 and a Dutch message. Runs in both passes (SQLite and PostgreSQL).

What "exactly" means per field:
- headline and lead: the text of the page's <h1>/lead paragraph and the API's `headline`/`lead` equal
  the input with surrounding whitespace stripped (Django's form fields strip; documented in README).
- rich text: an editor types plain characters into Draftail, which posts them as contentstate (one
  block, line breaks inside it as "\\n"). Markup typed as text stays text: the paragraph's HTML holds
  it escaped, and the text of the rendered paragraph (page and the API's `html`, parsed, `<br>` read
  as a line break) equals what was typed.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tribune.core.tests.naughty import NUL_STRINGS, element_texts, naughty_strings, with_class
from tribune.distribution.structured_data import cut_headline
from tribune.newsroom.models import HEADLINE_MAX_LENGTH, LEAD_MAX_LENGTH, Article
from tribune.newsroom.tests.factories import (
    AuthorFactory,
    SectionFactory,
    article_form_data,
    draftail_text,
    superuser_client,
)

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_newsroom_article:add"
EDIT_URL = "wagtailsnippets_newsroom_article:edit"
PUBLISH = {"action-publish": "action-publish"}


@pytest.fixture
def editor() -> Client:
    return superuser_client()


@pytest.fixture
def parts() -> dict[str, Any]:
    return {"section": SectionFactory(slug="voetbal", name="Voetbal"), "author": AuthorFactory()}


def article_form(parts: dict[str, Any], *, headline: str, lead: str, paragraphs: list[str]) -> dict[str, Any]:
    return article_form_data(
        section=parts["section"],
        authors=[{"author": parts["author"].pk}],
        headline=headline,
        lead=lead,
        body=[("paragraph", draftail_text(text)) for text in paragraphs],
    )


def paragraph_texts(html: str) -> list[str]:
    return element_texts(html, with_class("rich-text", tag="div")).get("rich-text", [])


# Headlines and leads are packed, many strings to one article, joined by a character BLNS lacks:
# one article per string would cost a minute per database. Each string still crosses every step
# (form field, slug, page, JSON-LD, API); only the form's stripping applies to a pack's two ends.
SEPARATOR = " \u2016 "


def packs(strings: list[str], max_length: int) -> list[list[str]]:
    """`strings` in order, grouped so that each group joined by SEPARATOR fits `max_length`."""
    groups: list[list[str]] = [[]]
    for text in strings:
        if groups[-1] and len(SEPARATOR.join([*groups[-1], text])) > max_length:
            groups.append([])
        groups[-1].append(text)
    return groups


def accepted_as_field(text: str, max_length: int) -> bool:
    # Django's CharField: NUL refused, surrounding whitespace stripped, then required and max_length.
    return "\x00" not in text and bool(text.strip()) and len(text.strip()) <= max_length


def publish(editor: Client, parts: dict[str, Any], **fields: Any) -> Any:
    return editor.post(reverse(ADD_URL), {**article_form(parts, **fields), **PUBLISH})


def error_messages(html: str) -> list[str]:
    texts = element_texts(html, with_class("error-message"))
    return [" ".join(text.split()) for text in texts.get("error-message", [])]


def test_every_naughty_string_is_published_exactly_from_the_article_form(editor, parts, capsys):
    started = time.perf_counter()
    strings = [text for text in naughty_strings() if text not in NUL_STRINGS]
    headlines = packs([t for t in strings if accepted_as_field(t, HEADLINE_MAX_LENGTH)], HEADLINE_MAX_LENGTH)
    leads = packs([t for t in strings if accepted_as_field(t, LEAD_MAX_LENGTH)], LEAD_MAX_LENGTH)
    count = len(headlines)
    assert count > len(leads)
    api = Client()
    for index, headline_pack in enumerate(headlines):
        headline = SEPARATOR.join(headline_pack)
        lead = SEPARATOR.join(leads[index]) if index < len(leads) else f"Intro {index}"
        paragraphs = strings[index::count]
        response = publish(editor, parts, headline=headline, lead=lead, paragraphs=paragraphs)
        assert response.status_code == 302, (headline, lead, error_messages(response.content.decode()))
        article = Article.objects.order_by("-pk").first()
        assert article is not None and article.live
        expected = {"headline": headline.strip(), "lead": lead.strip()}
        assert (article.headline, article.lead) == (expected["headline"], expected["lead"])

        page = api.get(article.get_absolute_url())
        assert page.status_code == 200, (headline, article.get_absolute_url())
        html = page.content.decode()
        shown = element_texts(html, lambda tag, attrs, _ids: {"h1": "headline", "title": "title"}.get(tag))
        lead_shown = element_texts(html, with_class("article__lead", tag="p"))
        assert shown["headline"] == [expected["headline"]]
        assert lead_shown["article__lead"] == [expected["lead"]]
        assert shown["title"][0].startswith(expected["headline"] + " · ")
        # Markup typed as text stays text: the page holds exactly the paragraphs typed.
        assert paragraph_texts(html) == paragraphs
        # The structured data is still one JSON document with the article's headline in it.
        scripts = element_texts(
            html, lambda tag, attrs, _ids: "ld" if attrs.get("type") == "application/ld+json" else None
        )
        blocks = [json.loads(text) for text in scripts["ld"]]
        items = [item for block in blocks for item in (block if isinstance(block, list) else [block])]
        news = [item for item in items if item.get("@type") == "NewsArticle"]
        assert [item["headline"] for item in news] == [cut_headline(expected["headline"])]

        data = api.get(f"/api/v1/articles/{article.pk}").json()
        assert (data["headline"], data["lead"]) == (expected["headline"], expected["lead"])
        assert [block["type"] for block in data["body"]] == ["paragraph"] * len(paragraphs)
        assert [paragraph_texts(f'<div class="rich-text">{block["html"]}</div>')[0] for block in data["body"]] == (
            paragraphs
        )
    with capsys.disabled():
        print(
            f"\n[naughty article form] {len(strings)} strings in {count} articles "
            f"({len(leads)} lead packs): {time.perf_counter() - started:.1f} s"
        )


# What Django's Dutch messages say for each refusal of a headline or lead.
FIELD_REFUSALS = {
    "nul": "Null-tekens zijn niet toegestaan.",
    "empty": "Dit is een verplicht veld.",
}


@pytest.mark.parametrize("field", ["headline", "lead", "paragraph"])
def test_refused_strings_answer_400_with_a_dutch_message_and_store_nothing(editor, parts, field):
    strings = naughty_strings()
    limit = {"headline": HEADLINE_MAX_LENGTH, "lead": LEAD_MAX_LENGTH, "paragraph": None}[field]
    refused = NUL_STRINGS if limit is None else [text for text in strings if not accepted_as_field(text, limit)]
    assert len(refused) >= len(NUL_STRINGS)
    for text in refused:
        fields = {"headline": "Kop", "lead": "Intro", "paragraphs": ["Alinea"]}
        fields["paragraphs" if field == "paragraph" else field] = [text] if field == "paragraph" else text
        response = publish(editor, parts, **fields)
        assert response.status_code == 400, (field, text, response.status_code)
        html = response.content.decode()
        # Field errors are in the page; a block's errors are in the stream's JSON that the editor draws.
        messages = error_messages(html) + re.findall(r"&quot;messages&quot;: \[&quot;(.*?)&quot;", html)
        if "\x00" in text:
            expected = FIELD_REFUSALS["nul"]
        elif not text.strip():
            expected = FIELD_REFUSALS["empty"]
        else:
            expected = f"Zorg dat deze waarde niet meer dan {limit} tekens bevat (het zijn er nu {len(text.strip())})."
        assert expected in messages, (field, text, messages)
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("headline", "slug", "expected"),
    [
        ("<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(1)>", "", "body-onload-alert1"),
        ("Kop", "Mijn_Eigen__Slug", "mijn-eigen-slug"),
        ("\u7530\u4e2d\u3055\u3093", "", "artikel"),
    ],
)
def test_every_published_article_has_an_address_the_reader_urls_accept(editor, parts, headline, slug, expected):
    # slugify keeps underscores and a typed slug may hold capitals; the reader URLs take neither.
    form = article_form(parts, headline=headline, lead="Intro", paragraphs=["Alinea"])
    response = editor.post(reverse(ADD_URL), {**form, "slug": slug, **PUBLISH})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug == expected
    assert Client().get(article.get_absolute_url()).status_code == 200
