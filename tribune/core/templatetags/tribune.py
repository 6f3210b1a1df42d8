"""Reader-facing formatting: relative times, teasers, responsive images."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from html import escape as html_escape
from typing import Any

from django import template
from django.conf import settings
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tribune.core.images import RENDITION_SETS, filters_for
from tribune.core.security import inline_text
from tribune.delivery.tags import ALL_ARTICLES, article_tag, reactions_tag, tag_request

register = template.Library()

TEASER_LENGTH = 100
ELLIPSIS = "..."


@register.filter
def teaser(text: str, length: int = TEASER_LENGTH) -> str:
    """Cut `text` at the last word boundary before `length` characters and add "..."."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    cut = text[: length + 1]
    space = cut.rfind(" ")
    # Without a space in the second half, a word boundary would cut too much.
    cut = cut[:space] if space > length // 2 else cut[:length]
    return cut.rstrip(" ,;:.-–—") + ELLIPSIS


def relative_time_text(moment: datetime, now: datetime) -> str:
    return Clock(now).text(moment)


class Clock:
    """ "Now" for one page: the relative times of dozens of teasers share it.

    Converting "now" to local time, translating and formatting a date cost more
    than the rest of a teaser; a clock does the first once and remembers labels.
    """

    __slots__ = ("language", "now", "today", "tz", "year", "yesterday")

    def __init__(self, now: datetime | None = None) -> None:
        self.now = now or timezone.now()
        self.language = get_language()
        self.tz = timezone.get_current_timezone()
        local_now = self.now.astimezone(self.tz)
        self.today = local_now.date()
        self.yesterday = self.today - timedelta(days=1)
        self.year = local_now.year

    def text(self, moment: datetime) -> str:
        delta = self.now - moment
        if delta < ONE_MINUTE:
            return _("net gepubliceerd")
        if delta < ONE_HOUR:
            minutes = int(delta.total_seconds() // 60)
            return _("%(minutes)s min. geleden") % {"minutes": minutes}
        day = moment.astimezone(self.tz).date()
        if day == self.today:
            return _hours_ago(self.language, int(delta.total_seconds() // 3600))
        if day == self.yesterday:
            return _("gisteren")
        return _day_label(self.language, day, day.year != self.year)

    def html(self, moment: datetime | None) -> str:
        """<time> with the relative label, as `{% reltime %}` prints it."""
        if moment is None:
            return ""
        return f'<time datetime="{moment.isoformat(timespec="seconds")}">{html_escape(self.text(moment))}</time>'


ONE_MINUTE, ONE_HOUR = timedelta(minutes=1), timedelta(hours=1)


@lru_cache(maxsize=256)
def _hours_ago(language: str, hours: int) -> str:
    # The language is part of the key only so the cache never answers in another one.
    return ngettext("%(hours)s uur geleden", "%(hours)s uur geleden", hours) % {"hours": hours}


@lru_cache(maxsize=4096)
def _day_label(language: str, day: date, with_year: bool) -> str:
    return formats.date_format(day, "j b Y" if with_year else "j b")


_CLOCK = "tribune.clock"


def _clock(context: Any) -> Clock:
    """The clock of this render: one per page, so every teaser on it tells time from the same "now".

    Django's engine keeps it in the render context; a Jinja2 page gets it from the `clock`
    context processor (a template rendered without a request makes its own).
    """
    render_context = getattr(context, "render_context", None)
    if render_context is None:
        return context.get("clock") or Clock()
    clock = render_context.get(_CLOCK)
    if clock is None:
        clock = render_context[_CLOCK] = Clock()
    return clock


@register.simple_tag(takes_context=True)
def reltime(context: template.Context, moment: datetime | None) -> SafeString:
    """A <time> element with a relative Dutch label ("12 min. geleden")."""
    return SafeString(_clock(context).html(moment))


@register.simple_tag
def fulltime(moment: datetime | None) -> SafeString:
    """An absolute Dutch date and time ("27 november 2026, 14:05")."""
    if moment is None:
        return SafeString("")
    local = timezone.localtime(moment)
    return format_html(
        '<time datetime="{}">{}</time>',
        local.isoformat(timespec="seconds"),
        formats.date_format(local, "j F Y, H:i"),
    )


@register.simple_tag
def responsive_image(
    image: object,
    set_name: str,
    alt: str = "",
    css_class: str = "",
    loading: str = "lazy",
    priority: bool = False,
    sizes: str = "",
    low: bool = False,
) -> SafeString:
    """<img srcset> for a named rendition set (see tribune.core.images).

    `sizes` overrides the set's own when a layout shows the same renditions narrower
    (the home page's teasers are thumbnails on a phone). `priority` marks the page's
    largest image (eager, fetchpriority=high); `low` keeps an image in the first
    screen from competing with it for the connection (fetchpriority=low).
    """
    if image is None:
        return SafeString("")
    rendition_set = RENDITION_SETS[set_name]
    renditions = image.get_renditions(*filters_for(set_name))  # type: ignore[attr-defined]
    fallback = renditions[rendition_set.fallback]
    srcset = format_html_join(", ", "{} {}w", ((r.url, r.width) for r in renditions.values()))
    return format_html(
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" class="{}" loading="{}"'
        ' decoding="async"{}>',
        fallback.url,
        srcset,
        sizes or rendition_set.sizes,
        fallback.width,
        fallback.height,
        alt,
        css_class,
        "eager" if priority else loading,
        SafeString(' fetchpriority="high"' if priority else ' fetchpriority="low"' if low else ""),
    )


@register.simple_tag
def preload_image(image: object, set_name: str, sizes: str = "") -> SafeString:
    """<link rel=preload> for the image the page opens with (its largest paint).

    In <head>, before the inline CSS, so a phone asks for the image with the first
    bytes of HTML. Same srcset and sizes as `responsive_image`, so the browser picks
    the same file and fetches it once.
    """
    if image is None:
        return SafeString("")
    renditions = image.get_renditions(*filters_for(set_name))  # type: ignore[attr-defined]
    # No href: a browser without imagesrcset would fetch it and then the <img>'s own choice.
    return format_html(
        '<link rel="preload" as="image" imagesrcset="{}" imagesizes="{}" fetchpriority="high">',
        format_html_join(", ", "{} {}w", ((r.url, r.width) for r in renditions.values())),
        sizes or RENDITION_SETS[set_name].sizes,
    )


@register.simple_tag
def inline_static(path: str) -> SafeString:
    """The contents of a static file, for inlining critical CSS into <style>.

    One request less on the critical path of a phone on a slow network; read once
    per process. Only files in TRIBUNE_CSP_INLINE_STYLES: the reader CSP allows them by hash.
    """
    return inline_text(path, settings.TRIBUNE_CSP_INLINE_STYLES, "TRIBUNE_CSP_INLINE_STYLES")


@register.simple_tag
def inline_script(path: str, **data: str) -> SafeString:
    """`<script data-…>` with a static file's text inside, allowed by the reader CSP by its hash.

    The text is the same on every page (a hash per page would not fit one shared header): what
    varies, such as a hashed static URL, goes in `data-` attributes, read via document.currentScript.
    Only files in TRIBUNE_CSP_INLINE_SCRIPTS.
    """
    text = inline_text(path, settings.TRIBUNE_CSP_INLINE_SCRIPTS, "TRIBUNE_CSP_INLINE_SCRIPTS")
    if "</script" in text.lower():
        raise template.TemplateSyntaxError(f"{path!r} contains </script")
    attributes = format_html_join(
        "", ' data-{}="{}"', ((name.replace("_", "-"), value) for name, value in data.items())
    )
    return format_html("<script{}>{}</script>", attributes, text)


@register.simple_tag
def reactions(count: int | None) -> SafeString:
    """The reaction count of a teaser or article, with a Dutch label for screen readers.

    A tag rather than an included template: listings print dozens of these, and
    `{% blocktranslate count %}` per teaser cost more than the rest of the teaser.
    """
    return _reactions_html(get_language(), count or 0)


@lru_cache(maxsize=2048)
def _reactions_html(language: str, count: int) -> SafeString:
    # Keyed on the active language too, so the cache never serves another language's label.
    return format_html(
        '<span class="reactions" title="{}"><span class="visually-hidden">{} </span>{}</span>',
        ngettext("%(counter)s reactie", "%(counter)s reacties", count) % {"counter": count},
        _("Reacties:"),
        count,
    )


@register.simple_tag(takes_context=True)
def teaser_card(
    context: template.Context,
    item: Any,
    size: str = "",
    image_set: str = "",
    heading: str = "h3",
    show_lead: bool = False,
    hide_section: bool = False,
    priority: bool = False,
    image_sizes: str = "",
    low: bool = False,
) -> SafeString:
    """A teaser: image, section, time, headline, lead, reactions.

    Python rather than an included template: the home page prints about 40 of
    these and an `{% include %}` per teaser was most of its rendering time.
    `item` is an article from `article_listing_queryset` (section and image
    joined, `reaction_count` annotated).
    """
    clock = _clock(context)
    tag_request(context.get("request"), article_tag(item.pk), reactions_tag(item.pk))
    url = html_escape(item.get_absolute_url())
    image = item.image if image_set else None
    modifiers = (f" teaser--{html_escape(size)}" if size else "") + ("" if image else " teaser--text")
    parts = [f'<article class="teaser{modifiers}">\n  ']
    if image:
        picture = responsive_image(image, image_set, alt="", priority=priority, sizes=image_sizes, low=low)
        parts.append(f'<a class="teaser__media" href="{url}" tabindex="-1" aria-hidden="true">{picture}</a>')
    parts.append('\n  <div class="teaser__body">\n    <p class="teaser__meta">')
    if not hide_section:
        section = item.section
        parts.append(
            f'<a class="section-label" href="{html_escape(section.get_absolute_url())}"'
            f' style="--section: {html_escape(section.colour)}">{html_escape(section.name)}</a> '
        )
    tag = html_escape(heading or "h3")
    parts.append(
        f"{clock.html(item.first_published_at)}</p>\n"
        f'    <{tag} class="teaser__headline"><a href="{url}">{html_escape(item.headline)}</a></{tag}>\n    '
    )
    if show_lead:
        parts.append(f'<p class="teaser__lead">{html_escape(teaser(item.lead, 160))}</p>')
    parts.append(f"\n    {_reactions_html(clock.language, item.reaction_count or 0)}\n  </div>\n</article>\n")
    return SafeString("".join(parts))


@register.simple_tag(takes_context=True)
def recent_items(context: template.Context, items: Any) -> SafeString:
    """The rows of "Meest recent": one tag for the whole list, as a template loop over 25 rows cost as much
    as the rows themselves."""
    clock = _clock(context)
    request = context.get("request")
    # "Meest recent" changes with every publication anywhere on the site.
    tag_request(request, ALL_ARTICLES)
    return SafeString("\n    ".join(_recent_item(request, clock, item) for item in items))


def _recent_item(request: Any, clock: Clock, item: Any) -> str:
    tag_request(request, article_tag(item.pk), reactions_tag(item.pk))
    section = item.section
    before, after = _recent_row(
        item.get_absolute_url(),
        section.colour,
        section.name,
        item.headline,
        item.lead,
        item.reaction_count or 0,
        clock.language,
    )
    return f"{before}{clock.html(item.first_published_at)}{after}"


@lru_cache(maxsize=1024)
def _recent_row(
    url: str, colour: str, section: str, headline: str, lead: str, reactions: int, language: str
) -> tuple[str, str]:
    """A "Meest recent" row around its relative time, which is the one part that changes by itself.

    Every page shows the same rows until one of these values changes, and every value the HTML
    is made of is in the key, so a remembered row is always the row these values give.
    """
    return (
        '<li class="recent__item">\n'
        f'      <a class="recent__link" href="{html_escape(url)}">\n'
        f'        <span class="recent__meta"><span class="section-label" style="--section: {html_escape(colour)}">'
        f"{html_escape(section)}</span> ",
        "</span>\n"
        f'        <span class="recent__headline">{html_escape(headline)}</span>\n'
        f'        <span class="recent__teaser">{html_escape(teaser(lead))}</span>\n'
        "      </a>\n"
        f"      {_reactions_html(language, reactions)}\n"
        "    </li>",
    )


@register.simple_tag
def site_nav(sections: Any, current: Any = None) -> SafeString:
    """The menu's items, `current` marked (a tag, not a template loop: it is on every page)."""
    current_pk = getattr(current, "pk", None)
    items = []
    for section in sections:
        marked = ' aria-current="page"' if current_pk is not None and section.pk == current_pk else ""
        items.append(
            f'<li><a href="{html_escape(section.get_absolute_url())}" style="--section: {html_escape(section.colour)}"'
            f"{marked}>{html_escape(section.name)}</a></li>"
        )
    return SafeString("".join(items))
