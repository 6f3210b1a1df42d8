import time

import pytest
from django.test import Client

from tribune.engagement.identity import READER_COOKIE, form_token_issue
from tribune.engagement.models import ArticleEngagement, Comment, CommentReport, CommentStatus, PollOption, PollVote
from tribune.engagement.tests.factories import POLL_QUESTION, policy, poll_article, published_comment
from tribune.newsroom.models import Article, CommentsMode
from tribune.newsroom.tests.factories import published_article

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def quick_forms(settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0


@pytest.fixture
def article():
    policy()  # post-moderation
    return published_article(headline="Defour loopt de marathon van Londen")


def comment_data(**overrides):
    return {"name": "Sportfan", "email": "", "body": "Knap gedaan!", "token": form_token_issue(), **overrides}


def url_for(article):
    return f"/reacties/artikel/{article.pk}/"


def test_article_page_has_the_comment_section(client, article):
    published_comment(article=article, body="Eerste reactie")
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'id="reacties"' in html and "Reacties <span" in html
    assert 'action="/reacties/artikel/' in html and 'name="website"' in html
    assert "Eerste reactie" in html
    assert READER_COOKIE not in client.cookies  # reading sets no cookie


def test_post_without_javascript_redirects_to_the_comment_with_a_message(client, article):
    response = client.post(url_for(article), comment_data())
    comment = Comment.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{article.get_absolute_url()}#reactie-{comment.pk}"
    assert READER_COOKIE in response.cookies
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Bedankt, uw reactie staat online." in page
    assert "Knap gedaan!" in page
    assert ArticleEngagement.objects.get(pk=article.pk).reaction_count == 1


def test_post_with_javascript_answers_json_with_the_rendered_comment(client, article):
    response = client.post(url_for(article), comment_data(body="Via fetch"), **JSON)
    data = response.json()
    assert response.status_code == 200 and data["ok"]
    assert data["status"] == CommentStatus.PUBLISHED
    assert "Via fetch" in data["html"] and 'id="reactie-' in data["html"]


def test_refused_post_rerenders_the_article_with_what_was_typed(client, article):
    response = client.post(url_for(article), comment_data(name="Mijn naam", body=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul uw reactie in." in html
    assert 'value="Mijn naam"' in html
    assert 'aria-invalid="true"' in html
    assert not Comment.objects.exists()
    json_response = client.post(url_for(article), comment_data(body="x" * 5000), **JSON)
    assert json_response.status_code == 400
    assert "te lang" in json_response.json()["message"]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"website": "http://spam.example"}, "kon niet worden verwerkt"),
        ({"token": ""}, "ongeldig"),
        ({"token": "vervalst:token"}, "ongeldig"),
        ({"parent": "abc"}, "antwoorden"),
        ({"parent": "999999"}, "antwoorden"),
    ],
)
def test_spam_defences_and_bad_fields_give_a_4xx_and_store_nothing(client, article, data, words):
    response = client.post(url_for(article), comment_data(**data), **JSON)
    assert response.status_code == 400
    assert words in response.json()["message"]
    assert not Comment.objects.exists()


def test_a_form_sent_back_too_fast_is_refused(client, article, settings):
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 3
    response = client.post(url_for(article), comment_data(token=form_token_issue(now=time.time())), **JSON)
    assert response.status_code == 400
    assert "snel" in response.json()["message"]
    ok = client.post(url_for(article), comment_data(token=form_token_issue(now=time.time() - 5)), **JSON)
    assert ok.status_code == 200


def test_an_expired_form_is_refused(client, article, settings):
    from unittest import mock

    # The signature's own timestamp is what expires: sign it in the past.
    past = time.time() - settings.TRIBUNE_COMMENT_FORM_MAX_AGE - 60
    with mock.patch("django.core.signing.time.time", return_value=past):
        old = form_token_issue(now=past)
    response = client.post(url_for(article), comment_data(token=old), **JSON)
    assert response.status_code == 400
    assert "verlopen" in response.json()["message"]


