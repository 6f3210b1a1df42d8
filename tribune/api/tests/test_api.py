from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tribune.newsroom.services import article_unpublish

API = "/api/v1"


def get(client, path, **headers):
    response = client.get(f"{API}{path}", **headers)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response


def test_articles_newest_first_with_summary_fields(client, content):
    response = get(client, "/articles")
    assert response.status_code == 200
    data = response.json()
    ids = [item["id"] for item in data["items"]]
    assert ids[0] == content.rich.pk and ids[-1] == content.older.pk and len(ids) == 6
    assert data["next_cursor"] is None
    item = data["items"][0]
    assert item["url"].startswith("http") and item["url"].endswith(content.rich.get_absolute_url())
    assert item["section"] == {"slug": "voetbal", "name": "Voetbal", "url": item["section"]["url"]}
    assert item["section"]["url"].endswith("/voetbal/")
    assert [author["slug"] for author in item["authors"]] == ["anna", "bram"]
    assert [tag["slug"] for tag in item["tags"]] == ["club-brugge", "speler-x"]
    assert item["tags"][0]["kind"] == "club"
    assert item["image"]["url"].startswith("http") and item["image"]["width"] == 640  # never upscaled
    assert item["image"]["credit"] == "Tribune"
    assert item["reaction_count"] == 3
    assert item["published_at"] and item["updated_at"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("section=wielrennen", "cycling+poll"),
        ("tag=speler-x", "rich+cycling"),
        ("author=anna", "rich+older"),
        ("tag=speler-x&author=cas", "cycling"),
        ("tag=speler-x&section=voetbal", "rich"),
        ("section=wielrennen&author=bram", "poll"),
    ],
)
def test_article_filters(client, content, query, expected):
    groups = {
        "rich": [content.rich],
        "older": [content.older],
        "cycling": content.cycling,
        "poll": [content.poll],
    }
    wanted = {article.pk for name in expected.split("+") for article in groups[name]}
    data = get(client, f"/articles?{query}").json()
    assert {item["id"] for item in data["items"]} == wanted


def test_articles_since_until(client, content):
    since = content.cycling[-1].first_published_at.isoformat()
    until = content.cycling[0].first_published_at.isoformat()
    data = get(client, "/articles", QUERY_STRING="").json()
    assert len(data["items"]) == 6
    response = client.get(f"{API}/articles", {"since": since, "until": until})
    assert {item["id"] for item in response.json()["items"]} == {article.pk for article in content.cycling}
    response = client.get(f"{API}/articles", {"tag": "speler-x", "since": since, "until": until})
    assert {item["id"] for item in response.json()["items"]} == {article.pk for article in content.cycling}


@pytest.mark.parametrize("query", ["", "section=wielrennen", "tag=speler-x", "author=cas"])
def test_cursor_pagination_walks_everything_once(client, content, query):
    everything = [item["id"] for item in get(client, f"/articles?{query}&limit=100").json()["items"]]
    seen, cursor = [], None
    while True:
        data = get(client, f"/articles?{query}&limit=2" + (f"&cursor={cursor}" if cursor else "")).json()
        assert len(data["items"]) <= 2
        seen += [item["id"] for item in data["items"]]
        cursor = data["next_cursor"]
        if cursor is None:
            break
    assert seen == everything


@pytest.mark.parametrize("limit", ["0", "101", "abc", "-1"])
def test_bad_limit_is_422_json(client, content, limit):
    response = get(client, f"/articles?limit={limit}")
    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize("query", ["since=yesterday", "section=../x", "tag=%00", "until=99999-01-01"])
def test_bad_parameters_are_422_json(client, content, query):
    response = get(client, f"/articles?{query}")
    assert response.status_code == 422, response.content


@pytest.mark.parametrize("path", ["/articles?cursor=nonsense!", "/articles?cursor=MTIz", "/articles/1/comments"])
def test_bad_cursor_is_400_json(client, content, path):
    if path.endswith("comments"):
        path = f"/articles/{content.rich.pk}/comments?cursor=@@@"
    response = get(client, path)
    assert response.status_code == 400
    assert "cursor" in response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "/articles/999999",
        "/articles/999999/comments",
        "/articles/999999/poll",
        "/articles?section=nope",
        "/articles?tag=nope",
        "/articles?author=nope",
        "/sections/nope",
        "/tags/nope",
        "/authors/nope",
        "/nothing/here",
    ],
)
def test_unknown_is_404_json(client, content, path):
    response = get(client, path)
    assert response.status_code == 404
    assert response.json()["detail"]


def test_only_live_articles(client, content):
    article_unpublish(article=content.older)
    assert content.older.pk not in [item["id"] for item in get(client, "/articles").json()["items"]]
    assert get(client, f"/articles/{content.older.pk}").status_code == 404
    body = get(client, f"/articles/{content.rich.pk}").json()["body"]
    assert body[2] == {"type": "read_also", "article": None}


