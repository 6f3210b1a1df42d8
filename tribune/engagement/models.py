"""Reader engagement. For now: the per-article reaction count that listings show.

The count lives in its own row, not on Article: Wagtail publishes an article by
saving a whole revision snapshot, which would write a stale count back.
Comments (a later capability) update it with atomic F() increments.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tribune.newsroom.models import Article


class ArticleEngagement(models.Model):
    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="engagement")
    reaction_count = models.PositiveIntegerField(_("aantal reacties"), default=0)

    class Meta:
        verbose_name = _("betrokkenheid")
        verbose_name_plural = _("betrokkenheid")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.reaction_count}"