def test_too_fast_gives_429(client, article, settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 15
    settings.TRIBUNE_RATE_LIMIT_BACKEND = "database"
    assert client.post(url_for(article), comment_data(body="Een"), **JSON).status_code == 200
    response = client.post(url_for(article), comment_data(body="Twee"), **JSON)
    assert response.status_code == 429
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},  # a sibling subdomain is another site's page too
        {"HTTP_ORIGIN": "https://kwaadwillig.example"},
    ],
    ids=["fetch-site cross-site", "fetch-site same-site", "foreign origin"],
)
def test_a_post_from_another_site_is_refused(headers):
    article = published_article()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(url_for(article), comment_data(), **headers)
    assert response.status_code == 403
    assert "eigen site" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_FETCH_SITE": "same-origin"}, {"HTTP_ORIGIN": "http://testserver"}, {}],
    ids=["fetch-site same-origin", "own origin", "no browser headers"],
)
def test_a_post_from_our_own_cached_page_needs_no_csrf_token(headers):
    # Shared cached pages carry no per-reader token: the browser's own word on the origin protects the form.
    article = published_article()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(url_for(article), comment_data(), **headers)
    assert response.status_code == 303
    assert Comment.objects.count() == 1


def test_closed_comments_show_no_form_and_refuse_posts(client, article):
    Article.objects.filter(pk=article.pk).update(comments_mode=CommentsMode.CLOSED)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "De reacties bij dit artikel zijn gesloten." in html
    assert "data-comment-form" not in html
    assert client.post(url_for(article), comment_data(), **JSON).status_code == 403


def test_reply_link_prefills_the_form(client, article):
    top = published_comment(article=article, author_name="An")
    html = client.get(f"{article.get_absolute_url()}?antwoord={top.pk}").content.decode()
    assert "Antwoord op An" in html
    assert f'name="parent" value="{top.pk}"' in html
    response = client.post(url_for(article), comment_data(parent=str(top.pk), body="Akkoord"))
    assert response.status_code == 303
    assert Comment.objects.get(body="Akkoord").parent_id == top.pk
    assert client.get(article.get_absolute_url()).content.decode().count('class="comment comment--reply"') == 1


def test_like_once_even_when_the_same_request_is_resent(article):
    comment = published_comment(article=article)
    data = {"token": form_token_issue()}
    anonymous = Client()
    first = anonymous.post(f"/reacties/{comment.pk}/leuk/", data, **JSON)
    assert first.json() == {"ok": True, "message": "Bedankt voor uw waardering.", "liked": True, "count": 1}
    # The very same request again, without the cookie the first answer set: same nonce, same reader.
    again = Client().post(f"/reacties/{comment.pk}/leuk/", data, **JSON)
    assert again.json()["liked"] is False
    # With the cookie and a fresh form, still the same reader.
    third = anonymous.post(f"/reacties/{comment.pk}/leuk/", {"token": form_token_issue()}, **JSON)
    assert third.json()["liked"] is False
    assert Comment.objects.get(pk=comment.pk).like_count == 1
    # The shared page is the same for every reader (caches keep it)...
    assert 'aria-pressed="true"' not in anonymous.get(article.get_absolute_url()).content.decode()
    # ...the page right after the action carries its message, is never shared, and shows the like.
    assert anonymous.post(f"/reacties/{comment.pk}/leuk/", {"token": form_token_issue()}).status_code == 303
    page = anonymous.get(article.get_absolute_url())
    assert 'aria-pressed="true"' in page.content.decode()
    assert page["Cache-Control"].startswith("private")


def test_like_without_javascript_redirects_back(client, article):
    comment = published_comment(article=article)
    response = client.post(f"/reacties/{comment.pk}/leuk/", {"token": form_token_issue()})
    assert response.status_code == 303
    assert response["Location"].endswith(f"#reactie-{comment.pk}")


