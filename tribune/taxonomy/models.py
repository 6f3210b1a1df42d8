"""People, clubs and competitions that articles are about."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import get_script_prefix
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from tribune.newsroom.models import Article, ListingKeysMixin, validate_reader_slug


class TagKind(models.TextChoices):
    PERSON = "person", _("Persoon")
    CLUB = "club", _("Club")
    COMPETITION = "competition", _("Competitie")


class Tag(models.Model):
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, validators=[validate_reader_slug])
    kind = models.CharField(_("soort"), max_length=20, choices=TagKind.choices, default=TagKind.PERSON)
    description = models.CharField(_("omschrijving"), max_length=250, blank=True)

    panels = ["name", "slug", "kind", "description"]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        # By hand, as Article.get_absolute_url: on every article page, where reverse() was a few percent of it.
        return f"{get_script_prefix()}tag/{self.slug}/"


class ArticleTag(ListingKeysMixin, Orderable):
    article = ParentalKey(Article, on_delete=models.CASCADE, related_name="tag_links")
    tag = models.ForeignKey(Tag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="article_links")

    panels = [FieldPanel("tag")]

    class Meta(Orderable.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [models.UniqueConstraint(fields=["article", "tag"], name="article_tag_unique")]
        indexes = [
            models.Index(
                fields=["tag", "-published_at", "-article"],
                condition=Q(live=True),
                name="article_tag_live_recent",
            )
        ]

    def __str__(self) -> str:
        return str(self.tag)
