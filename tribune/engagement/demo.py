"""Demo reader engagement: comments, replies, likes, a moderation queue and poll votes.

Written in bulk (like the synthetic articles of tribune_generate_articles), with the
counts computed from the rows themselves, so they are exactly what the services
would have produced. Deterministic: the same seed gives the same demo.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tribune.engagement.identity import keyed_hash, text_hash
from tribune.engagement.models import (
    ArticleEngagement,
    Comment,
    CommentDecision,
    CommentReport,
    CommentStatus,
    DecisionAction,
    Poll,
    PollOption,
    PollVote,
    ReportReason,
    Rule,
)
from tribune.newsroom.models import Article

NAMES = [
    "Sportfan uit Lier",
    "Jef V.",
    "Lotte D.",
    "Marc",
    "Annelies",
    "Kris uit Genk",
    "Wielerliefhebber",
    "Bart M.",
    "Nathalie",
    "Geert",
    "Ilse V.",
    "Tom uit Brugge",
    "Pieter-Jan",
    "Sofie",
    "Dirk",
    "Els uit Aalst",
    "Hockeymama",
    "Youssef",
    "Ruben",
    "Karen",
]

COMMENTS = [
    "Sterk stuk, bedankt voor de achtergrond.",
    "Eindelijk eens iemand die het hardop zegt.",
    "Ik was er zondag bij, de sfeer was fantastisch.",
    "Benieuwd of ze dit niveau het hele seizoen kunnen volhouden.",
    "Jammer van die late tegengoal, ze verdienden meer.",
    "De trainer moet dringend iets aan de verdediging doen.",
    "Mooi om te zien hoe de jeugd zijn kans grijpt.",
    "Dat blijft toch een van de mooiste wedstrijden van het jaar.",
    "Ik heb er een hard hoofd in, maar we zullen zien.",
    "Wat een seizoen tot nu toe. Chapeau!",
    "De scheidsrechter had hier een grote invloed op de uitslag.",
    "Eerlijk gezegd verwachtte ik veel meer van deze ploeg.",
    "Prachtige foto's ook, complimenten aan de fotograaf.",
    "Volgende week wordt de echte test.",
    "Die transfer gaat zich nog terugbetalen, let op mijn woorden.",
    "Respect voor die inzet, ook al zat het resultaat niet mee.",
    "Ik mis de tijd dat dit gewoon op open televisie kwam.",
    "Hopelijk is die blessure niet te erg.",
    "Wie heeft de samenvatting gezien? Die tweede goal was wereldklasse.",
    "Goed dat jullie hier aandacht aan besteden.",
    "Dit had ik een maand geleden al voorspeld.",
    "Leuk om eens een verhaal over een kleinere sport te lezen.",
    "Daar zit nog veel meer in, die ploeg is nog niet klaar.",
    "Alle lof voor de supporters, die bleven zingen tot het einde.",
    "De cijfers liegen niet: ze zijn gewoon te wisselvallig.",
    "Zelf gespeeld in die reeks, het niveau is echt gestegen.",
]

# The reference story (Steven Defour's London Marathon) gets reactions about it.
REFERENCE_SLUG = "defour-loopt-marathon"
REFERENCE_COMMENTS = [
    "3:26 voor een eerste marathon, dat is echt een mooie tijd.",
    "Knap dat hij er meteen geld mee inzamelt voor het Ronald McDonald Kinderfonds.",
    "Als analist doet hij het trouwens ook goed, altijd een duidelijke uitleg.",
    "Ik zie hem nog wel eens terugkeren als trainer, maar niet meteen.",
    "Londen lopen staat ook op mijn lijstje. Respect!",
    "Mooi om te zien dat oud-spelers zo'n uitdaging aangaan.",
    "Die periode in Mechelen was moeilijk, maar hij heeft er veel uit geleerd denk ik.",
    "Proficiat aan het koppel trouwens!",
]

REPLIES = [
    "Helemaal mee eens.",
    "Dat zie ik toch anders: de tweede helft was veel beter.",
    "Inderdaad, en dat vergeten veel mensen.",
    "Ik was er ook bij! Onvergetelijk.",
    "Wacht maar tot het einde van het seizoen.",
    "Goed punt, daar had ik nog niet aan gedacht.",
]

# Not published: what the moderators find in the queue of the demo.
QUEUED = [
    "Koop hier goedkope tickets: www.tickets-goedkoop.example en www.nog-een-link.example en www.derde.example",
    "Eerste keer dat ik reageer: mooi artikel!",
    "Die spelers verdienen veel te veel voor wat ze laten zien.",
]

MAX_COMMENTS_PER_ARTICLE = 24
REPLY_SHARE = 0.25
# The stories a visitor opens first always have a conversation going.
FRONT_PAGE_RANKS = 8
MIN_COMMENTS_ON_FRONT = 6
DEMO_ADDRESS = "192.0.2.1"  # TEST-NET-1: the demo holds no real network address


@dataclass(frozen=True)
class DemoEngagement:
    comments: int
    pending: int
    votes: int


def _reader(index: int) -> str:
    return keyed_hash("reader", f"demo-reader-{index}")


@transaction.atomic
def load_demo_engagement(*, seed: int = 2026) -> DemoEngagement:
    """Comments on the live demo articles (newer ones draw more), a few waiting for moderation, poll votes."""
    rng = random.Random(seed)
    now = timezone.now()
    articles = list(Article.objects.filter(live=True).order_by("-first_published_at")[:400])
    address_hash = keyed_hash("address", DEMO_ADDRESS)
    comments: list[Comment] = []
    for rank, article in enumerate(articles):
        # Recent and featured stories draw the crowd; old ones are quiet.
        expected = MAX_COMMENTS_PER_ARTICLE / (1 + rank / 12) * (1.5 if article.is_featured else 1)
        count = min(MAX_COMMENTS_PER_ARTICLE, int(rng.expovariate(1 / max(expected, 0.5))))
        if rank < FRONT_PAGE_RANKS or article.is_featured:
            count = max(count, MIN_COMMENTS_ON_FRONT)
        published_at = article.first_published_at or now
        # Most reactions come in the first hours after publication.
        window = max(60.0, min((now - published_at).total_seconds(), 8 * 3600.0))
        pool = REFERENCE_COMMENTS if REFERENCE_SLUG in article.slug else COMMENTS
        for number in range(count):
            posted = published_at + timedelta(seconds=window * rng.betavariate(1.2, 3))
            writer = rng.randrange(200)
            body = pool[number % len(pool)] if pool is REFERENCE_COMMENTS else rng.choice(pool)
            comments.append(
                Comment(
                    article=article,
                    author_name=rng.choice(NAMES),
                    body=body,
                    status=CommentStatus.PUBLISHED,
                    like_count=int(rng.expovariate(1 / 3)),
                    published_at=posted,
                    reader_hash=_reader(writer),
                    address_hash=address_hash,
                    body_hash=text_hash(body),
                )
            )
    Comment.objects.bulk_create(comments, batch_size=1000)
    created = list(Comment.objects.filter(parent__isnull=True).order_by("id"))
    replies = []
    for parent in rng.sample(created, int(len(created) * REPLY_SHARE)):
        for _number in range(rng.randint(1, 3)):
            body = rng.choice(REPLIES)
            replies.append(
                Comment(
                    article_id=parent.article_id,
                    parent=parent,
                    author_name=rng.choice(NAMES),
                    body=body,
                    status=CommentStatus.PUBLISHED,
                    like_count=int(rng.expovariate(1 / 2)),
                    published_at=min((parent.published_at or now) + timedelta(minutes=rng.randint(1, 90)), now),
                    reader_hash=_reader(rng.randrange(200, 400)),
                    address_hash=address_hash,
                    body_hash=text_hash(body),
                )
            )
    Comment.objects.bulk_create(replies, batch_size=1000)
    if created:
        for featured in rng.sample(created, min(12, len(created))):
            Comment.objects.filter(pk=featured.pk).update(is_featured=True)

    pending = []
    for index, body in enumerate(QUEUED * 3):
        article = articles[index % min(len(articles), 10)] if articles else None
        if article is None:
            break
        pending.append(
            Comment(
                article=article,
                author_name=rng.choice(NAMES),
                body=body,
                status=CommentStatus.PENDING,
                reader_hash=_reader(1000 + index),
                address_hash=address_hash,
                body_hash=text_hash(body),
            )
        )
    Comment.objects.bulk_create(pending)
    decisions = [
        CommentDecision(comment=comment, action=DecisionAction.PUBLISHED, rule=Rule.POST_MODERATION)
        for comment in Comment.objects.filter(status=CommentStatus.PUBLISHED).only("id")
    ]
    rules = [Rule.LINK_LIMIT, Rule.FIRST_TIME, Rule.PRE_MODERATION]
    decisions += [
        CommentDecision(comment=comment, action=DecisionAction.QUEUED, rule=rules[index % len(rules)])
        for index, comment in enumerate(Comment.objects.filter(status=CommentStatus.PENDING).only("id"))
    ]
    CommentDecision.objects.bulk_create(decisions, batch_size=1000)
    # A few published comments that readers reported: the other half of the queue.
    if created:
        for index, comment in enumerate(rng.sample(created, min(4, len(created)))):
            CommentReport.objects.create(
                comment=comment, reader_hash=_reader(2000 + index), reason=ReportReason.ABUSE, note=""
            )
            Comment.objects.filter(pk=comment.pk).update(report_count=1)

    counts = Counter(
        Comment.objects.filter(status=CommentStatus.PUBLISHED).values_list("article_id", flat=True).iterator()
    )
    ArticleEngagement.objects.bulk_create(
        [ArticleEngagement(article_id=article_id, reaction_count=count) for article_id, count in counts.items()],
        update_conflicts=True,
        update_fields=["reaction_count"],
        unique_fields=["article"],
    )

    votes = 0
    for poll in Poll.objects.all():
        options = list(PollOption.objects.filter(poll=poll).order_by("position"))
        weights = [rng.random() + 0.2 for _option in options]
        rows = []
        for voter in range(rng.randint(40, 400)):
            position = rng.choices(range(len(options)), weights=weights)[0]
            rows.append(PollVote(poll=poll, position=position, reader_hash=_reader(10_000 + voter)))
        PollVote.objects.bulk_create(rows, batch_size=1000)
        tally = Counter(row.position for row in rows)
        for option in options:
            PollOption.objects.filter(pk=option.pk).update(votes=tally[option.position])
        votes += len(rows)
    return DemoEngagement(comments=len(comments) + len(replies), pending=len(pending), votes=votes)
