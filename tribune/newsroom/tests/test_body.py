"""The article body rendered once per body (tribune.newsroom.body): never an old body, never old live blocks."""

import pytest
from django.template import Context, Template

from tribune.engagement.tests.factories import published_comment
from tribune.newsroom import body as body_module
from tribune.newsroom.models import Article
from tribune.newsroom.services import article_publish
from tribune.newsroom.tests.factories import NewsImageFactory, SectionFactory, published_article

pytestmark = pytest.mark.django_db


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


@pytest.fixture(autouse=True)
def empty_cache():
    body_module.plans.clear()
    yield
    body_module.plans.clear()


def page(client, article: Article) -> str:
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_cached_body_is_the_body_include_block_renders(client):
    target = published_article(headline="Het andere verhaal")
    image = NewsImageFactory()
    article = published_article(
        body=[
            paragraph("Eerste alinea met <b>vet</b>."),
            {"type": "subheading", "value": "Tussenkop & meer"},
            {"type": "read_also", "value": target.pk},
            {"type": "quote", "value": {"text": "Regel een\nregel twee", "attribution": "De trainer"}},
            {"type": "image", "value": {"image": image.pk, "caption": "Bijschrift"}},
            {"type": "external_link", "value": {"url": "https://www.strava.com/x", "title": "Rit", "description": ""}},
            {"type": "reader_question", "value": {"question": "Wie wint?", "kind": "open", "options": []}},
        ]
    )
    article = Article.objects.get(pk=article.pk)
    expected = Template(
        "{% load wagtailcore_tags %}{% for block in article.body %}{% include_block block %}{% endfor %}"
    )
    # A new article object for each: the old one has its blocks converted already.
    from tribune.newsroom.selectors import article_detail_context

    context = article_detail_context(article=Article.objects.get(pk=article.pk))
    reference = expected.render(
        Context({**context, "comments_open": True, "article": Article.objects.get(pk=article.pk)})
    )
    for _attempt in ("miss", "hit"):
        context = article_detail_context(article=Article.objects.get(pk=article.pk))
        rendered = context["body"].render({**context, "comments_open": True})
        assert rendered == reference
    assert "Het andere verhaal" in reference and "Tussenkop &amp; meer" in reference


def test_publishing_a_new_body_shows_it_at_once(client):
    article = published_article(body=[paragraph("Oude tekst over de match.")])
    assert "Oude tekst" in page(client, article)
    assert "Oude tekst" in page(client, article)  # now from the cache
    article.body = [paragraph("Nieuwe tekst na de persconferentie.")]
    article_publish(article=article)
    html = page(client, article)
    assert "Nieuwe tekst" in html
    assert "Oude tekst" not in html


def test_a_body_saved_without_a_revision_shows_at_once(client):
    """The cache compares bodies, not revision ids: a save that skips Wagtail still shows."""
    article = published_article(body=[paragraph("Versie een.")])
    assert "Versie een" in page(client, article)
    stored = Article.objects.get(pk=article.pk)
    stored.body = [paragraph("Versie twee.")]
    stored.save()
    html = page(client, article)
    assert "Versie twee" in html and "Versie een" not in html


def test_a_read_also_target_changes_show_at_once(client):
    """Lees ook is a live block: the target's new headline and its unpublishing show without a new body."""
    section = SectionFactory(slug="wielrennen", name="Wielrennen")
    target = published_article(headline="Eerste kop", section=section)
    article = published_article(body=[paragraph("Tekst."), {"type": "read_also", "value": target.pk}])
    assert "Eerste kop" in page(client, article)
    target.headline = "Tweede kop"
    article_publish(article=target)
    html = page(client, article)
    assert "Tweede kop" in html and "Eerste kop" not in html
    from tribune.newsroom.services import article_unpublish

    article_unpublish(article=target)
    assert "LEES OOK" not in page(client, article)


def test_a_new_comment_shows_at_once_next_to_a_cached_body(client):
    article = published_article(body=[paragraph("Tekst van het artikel.")])
    page(client, article)
    assert "Tekst van het artikel" in page(client, article)
    published_comment(article=article, body="Wat een wedstrijd was dat.")
    html = page(client, article)
    assert "Wat een wedstrijd was dat." in html
    assert "Tekst van het artikel" in html


def test_previews_neither_read_nor_fill_the_cache():
    from tribune.newsroom.selectors import article_detail_context

    article = published_article(body=[paragraph("Gepubliceerd.")])
    live = Article.objects.get(pk=article.pk)
    assert "Gepubliceerd." in article_detail_context(article=live)["body"].render({})
    draft = Article.objects.get(pk=article.pk)
    draft.body = [paragraph("Concept.")]
    assert "Concept." in article_detail_context(article=draft, preview=True)["body"].render({})
    again = Article.objects.get(pk=article.pk)
    assert "Gepubliceerd." in article_detail_context(article=again)["body"].render({})
    assert len(body_module.plans._entries) == 1


def test_the_cache_is_bounded(monkeypatch):
    from tribune.newsroom.selectors import article_detail_context

    monkeypatch.setattr(body_module.plans, "size", 2)
    for index in range(4):
        article = published_article(headline=f"Artikel {index}", body=[paragraph(f"Tekst {index}.")])
        article_detail_context(article=Article.objects.get(pk=article.pk))
    assert len(body_module.plans._entries) == 2
