from __future__ import annotations

import json
from datetime import timedelta
from io import BytesIO
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tribune.newsroom.models import Article, Author, NewsImage, Section
from tribune.newsroom.services import article_create, article_publish, article_sync_listing_keys


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Rubriek {n}")
    slug = factory.Sequence(lambda n: f"rubriek-{n}")
    colour = "#0a7c3e"


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Auteur {n}")
    slug = factory.Sequence(lambda n: f"auteur-{n}")
    role = "Sportjournalist"


def image_file(width: int = 640, height: int = 360, colour: str = "#336699") -> ImageFile:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="JPEG")
    return ImageFile(buffer, name="test.jpg")


class NewsImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsImage

    title = factory.Sequence(lambda n: f"Beeld {n}")
    credit = "Tribune"
    caption = "Een bijschrift"
    file = factory.LazyFunction(image_file)


LEAD = "Een lead van een artikel dat over sport gaat en lang genoeg is om te knippen voor de teaser in de lijst."


def published_article(
    *,
    headline: str = "Spits scoort twee keer",
    section: Section | None = None,
    authors: list[Author] | None = None,
    tags: list[Any] = (),  # type: ignore[assignment]
    body: list[dict[str, Any]] | None = None,
    lead: str = LEAD,
    image: NewsImage | None = None,
    published_at: Any = None,
    is_featured: bool = False,
) -> Article:
    """A published article made through the services, optionally back-dated."""
    article = article_create(
        headline=headline,
        section=section or SectionFactory(),
        lead=lead,
        authors=authors or [AuthorFactory()],
        tags=list(tags),
        body=body,
        image=image,
        is_featured=is_featured,
    )
    article_publish(article=article)
    if published_at is not None:
        Article.objects.filter(pk=article.pk).update(first_published_at=published_at, last_published_at=published_at)
        article.refresh_from_db()
        article_sync_listing_keys(article=article)
    return article


def published_articles(count: int, **kwargs: Any) -> list[Article]:
    now = timezone.now()
    return [
        published_article(headline=f"Artikel nummer {i}", published_at=now - timedelta(minutes=i + 1), **kwargs)
        for i in range(count)
    ]


def draftail_text(text: str) -> str:
    """What Draftail posts for `text` typed into an empty paragraph (shift+enter makes a "\\n")."""
    block = {"key": "typed", "type": "unstyled", "depth": 0, "text": text, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


def article_form_data(
    *,
    section: Section,
    authors: list[dict[str, Any]],
    tags: list[dict[str, Any]] | None = None,
    body: list[tuple[str, Any]] | None = None,
    headline: str = "Kop",
    lead: str = "Intro",
    image: NewsImage | None = None,
    initial_authors: int = 0,
    initial_tags: int = 0,
    **extra: Any,
) -> dict[str, Any]:
    """What the newsroom's article form posts (Wagtail's flattened form data), for tests through the real admin.

    `authors` and `tags` are rows as the browser sends them (`{"author": pk}`, with `"id"` for a stored row);
    `extra` adds fields such as `go_live_at` or an action (`"action-publish"`).
    """
    return nested_form_data(
        {
            "headline": headline,
            "lead": lead,
            "section": section.pk,
            "author_links": inline_formset(authors, min=1, initial=initial_authors),
            "tag_links": inline_formset(tags or [], initial=initial_tags),
            "image": image.pk if image else "",
            "image_caption": "",
            "slug": "",
            "comments_mode": "open",
            "comments_close_after_days": 7,
            "body": streamfield(body or []),
            **extra,
        }
    )


def superuser_client(client: Client | None = None, *, username: str = "eva") -> Client:
    """A test client logged in as a newsroom superuser."""
    client = client or Client()
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", "geheim-wachtwoord-1")
    client.force_login(user)
    return client
