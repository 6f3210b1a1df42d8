"""Synthetic articles in bulk, for scale tests (up to millions).

Rows are written with bulk_create in batches, bypassing revisions: a synthetic
archive is history, not something an editor will reopen. Publication times run
back from now a few minutes apart, like a busy newsroom's archive.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tribune.newsroom.models import Article, ArticleAuthor, Author, NewsImage, Section, reader_slug

BATCH_SIZE = 2000
MAX_COUNT = 1_000_000

SUBJECTS = [
    "Spits",
    "Doelman",
    "Trainer",
    "Kopman",
    "Kapitein",
    "Jonge belofte",
    "Middenvelder",
    "Verdediger",
    "Sprinter",
    "Klimmer",
    "Titelverdediger",
    "Debutant",
    "Routinier",
    "Nummer één",
    "Revelatie",
]
VERBS = [
    "verlengt contract bij",
    "scoort twee keer tegen",
    "blesseert zich tegen",
    "wint spektakelstuk tegen",
    "verliest finale van",
    "trekt naar",
    "maakt rentree tegen",
    "stunt tegen",
    "redt punt tegen",
    "neemt afscheid van",
    "klopt",
    "gaat onderuit tegen",
]
OBJECTS = [
    "KV Scheldeboorden",
    "Sporting Lierse Vallei",
    "FC Kempenland",
    "Racing Maasmechelen",
    "SK Dender-Oost",
    "Royal Ardennes",
    "Westhoek United",
    "AS Brabantia",
    "Olympic Zennevallei",
    "KSV Polderstreek",
]
LEAD_TEMPLATES = [
    "{subject} {verb} {object}. In een wedstrijd met veel wendingen viel de beslissing pas in de slotfase, "
    "tot grote vreugde van de meegereisde supporters.",
    "Na weken van speculatie is het nu officieel: {subject_lower} {verb} {object}. De club bevestigde het nieuws "
    "op een persmoment.",
    "Het was geen avond om snel te vergeten: {subject_lower} {verb} {object}, en dat na een moeizame start van "
    "het seizoen.",
]
PARAGRAPHS = [
    "De eerste helft bracht weinig spektakel. Beide ploegen hielden elkaar in evenwicht en kansen bleven schaars.",
    "Na de rust ging het tempo omhoog. De thuisploeg drukte door en werd in het laatste kwartier beloond.",
    "In de perszaal bleef de trainer nuchter. Er is nog werk, maar de ploeg toont karakter, klonk het.",
    "Volgende week wacht een nieuwe test, op verplaatsing, tegen een rechtstreekse concurrent.",
]


def _body(rng: random.Random) -> list[dict[str, object]]:
    paragraphs = rng.sample(PARAGRAPHS, k=3)
    return [
        {"type": "paragraph", "value": f"<p>{paragraphs[0]}</p>"},
        {"type": "subheading", "value": "De analyse"},
        {"type": "paragraph", "value": f"<p>{paragraphs[1]}</p>"},
        {"type": "paragraph", "value": f"<p>{paragraphs[2]}</p>"},
    ]


def _ensure_taxonomy() -> tuple[list[Section], list[Author], list[int]]:
    from tribune.taxonomy.models import Tag, TagKind

    sections = list(Section.objects.all())
    if not sections:
        sections = [Section.objects.create(name=f"Rubriek {i}", slug=f"rubriek-{i}", sort_order=i) for i in range(1, 9)]
    authors = list(Author.objects.all())
    if not authors:
        authors = [Author.objects.create(name=f"Auteur {i}", slug=f"auteur-{i}") for i in range(1, 11)]
    tag_ids = list(Tag.objects.values_list("id", flat=True))
    if len(tag_ids) < 50:
        Tag.objects.bulk_create(
            [Tag(name=f"Synthetische tag {i}", slug=f"synthetische-tag-{i}", kind=TagKind.CLUB) for i in range(1, 201)],
            ignore_conflicts=True,
        )
        tag_ids = list(Tag.objects.values_list("id", flat=True))
    return sections, authors, tag_ids


def article_bulk_generate(
    *,
    count: int,
    seed: int = 1,
    spacing: timedelta = timedelta(minutes=3),
    progress: Callable[[int], None] | None = None,
) -> int:
    """Create `count` live synthetic articles older than every existing one. Returns how many."""
    from tribune.taxonomy.models import ArticleTag

    if not 1 <= count <= MAX_COUNT:
        raise ValueError(f"count must be between 1 and {MAX_COUNT:,}")
    rng = random.Random(seed)
    sections, authors, tag_ids = _ensure_taxonomy()
    image_ids = list(NewsImage.objects.values_list("id", flat=True)[:200])
    oldest = (
        Article.objects.filter(live=True)
        .order_by("first_published_at")
        .values_list("first_published_at", flat=True)
        .first()
    )
    moment = (oldest or timezone.now()) - spacing
    created = 0
    while created < count:
        batch_size = min(BATCH_SIZE, count - created)
        articles = []
        for _ in range(batch_size):
            subject, verb, obj = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
            number = rng.randrange(1, 10**6)
            headline = f"{subject} {verb} {obj} ({number})"
            lead = rng.choice(LEAD_TEMPLATES).format(
                subject=subject, subject_lower=subject.lower(), verb=verb, object=obj
            )
            articles.append(
                Article(
                    headline=headline,
                    slug=reader_slug(headline) or "artikel",
                    section=rng.choice(sections),
                    lead=lead,
                    body=_body(rng),
                    image_id=rng.choice(image_ids) if image_ids and rng.random() < 0.7 else None,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=moment,
                    last_published_at=moment,
                )
            )
            moment -= spacing * rng.uniform(0.2, 1.8)
        with transaction.atomic():
            Article.objects.bulk_create(articles, batch_size=BATCH_SIZE)
            author_links, tag_links = [], []
            for article in articles:
                keys = {"live": True, "published_at": article.first_published_at}
                author_links.append(
                    ArticleAuthor(article_id=article.pk, author=rng.choice(authors), sort_order=0, **keys)
                )
                for order, tag_id in enumerate(rng.sample(tag_ids, k=rng.randint(1, 3))):
                    tag_links.append(ArticleTag(article_id=article.pk, tag_id=tag_id, sort_order=order, **keys))
            ArticleAuthor.objects.bulk_create(author_links, batch_size=BATCH_SIZE)
            ArticleTag.objects.bulk_create(tag_links, batch_size=BATCH_SIZE)
        created += batch_size
        if progress:
            progress(created)
    return created
