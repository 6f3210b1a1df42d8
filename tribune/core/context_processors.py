from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language


def site(request: HttpRequest) -> dict[str, Any]:
    from tribune.delivery.tags import NAVIGATION, tag_request

    tag_request(request, NAVIGATION)
    return {
        "site_name": settings.TRIBUNE_SITE_NAME,
        "site_url": settings.TRIBUNE_SITE_URL,
        # Lazy: evaluated (one small query) only by templates that draw the navigation.
        "nav_sections": SimpleLazyObject(lambda: nav_sections()),
    }


_NAV_FIELDS = ("id", "name", "slug", "colour")


@cache
def _nav_query() -> Any:
    from tribune.core.compiled import CompiledQuery
    from tribune.newsroom.models import Section

    # On every page: compiled once (tribune.core.compiled).
    return Section, CompiledQuery(lambda: Section.objects.values_list(*_NAV_FIELDS), values=())


def nav_sections() -> list[Any]:
    """The sections in the site's menu, in their menu order."""
    section_model, query = _nav_query()
    db = section_model.objects.db
    return [section_model.from_db(db, _NAV_FIELDS, row) for row in query.rows(using=db)]


def reader_page(request: HttpRequest) -> dict[str, Any]:
    """For Jinja2 pages: one "now" per page, for every relative time on it ("12 min. geleden"), and `_`
    translating in the request's language."""
    from tribune.core.templatetags.tribune import Clock

    return {"clock": Clock(), "_": translator(get_language())}


@cache
def translator(language: str) -> Callable[[str], str]:
    """`gettext` for one language that remembers its answers: a page asks for the same few dozen strings on every
    request, and Django's `gettext` finds the active catalog anew each time (a tenth of a page's rendering)."""
    memo: dict[str, str] = {}

    def translate(message: str) -> str:
        try:
            return memo[message]
        except KeyError:
            with translation.override(language):
                text = memo[message] = translation.gettext(message)
            return text

    return translate