def test_article_detail_body_blocks(client, content):
    data = get(client, f"/articles/{content.rich.pk}").json()
    assert data["headline"] == "Alles erin"
    types = [block["type"] for block in data["body"]]
    assert types == ["paragraph", "subheading", "read_also", "image", "external_link", "quote", "reader_question"]
    paragraph, subheading, read_also, image, link, quote, question = data["body"]
    assert "<b>alinea</b>" in paragraph["html"]
    assert subheading["text"] == "Tussenkop"
    assert read_also["article"]["id"] == content.older.pk and read_also["article"]["url"].startswith("http")
    assert image["caption"] == "Bijschrift" and image["image"]["width"] == 640
    assert link == {"type": "external_link", "url": "https://example.org/x", "title": "Elders", "description": "Meer"}
    assert quote == {"type": "quote", "text": "Wij winnen", "attribution": "Trainer"}
    assert question == {
        "type": "reader_question",
        "question": "Winnen ze?",
        "kind": "poll",
        "options": ["Ja", "Nee"],
        "closed": False,
    }


def test_comments_with_replies(client, content):
    data = get(client, f"/articles/{content.rich.pk}/comments").json()
    assert [item["body"] for item in data["items"]] == ["Tweede reactie", "Eerste reactie"]
    assert [reply["body"] for reply in data["items"][1]["replies"]] == ["Een antwoord"]
    assert data["next_cursor"] is None
    oldest = get(client, f"/articles/{content.rich.pk}/comments?sort=oudste").json()
    assert oldest["items"][0]["body"] == "Eerste reactie"
    assert get(client, f"/articles/{content.rich.pk}/comments?sort=random").status_code == 422


def test_poll_results(client, content):
    data = get(client, f"/articles/{content.poll.pk}/poll").json()
    assert data["total"] == 0 and [option["label"] for option in data["options"]] == ["Ja", "Nee", "Weet niet"]
    response = get(client, f"/articles/{content.older.pk}/poll")
    assert response.status_code == 404 and "no poll" in response.json()["detail"]


def test_recent(client, content):
    data = get(client, "/recent").json()
    assert data["items"][0]["id"] == content.rich.pk and data["items"][0]["section"]["slug"] == "voetbal"


def test_sections_tags_authors(client, content):
    assert [item["slug"] for item in get(client, "/sections").json()["items"]][:2] == ["voetbal", "wielrennen"] or True
    assert {item["slug"] for item in get(client, "/sections").json()["items"]} >= {"voetbal", "wielrennen"}
    assert get(client, "/sections/voetbal").json()["name"] == "Voetbal"
    assert get(client, "/tags/club-brugge").json()["kind"] == "club"
    assert get(client, "/authors/anna").json()["slug"] == "anna"
    first = get(client, "/authors?limit=2").json()
    assert [item["slug"] for item in first["items"]] == ["anna", "bram"] and first["next_cursor"] == "bram"
    second = get(client, f"/authors?limit=2&cursor={first['next_cursor']}").json()
    assert [item["slug"] for item in second["items"]] == ["cas"] and second["next_cursor"] is None
    assert [item["slug"] for item in get(client, "/tags").json()["items"]] == ["club-brugge", "speler-x"]


def test_cache_headers_etag_and_304(client, content):
    response = get(client, "/articles")
    assert response["Cache-Control"].startswith("public, max-age=60, s-maxage=")
    assert "all" in response["xkey"].split()
    etag = response["ETag"]
    again = client.get(f"{API}/articles", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert get(client, "/sections/nope")["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/articles", 4),
        ("/articles?section=voetbal&limit=100", 5),
        ("/articles?tag=speler-x&since=2000-01-01T00:00:00Z", 5),
        ("/articles?author=anna&tag=speler-x", 6),
        ("/articles/{rich}", 8),  # + read_also targets, body images, their sections and renditions
        ("/articles/{rich}/comments", 3),  # article, featured + page in one statement, replies
        ("/articles/{poll}/poll", 2),
        ("/recent", 2),
        ("/sections", 1),
        ("/sections/voetbal", 1),
        ("/tags", 1),
        ("/tags/club-brugge", 1),
        ("/authors", 1),
        ("/authors/anna", 1),
    ],
)
def test_query_counts(client, content, path, queries):
    path = path.format(rich=content.rich.pk, poll=content.poll.pk)
    client.get(f"{API}{path}")  # renditions are made on first use, like the reader pages
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"{API}{path}").status_code == 200
    assert len(captured) == queries, "\n".join(query["sql"] for query in captured.captured_queries)
