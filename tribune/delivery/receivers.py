from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from tribune.delivery import tags as cache_tags
from tribune.delivery.services import cache_purge, purge_log_prune

# Long past any poll interval: a process that has not read the log for this long drops its whole cache.
PURGE_LOG_KEEP = timedelta(hours=1)


def article_tags(article: Any) -> set[str]:
    """Everything that shows `article`: its pages, and every list it is (or was) on."""
    tags = {cache_tags.article_tag(article.pk), cache_tags.ALL_ARTICLES, cache_tags.section_tag(article.section_id)}
    tags.update(cache_tags.taxonomy_tag(pk) for pk in article.tag_links.values_list("tag_id", flat=True))
    tags.update(cache_tags.author_tag(pk) for pk in article.author_links.values_list("author_id", flat=True))
    return tags


def article_published(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Published or edited, or gone live on schedule (Wagtail sends `published` again then)."""
    if not instance.live:
        return  # scheduled for later: nothing readers see has changed yet
    # A moved article leaves its old section's pages by its own tag: they all carry it.
    cache_purge(tags=article_tags(instance))


def article_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    cache_purge(tags=article_tags(instance))


def navigation_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Names of sections, authors and tags appear in menus, bylines and labels on nearly every page.
    # A new author or tag is on no page yet (its articles purge their own pages); a new section is in the menu.
    if kwargs.get("created") and sender._meta.model_name != "section":
        return
    cache_purge(tags=[cache_tags.NAVIGATION])


def connect_taxonomy() -> None:
    from tribune.newsroom.models import Author, Section
    from tribune.taxonomy.models import Tag

    for model in (Section, Author, Tag):
        uid = f"delivery-nav-{model._meta.label_lower}"
        post_save.connect(navigation_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(navigation_changed, sender=model, dispatch_uid=f"{uid}-delete")


def prune_purge_log(sender: Any, **kwargs: Any) -> None:
    purge_log_prune(older_than=timezone.now() - PURGE_LOG_KEEP)
