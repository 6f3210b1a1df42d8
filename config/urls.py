from django.conf import settings
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from tribune.core.health import health

# The newsroom lives at /redactie/; the reader site owns every other path, so fixed
# prefixes come first and section slugs may not take them (see RESERVED_SLUGS).
urlpatterns: list[URLPattern | URLResolver] = [
    # Before Wagtail's: its login and password reset, throttled (tribune/accounts).
    path("redactie/", include("tribune.accounts.urls")),
    path("redactie/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("tag/", include("tribune.taxonomy.urls")),
    path("api/v1/", include("tribune.api.urls")),
    path("reacties/", include("tribune.engagement.urls")),
    path("gezond/", health, name="health"),
    path("", include("tribune.distribution.urls")),
    path("", include("tribune.newsroom.urls")),
]

if settings.TRIBUNE_SERVE_MEDIA:
    urlpatterns.insert(0, re_path(r"^uploads/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))

# Error pages: Django's default handlers render templates/{400,404,500}.html from
# tribune.core, in the site's design; 500.html needs no context or database.

# A database outage answers a designed 503 with Retry-After rather than a 500 (tribune/core/errors.py).
handler500 = "tribune.core.errors.server_error"
