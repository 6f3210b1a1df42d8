"""Comment text is plain text: escaped, links made clickable, line breaks kept. Nothing else is markup."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

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
