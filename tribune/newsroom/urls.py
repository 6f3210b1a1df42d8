from django.urls import path, re_path

from tribune.newsroom import views

app_name = "newsroom"

# Slugs are lower-case ASCII; ids are capped at 18 digits so no lookup overflows a bigint.
urlpatterns = [
    path("", views.home, name="home"),
    path("nieuws/", views.archive, name="archive"),
    path("zoeken/", views.search, name="search"),
    re_path(r"^auteur/(?P<slug>[-a-z0-9]{1,100})/$", views.author_detail, name="author"),
    re_path(
        r"^(?P<section>[-a-z0-9]{1,60})/(?P<slug>[-a-z0-9]{1,100})-(?P<pk>[0-9]{1,18})/$",
        views.article_detail,
        name="article",
    ),
    re_path(r"^(?P<section>[-a-z0-9]{1,60})/$", views.section_detail, name="section"),
]
