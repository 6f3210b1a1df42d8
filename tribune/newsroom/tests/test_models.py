import pytest
from django.urls import reverse

from tribune.newsroom.tests.factories import SectionFactory, published_article

pytestmark = pytest.mark.django_db


def test_hand_built_urls_match_the_url_configuration():
    article = published_article(headline="Een kop met 2 cijfers 10", section=SectionFactory(slug="darts"))
    assert article.get_absolute_url() == reverse(
        "newsroom:article", kwargs={"section": "darts", "slug": article.slug, "pk": article.pk}
    )
    assert article.section.get_absolute_url() == reverse("newsroom:section", kwargs={"section": "darts"})


def test_slug_is_made_from_the_headline_once():
    article = published_article(headline="Één zege, twee punten!")
    assert article.slug == "een-zege-twee-punten"
