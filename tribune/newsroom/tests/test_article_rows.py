"""Listing rows: what the home page and "Meest recent" read instead of Article models."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tribune.core.templatetags.tribune import responsive_image
from tribune.newsroom.selectors import ArticleRow, article_listing_queryset, article_rows
from tribune.newsroom.tests.factories import NewsImageFactory, SectionFactory, published_article, published_articles

pytestmark = pytest.mark.django_db

NEWEST_FIRST = ("-first_published_at", "-id")


def test_rows_hold_what_the_models_hold():
    image = NewsImageFactory()
    section = SectionFactory(slug="tennis", name="Tennis")
    published_articles(3, section=section, image=image)
    published_article(headline="Zonder beeld", section=SectionFactory(slug="golf", name="Golf"))
    models = list(article_listing_queryset().order_by(*NEWEST_FIRST))
    rows = article_rows(limit=10)
    assert rows == models
    for row, model in zip(rows, models, strict=True):
        assert isinstance(row, ArticleRow)
        assert row.get_absolute_url() == model.get_absolute_url()
        for name in ("pk", "id", "headline", "slug", "lead", "first_published_at", "is_featured", "image_id"):
            assert getattr(row, name) == getattr(model, name), name
        assert row.reaction_count == model.reaction_count == 0
        assert (row.section.pk, row.section.name, row.section.colour) == (
            model.section.pk,
            model.section.name,
            model.section.colour,
        )
        assert row.image == model.image
    # One Section per section, one NewsImage per image.
    tennis = [row for row in rows if row.section.slug == "tennis"]
    assert len({id(row.section) for row in tennis}) == 1
    assert len({id(row.image) for row in tennis}) == 1
    assert rows[0].image is None


def test_rows_compare_and_hash_like_the_article():
    article = published_article()
    (row,) = article_rows(pks=[article.pk])
    assert row == article and article == row
    assert row != published_article(headline="Een ander")
    assert hash(row) == hash(article) and row in {article}
    assert row != "artikel"


def test_one_query_and_one_for_renditions_only_with_images():
    published_articles(3)
    with CaptureQueriesContext(connection) as queries:
        article_rows(limit=10, image_sets=("thumb",))
    assert len(queries) == 1

    published_articles(3, image=NewsImageFactory())
    rows = article_rows(limit=10, image_sets=("thumb",))
    for row in rows:  # creates the renditions once
        if row.image:
            responsive_image(row.image, "thumb")
    with CaptureQueriesContext(connection) as queries:
        rows = article_rows(limit=10, image_sets=("thumb",))
        html = [responsive_image(row.image, "thumb") for row in rows if row.image]
    assert len(queries) == 2, [q["sql"] for q in queries]
    assert len(html) == 3 and all("srcset" in tag for tag in html)
