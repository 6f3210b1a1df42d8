from django.urls import include, path
from mc.models import article_detail
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("nieuws/<slug:section_slug>/<slug:slug>/", article_detail, name="article_detail"),
    path("", include(wagtail_urls)),
]
