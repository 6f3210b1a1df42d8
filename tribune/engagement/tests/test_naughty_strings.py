"""Every naughty string through the reader's comment form: stored exactly or refused with a 4xx and a
Dutch message, then, once a moderator approves it, read back exactly from the article page's HTML
and from the API's JSON. Runs in both passes (SQLite and PostgreSQL).

The browser XSS test (tribune/tests/test_browser_xss.py) posts the same list through a real
browser on SQLite and watches that nothing runs; this one covers PostgreSQL, moderation and the
API, and every refusal's status and message.

The documented normalisation of comment text (services._clean_text, README "Text is plain
text"): line breaks become "\\n" and surrounding whitespace is stripped; names also collapse
inner whitespace. Nothing else may change.
"""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client

from tribune.core.tests.naughty import NUL_STRINGS, element_texts, naughty_strings
from tribune.engagement import services
from tribune.engagement.identity import form_token_issue, text_hash
from tribune.engagement.models import AUTHOR_NAME_MAX_LENGTH, Comment, CommentStatus, ModerationMode
from tribune.engagement.tests.factories import NAUGHTY_MAX_LENGTH, comments_without_limits, policy
from tribune.newsroom.tests.factories import published_article

pytestmark = pytest.mark.django_db

MAX_LENGTH = NAUGHTY_MAX_LENGTH
JSON = {"HTTP_ACCEPT": "application/json"}
# What the service owes each kind of refused body (services._clean_text).
REFUSALS = {
    "invalid-characters": "Uw reactie bevat ongeldige tekens.",
    "empty": "Vul uw reactie in.",
    "too-long": re.compile(r"^Uw reactie is te lang: maximaal 3000 tekens, u schreef er \d+\.$"),
}


@pytest.fixture
def naughty_settings(settings):
    return comments_without_limits(settings)


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def expected_refusal(text: str) -> str | None:
    if "\x00" in text:
        return "invalid-characters"
    if not normalised(text):
        return "empty"
    if len(normalised(text)) > MAX_LENGTH:
        return "too-long"
    return None


def name_for(text: str, index: int) -> tuple[str, str]:
    """The name to post with a string (the string itself when a name can hold it) and the name stored."""
    collapsed = " ".join(text.split())
    if "\x00" in text or not collapsed or len(collapsed) > AUTHOR_NAME_MAX_LENGTH or expected_refusal(text):
        return f"Lezer {index}", f"Lezer {index}"
    return text, collapsed


def refusal_matches(kind: str, message: str) -> bool:
    expected = REFUSALS[kind]
    return bool(expected.match(message)) if isinstance(expected, re.Pattern) else message == expected


