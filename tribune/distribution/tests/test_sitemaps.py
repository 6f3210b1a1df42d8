"""Sitemaps validate against the sitemaps.org and Google News/Image XSDs (npm `sitemap` 4.0.2 ships them)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from lxml import etree

from config.env import BASE_DIR
from tribune.newsroom.models import Article
from tribune.newsroom.tests.factories import (
    AuthorFactory,
    NewsImageFactory,
    SectionFactory,
    published_article,
    published_articles,
)
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db

SCHEMAS = BASE_DIR / "node_modules" / "sitemap" / "schema"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@pytest.fixture(scope="module")
def urlset_schema(tmp_path_factory):
    if not (SCHEMAS / "sitemap.xsd").is_file():
        from tribune.tests.conftest import missing

        missing(f"{SCHEMAS} is missing: run `make install-node`")
    # One schema that knows all three namespaces (all.xsd imports the sitemap one under a wrong namespace).
    wrapper = tmp_path_factory.mktemp("xsd") / "tribune.xsd"
    imports = {
        "http://www.sitemaps.org/schemas/sitemap/0.9": "sitemap.xsd",
        "http://www.google.com/schemas/sitemap-image/1.1": "sitemap-image.xsd",
        "http://www.google.com/schemas/sitemap-news/0.9": "sitemap-news.xsd",
    }
    wrapper.write_text(
        '<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
        + "".join(f'<xsd:import namespace="{ns}" schemaLocation="{SCHEMAS / name}"/>' for ns, name in imports.items())
        + "</xsd:schema>"
    )
    return etree.XMLSchema(etree.parse(str(wrapper)))


@pytest.fixture
def site(settings):
    settings.TRIBUNE_SITEMAP_PAGE_SIZE = 10
    section = SectionFactory(slug="tennis", name="Tennis")
    author = AuthorFactory(slug="jan-peeters")
    tag = TagFactory(slug="elise-mertens")
    old = published_articles(25, section=section, authors=[author], tags=[tag], image=NewsImageFactory())
    # Older than the news sitemap's window.
    for number, article in enumerate(old):
        moment = timezone.now() - timedelta(days=10, minutes=number)
        Article.objects.filter(pk=article.pk).update(first_published_at=moment, last_published_at=moment)
    fresh = published_article(headline="Mertens & Co. naar de finale <3", section=section, authors=[author])
    return {"old": old, "fresh": fresh}


def _valid(schema, content: bytes) -> etree._Element:
    document = etree.fromstring(content)
    assert schema.validate(document), schema.error_log
    return document


def test_index_lists_every_sitemap_and_each_validates(client, site, urlset_schema):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    assert index.tag == f"{SM}sitemapindex"
    locations = [loc.text for loc in index.iter(f"{SM}loc")]
    assert locations[:4] == [
        "http://127.0.0.1:8000/sitemap-rubrieken.xml",
        "http://127.0.0.1:8000/sitemap-tags.xml",
        "http://127.0.0.1:8000/sitemap-auteurs.xml",
        "http://127.0.0.1:8000/sitemap-nieuws.xml",
    ]
    article_pages = [loc for loc in locations if "sitemap-artikels-" in loc]
    assert len(article_pages) >= 3  # 26 articles, 10 ids a page
    listed = set()
    for location in locations:
        response = client.get(location.removeprefix("http://127.0.0.1:8000"))
        assert response.status_code == 200, location
        assert response["Content-Type"].startswith("application/xml")
        document = _valid(urlset_schema, response.content)
        urls = [loc.text for loc in document.iter(f"{SM}loc")]
        assert urls, location
        if "artikels" in location:
            listed.update(urls)
    expected = {f"http://127.0.0.1:8000{a.get_absolute_url()}" for a in [*site["old"], site["fresh"]]}
    assert listed == expected


def test_article_pages_carry_images_and_lastmod(client, site, urlset_schema):
    first = etree.fromstring(client.get("/sitemap.xml").content)
    page = next(loc.text for loc in first.iter(f"{SM}loc") if "artikels" in loc.text)
    document = _valid(urlset_schema, client.get(page.removeprefix("http://127.0.0.1:8000")).content)
    url = document.find(f"{SM}url")
    assert url.findtext(f"{SM}lastmod")
    assert url.find("{http://www.google.com/schemas/sitemap-image/1.1}image") is not None


def test_news_sitemap_holds_the_last_48_hours(client, site, urlset_schema):
    document = _valid(urlset_schema, client.get("/sitemap-nieuws.xml").content)
    news = document.findall(f"{SM}url/{NEWS}news")
    assert [n.findtext(f"{NEWS}title") for n in news] == ["Mertens & Co. naar de finale <3"]
    assert news[0].findtext(f"{NEWS}publication/{NEWS}name") == "Tribune"
    assert news[0].findtext(f"{NEWS}publication/{NEWS}language") == "nl"


def test_unpublished_articles_leave_the_sitemaps(client, site):
    Article.objects.filter(pk=site["fresh"].pk).update(live=False)
    assert site["fresh"].get_absolute_url() not in client.get("/sitemap-nieuws.xml").content.decode()


def test_robots_txt(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text
    assert "Disallow: /redactie/" in text and "Disallow: /zoeken/" in text


@pytest.mark.parametrize(
    "url", ["/sitemap-artikels-999999.xml", "/sitemap-artikels-x.xml", "/sitemap-artikels-99999999999.xml"]
)
def test_bad_sitemap_pages_are_404(client, url):
    assert client.get(url).status_code == 404


def test_sitemap_pages_cost_a_fixed_number_of_queries(client, site, django_assert_max_num_queries):
    for url in ("/sitemap.xml", "/sitemap-artikels-0.xml", "/sitemap-tags.xml", "/sitemap-nieuws.xml"):
        with django_assert_max_num_queries(2):
            client.get(url)
