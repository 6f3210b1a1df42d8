import pytest
from django.urls import reverse

from tribune.newsroom.tests.factories import AuthorFactory, SectionFactory, published_article
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


def test_hand_built_urls_match_the_url_configuration():
    article = published_article(headline="Een kop met 2 cijfers 10", section=SectionFactory(slug="darts"))
    assert article.get_absolute_url() == reverse(
        "newsroom:article", kwargs={"section": "darts", "slug": article.slug, "pk": article.pk}
    )
    assert article.section.get_absolute_url() == reverse("newsroom:section", kwargs={"section": "darts"})
    author = AuthorFactory(slug="jan-peeters")
    assert author.get_absolute_url() == reverse("newsroom:author", kwargs={"slug": "jan-peeters"})
    tag = TagFactory(slug="rode-duivels")
    assert tag.get_absolute_url() == reverse("taxonomy:tag", kwargs={"slug": "rode-duivels"})


def test_slug_is_made_from_the_headline_once():
    article = published_article(headline="Één zege, twee punten!")
    assert article.slug == "een-zege-twee-punten"