def test_report_form_and_submission(client, article):
    comment = published_comment(article=article)
    form = client.get(f"/reacties/{comment.pk}/melden/")
    assert form.status_code == 200
    assert "Waarom meldt u deze reactie?" in form.content.decode()
    bad = client.post(f"/reacties/{comment.pk}/melden/", {"token": form_token_issue(), "reason": "onzin"})
    assert bad.status_code == 400
    response = client.post(
        f"/reacties/{comment.pk}/melden/", {"token": form_token_issue(), "reason": "abuse", "note": "Grof"}
    )
    assert response.status_code == 303
    report = CommentReport.objects.get()
    assert (report.reason, report.note) == ("abuse", "Grof")
    again = client.post(f"/reacties/{comment.pk}/melden/", {"token": form_token_issue(), "reason": "spam"}, **JSON)
    assert again.json()["reported"] is False


def test_poll_vote_without_javascript_then_results(client):
    article = poll_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert POLL_QUESTION in html and 'name="option"' in html
    response = client.post(f"/reacties/artikel/{article.pk}/peiling/", {"token": form_token_issue(), "option": "1"})
    assert response.status_code == 303 and response["Location"].endswith("#lezersvraag")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Bedankt voor uw stem." in page
    assert "100%" in page and "1 stem" in page and "(uw stem)" in page
    assert 'name="option"' not in page
    again = client.post(
        f"/reacties/artikel/{article.pk}/peiling/", {"token": form_token_issue(), "option": "0"}, **JSON
    )
    assert again.json()["voted"] is False
    assert list(PollOption.objects.order_by("position").values_list("votes", flat=True)) == [0, 1, 0]


def test_poll_vote_with_javascript_returns_the_results(client):
    article = poll_article()
    response = client.post(
        f"/reacties/artikel/{article.pk}/peiling/", {"token": form_token_issue(), "option": "2"}, **JSON
    )
    data = response.json()
    assert data["ok"] and data["voted"]
    assert "poll__results" in data["html"]


@pytest.mark.parametrize("option", ["", "x", "9", "-1", "1" * 30])
def test_bad_votes_are_refused_and_leave_nothing(client, option):
    article = poll_article()
    response = client.post(
        f"/reacties/artikel/{article.pk}/peiling/", {"token": form_token_issue(), "option": option}, **JSON
    )
    assert response.status_code == 400
    assert not PollVote.objects.exists()


