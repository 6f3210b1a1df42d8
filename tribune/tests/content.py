"""A small, realistic reader site for the front-end tests.

Every page type with every article block, made through the newsroom's services
(via the factories), so the browser, accessibility and HTML checks look at what
readers get: sections in their own colours, images with renditions, tags of
each kind, several authors, a reader question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Collection

from tribune.engagement.models import Comment, Poll
from tribune.engagement.services import comment_feature, poll_vote
from tribune.engagement.tests.factories import policy, poll_article, published_comment, reader
from tribune.newsroom.models import Article, Author, NewsImage, Section
from tribune.newsroom.tests.factories import AuthorFactory, NewsImageFactory, SectionFactory, published_article
from tribune.taxonomy.models import Tag, TagKind
from tribune.taxonomy.tests.factories import TagFactory

SECTIONS = [
    ("Voetbal", "voetbal", "#0a7c3e"),
    ("Wielrennen", "wielrennen", "#b3261e"),
    ("Tennis", "tennis", "#8a4b08"),
    ("Basketbal", "basketbal", "#6d28d9"),
]

READ_ALSO_HEADLINE = "Mechelen zoekt een nieuwe trainer na de nederlaag in Brugge"
MAIN_HEADLINE = "Defour loopt de marathon van Londen voor het goede doel"
READER_QUESTION = "Ziet u Steven Defour nog terugkeren als trainer in de Jupiler Pro League?"
EXTERNAL_URL = "https://www.strava.com/activities/14302771013"


def picture(colour: str, *, width: int = 960, height: int = 540, seed: int = 0) -> ImageFile:
    """A JPEG with a diagonal band and a ball, so screenshots show real image areas."""
    image = PILImage.new("RGB", (width, height), colour)
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, height), (width * 0.55, 0), (width * 0.75, 0), (width * 0.2, height)], fill="#f2f2ef")
    radius = height // 6
    x, y = int(width * (0.62 + 0.05 * (seed % 4))), int(height * 0.6)
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill="#fafafa", outline="#202020", width=6)
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return ImageFile(buffer, name=f"beeld-{seed}.jpg")


@dataclass
class ReaderSite:
    sections: list[Section]
    authors: list[Author]
    tags: list[Tag]
    image: NewsImage
    article: Article  # every block, two authors, tags, comments with a reply
    read_also: Article  # the article its LEES OOK points to
    poll: Article  # a closed poll with votes: its results show without a cookie
    thread: Comment  # a comment with replies
    articles: list[Article] = field(default_factory=list)  # everything, newest first

    def urls(self) -> dict[str, str]:
        """One address per reader page type."""
        return {
            "home": "/",
            "article": self.article.get_absolute_url(),
            "section": self.sections[0].get_absolute_url(),
            "archive": "/nieuws/",
            "tag": self.tags[0].get_absolute_url(),
            "author": self.authors[0].get_absolute_url(),
            "poll": self.poll.get_absolute_url(),
            "comment thread": f"/reacties/{self.thread.pk}/",
            "report": f"/reacties/{self.thread.pk}/melden/",
            "404": "/dit-bestaat-niet/",
        }


def every_block_body(*, read_also: Article, image: NewsImage) -> list[dict]:
    return [
        {
            "type": "paragraph",
            "value": "<p>Steven Defour loopt zondag de marathon van Londen. De oud-international van "
            "<b>Standard</b> en <b>Anderlecht</b> zamelt zo geld in voor onderzoek naar ALS.</p>",
        },
        {"type": "subheading", "value": "Voor het goede doel"},
        {
            "type": "paragraph",
            "value": "<p>Hij traint al maanden, meestal 's ochtends vroeg langs de Dijle. "
            '<a href="https://www.londonmarathonevents.co.uk/">De wedstrijd</a> start om 10 uur.</p>',
        },
        {"type": "read_also", "value": read_also.pk},
        {"type": "image", "value": {"image": image.pk, "caption": "Defour tijdens een training in Mechelen"}},
        {
            "type": "external_link",
            "value": {
                "url": EXTERNAL_URL,
                "title": "Defour op Strava: 32 kilometer in 2 uur 21",
                "description": "Zijn langste duurloop van de voorbereiding.",
            },
        },
        {
            "type": "quote",
            "value": {"text": "Lopen is het nieuwe voetballen.\nAlleen zonder bal.", "attribution": "Steven Defour"},
        },
        {"type": "paragraph", "value": "<p>Zijn doel: onder de drie uur blijven.</p>"},
        {"type": "reader_question", "value": {"question": READER_QUESTION}},
    ]


def build_reader_site(*, extra_articles: int = 8) -> ReaderSite:
    now = timezone.now()
    if not Collection.objects.exists():
        # A transactional test starts from a flushed database, without Wagtail's migrated rows.
        Collection.add_root(name="Root")
    sections = [SectionFactory(name=name, slug=slug, colour=colour) for name, slug, colour in SECTIONS]
    authors = [
        AuthorFactory(name="Jan Peeters", slug="jan-peeters", role="Voetbalredacteur", bio="Volgt de Pro League."),
        AuthorFactory(name="Sofie Claes", slug="sofie-claes", role="Sportjournalist"),
    ]
    tags = [
        TagFactory(name="Steven Defour", slug="steven-defour", kind=TagKind.PERSON),
        TagFactory(name="KV Mechelen", slug="kv-mechelen", kind=TagKind.CLUB),
        TagFactory(name="Jupiler Pro League", slug="jupiler-pro-league", kind=TagKind.COMPETITION),
    ]
    images = [
        NewsImageFactory(
            title=f"Beeld {i}",
            file=picture(colour, seed=i),
            caption="Een speler aan de bal",
            credit="Belga",
        )
        for i, (_, _, colour) in enumerate(SECTIONS)
    ]
    articles = []
    for i in range(extra_articles):
        section = sections[i % len(sections)]
        articles.append(
            published_article(
                headline=f"{section.name}: een wedstrijd met veel spektakel en een late winnaar ({i + 1})",
                section=section,
                authors=[authors[i % 2]],
                tags=[tags[i % 3]],
                image=images[i % len(images)],
                published_at=now - timedelta(hours=3 + i * 5),
                is_featured=i == 0,
            )
        )
    read_also = published_article(
        headline=READ_ALSO_HEADLINE,
        section=sections[0],
        authors=[authors[1]],
        tags=[tags[1]],
        image=images[1],
        lead="Na de vierde nederlaag op rij ligt de trainer van KV Mechelen eruit. "
        "Het bestuur praat met drie kandidaten.",
        published_at=now - timedelta(minutes=40),
    )
    article = published_article(
        headline=MAIN_HEADLINE,
        section=sections[0],
        authors=authors,
        tags=tags,
        image=images[0],
        lead="De oud-Rode Duivel loopt zondag zijn eerste marathon. "
        "Hij wil onder de drie uur blijven en zamelt geld in.",
        body=every_block_body(read_also=read_also, image=images[2]),
        published_at=now - timedelta(minutes=12),
        is_featured=True,
    )
    # The newest one points at the main article, as a reader would find it in "Meest recent".
    newest = published_article(
        headline="Zondag loopt Defour in Londen: dit is zijn schema",
        section=sections[0],
        authors=[authors[0]],
        tags=[tags[0]],
        image=images[3],
        body=[
            {"type": "paragraph", "value": "<p>Een overzicht van zijn voorbereiding.</p>"},
            {"type": "read_also", "value": article.pk},
        ],
        published_at=now - timedelta(minutes=3),
    )
    policy()  # post-moderation, on a default site
    thread = published_comment(
        article=article, author_name="Marathonfan", body="Knap! Zie https://www.strava.com/activities/14302771013"
    )
    published_comment(article=article, parent=thread, author_name="Jef", body="Mooi voor het goede doel.\nRespect.")
    featured = published_comment(article=article, author_name="Lotte", body="Straf, en dat na zijn carrière.")
    comment_feature(comment=featured)
    poll = poll_article(
        headline="Peiling: wie wordt de nieuwe trainer van KV Mechelen?",
        section=sections[0],
        authors=[authors[1]],
        image=images[2],
        published_at=now - timedelta(hours=2),
    )
    for position in (0, 0, 1):
        poll_vote(poll=Poll.objects.get(pk=poll.pk), position=position, reader=reader())
    Poll.objects.filter(pk=poll.pk).update(is_closed=True)  # as the editor's "Peiling gesloten" does
    return ReaderSite(
        sections=sections,
        authors=authors,
        tags=tags,
        image=images[0],
        article=article,
        read_also=read_also,
        poll=poll,
        thread=thread,
        articles=[newest, article, read_also, poll, *articles],
    )
