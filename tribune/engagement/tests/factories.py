from __future__ import annotations

import itertools
from typing import Any

from django.test import override_settings

from tribune.engagement.identity import Reader, keyed_hash
from tribune.engagement.models import CommentPolicy, ModerationMode
from tribune.engagement.services import comment_create
from tribune.newsroom.models import Article
from tribune.newsroom.tests.factories import published_article

_readers = itertools.count(1)


def reader(name: str | None = None, *, address: str = "192.0.2.10") -> Reader:
    """A distinct reader (browser) per call unless `name` repeats."""
    token = name or f"reader-{next(_readers)}"
    return Reader(
        reader_hash=keyed_hash("reader", token),
        address_hash=keyed_hash("address", address),
        address=address,
        token=token,
        is_new=False,
    )


def default_site() -> Any:
    """Wagtail's default site; a transactional test starts without the migrated one."""
    from wagtail.models import Locale, Page, Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Locale.objects.get_or_create(language_code="nl-be")
        root = Page.get_first_root_node() or Page.add_root(title="Root")
        site = Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)
    return site


def policy(**overrides: Any) -> CommentPolicy:
    """The site's comment policy, post-moderated unless told otherwise."""
    site = default_site()
    values = {"moderation_mode": ModerationMode.POST, **overrides}
    instance, _ = CommentPolicy.objects.update_or_create(site=site, defaults=values)
    return instance


POLL_QUESTION = "Ziet u hem nog terug als trainer aan de slag gaan?"


def poll_article(
    *, options: tuple[str, ...] = ("Ja", "Nee", "Weet niet"), closed: bool = False, **kwargs: Any
) -> Article:
    return published_article(
        body=[
            {"type": "paragraph", "value": "<p>Tekst.</p>"},
            {
                "type": "reader_question",
                "value": {"question": POLL_QUESTION, "kind": "poll", "options": list(options), "closed": closed},
            },
        ],
        **kwargs,
    )


@override_settings(TRIBUNE_COMMENT_RATE_SECONDS=0)
def published_comment(
    *, article: Article, body: str = "Sterk artikel, bedankt.", author_name: str = "Lezer", **kwargs: Any
):
    outcome = comment_create(
        article=article,
        author_name=author_name,
        body=body,
        reader=kwargs.pop("reader", None) or reader(),
        policy=kwargs.pop("policy", None) or policy(),
        **kwargs,
    )
    return outcome.comment


# Long enough for every string of the naughty list, short enough to keep a 1 MB body a refusal.
NAUGHTY_MAX_LENGTH = 3000


def comments_without_limits(settings: Any) -> Any:
    """Reader comments with no waits, no duplicate check and one page for all: for tests that post hundreds."""
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0
    # "true" and "True" are one text to the duplicate check; each string must get its own turn.
    settings.TRIBUNE_COMMENT_DUPLICATE_SECONDS = 0
    settings.TRIBUNE_COMMENT_PAGE_SIZE = 5000
    settings.TRIBUNE_COMMENT_MAX_LENGTH = NAUGHTY_MAX_LENGTH
    return settings
