from django.urls import path, re_path

from tribune.distribution import feeds, views

app_name = "distribution"

SLUG = r"(?P<slug>[-a-z0-9]{1,100})"
urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-rubrieken.xml", views.sitemap_sections, name="sitemap_sections"),
    path("sitemap-tags.xml", views.sitemap_tags, name="sitemap_tags"),
    path("sitemap-auteurs.xml", views.sitemap_authors, name="sitemap_authors"),
    path("sitemap-nieuws.xml", views.sitemap_news, name="sitemap_news"),
    re_path(r"^sitemap-artikels-(?P<page>[0-9]{1,9})\.xml$", views.sitemap_articles, name="sitemap_articles"),
    path("feed/", views.conditional(feeds.ArticleFeed()), name="feed"),
    path("feed/atom/", views.conditional(feeds.AtomFeed()), name="feed_atom"),
    re_path(rf"^feed/rubriek/{SLUG}/$", views.conditional(feeds.SectionFeed()), name="section_feed"),
    re_path(rf"^feed/atom/rubriek/{SLUG}/$", views.conditional(feeds.SectionAtomFeed()), name="section_feed_atom"),
    re_path(rf"^feed/tag/{SLUG}/$", views.conditional(feeds.TagFeed()), name="tag_feed"),
    re_path(rf"^feed/atom/tag/{SLUG}/$", views.conditional(feeds.TagAtomFeed()), name="tag_feed_atom"),
    re_path(rf"^feed/auteur/{SLUG}/$", views.conditional(feeds.AuthorFeed()), name="author_feed"),
    re_path(rf"^feed/atom/auteur/{SLUG}/$", views.conditional(feeds.AuthorAtomFeed()), name="author_feed_atom"),
]
