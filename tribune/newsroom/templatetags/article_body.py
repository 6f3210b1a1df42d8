"""`{% article_body body %}`: the rendered body of tribune.newsroom.body."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from tribune.newsroom.body import RenderedBody

register = template.Library()


@register.simple_tag(takes_context=True)
def article_body(context: template.Context, body: RenderedBody) -> SafeString:
    # Live blocks get the page's context, as `{% include_block %}` gives them.
    return body.render(context.flatten())
