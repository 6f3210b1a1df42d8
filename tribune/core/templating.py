"""The reader pages' template engine: Jinja2, with Tribune's helpers as globals and filters.

Why Jinja2 and not Django's template language for the pages readers see: on an uncached article page the
template engine took more than half of the app server's CPU, most of it the engine's own work (resolving
variables node by node, `{% translate %}`, `{% include %}`) rather than the page's. Jinja2 compiles a template
to Python once; the same page renders in a fraction of the time (docs/performance.md, section 13). The newsroom
(Wagtail's admin) and Django's form widgets keep Django's engine.

The helpers are the functions behind the `{% load tribune %}`-style tags, so both engines print the same HTML:
a helper that needs the page (its clock, its request) takes Jinja2's context through `page_helper`.

Translations: templates call `_("…")`, which `manage.py makemessages` extracts from these files as it does
from Django templates (`{{ _("…") }}` is valid in both); strings with a number use a helper (`vote_total`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from jinja2 import Environment, Undefined, pass_context
from jinja2.runtime import Context

from tribune.core.templatetags import tribune as core_tags
from tribune.distribution.templatetags import distribution as distribution_tags
from tribune.engagement.templatetags import engagement as engagement_tags
from tribune.newsroom.body import RenderedBody


def page_helper(function: Callable[..., Any]) -> Callable[..., Any]:
    """A tag function that takes the page's context first, as a Jinja2 global receiving the template's context."""

    @wraps(function)
    def helper(context: Context, *args: Any, **kwargs: Any) -> Any:
        return function(context, *args, **kwargs)

    return pass_context(helper)


def linebreaksbr(text: str) -> SafeString:
    """Escaped text with its line breaks as <br>."""
    return defaultfilters.linebreaksbr(text, autoescape=True)


def url(name: str, *args: Any) -> str:
    """`{% url %}`: the same few names on every page, so each address is worked out once per process."""
    return _reverse(get_script_prefix(), get_urlconf(), name, args)


@lru_cache(maxsize=4096)
def _reverse(prefix: str, urlconf: str | None, name: str, args: tuple[Any, ...]) -> str:
    # The prefix and the request's URLconf are part of the key: reverse() depends on both (a server may mount
    # the site under a path). No language: Tribune's addresses are not translated (no i18n_patterns).
    return reverse(name, urlconf=urlconf, args=args or None)


@receiver(setting_changed)
def _forget_addresses(*, setting: str, **kwargs: Any) -> None:
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()


@pass_context
def article_body(context: Context, body: RenderedBody) -> Any:
    # Live blocks get the page's variables, as `{% include_block %}` gives them.
    return body.render(context.get_all())


def environment(**options: Any) -> Environment:
    # Django's backend prints a missing variable as its own source when DEBUG is on; a page should look the
    # same in development and production, as with Django's engine.
    options["undefined"] = Undefined
    env = Environment(**options)
    env.globals.update(
        {
            # For templates rendered without a request; a page gets the faster per-language `_` of
            # tribune.core.context_processors.reader_page, which its context puts in front of this one.
            "_": gettext,
            "static": static,
            "url": url,
            "article_body": article_body,
            "article_head": distribution_tags.article_head,
            "website_head": distribution_tags.website_head,
            "comment_item": page_helper(engagement_tags.comment_item),
            "vote_total": engagement_tags.vote_total,
            "fulltime": core_tags.fulltime,
            "inline_script": core_tags.inline_script,
            "inline_static": core_tags.inline_static,
            "preload_image": core_tags.preload_image,
            "reactions": core_tags.reactions,
            "recent_items": page_helper(core_tags.recent_items),
            "responsive_image": core_tags.responsive_image,
            "site_nav": core_tags.site_nav,
            "teaser_card": page_helper(core_tags.teaser_card),
        }
    )
    env.filters.update(
        {
            "comment_body": engagement_tags.comment_body,
            "linebreaksbr": linebreaksbr,
            "teaser": core_tags.teaser,
        }
    )
    return env
