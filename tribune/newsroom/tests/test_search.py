"""The reader search page, /zoeken/, and its selector."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tribune.core.pagination import Cursor
from tribune.newsroom import selectors
from tribune.newsroom.services import article_create, article_publish, article_unpublish
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, published_article

pytestmark = pytest.mark.django_db


def draft(headline: str):
    return article_create(headline=headline, section=SectionFactory(), lead="Lead.", authors=[AuthorFactory()])


def headlines(page) -> list[str]:
    return [item.headline for item in page.items]


def test_finds_live_articles_by_headline_in_any_case_newest_first():
    now = timezone.now()
    older = published_article(headline="Club Brugge wint de beker", published_at=now - timedelta(days=2))
    newer = published_article(headline="Trainer van CLUB BRUGGE blijft", published_at=now - timedelta(hours=1))
    published_article(headline="Anderlecht verliest", published_at=now - timedelta(minutes=5))
    page = selectors.article_search(query="club brugge")
    assert [item.pk for item in page.items] == [newer.pk, older.pk]
    assert page.older is None and page.newer is None


def test_drafts_unpublished_and_scheduled_articles_are_not_found():
    draft("Kompany draft over Kompany")
    article_unpublish(article=published_article(headline="Kompany offline"))
    article_publish(article=draft("Kompany morgen"), go_live_at=timezone.now() + timedelta(days=1))
    live = published_article(headline="Kompany live")
    assert [item.pk for item in selectors.article_search(query="kompany").items] == [live.pk]


def test_query_is_cleaned_and_wildcards_are_literal():
    published_article(headline="Evenepoel wint 100% overtuigend")
    published_article(headline="Evenepoel wint_de rit")
    assert selectors.search_text("  even\x00epoel \t wint\r\n ") == "even epoel wint"
    assert headlines(selectors.article_search(query="100%")) == ["Evenepoel wint 100% overtuigend"]
    assert headlines(selectors.article_search(query="wint_")) == ["Evenepoel wint_de rit"]
    # Without three word characters in a row the trigram index cannot help: no query at all.
    assert selectors.article_search(query="a b").items == []


def test_pages_of_twenty_with_cursors_both_ways(client):
    now = timezone.now()
    section = SectionFactory()
    articles = [
        published_article(headline=f"Derby nummer {i}", section=section, published_at=now - timedelta(minutes=i + 1))
        for i in range(25)
    ]
    published_article(headline="Iets anders", section=section)
    first = client.get("/zoeken/", {"q": "derby"})
    page = first.context["page"]
    assert [item.pk for item in page.items] == [a.pk for a in articles[:20]]
    html = first.content.decode()
    assert "Meer resultaten" in html and f'href="?q=derby&amp;na={page.older}"' in html
    second = client.get("/zoeken/", {"q": "derby", "na": page.older})
    assert [item.pk for item in second.context["page"].items] == [a.pk for a in articles[20:]]
    assert second.context["page"].older is None
    back = client.get("/zoeken/", {"q": "derby", "voor": second.context["page"].newer})
    assert [item.pk for item in back.context["page"].items] == [a.pk for a in articles[:20]]


def test_page_shows_teasers_form_and_noindex(client):
    article = published_article(headline="Tielemans keert terug naar Anderlecht")
    response = client.get("/zoeken/", {"q": "Tielemans"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert (
        '<form class="search-form" role="search"' in html
        and '<label class="search-form__label" for="zoekterm">' in html
    )
    assert 'id="zoekterm" type="search" name="q" value="Tielemans"' in html
    assert 'class="teaser teaser--row' in html and f'href="{article.get_absolute_url()}"' in html


def test_empty_query_shows_only_the_form(client, django_assert_max_num_queries):
    published_article(headline="Tielemans keert terug")
    with django_assert_max_num_queries(1):  # the header's sections; no search
        response = client.get("/zoeken/")
    html = response.content.decode()
    assert response.status_code == 200 and response.context["page"] is None
    assert 'name="q" value=""' in html and 'class="teaser' not in html and "Geen artikels" not in html
    assert client.get("/zoeken/", {"q": "   "}).context["page"] is None


def test_no_results_and_too_short(client):
    published_article(headline="Tielemans keert terug")
    assert "Geen artikels gevonden met “xyzzy” in de kop." in client.get("/zoeken/?q=xyzzy").content.decode()
    response = client.get("/zoeken/", {"q": "kv"})
    assert response.status_code == 200 and "minstens drie letters" in response.content.decode()


def test_header_links_to_search(client):
    assert 'class="site-header__search" href="/zoeken/"' in client.get("/").content.decode()


def test_too_long_query_is_a_400_with_a_dutch_message(client):
    response = client.get("/zoeken/", {"q": "a" * 201})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Uw zoekopdracht is te lang. Gebruik hoogstens 200 tekens." in html
    assert '<meta name="robots" content="noindex">' in html
    assert client.get("/zoeken/", {"q": "a" * 200}).status_code == 200


def test_a_megabyte_query_is_refused_on_length_alone(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/zoeken/", {"q": "brugge " * 150_000})
    # Longer than any address the site makes: refused before the query string is parsed (core/longurl.py).
    assert response.status_code == 414


@pytest.mark.parametrize(
    "query",
    [
        "%ED%A0%80brugge",
        "%FF%FEbrugge",
        "bru\u0301gge",
        "\U0001f3c6 brugge",
        "\ufffd\ufeff",
    ],
)
def test_odd_input_never_fails(client, query):
    published_article(headline="Club Brugge wint")
    response = client.get(f"/zoeken/?q={query}" if "%" in query else "/zoeken/", None if "%" in query else {"q": query})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["Club\x00Brugge", "\x00\x00\x00", "%00brugge"])
def test_nul_is_refused_with_a_message_as_in_every_form(client, query):
    # The same 400 on SQLite and PostgreSQL, before the database sees it (other control characters are dropped).
    published_article(headline="Club Brugge wint")
    response = client.get(f"/zoeken/?q={query}" if "%" in query else "/zoeken/", None if "%" in query else {"q": query})
    assert response.status_code == 400
    assert "Uw zoekopdracht bevat ongeldige tekens." in response.content.decode()
    assert response.context["page"] is None


# A cursor past the oldest match: it decodes, but its page is empty.
PAST_THE_END = Cursor(datetime(2001, 1, 1, tzinfo=UTC), 1).encode()


@pytest.mark.parametrize(
    "params",
    ["na=bm9uc2Vuc2U", "na=%00", "voor=" + "A" * 300, "na=" + PAST_THE_END],
    ids=["garbage", "nul", "too-long", "past-the-end"],
)
def test_bad_or_stale_cursor_is_the_listing_404(client, params):
    published_article(headline="Club Brugge wint")
    response = client.get(f"/zoeken/?q=brugge&{params}")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()
