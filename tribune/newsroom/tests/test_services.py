from datetime import timedelta

import pytest
from django.utils import timezone

from tribune.newsroom.models import Article, ArticleAuthor
from tribune.newsroom.services import article_create, article_publish, article_unpublish
from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory
from tribune.taxonomy.models import ArticleTag
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


def _draft(**kwargs):
    return article_create(
        headline="Doelman redt punt",
        section=SectionFactory(),
        lead="Een lead.",
        authors=[AuthorFactory()],
        tags=[TagFactory()],
        **kwargs,
    )


def test_create_makes_a_draft_with_a_revision_and_a_slug():
    article = _draft()
    assert not article.live
    assert article.slug == "doelman-redt-punt"
    assert article.latest_revision is not None


def test_publish_and_unpublish_keep_listing_keys_in_sync():
    article = article_publish(article=_draft())
    assert article.live and article.first_published_at
    for link_model in (ArticleAuthor, ArticleTag):
        link = link_model.objects.get(article=article)
        assert link.live and link.published_at == article.first_published_at
    article_unpublish(article=article)
    for link_model in (ArticleAuthor, ArticleTag):
        assert not link_model.objects.get(article=article).live


def test_scheduling_keeps_the_article_offline_until_its_time():
    go_live = timezone.now() + timedelta(minutes=30)
    article = article_publish(article=_draft(), go_live_at=go_live)
    assert not article.live
    assert article.revisions.filter(approved_go_live_at=go_live).exists()


def test_republishing_keeps_first_publication_time():
    article = article_publish(article=_draft())
    first = article.first_published_at
    article.headline = "Doelman redt punt in slotminuut"
    article = article_publish(article=article)
    assert article.first_published_at == first
    assert Article.objects.get(pk=article.pk).headline == "Doelman redt punt in slotminuut"


def test_section_slug_may_not_take_a_site_path():
    from django.core.exceptions import ValidationError

    from tribune.newsroom.models import Section

    with pytest.raises(ValidationError):
        Section(name="Nieuws", slug="nieuws").full_clean()


def test_reference_index_records_what_an_article_uses():
    from wagtail.models import ReferenceIndex

    article = article_publish(article=_draft())
    referenced = {ref.to_content_type.model for ref in ReferenceIndex.get_references_for_object(article)}
    assert referenced == {"section", "author", "tag"}
