"""The article form's author and tag rows, through Wagtail's real admin views as a logged-in editor, on both
databases: the same author (or tag) twice is refused with 400 and a Dutch message on the row, storing nothing;
rows that trade authors or tags between them are saved (they were a 500: IntegrityError halfway through the
update), from the form and when a draft holding them is published later."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from tribune.core.tests.naughty import element_texts, with_class
from tribune.newsroom.models import Article
from tribune.newsroom.tests.factories import (
    AuthorFactory,
    SectionFactory,
    article_form_data,
    published_article,
    superuser_client,
)
from tribune.taxonomy.tests.factories import TagFactory

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_newsroom_article:add"
EDIT_URL = "wagtailsnippets_newsroom_article:edit"
PUBLISH = {"action-publish": "action-publish"}
DUPLICATE = {"author": "Deze auteur staat er al bij.", "tag": "Deze tag staat er al bij."}
RELATION = {"author": "author_links", "tag": "tag_links"}


@pytest.fixture
def editor() -> Client:
    return superuser_client()


@pytest.fixture
def parts() -> dict[str, Any]:
    return {
        "section": SectionFactory(slug="voetbal", name="Voetbal"),
        "author": [AuthorFactory(), AuthorFactory(), AuthorFactory()],
        "tag": [TagFactory(), TagFactory(), TagFactory()],
    }


def form(parts, *, authors, tags, headline="Kop", initial_authors=0, initial_tags=0):
    return article_form_data(
        section=parts["section"],
        authors=authors,
        tags=tags,
        headline=headline,
        initial_authors=initial_authors,
        initial_tags=initial_tags,
    )


def rows(article: Article, kind: str) -> list[tuple[int, int]]:
    """(row id, author or tag id) of the stored rows, in their order."""
    return list(getattr(article, RELATION[kind]).order_by("sort_order").values_list("pk", f"{kind}_id"))


def stored(article: Article, kind: str) -> list[int]:
    return [value for _, value in rows(article, kind)]


def posted_rows(article: Article, kind: str, values: list[int], **row: Any) -> list[dict[str, Any]]:
    """The stored rows as the edit form posts them, with `values` in their `kind` field (and new rows after)."""
    existing = rows(article, kind)
    posted = [{"id": pk, kind: value, **row} for (pk, _), value in zip(existing, values, strict=False)]
    return posted + [{kind: value} for value in values[len(existing) :]]


def edit(editor, parts, article, kind, values, *, publish=True, headline="Nieuwe kop"):
    other = "tag" if kind == "author" else "author"
    data = {
        kind: posted_rows(article, kind, values),
        other: posted_rows(article, other, stored(article, other)),
    }
    body = form(
        parts,
        authors=data["author"],
        tags=data["tag"],
        headline=headline,
        initial_authors=len(rows(article, "author")),
        initial_tags=len(rows(article, "tag")),
    )
    return editor.post(reverse(EDIT_URL, args=[article.pk]), {**body, **(PUBLISH if publish else {})})


def listed(article: Article, kind: str) -> bool:
    """Every row carries the article's listing keys, so the reader's author and tag pages list it."""
    keys = set(getattr(article, RELATION[kind]).values_list("live", "published_at"))
    return keys == {(True, article.first_published_at)}


def errors(response) -> list[str]:
    texts = element_texts(response.content.decode(), with_class("error-message"))
    return [" ".join(text.split()) for text in texts.get("error-message", [])]


def article_with(parts, kind, count=2) -> Article:
    chosen = {"authors": parts["author"][:1], "tags": []}
    chosen["authors" if kind == "author" else "tags"] = parts[kind][:count]
    return published_article(headline="Oude kop", section=parts["section"], **chosen)


@pytest.mark.parametrize("kind", ["author", "tag"])
def test_the_same_author_or_tag_twice_in_a_new_article_is_refused(editor, parts, kind):
    same = parts[kind][0].pk
    authors = [{"author": same}, {"author": same}] if kind == "author" else [{"author": parts["author"][0].pk}]
    tags = [{"tag": same}, {"tag": same}] if kind == "tag" else []
    response = editor.post(reverse(ADD_URL), {**form(parts, authors=authors, tags=tags), **PUBLISH})
    assert response.status_code == 400
    assert errors(response) == [DUPLICATE[kind]]
    assert not Article.objects.exists()


@pytest.mark.parametrize("publish", [True, False], ids=["publish", "draft"])
@pytest.mark.parametrize("kind", ["author", "tag"])
def test_adding_a_row_for_an_author_or_tag_already_there_is_refused_and_nothing_changes(editor, parts, kind, publish):
    article = article_with(parts, kind)
    before, revisions = rows(article, kind), Revision.objects.count()
    response = edit(editor, parts, article, kind, [*stored(article, kind), parts[kind][0].pk], publish=publish)
    assert response.status_code == 400
    assert errors(response) == [DUPLICATE[kind]]
    article.refresh_from_db()
    assert (article.headline, rows(article, kind)) == ("Oude kop", before)
    assert Revision.objects.count() == revisions


@pytest.mark.parametrize("kind", ["author", "tag"])
def test_changing_a_row_to_an_author_or_tag_of_another_row_is_refused(editor, parts, kind):
    article = article_with(parts, kind)
    before = rows(article, kind)
    second = stored(article, kind)[1]
    response = edit(editor, parts, article, kind, [second, second])
    assert response.status_code == 400
    assert errors(response) == [DUPLICATE[kind]]
    article.refresh_from_db()
    assert (article.headline, rows(article, kind)) == ("Oude kop", before)


@pytest.mark.parametrize("kind", ["author", "tag"])
def test_rows_that_trade_authors_or_tags_are_saved(editor, parts, kind):
    article = article_with(parts, kind)
    first, second = stored(article, kind)
    response = edit(editor, parts, article, kind, [second, first])
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, stored(article, kind)) == ("Nieuwe kop", [second, first])
    assert listed(article, kind)


@pytest.mark.parametrize("kind", ["author", "tag"])
def test_a_chain_of_changes_is_saved(editor, parts, kind):
    """Row 1 takes row 2's author while row 2 takes a third: row 1 updated first met row 2 still holding it."""
    article = article_with(parts, kind)
    second = stored(article, kind)[1]
    third = parts[kind][2].pk
    assert edit(editor, parts, article, kind, [second, third]).status_code == 302
    article.refresh_from_db()
    assert stored(article, kind) == [second, third]


@pytest.mark.parametrize("kind", ["author", "tag"])
def test_a_draft_that_trades_rows_is_published_later(editor, parts, kind):
    """A live article's change is a draft (a revision) until published, by an editor's approval or the schedule."""
    article = article_with(parts, kind)
    first, second = stored(article, kind)
    assert edit(editor, parts, article, kind, [second, first], publish=False).status_code == 302
    article.refresh_from_db()
    assert stored(article, kind) == [first, second]  # live rows unchanged until it is published
    article.latest_revision.publish()
    article.refresh_from_db()
    assert (article.headline, stored(article, kind)) == ("Nieuwe kop", [second, first])
    assert listed(article, kind)


def test_unchanged_rows_keep_their_ids(editor, parts):
    article = article_with(parts, "author")
    before = rows(article, "author")
    assert edit(editor, parts, article, "author", stored(article, "author")).status_code == 302
    assert rows(article, "author") == before
