from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, Any]:
    from tribune.delivery.tags import NAVIGATION, tag_request
    from tribune.newsroom.models import Section

    tag_request(request, NAVIGATION)
    return {
        "site_name": settings.TRIBUNE_SITE_NAME,
        "site_url": settings.TRIBUNE_SITE_URL,
        # Lazy: evaluated (one small query) only by templates that draw the navigation.
        "nav_sections": Section.objects.only("name", "slug", "colour"),
    }
