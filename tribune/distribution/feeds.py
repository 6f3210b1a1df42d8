"""RSS 2.0 and Atom feeds for the site, each section, tag and author (Django's syndication framework).

Items carry the lead as summary, authors, section and tags as categories, the
publication and update times, and the lead image as an enclosure; with
TRIBUNE_FEED_FULL_TEXT the body too (content:encoded in RSS, content in Atom).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.translation import gettext as _

from tribune.core.images import RENDITION_SETS, filters_for
from tribune.distribution import selectors
from tribune.newsroom.models import Article, Author, Section
from tribune.taxonomy.models import Tag

FEED_LANGUAGE = "nl-BE"
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"


class FullTextRss(Rss201rev2Feed):
    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NAMESPACE}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class FullTextAtom(Atom1Feed):
    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


def absolute(path: str) -> str:
    return settings.TRIBUNE_SITE_URL + path


class ArticleFeed(Feed):
    """The site's feed; subclasses narrow it to a section, tag or author."""

    feed_type: type[SyndicationFeed] = FullTextRss
    language = FEED_LANGUAGE
    url_name = "distribution:feed"

    def feed_url(self, obj: Any) -> str:
        # The feed's own address (atom:link rel="self"), on the public host rather than the request's.
        kwargs = {"slug": obj.slug} if obj is not None else {}
        return absolute(reverse(self.url_name, kwargs=kwargs))

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return None

    def scope(self, obj: Any) -> dict[str, Any]:
        return {}

    def title(self, obj: Any) -> str:
        return settings.TRIBUNE_SITE_NAME

    def description(self, obj: Any) -> str:
        return _("Het laatste sportnieuws van %(site)s.") % {"site": settings.TRIBUNE_SITE_NAME}

    def subtitle(self, obj: Any) -> str:  # Atom's word for the description
        return self.description(obj)

    def link(self, obj: Any) -> str:
        return absolute(obj.get_absolute_url() if obj is not None else "/")

    def feed_guid(self, obj: Any) -> str:
        return self.link(obj)

    def items(self, obj: Any) -> list[Article]:
        return selectors.feed_articles(**self.scope(obj))

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return item.lead

    def item_link(self, item: Article) -> str:
        return absolute(item.get_absolute_url())

    def item_guid(self, item: Article) -> str:
        # Stable across headline and section changes, unlike the article's address.
        host = urlsplit(settings.TRIBUNE_SITE_URL).hostname or "tribune"
        return f"tag:{host},2026:artikel:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Article) -> Any:
        return item.first_published_at

    def item_updateddate(self, item: Article) -> Any:
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item: Article) -> str:
        return ", ".join(link.author.name for link in item.author_links.all())

    def item_author_link(self, item: Article) -> str | None:
        links = list(item.author_links.all())
        return absolute(links[0].author.get_absolute_url()) if links else None

    def item_categories(self, item: Article) -> list[str]:
        return [item.section.name, *(link.tag.name for link in item.tag_links.all())]

    def item_enclosures(self, item: Article) -> list[Any]:
        from django.utils.feedgenerator import Enclosure

        if item.image is None:
            return []
        rendition_set = RENDITION_SETS[selectors.FEED_IMAGE_SET]
        rendition = item.image.get_renditions(*filters_for(selectors.FEED_IMAGE_SET))[rendition_set.fallback]
        try:
            length = str(rendition.file.size)
        except OSError:  # a missing file on disk must not break the whole feed
            length = "0"
        return [Enclosure(absolute(rendition.url), length, "image/webp")]

    def item_extra_kwargs(self, item: Article) -> dict[str, Any]:
        if not settings.TRIBUNE_FEED_FULL_TEXT:
            return {}
        return {"content": "".join(str(block.render()) for block in item.body)}


class SectionFeed(ArticleFeed):
    url_name = "distribution:section_feed"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Section:
        return _found(Section.objects.filter(slug=kwargs["slug"]).first())

    def scope(self, obj: Section) -> dict[str, Any]:
        return {"section": obj}

    def title(self, obj: Section) -> str:
        return f"{obj.name} · {settings.TRIBUNE_SITE_NAME}"


class TagFeed(ArticleFeed):
    url_name = "distribution:tag_feed"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Tag:
        return _found(Tag.objects.filter(slug=kwargs["slug"]).first())

    def scope(self, obj: Tag) -> dict[str, Any]:
        return {"tag": obj}

    def title(self, obj: Tag) -> str:
        return f"{obj.name} · {settings.TRIBUNE_SITE_NAME}"


class AuthorFeed(ArticleFeed):
    url_name = "distribution:author_feed"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Author:
        return _found(Author.objects.filter(slug=kwargs["slug"]).first())

    def scope(self, obj: Author) -> dict[str, Any]:
        return {"author": obj}

    def title(self, obj: Author) -> str:
        return _("%(name)s bij %(site)s") % {"name": obj.name, "site": settings.TRIBUNE_SITE_NAME}


def _found(obj: Any) -> Any:
    if obj is None:
        raise Http404("feed")
    return obj


class AtomFeed(ArticleFeed):
    feed_type = FullTextAtom
    url_name = "distribution:feed_atom"


class SectionAtomFeed(SectionFeed):
    feed_type = FullTextAtom
    url_name = "distribution:section_feed_atom"


class TagAtomFeed(TagFeed):
    feed_type = FullTextAtom
    url_name = "distribution:tag_feed_atom"


class AuthorAtomFeed(AuthorFeed):
    feed_type = FullTextAtom
    url_name = "distribution:author_feed_atom"
