"""Comments on the page: plain text (escaped, links made clickable, line breaks kept), rendered in Python.

A thread page shows dozens of comments; an `{% include %}` per comment with its
`{% url %}` and `{% translate %}` tags cost more than the rest of the page.
"""

from __future__ import annotations

from functools import cache
from html import escape as html_escape
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tribune.core.templatetags.tribune import _clock
from tribune.engagement.services import LINK_PATTERN

register = template.Library()

# Punctuation that ends a sentence rather than the address ("zie www.club.be.").
TRAILING = ".,;:!?)]}'\""
LINK_REL = "nofollow ugc noopener"


def _link(url: str) -> tuple[str, str]:
    """The clickable part of a matched URL and the punctuation left after it."""
    stripped = url.rstrip(TRAILING)
    return stripped, url[len(stripped) :]


@register.filter(is_safe=True)
def comment_body(text: str) -> SafeString:
    parts: list[str] = []
    position = 0
    for match in LINK_PATTERN.finditer(text or ""):
        url, tail = _link(match.group(0))
        parts.append(escape(text[position : match.start()]))
        href = url if url.lower().startswith(("http://", "https://")) else f"https://{url}"
        parts.append(f'<a href="{escape(href)}" rel="{LINK_REL}">{escape(url)}</a>{escape(tail)}')
        position = match.end()
    parts.append(escape((text or "")[position:]))
    return SafeString("<br>".join("".join(parts).split("\n")))


_SENTINEL = 987654321


@cache
def _url_pattern(name: str) -> str:
    """A comment URL with a `{}` for the id, from urls.py (reversed once per process)."""
    return reverse(name, kwargs={"pk": _SENTINEL}).replace(str(_SENTINEL), "{}")


@cache
def _labels(language: str) -> dict[str, str]:
    # Keyed on the language, so a second language never gets the first one's words.
    return {
        "featured": _("Uitgelicht"),
        "like": _("Goed punt"),
        "reply": _("Antwoorden"),
        "report": _("Melden"),
        "all_replies": _("Alle antwoorden"),
    }


def _comment(comment: Any, *, clock: Any, liked: set[int], open_: bool, featured: bool, is_reply: bool) -> str:
    labels = _labels(clock.language)
    pk = comment.pk
    heading = "h4" if is_reply else "h3"
    name = html_escape(comment.author_name)
    classes = "comment" + (" comment--featured" if featured else "") + (" comment--reply" if is_reply else "")
    badge = f' <span class="comment__badge">{labels["featured"]}</span>' if featured else ""
    reply = (
        f'<a href="?antwoord={pk}#reageer" data-reply="{pk}" data-reply-name="{name}">{labels["reply"]}</a>'
        if open_ and not is_reply
        else ""
    )
    parts = [
        f'<li class="{classes}" id="reactie-{pk}">\n'
        f'  <article class="comment__box" aria-labelledby="reactie-{pk}-naam">\n'
        f'    <header class="comment__meta"><{heading} class="comment__author" id="reactie-{pk}-naam">{name}'
        f"</{heading}> {clock.html(comment.published_at)}{badge}</header>\n"
        f'    <p class="comment__body" dir="auto">{comment_body(comment.body)}</p>\n'
        f'    <p class="comment__actions">\n'
        f'      <button class="comment__like" type="submit" form="reactie-acties" '
        f'formaction="{_url_pattern("engagement:like").format(pk)}" '
        f'aria-pressed="{"true" if pk in liked else "false"}" data-like>{labels["like"]} '
        f'<span class="comment__likes" data-like-count>{comment.like_count}</span></button>\n'
        f"      {reply}\n"
        f'      <a href="{_url_pattern("engagement:report").format(pk)}" rel="nofollow">{labels["report"]}</a>\n'
        f"    </p>\n  </article>\n",
    ]
    if not is_reply:
        replies = getattr(comment, "shown_replies", [])
        parts.append(f'  <ol class="comment-replies" data-replies-for="{pk}">')
        parts.extend(_comment(r, clock=clock, liked=liked, open_=open_, featured=False, is_reply=True) for r in replies)
        parts.append("</ol>\n")
        if getattr(comment, "more_replies", False):
            thread_url = _url_pattern("engagement:thread").format(pk)
            parts.append(f'  <p class="comment__more"><a href="{thread_url}">{labels["all_replies"]}</a></p>\n')
    parts.append("</li>\n")
    return "".join(parts)


@register.simple_tag(takes_context=True)
def comment_item(
    context: template.Context,
    comment: Any,
    featured: bool = False,
    is_reply: bool = False,
    comments_open: bool = False,
    liked: Any = (),
) -> SafeString:
    """One comment with its shown replies, as `<li>` (the thread, the JSON answer, the thread page)."""
    return SafeString(
        _comment(
            comment,
            clock=_clock(context),
            liked=set(liked or ()),
            open_=bool(comments_open),
            featured=bool(featured),
            is_reply=bool(is_reply),
        )
    )


def vote_total(count: int) -> str:
    """ "1 stem", "12 stemmen": the poll's total, in Python so makemessages finds the plural."""
    return ngettext("%(counter)s stem", "%(counter)s stemmen", count) % {"counter": count}
