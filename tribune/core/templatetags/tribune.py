"""Reader-facing formatting: relative times, teasers, responsive images."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tribune.core.images import RENDITION_SETS, filters_for

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
    local, local_now = timezone.localtime(moment), timezone.localtime(now)
    delta = now - moment
    if delta < timedelta(minutes=1):
        return _("net gepubliceerd")
    if delta < timedelta(hours=1):
        minutes = int(delta.total_seconds() // 60)
        return _("%(minutes)s min. geleden") % {"minutes": minutes}
    if local.date() == local_now.date():
        hours = int(delta.total_seconds() // 3600)
        return ngettext("%(hours)s uur geleden", "%(hours)s uur geleden", hours) % {"hours": hours}
    if local.date() == local_now.date() - timedelta(days=1):
        return _("gisteren")
    if local.year == local_now.year:
        return formats.date_format(local, "j b")
    return formats.date_format(local, "j b Y")


@register.simple_tag
def reltime(moment: datetime | None) -> SafeString:
    """A <time> element with a relative Dutch label ("12 min. geleden")."""
    if moment is None:
        return SafeString("")
    return format_html(
        '<time datetime="{}">{}</time>',
        moment.isoformat(timespec="seconds"),
        relative_time_text(moment, timezone.now()),
    )


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
) -> SafeString:
    """<img srcset> for a named rendition set (see tribune.core.images).

    `sizes` overrides the set's own when a layout shows the same renditions narrower
    (the home page's teasers are thumbnails on a phone).
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
        SafeString(' fetchpriority="high"') if priority else "",
    )


_inline_cache: dict[str, SafeString] = {}


@register.simple_tag
def inline_static(path: str) -> SafeString:
    """The contents of a static file, for inlining critical CSS into <style>.

    One request less on the critical path of a phone on a slow network; read once
    per process.
    """
    if path not in _inline_cache:
        from django.contrib.staticfiles import finders

        found = finders.find(path)
        if not found:
            raise template.TemplateSyntaxError(f"static file {path!r} not found")
        with open(found, encoding="utf-8") as handle:
            _inline_cache[path] = SafeString(handle.read())
    return _inline_cache[path]


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
