"""Feeds parse as feed readers see them (feedparser, no bozo) and follow the RSS/Atom rules it does not check."""

from email.utils import parsedate_to_datetime

import feedparser
import pytest
from lxml import etree

from tribune.newsroom.tests.factories import AuthorFactory, NewsImageFactory, SectionFactory, published_articles
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site():
    section = SectionFactory(slug="wielrennen", name="Wielrennen")
    author = AuthorFactory(slug="sofie-claes", name="Sofie Claes")
    tag = TagFactory(slug="tadej-pogacar", name="Tadej Pogačar")
    image = NewsImageFactory()
    articles = published_articles(55, section=section, authors=[author], tags=[tag], image=image)
    return {"section": section, "author": author, "tag": tag, "articles": articles}


def feed_urls(site):
    for scope in ("", "rubriek/wielrennen/", "tag/tadej-pogacar/", "auteur/sofie-claes/"):
        yield f"/feed/{scope}", "rss"
        yield f"/feed/atom/{scope}", "atom"


def test_every_feed_parses_without_bozo_and_has_the_newest_50(client, site):
    for url, kind in feed_urls(site):
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.version == ("rss20" if kind == "rss" else "atom10"), url
        assert len(parsed.entries) == 50, url
        newest = site["articles"][0]
        entry = parsed.entries[0]
        assert entry.title == newest.headline
        assert entry.link == "http://127.0.0.1:8000" + newest.get_absolute_url()
        assert entry.summary == newest.lead
        assert entry.author == "Sofie Claes"
        assert {tag.term for tag in entry.tags} == {"Wielrennen", "Tadej Pogačar"}
        assert entry.published_parsed and entry.updated_parsed
        enclosure = entry.enclosures[0]
        assert enclosure.type == "image/webp" and int(enclosure.length) > 0
        assert enclosure.href.startswith("http://127.0.0.1:8000/uploads/")


def test_rss_rules_feedparser_does_not_check(client, site):
    for url, kind in feed_urls(site):
        if kind != "rss":
            continue
        root = etree.fromstring(client.get(url).content)
        channel = root.find("channel")
        assert channel.findtext("title") and channel.findtext("link") and channel.findtext("description")
        self_link = channel.find(f"{ATOM}link[@rel='self']")
        assert self_link is not None and self_link.get("href") == "http://127.0.0.1:8000" + url
        guids = [item.findtext("guid") for item in channel.findall("item")]
        assert len(set(guids)) == len(guids) == 50
        for item in channel.findall("item"):
            assert item.findtext("link").startswith("http://")
            assert item.findtext("description")
            # RFC 822 dates, with a numeric zone.
            assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
            assert item.find("guid").get("isPermaLink") == "false"


def test_atom_has_ids_self_link_and_updated(client, site):
    root = etree.fromstring(client.get("/feed/atom/").content)
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://127.0.0.1:8000/feed/atom/"
    ids = [entry.findtext(f"{ATOM}id") for entry in root.findall(f"{ATOM}entry")]
    assert len(set(ids)) == 50 and all(i.startswith("tag:") for i in ids)
    assert root.findtext(f"{ATOM}updated")


def test_full_text_is_a_setting(client, site, settings):
    from tribune.newsroom.tests.factories import published_article

    published_article(
        headline="Met tekst",
        section=site["section"],
        body=[{"type": "paragraph", "value": "<p>De <b>hele</b> tekst.</p>"}],
    )
    assert b"content:encoded" not in client.get("/feed/").content
    settings.TRIBUNE_FEED_FULL_TEXT = True
    entry = feedparser.parse(client.get("/feed/").content).entries[0]
    assert "<b>hele</b>" in entry.content[0].value
    atom = feedparser.parse(client.get("/feed/atom/").content).entries[0]
    assert "<b>hele</b>" in atom.content[0].value


def test_conditional_get_answers_304(client, site):
    first = client.get("/feed/")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/feed/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get("/feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304


def test_unknown_scopes_are_404(client):
    for url in ("/feed/rubriek/bestaat-niet/", "/feed/tag/x/", "/feed/atom/auteur/niemand/", "/feed/rubriek/<b>/"):
        assert client.get(url).status_code == 404


def test_pages_link_their_feeds(client, site):
    home = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="Tribune (RSS)" href="/feed/">' in home
    section = client.get("/wielrennen/").content.decode()
    assert 'href="/feed/rubriek/wielrennen/"' in section and 'href="/feed/atom/rubriek/wielrennen/"' in section
    assert 'href="/feed/tag/tadej-pogacar/"' in client.get("/tag/tadej-pogacar/").content.decode()
    assert 'href="/feed/auteur/sofie-claes/"' in client.get("/auteur/sofie-claes/").content.decode()


def test_feed_costs_a_fixed_number_of_queries(client, site, django_assert_max_num_queries):
    client.get("/feed/")  # renditions are made on first use
    with django_assert_max_num_queries(6):
        client.get("/feed/")
