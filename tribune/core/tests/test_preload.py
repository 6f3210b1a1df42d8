"""The image a page opens with is preloaded from <head>, with the <img>'s own srcset and sizes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tribune.newsroom.tests.factories import NewsImageFactory, SectionFactory, published_article, published_articles

pytestmark = pytest.mark.django_db

PRELOAD = re.compile(r'<link rel="preload" as="image" imagesrcset="([^"]+)" imagesizes="([^"]+)" fetchpriority="high">')


def img_with_priority(html: str) -> tuple[str, str]:
    tag = re.search(r'<img [^>]*fetchpriority="high"[^>]*>', html).group(0)
    return re.search(r'srcset="([^"]+)"', tag).group(1), re.search(r'sizes="([^"]+)"', tag).group(1)


def head(html: str) -> str:
    return html.split("</head>")[0]


def test_home_preloads_the_top_story_image_before_the_css(client):
    published_articles(6, section=SectionFactory(slug="voetbal", name="Voetbal"), image=NewsImageFactory())
    client.get("/")  # renditions are created on first use
    with CaptureQueriesContext(connection) as warm:
        client.get("/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    assert len(queries) == len(warm)
    preloads = PRELOAD.findall(head(html))
    assert len(preloads) == 1
    assert preloads[0] == img_with_priority(html)
    assert head(html).index('<link rel="preload"') < head(html).index("<style>")


def test_article_preloads_its_lead_image(client):
    article = published_article(image=NewsImageFactory())
    html = client.get(article.get_absolute_url()).content.decode()
    assert PRELOAD.findall(head(html)) == [img_with_priority(html)]


def test_no_preload_without_an_image(client):
    article = published_article()
    assert 'rel="preload"' not in head(client.get(article.get_absolute_url()).content.decode())
    assert 'rel="preload"' not in head(client.get("/").content.decode())
    assert 'rel="preload"' not in head(client.get(article.section.get_absolute_url()).content.decode())


def test_front_teasers_do_not_compete_with_the_top_image(client):
    published_articles(6, section=SectionFactory(slug="tennis", name="Tennis"), image=NewsImageFactory())
    html = client.get("/").content.decode()
    front = html.split('<div class="front__grid">')[1].split("</section>")[0]
    images = re.findall(r"<img [^>]*>", front)
    assert len(images) == 4
    assert all('fetchpriority="low"' in tag and 'loading="lazy"' in tag for tag in images)
    assert html.count('fetchpriority="high"') == 2  # the preload and the top story's <img>


def test_the_opening_image_has_a_phone_sized_candidate():
    """Lighthouse's phone (412 px at 1.75x) shows it at 380 px: 665 pixels, covered by the 720."""
    from tribune.core.images import RENDITION_SETS

    wide = RENDITION_SETS["wide"]
    widths = sorted(int(spec.split("-")[1].split("x")[0]) for spec in wide.specs)
    assert wide.sizes.endswith("calc(100vw - 2rem)")
    assert min(width for width in widths if width >= (412 - 32) * 1.75) == 720
