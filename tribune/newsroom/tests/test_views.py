from datetime import timedelta

import pytest
from django.utils import timezone

from tribune.newsroom.models import Article
from tribune.newsroom.services import article_publish
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, published_article, published_articles
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


def test_home_shows_top_story_and_meest_recent(client):
    section = SectionFactory(name="Voetbal", slug="voetbal")
    articles = published_articles(30, section=section)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Meest recent" in html
    assert "Meer sportnieuws" in html
    # 25 newest, newest first
    assert html.index(articles[0].headline) < html.index(articles[1].headline)
    assert articles[24].headline in html
    assert "...</span>" in html  # the lead is cut with "..."


def test_article_page_anatomy(client):
    section = SectionFactory(name="Voetbal", slug="voetbal")
    author = AuthorFactory(name="Jan Peeters", slug="jan-peeters")
    tag = TagFactory(name="Steven Defour", slug="steven-defour")
    other = published_article(headline="Mechelen zoekt een nieuwe trainer", section=section)
    article = published_article(
        headline="Defour loopt marathon van Londen",
        section=section,
        authors=[author],
        tags=[tag],
        body=[
            {"type": "paragraph", "value": "<p>Eerste alinea.</p>"},
            {"type": "subheading", "value": "Voor het goede doel"},
            {"type": "read_also", "value": other.pk},
            {
                "type": "external_link",
                "value": {"url": "https://www.strava.com/activities/14302771013", "title": "Strava", "description": ""},
            },
            {"type": "quote", "value": {"text": "Een citaat", "attribution": "Iemand"}},
            {"type": "reader_question", "value": {"question": "Ziet u hem nog terug als trainer aan de slag gaan?"}},
        ],
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="article__headline">Defour loopt marathon van Londen</h1>' in html
    assert "door" in html and 'href="/auteur/jan-peeters/"' in html
    assert "LEES OOK:" in html and other.get_absolute_url() in html
    assert 'href="https://www.strava.com/activities/14302771013" rel="noopener external"' in html
    assert '<h2 class="article__subheading">Voor het goede doel</h2>' in html
    assert "Ziet u hem nog terug als trainer aan de slag gaan?" in html
    assert 'href="/tag/steven-defour/"' in html
    assert "Meest recent" in html
    assert f'<link rel="canonical" href="http://127.0.0.1:8000{article.get_absolute_url()}">' in html


def test_changed_slug_and_section_redirect_permanently(client):
    article = published_article(headline="Oude kop")
    old_url = article.get_absolute_url()
    article.headline, article.slug = "Nieuwe kop", "nieuwe-kop"
    article.section = SectionFactory(slug="tennis", name="Tennis")
    article_publish(article=article)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == f"/tennis/nieuwe-kop-{article.pk}/"
    assert client.get(response["Location"]).status_code == 200


def test_unpublished_and_scheduled_articles_are_not_found(client):
    article = published_article()
    Article.objects.filter(pk=article.pk).update(live=False)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_section_author_tag_and_archive_pages_paginate(client):
    section = SectionFactory(slug="wielrennen", name="Wielrennen")
    author = AuthorFactory(slug="an", name="An")
    tag = TagFactory(slug="kv-test", name="KV Test")
    articles = published_articles(45, section=section, authors=[author], tags=[tag])
    for url in ["/wielrennen/", "/auteur/an/", "/tag/kv-test/", "/nieuws/"]:
        seen = []
        next_url = url
        while next_url:
            response = client.get(next_url)
            assert response.status_code == 200, next_url
            page = response.context["page"]
            seen.extend(item.pk for item in page.items)
            next_url = f"{url}?na={page.older}" if page.older else None
        assert seen == [a.pk for a in articles], url
        # and back again
        response = client.get(f"{url}?voor={response.context['page'].newer}")
        assert [item.pk for item in response.context["page"].items] == [a.pk for a in articles[20:40]]


HOSTILE_PATHS = [
    "/onbestaand/",
    "/voetbal/geen-id/",
    "/voetbal/x-0/",
    "/voetbal/x-99999999999999999/",
    "/voetbal/x-999999999999999999999999/",
    "/nieuws/?na=%00",
    "/nieuws/?na=" + "A" * 5000,
    "/nieuws/?voor=../../etc/passwd",
    "/nieuws/?na=MTIz",
    "/nieuws/?na=OTk5OTk5OTk5OTk5OTk5OTk5OTkuOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5",
    "/tag/%F0%9F%98%80/",
    "/auteur/<script>/",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/voetbal/%00-1/",
    "/tag/onbekend/",
    "/auteur/niemand/",
    "/nieuws/?page=1000000000000000000000",
    "/?q=%27%22%3E%3Cscript%3E",
    "/uploads/../config/settings/base.py",
    "/redactie/../../etc/passwd",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_paths_never_error(client, path):
    published_articles(3, section=SectionFactory(slug="voetbal", name="Voetbal"))
    response = client.get(path)
    assert response.status_code in {200, 301, 302, 400, 404}, (path, response.status_code)
    if response.status_code == 404:
        assert "Deze pagina bestaat niet (meer)" in response.content.decode()


def test_stale_cursor_past_the_end_is_404(client):
    published_articles(2, section=SectionFactory(slug="voetbal", name="Voetbal"))
    from tribune.core.pagination import Cursor

    stale = Cursor(published_at=timezone.now() - timedelta(days=3650), pk=1).encode()
    assert client.get(f"/nieuws/?na={stale}").status_code == 404
