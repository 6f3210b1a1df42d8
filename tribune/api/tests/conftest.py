from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tribune.engagement.tests.factories import poll_article, published_comment
from tribune.newsroom.tests.factories import (
    AuthorFactory,
    NewsImageFactory,
    SectionFactory,
    published_article,
)
from tribune.taxonomy.tests.factories import TagFactory


@pytest.fixture
def content(db):
    """Two sections, three authors, two tags, six articles (one with every block type), comments and a poll."""
    now = timezone.now()
    voetbal = SectionFactory(name="Voetbal", slug="voetbal")
    wielrennen = SectionFactory(name="Wielrennen", slug="wielrennen")
    anna, bram, cas = AuthorFactory(slug="anna"), AuthorFactory(slug="bram"), AuthorFactory(slug="cas")
    club, speler = TagFactory(slug="club-brugge", kind="club"), TagFactory(slug="speler-x")
    image = NewsImageFactory()
    older = published_article(
        headline="Ouder stuk", section=voetbal, authors=[anna], published_at=now - timedelta(days=3)
    )
    rich = published_article(
        headline="Alles erin",
        section=voetbal,
        authors=[anna, bram],
        tags=[club, speler],
        image=image,
        published_at=now - timedelta(hours=1),
        body=[
            {"type": "paragraph", "value": "<p>Een <b>alinea</b>.</p>"},
            {"type": "subheading", "value": "Tussenkop"},
            {"type": "read_also", "value": older.pk},
            {"type": "image", "value": {"image": image.pk, "caption": "Bijschrift"}},
            {
                "type": "external_link",
                "value": {"url": "https://example.org/x", "title": "Elders", "description": "Meer"},
            },
            {"type": "quote", "value": {"text": "Wij winnen", "attribution": "Trainer"}},
            {
                "type": "reader_question",
                "value": {"question": "Winnen ze?", "kind": "poll", "options": ["Ja", "Nee"], "closed": False},
            },
        ],
    )
    cycling = [
        published_article(
            headline=f"Koers {i}",
            section=wielrennen,
            authors=[cas],
            tags=[speler],
            published_at=now - timedelta(hours=2 + i),
        )
        for i in range(3)
    ]
    poll = poll_article(section=wielrennen, authors=[bram], published_at=now - timedelta(days=1))
    first = published_comment(article=rich, body="Eerste reactie")
    published_comment(article=rich, body="Tweede reactie")
    published_comment(article=rich, body="Een antwoord", parent=first)
    return SimpleNamespace(
        voetbal=voetbal,
        wielrennen=wielrennen,
        anna=anna,
        bram=bram,
        cas=cas,
        club=club,
        speler=speler,
        rich=rich,
        older=older,
        cycling=cycling,
        poll=poll,
        first=first,
    )
