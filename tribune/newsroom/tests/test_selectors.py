import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tribune.newsroom.selectors import front_page
from tribune.newsroom.tests.factories import (
    AuthorFactory,
    NewsImageFactory,
    SectionFactory,
    published_article,
    published_articles,
)
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db


def test_front_page_prefers_featured_top_story_and_fills_section_blocks():
    image = NewsImageFactory()
    sections = [SectionFactory(slug=f"s{i}", name=f"S{i}") for i in range(3)]
    for section in sections:
        published_articles(6, section=section, image=image)
    featured = published_article(headline="Topverhaal", section=sections[0], image=image, is_featured=True)
    page = front_page()
    assert page.top == featured
    assert len(page.teasers) == 4
    shown = {page.top.pk, *(a.pk for a in page.teasers)}
    assert [block.section for block in page.section_blocks] == sections
    for block in page.section_blocks:
        assert not shown & {a.pk for a in block.articles}
        assert all(a.section_id == block.section.pk for a in block.articles)


# The article page adds its comment thread and poll (up to 6 more with a reader cookie and replies).
MAX_QUERIES_PER_PAGE = 12


def _query_count(client, url, django_assert_max_num_queries):
    client.get(url)  # warm: renditions are created on first use
    with django_assert_max_num_queries(MAX_QUERIES_PER_PAGE), CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["home", "article", "section", "archive", "author", "tag"])
def test_reader_pages_cost_a_fixed_number_of_queries(client, kind, django_assert_max_num_queries):
    """The same number of queries for 5 or 40 articles, with images, tags and Lees ook links."""
    counts = []
    for size in (5, 40):
        section = SectionFactory(slug=f"sec-{size}", name=f"Sec {size}")
        author = AuthorFactory(slug=f"aut-{size}")
        tag = TagFactory(slug=f"tag-{size}")
        image = NewsImageFactory()
        articles = published_articles(size, section=section, authors=[author], tags=[tag], image=image)
        body = [{"type": "read_also", "value": a.pk} for a in articles[:size]]
        body += [{"type": "image", "value": {"image": image.pk, "caption": "x"}}] * (size // 5)
        article = published_article(
            headline=f"Met {size} blokken", section=section, authors=[author], tags=[tag], body=body, image=image
        )
        url = {
            "home": "/",
            "article": article.get_absolute_url(),
            "section": section.get_absolute_url(),
            "archive": "/nieuws/",
            "author": author.get_absolute_url(),
            "tag": tag.get_absolute_url(),
        }[kind]
        counts.append(_query_count(client, url, django_assert_max_num_queries))
    assert counts[0] == counts[1], counts


def test_front_page_without_images_has_a_text_top_story():
    articles = published_articles(6, section=SectionFactory(slug="tekst", name="Tekst"))
    page = front_page()
    assert page.top == articles[0]
    assert page.teasers == articles[1:5]


def test_section_blocks_use_the_live_section_index_on_sqlite():
    """SQLite only uses a partial index when its condition is visible at prepare time."""
    from tribune.newsroom import selectors

    if connection.vendor != "sqlite":
        pytest.skip("SQLite query plan")
    published_articles(3, section=SectionFactory(slug="plan", name="Plan"))
    with CaptureQueriesContext(connection) as queries:
        selectors._latest_ids_per_section([1, 2], 4, exclude={99})
    sql = queries.captured_queries[-1]["sql"]  # with the parameters filled in
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "article_live_section_recent" in plan, plan
