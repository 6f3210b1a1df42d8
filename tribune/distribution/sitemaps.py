"""Sitemaps written as text: a sitemap page can hold thousands of rows, too many for a template.

The index lists the section, tag and author sitemaps, the Google News sitemap and
one article sitemap per id bucket; every page is read with an index range scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tribune.distribution import selectors

XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# Google News wants the ISO 639 language code of the publication.
NEWS_LANGUAGE = "nl"


def _absolute(path: str) -> str:
    return escape(settings.TRIBUNE_SITE_URL + path)


def _w3c(moment: datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def sitemap_index() -> Iterator[str]:
    names = ["distribution:sitemap_sections", "distribution:sitemap_tags", "distribution:sitemap_authors"]
    yield XML_HEADER
    yield f'<sitemapindex xmlns="{SITEMAP_NS}">\n'
    for name in names:
        yield f"<sitemap><loc>{_absolute(reverse(name))}</loc></sitemap>\n"
    yield f"<sitemap><loc>{_absolute(reverse('distribution:sitemap_news'))}</loc></sitemap>\n"
    for page in selectors.article_sitemap_pages():
        loc = _absolute(reverse("distribution:sitemap_articles", kwargs={"page": page}))
        yield f"<sitemap><loc>{loc}</loc></sitemap>\n"
    yield "</sitemapindex>\n"


def urlset(rows: Iterable[selectors.SitemapRow], *, images: bool = False) -> Iterator[str]:
    yield XML_HEADER
    yield f'<urlset xmlns="{SITEMAP_NS}"' + (f' xmlns:image="{IMAGE_NS}"' if images else "") + ">\n"
    for row in rows:
        parts = [f"<url><loc>{_absolute(row.path)}</loc>"]
        if row.lastmod:
            parts.append(f"<lastmod>{_w3c(row.lastmod)}</lastmod>")
        if images and row.image_path:
            parts.append(f"<image:image><image:loc>{_absolute(row.image_path)}</image:loc></image:image>")
        parts.append("</url>\n")
        yield "".join(parts)
    yield "</urlset>\n"


def news_urlset(rows: Iterable[selectors.SitemapRow]) -> Iterator[str]:
    name = escape(settings.TRIBUNE_SITE_NAME)
    yield XML_HEADER
    yield f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n'
    for row in rows:
        assert row.published_at is not None
        yield (
            f"<url><loc>{_absolute(row.path)}</loc><news:news><news:publication><news:name>{name}</news:name>"
            f"<news:language>{NEWS_LANGUAGE}</news:language></news:publication>"
            f"<news:publication_date>{_w3c(row.published_at)}</news:publication_date>"
            f"<news:title>{escape(row.title)}</news:title></news:news></url>\n"
        )
    yield "</urlset>\n"
