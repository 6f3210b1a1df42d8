"""The newsroom works through Wagtail's admin: write, schedule, publish, list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from tribune.newsroom.blocks import ArticleBodyBlock
from tribune.newsroom.models import Article
from tribune.newsroom.tests.factories import (
    AuthorFactory,
    NewsImageFactory,
    SectionFactory,
    article_form_data,
    published_article,
    superuser_client,
)
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    return superuser_client(client)


def _form(*, section, author, tag, image, other, headline="Nieuwe trainer voor KV Scheldeboorden", **extra):
    return article_form_data(
        section=section,
        authors=[{"author": author.pk}],
        tags=[{"tag": tag.pk}],
        image=image,
        headline=headline,
        lead="De club stelt vandaag een nieuwe trainer voor na een woelige week.",
        body=[
            (
                "paragraph",
                rich_text("<p>Eerste <b>alinea</b> met een <a href='https://example.org'>link</a>.</p>"),
            ),
            ("subheading", "Een nieuwe start"),
            ("read_also", other.pk),
            ("image", {"image": image.pk, "caption": "Op training"}),
            (
                "external_link",
                {"url": "https://www.strava.com/activities/1", "title": "Op Strava", "description": ""},
            ),
            ("quote", {"text": "We beginnen opnieuw.", "attribution": "De voorzitter"}),
            (
                "reader_question",
                {
                    "question": "Is dit de juiste keuze?",
                    "kind": "poll",
                    "options": {
                        "count": 2,
                        "0": {"value": "Ja", "deleted": "", "order": 0},
                        "1": {"value": "Nee", "deleted": "", "order": 1},
                    },
                    "closed": "",
                },
            ),
        ],
        **extra,
    )


@pytest.fixture
def parts():
    section = SectionFactory(slug="voetbal", name="Voetbal")
    return {
        "section": section,
        "author": AuthorFactory(),
        "tag": TagFactory(),
        "image": NewsImageFactory(),
        "other": published_article(headline="Vorige trainer ontslagen", section=section),
    }


def test_newsroom_writes_and_publishes_an_article_with_every_block(editor_client, parts):
    url = reverse("wagtailsnippets_newsroom_article:add")
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, _form(**parts, **{"action-publish": "action-publish"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")
    assert article.live
    assert [block.block_type for block in article.body] == list(
        ArticleBodyBlock().child_blocks
    )  # every block, in the order the editor added them
    home = editor_client.get("/").content.decode()
    recent = home[home.index("Meest recent") :]
    assert recent.index(article.headline) < recent.index("Vorige trainer ontslagen")
    # Publishing made the reader question's poll.
    assert [option.label for option in article.poll.options.all()] == ["Ja", "Nee"]
    page = editor_client.get(article.get_absolute_url())
    assert page.status_code == 200
    assert "LEES OOK:" in page.content.decode()


def test_newsroom_schedules_an_article(editor_client, parts):
    go_live = timezone.localtime(timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    response = editor_client.post(
        reverse("wagtailsnippets_newsroom_article:add"),
        _form(**parts, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "action-publish"}),
    )
    assert response.status_code == 302
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")
    assert not article.live
    assert article.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == go_live
    assert editor_client.get(article.get_absolute_url()).status_code == 404


def test_newsroom_saves_a_draft_and_previews_it(editor_client, parts):
    response = editor_client.post(reverse("wagtailsnippets_newsroom_article:add"), _form(**parts))
    assert response.status_code == 302
    article = Article.objects.get(headline="Nieuwe trainer voor KV Scheldeboorden")
    assert not article.live
    preview_url = reverse("wagtailsnippets_newsroom_article:preview_on_edit", args=[article.pk])
    data = _form(**parts, headline="Voorvertoning van de kop")
    assert editor_client.post(preview_url, data).json()["is_valid"]
    preview = editor_client.get(preview_url)
    assert preview.status_code == 200
    assert "Voorvertoning van de kop" in preview.content.decode()


def test_article_listing_filters_and_searches(editor_client, parts):
    published_article(headline="Spits scoort in de slotminuut", section=parts["section"])
    url = reverse("wagtailsnippets_newsroom_article:list")
    response = editor_client.get(url, {"q": "slotminuut", "section": parts["section"].pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Spits scoort in de slotminuut" in html
    assert "Vorige trainer ontslagen" not in html


def test_admin_is_in_dutch(editor_client):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Artikels" in html
    assert 'lang="nl' in html


def test_article_listing_costs_the_same_queries_for_3_or_25_rows(editor_client, parts):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tribune.newsroom.tests.factories import published_articles

    url = reverse("wagtailsnippets_newsroom_article:list")
    counts = []
    for extra in (2, 23):
        published_articles(extra, section=parts["section"])
        editor_client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_listing_count_stops_at_the_cap(monkeypatch, parts):
    from tribune.newsroom import wagtail_hooks
    from tribune.newsroom.models import Article
    from tribune.newsroom.tests.factories import published_articles

    published_articles(4, section=parts["section"])
    monkeypatch.setattr(wagtail_hooks, "LISTING_COUNT_CAP", 2)
    paginator = wagtail_hooks.CappedCountPaginator(Article.objects.order_by("-id"), 25)
    assert paginator.count == 3
