"""Every naughty string as the text a reader or an API client sends in a URL: the search query,
the paging cursors, slug filters and slugs in the path. Each answer is a 200 or a 4xx with a
message (JSON `detail` in the API), never a server error, on SQLite and PostgreSQL alike; NUL gets
the same status on both.

Search also reads back: the query is shown as searched (search_text's documented normalisation:
NFC, control characters dropped, spaces collapsed), and a string a headline holds finds it.
"""

from __future__ import annotations

import re
import time
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client

from tribune.core.tests.naughty import NUL_STRINGS, element_texts, naughty_strings
from tribune.engagement.tests.factories import published_comment
from tribune.newsroom.selectors import SEARCH_QUERY_MAX_LENGTH, is_searchable, search_text
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, published_article

pytestmark = pytest.mark.django_db

# Headlines hold many strings each, joined by a character BLNS lacks (as in the newsroom's test).
SEPARATOR = " \u2016 "
HEADLINE_ROOM = 160


def _packs(strings: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for text in strings:
        if groups[-1] and len(SEPARATOR.join([*groups[-1], text])) > HEADLINE_ROOM:
            groups.append([])
        groups[-1].append(text)
    return groups


def _query(text: str) -> str:
    return quote(text, safe="")


def _search_value(html: str) -> str:
    """The value the search box shows (html.parser resolves the attribute's character references)."""
    values: list[str] = []
    element_texts(
        html, lambda tag, attrs, _ids: values.append(attrs.get("value", "")) if attrs.get("id") == "zoekterm" else None
    )
    assert len(values) == 1
    return values[0]


@pytest.fixture
def site() -> dict[str, Any]:
    section = SectionFactory(slug="voetbal", name="Voetbal")
    author = AuthorFactory(slug="anna")
    article = published_article(headline="Een gewoon artikel", section=section, authors=[author])
    published_comment(article=article, body="Een reactie")
    return {"article": article}


# Where each string goes, and the statuses that may answer. 404 is a real answer on the reader
# site (a malformed cursor is a page that does not exist); the API answers 400 (cursor), 404 or 422.
READER_PATHS = {
    "search": ("/zoeken/?q={q}", {200, 400}),
    "archive cursor": ("/nieuws/?na={q}", {200, 404}),
    "article comments cursor": ("{article}?reacties={q}&sorteer={q}", {200}),
}
API_PATHS = {
    "articles cursor": ("/api/v1/articles?cursor={q}", {200, 400, 422}),
    "articles section filter": ("/api/v1/articles?section={q}", {200, 404, 422}),
    "comments cursor": ("/api/v1/articles/{id}/comments?cursor={q}", {200, 400, 422}),
    "section path": ("/api/v1/sections/{q}", {404, 422}),
}


def test_every_naughty_string_in_a_url_answers_200_or_4xx(site, capsys):
    started = time.perf_counter()
    article = site["article"]
    client = Client(raise_request_exception=False)
    statuses: dict[str, dict[int, int]] = {}
    for text in naughty_strings():
        values = {"q": _query(text), "article": article.get_absolute_url(), "id": article.pk}
        for name, (pattern, allowed) in {**READER_PATHS, **API_PATHS}.items():
            response = client.get(pattern.format(**values))
            assert response.status_code in allowed, (name, text, response.status_code)
            statuses.setdefault(name, {}).setdefault(response.status_code, 0)
            statuses[name][response.status_code] += 1
            if name in API_PATHS and response.status_code != 200:
                assert response.json()["detail"], (name, text)
    with capsys.disabled():
        print(f"\n[naughty urls] {len(naughty_strings())} strings: {statuses}; {time.perf_counter() - started:.1f} s")


@pytest.mark.parametrize("text", NUL_STRINGS)
def test_a_nul_byte_gets_the_same_answer_on_every_database(site, text):
    client = Client()
    article = site["article"]
    search = client.get(f"/zoeken/?q={_query(text)}")
    assert search.status_code == 400
    assert "Uw zoekopdracht bevat ongeldige tekens." in search.content.decode()
    assert client.get(f"/api/v1/articles?cursor={_query(text)}").status_code == 400
    assert client.get(f"/api/v1/articles/{article.pk}/comments?cursor={_query(text)}").status_code == 400
    assert client.get(f"/api/v1/sections/{_query(text)}").status_code == 422
    assert client.get(f"/api/v1/articles?section={_query(text)}").status_code == 422
    assert client.get(f"/nieuws/?na={_query(text)}").status_code == 404


def test_search_shows_each_query_as_searched_and_finds_the_headline_that_holds_it(capsys):
    started = time.perf_counter()
    section = SectionFactory(slug="voetbal", name="Voetbal")
    author = AuthorFactory(slug="anna")
    strings = [text for text in naughty_strings() if "\x00" not in text]
    headlines = [t for t in strings if t.strip() and len(t.strip()) <= HEADLINE_ROOM and t == t.strip()]
    holder: dict[str, int] = {}
    for pack in _packs(headlines):
        article = published_article(headline=SEPARATOR.join(pack), section=section, authors=[author])
        for text in pack:
            holder.setdefault(text, article.pk)
    client = Client()
    found = 0
    for text in strings:
        response = client.get(f"/zoeken/?q={_query(text)}")
        html = response.content.decode()
        if len(text) > SEARCH_QUERY_MAX_LENGTH:
            assert response.status_code == 400
            assert "Uw zoekopdracht is te lang" in html
            continue
        assert response.status_code == 200, text
        assert _search_value(html) == search_text(text), text
        if text not in holder or search_text(text) != text or not is_searchable(text):
            continue
        teasers = element_texts(html, lambda tag, attrs, _ids: "hit" if tag == "article" else None).get("hit", [])
        # Article addresses end in "-<id>/"; nothing else on the page does.
        hit = any(href.endswith(f"-{holder[text]}/") for href in re.findall(r'href="([^"]*)"', html))
        # More than a page of matches (a digit, "null"): the newest 20 need not hold this one.
        assert hit or len(teasers) >= 20, text
        found += hit
    assert found > len(holder) // 2
    with capsys.disabled():
        seconds = time.perf_counter() - started
        print(f"\n[naughty search] {found} of {len(holder)} headline strings found; {seconds:.1f} s")
