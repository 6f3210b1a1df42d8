"""Sections, authors, images and the article itself.

An article is a snippet-managed model rather than a Wagtail Page: see
docs/decisions/0001-article-model.md for the measurement behind that choice.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from tribune.newsroom.blocks import ArticleBodyBlock
from tribune.newsroom.forms import ArticleAuthorFormSet, ArticleTagFormSet, UniqueRowsInlinePanel

SLUG_MAX_LENGTH = 100
HEADLINE_MAX_LENGTH = 160
LEAD_MAX_LENGTH = 500

# First path segments the site itself uses; a section slug may not take them.
RESERVED_SLUGS = frozenset(
    {"redactie", "nieuws", "tag", "auteur", "uploads", "static", "documenten", "api", "zoeken", "reacties", "gezond"}
)


def validate_section_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("“%(slug)s” is al in gebruik door de site zelf."), params={"slug": value})


hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Geef een kleur als #rrggbb."))
# The reader URLs take only these (urls.py): a slug with a capital or an underscore made a page nobody could open.
validate_reader_slug = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$", _("Gebruik alleen kleine letters, cijfers en koppeltekens (zonder spaties).")
)


class NewsImage(AbstractImage):
    """Wagtail's image with the credit line a newsroom must print next to it."""

    credit = models.CharField(_("fotograaf of bron"), max_length=120, blank=True)
    caption = models.CharField(_("standaardbijschrift"), max_length=250, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit", "caption")

    class Meta(AbstractImage.Meta):
        verbose_name = _("afbeelding")
        verbose_name_plural = _("afbeeldingen")

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The newsroom's forms hand over a file tribune/newsroom/uploads.py already cleaned; images made in
        # code (demo, importers) are cleaned here, before the file reaches storage. A refusal raises
        # ValidationError and nothing is written. Imported here: uploads.py imports Wagtail's admin forms,
        # which need the app registry this module is part of.
        from tribune.newsroom import uploads

        file = self.file  # type: ignore[has-type]  # (django-stubs cannot see through Wagtail's field)
        if file and not file._committed and not uploads.is_clean(file.file):
            self.file = uploads.clean_image_file(file.file)
        super().save(*args, **kwargs)


class NewsImageRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class Section(models.Model):
    name = models.CharField(_("naam"), max_length=60, unique=True)
    slug = models.SlugField(
        _("slug"), max_length=60, unique=True, validators=[validate_reader_slug, validate_section_slug]
    )
    colour = models.CharField(_("kleur"), max_length=7, validators=[hex_colour], default="#1b4f9c")
    description = models.CharField(_("omschrijving"), max_length=250, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=100)
    show_on_home = models.BooleanField(_("blok op de voorpagina"), default=True)

    panels = ["name", "slug", "colour", "description", "sort_order", "show_on_home"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("rubriek")
        verbose_name_plural = _("rubrieken")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{get_script_prefix()}{self.slug}/"  # as Article.get_absolute_url


class Author(models.Model):
    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, validators=[validate_reader_slug])
    role = models.CharField(_("functie"), max_length=100, blank=True)
    bio = models.TextField(_("bio"), blank=True, max_length=1000)
    photo = models.ForeignKey(
        NewsImage, verbose_name=_("foto"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = ["name", "slug", "role", "bio", "photo"]

    class Meta:
        ordering = ["name"]
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"{get_script_prefix()}auteur/{self.slug}/"  # by hand, as Article.get_absolute_url


def reader_slug(text: str) -> str:
    """`text` as a slug the reader URLs accept: lower-case ASCII letters, digits and single hyphens.

    Django's slugify keeps underscores (and a typed slug may hold capitals); the URL patterns take
    neither, so a headline like "onload_alert" would make an article nobody can open.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", slugify(text))
    return slug[:SLUG_MAX_LENGTH].strip("-")


def article_path(*, section_slug: str, slug: str, pk: int) -> str:
    """An article's address from its columns alone (feeds and sitemaps build thousands from values()).

    Built by hand: listings print dozens of these per page and reverse() is the
    costliest part of a teaser. test_models checks it matches urls.py.
    """
    return f"{get_script_prefix()}{section_slug}/{slug or 'artikel'}-{pk}/"


class CommentsMode(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Gesloten")
    CLOSES_AFTER = "closes_after", _("Sluiten na een aantal dagen")


DEFAULT_COMMENTS_CLOSE_AFTER_DAYS = 7


class Article(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    headline = models.CharField(_("kop"), max_length=HEADLINE_MAX_LENGTH)
    slug = models.SlugField(
        _("slug"),
        max_length=SLUG_MAX_LENGTH,
        blank=True,
        help_text=_("Leeg laten om hem uit de kop te maken. Oude adressen blijven werken."),
    )
    section = models.ForeignKey(Section, verbose_name=_("rubriek"), on_delete=models.PROTECT, related_name="articles")
    lead = models.TextField(_("intro"), max_length=LEAD_MAX_LENGTH)
    image = models.ForeignKey(
        NewsImage,
        verbose_name=_("hoofdafbeelding"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_caption = models.CharField(
        _("bijschrift hoofdafbeelding"),
        max_length=250,
        blank=True,
        help_text=_("Leeg laten om het standaardbijschrift van de afbeelding te gebruiken."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("tekst"), blank=True)
    is_featured = models.BooleanField(
        _("topverhaal"), default=False, help_text=_("Kandidaat voor de opening van de voorpagina.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    comments_mode = models.CharField(
        _("reacties"), max_length=12, choices=CommentsMode.choices, default=CommentsMode.OPEN
    )
    comments_close_after_days = models.PositiveSmallIntegerField(
        _("sluiten na (dagen)"),
        default=DEFAULT_COMMENTS_CLOSE_AFTER_DAYS,
        help_text=_("Dagen na de eerste publicatie, als de reacties na een aantal dagen sluiten."),
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="article",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="article",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("headline"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("section"),
                UniqueRowsInlinePanel(
                    "author_links", label=_("Auteurs"), min_num=1, formset_class=ArticleAuthorFormSet
                ),
            ],
            heading=_("Rubriek en auteurs"),
        ),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_caption")],
            heading=_("Hoofdafbeelding"),
        ),
        FieldPanel("body"),
        UniqueRowsInlinePanel(
            "tag_links", label=_("Tags (personen, clubs, competities)"), formset_class=ArticleTagFormSet
        ),
        MultiFieldPanel([FieldPanel("slug"), FieldPanel("is_featured")], heading=_("Publicatie")),
        MultiFieldPanel(
            [FieldPanel("comments_mode"), FieldPanel("comments_close_after_days")], heading=_("Reacties van lezers")
        ),
        PublishingPanel(),
    ]

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikels")
        indexes = [
            # Reader listings walk these backwards: newest live first, id breaks ties,
            # so a keyset page is an index range scan however deep it is.
            models.Index(fields=["-first_published_at", "-id"], condition=Q(live=True), name="article_live_recent"),
            models.Index(
                fields=["section", "-first_published_at", "-id"],
                condition=Q(live=True),
                name="article_live_section_recent",
            ),
            # The newsroom listing: per section, newest first, drafts included. (Its
            # sort by publication date uses DraftStateMixin's own first_published_at index.)
            models.Index(fields=["section", "-id"], name="article_section_id"),
            # The scheduler asks for expired live articles every tick.
            models.Index(fields=["expire_at"], condition=Q(expire_at__isnull=False), name="article_expire_at"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Typed or made from the headline, the slug must fit the reader URL (urls.py), or the
        # published article answers 404.
        self.slug = reader_slug(self.slug) or reader_slug(self.headline) or "artikel"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return article_path(section_slug=self.section.slug, slug=self.slug, pk=self.pk)

    def get_full_url(self) -> str:
        return settings.TRIBUNE_SITE_URL + self.get_absolute_url()

    @property
    def approved_schedule(self) -> bool:
        # The newsroom listing annotates this for all rows at once (wagtail_hooks.py).
        if hasattr(self, "_approved_schedule"):
            return bool(self._approved_schedule)
        return bool(super().approved_schedule)

    def comments_open(self, now: datetime | None = None) -> bool:
        if self.comments_mode == CommentsMode.CLOSED or not self.live:
            return False
        if self.comments_mode == CommentsMode.CLOSES_AFTER and self.first_published_at:
            closes_at = self.first_published_at + timedelta(days=self.comments_close_after_days)
            return (now or timezone.now()) < closes_at
        return True

    @property
    def display_caption(self) -> str:
        if self.image_caption:
            return self.image_caption
        return self.image.caption if self.image else ""

    @property
    def was_updated(self) -> bool:
        """Show a "bijgewerkt" time only for a real update, not the publish click itself."""
        if not (self.first_published_at and self.last_published_at):
            return False
        return (self.last_published_at - self.first_published_at).total_seconds() > UPDATE_NOTICE_AFTER_SECONDS

    # --- Wagtail preview ---
    def get_preview_template(self, request: Any, mode_name: str) -> str:
        return "newsroom/article_detail.html"

    def get_preview_context(self, request: Any, mode_name: str) -> dict[str, Any]:
        from tribune.newsroom.selectors import article_detail_context

        context = super().get_preview_context(request, mode_name)
        context.update(article_detail_context(article=self, preview=True))
        return context


# Republishing within this time after the first publication is a correction, not news.
UPDATE_NOTICE_AFTER_SECONDS = 10 * 60


class ListingKeysMixin(models.Model):
    """Copies of the article's publication state on a link row.

    Tag and author pages list articles through a link table; with the sort key on
    the link row itself, "newest 20 of this tag after X" is one index range scan at
    any depth instead of a join that sorts every article of the tag. Kept in sync
    by `tribune.newsroom.services.article_sync_listing_keys`.
    """

    live = models.BooleanField(default=False, editable=False)
    published_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        abstract = True


class ArticleAuthor(ListingKeysMixin, Orderable):
    article = ParentalKey(Article, on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(Author, verbose_name=_("auteur"), on_delete=models.PROTECT, related_name="article_links")

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("auteur")
        verbose_name_plural = _("auteurs")
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="article_author_unique")]
        indexes = [
            models.Index(
                fields=["author", "-published_at", "-article"],
                condition=Q(live=True),
                name="article_author_live_recent",
            )
        ]

    def __str__(self) -> str:
        return str(self.author)


class SchedulerLease(models.Model):
    """One row: which app-server process may run the publication scheduler now.

    Every process ticks; the one that holds an unexpired lease (or takes over an
    expired one with a conditional UPDATE) publishes. This works the same on
    SQLite and PostgreSQL and needs no extra service.
    """

    name = models.CharField(max_length=40, primary_key=True)
    holder = models.CharField(max_length=100, blank=True)
    expires_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.holder})"
