import copy

import pytest

from tribune.newsroom.demo_loader import DemoFixtureError, load_demo, read_fixture
from tribune.newsroom.models import Article

pytestmark = pytest.mark.django_db

FIXTURE = read_fixture()


def _small_fixture(size: int = 12) -> dict:
    """The real fixture cut down: its oldest articles, every image swapped for two."""
    data = copy.deepcopy(FIXTURE)
    ordered = sorted(data["articles"], key=lambda a: -a["published_offset_minutes"])
    kept, keys = [], set()
    for article in ordered:
        targets = {b["value"] for b in article["body"] if b["type"] == "read_also"}
        if targets <= keys:
            kept.append(article)
            keys.add(article["key"])
        if len(kept) == size:
            break
    images = data["images"][:2]
    for image in images:
        image["seed"] = 1
    for article in kept:
        article["image"] = images[0]["key"] if article.get("image") else None
        for block in article["body"]:
            if block["type"] == "image":
                block["value"]["image"] = images[1]["key"]
    kept[-1]["published_offset_minutes"] = -30  # one scheduled
    data["articles"], data["images"] = kept, images
    return data


def test_fixture_tells_the_reference_story():
    defour = next(a for a in FIXTURE["articles"] if a["key"] == "defour-marathon-londen")
    text = " ".join(str(block["value"]) for block in defour["body"])
    assert "https://www.strava.com/activities/14302771013" in text
    assert defour["body"][-1] == {
        "type": "reader_question",
        "value": {"question": "Ziet u hem nog terug als trainer aan de slag gaan?"},
    }
    assert {"voetbal"} == {defour["section"]}
    published = [a for a in FIXTURE["articles"] if a["published_offset_minutes"] >= 0]
    assert len(published) >= 300
    assert len({a["section"] for a in published}) >= 8
    assert len({slug for a in published for slug in a["authors"]}) >= 10
    assert max(a["published_offset_minutes"] for a in published) <= 60 * 24 * 60


def test_load_demo_creates_published_and_scheduled_articles(client):
    result = load_demo(fixture=_small_fixture())
    assert (result.articles, result.scheduled) == (11, 1)
    assert Article.objects.filter(live=True).count() == 11
    newest = Article.objects.filter(live=True).order_by("-first_published_at").first()
    response = client.get(newest.get_absolute_url())
    assert response.status_code == 200
    assert client.get("/").status_code == 200


def test_a_fixture_of_another_version_is_refused(tmp_path):
    path = tmp_path / "demo.json"
    path.write_text('{"version": 99}')
    with pytest.raises(DemoFixtureError):
        read_fixture(path)
    path.write_text("{broken")
    with pytest.raises(DemoFixtureError):
        read_fixture(path)
