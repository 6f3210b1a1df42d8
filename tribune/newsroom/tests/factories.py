from __future__ import annotations

from datetime import timedelta
from io import BytesIO
from typing import Any

import factory
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage

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