def _comment_texts(html: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each comment's body and name as the page shows them, keyed by the comment's element id."""

    def body(tag: str, attrs: dict[str, str], ids: list[str]) -> str | None:
        if tag == "p" and "comment__body" in attrs.get("class", "").split() and ids:
            return ids[-1]
        return None

    def name(tag: str, attrs: dict[str, str], _ids: list[str]) -> str | None:
        element_id = attrs.get("id", "")
        return element_id.removesuffix("-naam") if element_id.endswith("-naam") else None

    return element_texts(html, body), element_texts(html, name)


def test_every_naughty_string_is_stored_exactly_or_refused_and_reads_back_exactly(naughty_settings, capsys):
    started = time.perf_counter()
    # Pre-moderation: every accepted comment waits, so the approval path is part of the round trip.
    policy(moderation_mode=ModerationMode.PRE, link_limit=10_000)
    article = published_article(headline="Een artikel om op te reageren")
    url = f"/reacties/artikel/{article.pk}/"
    # Sec-Fetch-Site as the browser sends it from the article page.
    client = Client(HTTP_SEC_FETCH_SITE="same-origin")

    stored: dict[int, tuple[str, str]] = {}  # comment id -> (body, name) as the reader should see them
    refused: dict[str, int] = {}
    for index, text in enumerate(naughty_strings()):
        name, stored_name = name_for(text, index)
        data = {"name": name, "email": "", "body": text, "token": form_token_issue()}
        response = client.post(url, data)  # the form as posted without JavaScript
        kind = expected_refusal(text)
        if kind is None:
            assert response.status_code == 303, (index, text, response.status_code)
            assert response["Location"].endswith("#reageer")  # waiting for a moderator
            comment = Comment.objects.order_by("-pk").first()
            assert comment is not None and comment.status == CommentStatus.PENDING
            assert (comment.body, comment.author_name) == (normalised(text), stored_name), (index, text)
            assert comment.body_hash == text_hash(normalised(text))
            stored[comment.pk] = (comment.body, comment.author_name)
            continue
        # Refused: the article again, with the message and what was typed, and nothing stored.
        assert response.status_code == 400, (index, text, response.status_code)
        page = response.content.decode()
        messages = element_texts(page, lambda tag, attrs, _ids: "error" if attrs.get("role") == "alert" else None)
        assert any(refusal_matches(kind, message.strip()) for message in messages.get("error", [])), (text, messages)
        textareas = element_texts(page, lambda tag, attrs, _ids: "body" if tag == "textarea" else None)
        # The textarea gives back what was typed, after the newline the template writes first (and a
        # browser drops, so a typed leading line break survives).
        assert textareas["body"] == ["\n" + text], (text, textareas)
        # The same refusal as JSON, for comments.js.
        answer = client.post(url, {**data, "token": form_token_issue()}, **JSON)
        assert answer.status_code == 400 and refusal_matches(kind, answer.json()["message"]), (text, answer.content)
        assert answer.json()["field"] == "body"
        assert Comment.objects.count() == len(stored)
        refused[kind] = refused.get(kind, 0) + 1
    assert refused.get("invalid-characters") == len(NUL_STRINGS)
    posted = time.perf_counter()

    for comment in Comment.objects.filter(pk__in=stored):
        assert services.comment_approve(comment=comment)
    assert Comment.objects.filter(status=CommentStatus.PUBLISHED).count() == len(stored)

    # The article page: every comment's text and name, exactly.
    html = client.get(article.get_absolute_url()).content.decode()
    bodies, names = _comment_texts(html)
    for pk, (body, name) in stored.items():
        key = f"reactie-{pk}"
        assert bodies.get(key) == [body], (pk, body, bodies.get(key))
        assert [text.strip() for text in names.get(key, [])] == [name], (pk, name, names.get(key))

    # The API: the same, from the JSON, across every page.
    seen: dict[int, tuple[str, str]] = {}
    cursor: str | None = None
    for _page in range(100):
        query = {"sort": "oudste", **({"cursor": cursor} if cursor else {})}
        answer = client.get(f"/api/v1/articles/{article.pk}/comments", query)
        assert answer.status_code == 200
        for item in answer.json()["items"]:
            seen[item["id"]] = (item["body"], item["author_name"])
        cursor = answer.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == stored
    finished = time.perf_counter()
    with capsys.disabled():
        print(
            f"\n[naughty comments] {len(naughty_strings())} strings: {len(stored)} stored and read back, "
            f"refused {dict(sorted(refused.items()))}; posting {posted - started:.1f} s, "
            f"approving and reading back {finished - posted:.1f} s"
        )


@pytest.mark.parametrize("field", ["body", "name", "email"])
@pytest.mark.parametrize("javascript", [False, True])
def test_a_nul_byte_in_any_comment_field_is_a_400_with_a_dutch_message(naughty_settings, field, javascript):
    # PostgreSQL cannot store NUL at all; SQLite could. Both must refuse it before the database sees it.
    policy()
    article = published_article()
    data = {"name": "Lezer", "email": "", "body": "Een gewone reactie", "token": form_token_issue()}
    data[field] = {"body": "Goed\x00gespeeld", "name": "Le\x00zer", "email": "a\x00@example.org"}[field]
    response = Client().post(f"/reacties/artikel/{article.pk}/", data, **(JSON if javascript else {}))
    assert response.status_code == 400
    message = response.json()["message"] if javascript else response.content.decode()
    expected = {
        "body": "Uw reactie bevat ongeldige tekens.",
        "name": "Uw naam bevat ongeldige tekens.",
        "email": "Dat e-mailadres klopt niet.",
    }[field]
    assert expected in message
    assert not Comment.objects.exists()
