"""Load the demo newsroom (tribune/newsroom/demo/demo_newsroom.json) into an empty site.

Publication times in the fixture are offsets from "now", so the demo always looks
like a living site: the newest article minutes old, a few scheduled to go live
while you watch.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone

from tribune.core.images import RENDITION_SETS
from tribune.newsroom.blocks import QuestionKind
from tribune.newsroom.models import Article, Author, NewsImage, Section
from tribune.newsroom.services import article_create, article_publish, article_sync_listing_keys
from tribune.taxonomy.models import Tag

FIXTURE = Path(__file__).resolve().parent / "demo" / "demo_newsroom.json"
FIXTURE_VERSION = 1
DEMO_USERNAME = "redactie"


class DemoFixtureError(ValueError):
    pass


@dataclass(frozen=True)
class DemoResult:
    articles: int
    scheduled: int
    images: int


def read_fixture(path: Path = FIXTURE) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DemoFixtureError(f"cannot read demo fixture {path}: {exc}") from exc
    if data.get("version") != FIXTURE_VERSION:
        raise DemoFixtureError(f"demo fixture {path} has version {data.get('version')!r}, expected {FIXTURE_VERSION}")
    return data


def demo_is_loaded() -> bool:
    return Article.objects.exists()


def demo_editor_ensure(*, password_file: Path) -> tuple[str, str]:
    """The demo's newsroom login; the password is made once and kept beside the database."""
    user_model = get_user_model()
    if password_file.exists():
        password = password_file.read_text(encoding="utf-8").strip()
    else:
        password = secrets.token_urlsafe(12)
        password_file.write_text(password + "\n", encoding="utf-8")
        password_file.chmod(0o600)
    user, _ = user_model.objects.get_or_create(
        username=DEMO_USERNAME,
        defaults={"first_name": "Demo", "last_name": "Redactie", "email": "redactie@example.org"},
    )
    user.is_staff = True
    user.is_superuser = True
    user.set_password(password)
    user.save()
    return DEMO_USERNAME, password


def _image(spec: dict[str, Any]) -> NewsImage:
    from tribune.newsroom.demo.images import render_demo_image

    data = render_demo_image(motif=spec["motif"], colour=spec["colour"], seed=spec["seed"])
    image = NewsImage(
        title=spec["title"],
        credit=spec.get("credit", ""),
        caption=spec.get("caption", ""),
        file=ImageFile(BytesIO(data), name=f"{spec['key']}.jpg"),
    )
    focal = spec.get("focal_point")
    if focal:
        image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = focal
    image.save()
    # Render every size the templates use now, so the first page view is fast.
    image.get_renditions(*[spec for rendition_set in RENDITION_SETS.values() for spec in rendition_set.specs])
    return image


# Open "wie/wat/hoe" questions invite comments; a yes/no question makes a good poll.
OPEN_QUESTION_WORDS = frozenset({"wie", "wat", "hoe", "welke", "welk", "hoeveel", "waar", "waarom", "wanneer"})
POLL_ANSWERS = ["Ja", "Nee", "Ik twijfel nog"]


def _reader_question(value: dict[str, Any]) -> dict[str, Any]:
    question = value["question"]
    if question.split()[0].lower() in OPEN_QUESTION_WORDS:
        return {"question": question, "kind": QuestionKind.OPEN, "options": [], "closed": False}
    return {"question": question, "kind": QuestionKind.POLL, "options": POLL_ANSWERS, "closed": False}


def _body(blocks: list[dict[str, Any]], *, articles: dict[str, Article], images: dict[str, NewsImage]) -> list[dict]:
    body = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "read_also":
            value = articles[value].pk
        elif kind == "image":
            value = {"image": images[value["image"]].pk, "caption": value.get("caption", "")}
        elif kind == "reader_question":
            value = _reader_question(value)
        body.append({"type": kind, "value": value})
    return body


def load_demo(
    *, fixture: dict[str, Any], user: Any = None, progress: Callable[[int, int], None] | None = None
) -> DemoResult:
    now = timezone.now()
    sections = {
        s["slug"]: Section.objects.create(
            slug=s["slug"],
            name=s["name"],
            colour=s["colour"],
            description=s.get("description", ""),
            sort_order=s.get("sort_order", 100),
            show_on_home=s.get("show_on_home", True),
        )
        for s in fixture["sections"]
    }
    authors = {
        a["slug"]: Author.objects.create(slug=a["slug"], name=a["name"], role=a.get("role", ""), bio=a.get("bio", ""))
        for a in fixture["authors"]
    }
    tags = {t["slug"]: Tag.objects.create(slug=t["slug"], name=t["name"], kind=t["kind"]) for t in fixture["tags"]}
    images = {spec["key"]: _image(spec) for spec in fixture["images"]}

    # Oldest first, so every "Lees ook" target exists before the article that links to it.
    ordered = sorted(fixture["articles"], key=lambda a: -a["published_offset_minutes"])
    articles: dict[str, Article] = {}
    scheduled = 0
    for index, spec in enumerate(ordered):
        with transaction.atomic():
            article = article_create(
                headline=spec["headline"],
                slug=spec["slug"],
                section=sections[spec["section"]],
                lead=spec["lead"],
                authors=[authors[slug] for slug in spec["authors"]],
                tags=[tags[slug] for slug in spec["tags"]],
                image=images[spec["image"]] if spec.get("image") else None,
                is_featured=spec.get("featured", False),
                body=_body(spec["body"], articles=articles, images=images),
                user=user,
            )
            published_at = now - timedelta(minutes=spec["published_offset_minutes"])
            if published_at > now:
                article_publish(article=article, user=user, go_live_at=published_at)
                scheduled += 1
            else:
                article_publish(article=article, user=user)
                updated = spec.get("updated_offset_minutes")
                Article.objects.filter(pk=article.pk).update(
                    first_published_at=published_at,
                    last_published_at=now - timedelta(minutes=updated) if updated is not None else published_at,
                    created_at=published_at,
                )
                article.refresh_from_db()
                article_sync_listing_keys(article=article)
        articles[spec["key"]] = article
        if progress:
            progress(index + 1, len(ordered))
    return DemoResult(articles=len(articles) - scheduled, scheduled=scheduled, images=len(images))