def test_closed_poll_shows_its_result(client):
    article = poll_article(closed=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "De peiling is gesloten." in html and 'name="option"' not in html


def test_thread_page_and_hostile_ids(client, article, settings):
    settings.TRIBUNE_COMMENT_REPLIES_SHOWN = 2
    top = published_comment(article=article)
    for number in range(4):
        published_comment(article=article, parent=top, body=f"Antwoord {number}")
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Antwoord 1" in page and "Antwoord 2" not in page and "Alle antwoorden" in page
    thread = client.get(f"/reacties/{top.pk}/")
    assert thread.status_code == 200 and "Antwoord 3" in thread.content.decode()
    for path in ("/reacties/999999/", "/reacties/9999999999999999999999/", "/reacties/0/melden/", "/reacties/abc/"):
        assert client.get(path).status_code == 404
    assert client.post("/reacties/99999999/leuk/", {"token": form_token_issue()}).status_code == 404
    assert client.get(f"/reacties/{top.pk}/leuk/").status_code == 405
    assert client.post("/reacties/artikel/99999999/", comment_data()).status_code == 404


def test_comment_pages_follow_a_cursor(client, article, settings):
    settings.TRIBUNE_COMMENT_PAGE_SIZE = 3
    for number in range(7):
        published_comment(article=article, body=f"Reactie nummer {number}")
    first = client.get(article.get_absolute_url()).content.decode()
    assert "Reactie nummer 6" in first and "Reactie nummer 3" not in first
    cursor = first.split("reacties=")[1].split("#")[0]
    second = client.get(f"{article.get_absolute_url()}?sorteer=nieuwste&reacties={cursor}").content.decode()
    assert "Reactie nummer 3" in second and "Reactie nummer 6" not in second
    oldest = client.get(f"{article.get_absolute_url()}?sorteer=oudste").content.decode()
    assert oldest.index("Reactie nummer 0") < oldest.index("Reactie nummer 1")
    for bad in ("%%%", "x" * 500, "MTIz", "LTEuLTE"):
        assert client.get(f"{article.get_absolute_url()}?reacties={bad}&sorteer=raar").status_code == 200


def test_most_liked_sort(client, article):
    from tribune.engagement.services import comment_like
    from tribune.engagement.tests.factories import reader

    quiet = published_comment(article=article, body="Stil")
    loved = published_comment(article=article, body="Geliefd")
    for _ in range(3):
        comment_like(comment=loved, reader=reader())
    html = client.get(f"{article.get_absolute_url()}?sorteer=populairste").content.decode()
    assert html.index("Geliefd") < html.index("Stil")
    assert quiet.pk < loved.pk


def test_new_comment_shows_in_the_counts_on_home_and_article(client, article):
    client.post(url_for(article), comment_data())
    home = client.get("/").content.decode()
    assert '<span class="reactions" title="1 reactie">' in home
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'Reacties <span class="comments__count">(1)</span>' in page


HOSTILE_GETS = [
    "?reacties=%00",
    "?reacties=" + "A" * 5000,
    "?sorteer=%27%22%3E%3Cscript%3E",
    "?antwoord=99999999999999999999999",
    "?antwoord=-1",
    "?antwoord=%00",
    "?reacties=OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5Ljk5OTk5OTk5OTk5OTk5OTk5OTk5OQ",
]

HOSTILE_POSTS = [
    {"name": "x" * 100_000, "body": "Tekst"},
    {"body": "y" * 100_000},
    {"email": "niet-een-adres"},
    {"email": "a@" + "b" * 300 + ".be"},
    {"parent": "9" * 40},
    {"parent": "-5"},
    {"token": "%00" * 50},
    {"token": "a" * 10_000},
    {"name": "\x00"},
    {"option": "1"},
]


@pytest.mark.parametrize("query", HOSTILE_GETS)
def test_hostile_queries_on_the_article_page_never_error(client, article, query):
    published_comment(article=article)
    response = client.get(article.get_absolute_url() + query)
    assert response.status_code in {200, 400, 404}


@pytest.mark.parametrize("data", HOSTILE_POSTS)
@pytest.mark.parametrize("javascript", [False, True])
def test_hostile_posts_never_error_and_store_nothing(client, article, data, javascript):
    before = Comment.objects.count()
    extra = JSON if javascript else {}
    response = client.post(url_for(article), comment_data(**data), **extra)
    assert response.status_code in {200, 303, 400, 403, 409, 429}, response.status_code
    if response.status_code >= 400:
        assert Comment.objects.count() == before
    for path in ("/reacties/{}/leuk/", "/reacties/{}/melden/"):
        comment = published_comment(article=article, body=f"Doel {path} {len(str(data))} {javascript}")
        answer = client.post(path.format(comment.pk), {**data, "reason": data.get("name", "spam")}, **extra)
        assert answer.status_code < 500
    poll = poll_article(headline=f"Peiling {javascript}")
    answer = client.post(f"/reacties/artikel/{poll.pk}/peiling/", {**data, "option": data.get("parent", "x")}, **extra)
    assert answer.status_code in {200, 303, 400, 409}


def test_invalid_utf8_in_a_form_is_refused_or_stored_cleanly(client, article):
    from urllib.parse import quote

    raw = f"name=Lezer&body=%ED%A0%80%FF%C0%AF&token={quote(form_token_issue())}"
    response = client.post(url_for(article), raw, content_type="application/x-www-form-urlencoded", **JSON)
    assert response.status_code in {200, 400}
    for comment in Comment.objects.all():
        comment.body.encode("utf-8")  # whatever was kept is valid text
