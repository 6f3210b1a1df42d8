"""The two candidate article models, holding the same editorial fields.

Variant A: ArticlePage (a Wagtail Page in the page tree, under a SectionIndexPage).
Variant B: Article (a plain model managed as a snippet, with Wagtail's publishing mixins).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index


def body_blocks():
    return [
        ("paragraph", blocks.RichTextBlock(features=["bold", "italic", "link"])),
        ("subheading", blocks.CharBlock()),
    ]


class Section(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    def __str__(self):
        return self.name


class Author(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    def __str__(self):
        return self.name


# --------------------------------------------------------------------------- A: pages
class SectionIndexPage(Page):
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    subpage_types = ["mc.ArticlePage"]
    content_panels = Page.content_panels + [FieldPanel("section")]


class ArticlePage(Page):
    lead = models.TextField(blank=True)
    body = StreamField(body_blocks(), blank=True)
    # Denormalised from the parent SectionIndexPage so listings can filter without the tree.
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="+")
    authors = ParentalManyToManyField(Author, blank=True, related_name="+")
    # Denormalised: first_published_at while live, NULL otherwise (kept in save()).
    # Page.live / first_published_at live in wagtailcore_page, so without this copy no single
    # index can cover "live articles of section X, newest first".
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    parent_page_types = ["mc.SectionIndexPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("section"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("authors"),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead")]

    class Meta:
        indexes = [
            models.Index(
                fields=["section", "-published_at", "-page_ptr"],
                condition=Q(published_at__isnull=False),
                name="mc_ap_section_pub",
            ),
            models.Index(
                fields=["-published_at", "-page_ptr"],
                condition=Q(published_at__isnull=False),
                name="mc_ap_pub",
            ),
        ]

    def save(self, *args, **kwargs):
        self.published_at = self.first_published_at if self.live else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and ({"live", "first_published_at"} & set(update_fields)):
            kwargs["update_fields"] = list(update_fields) + ["published_at"]
        return super().save(*args, **kwargs)


# ------------------------------------------------------------------------- B: snippet
class Article(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    headline = models.CharField(max_length=255)
    slug = models.SlugField(max_length=255, unique=True)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    lead = models.TextField(blank=True)
    body = StreamField(body_blocks(), blank=True)
    authors = ParentalManyToManyField(Author, blank=True, related_name="articles")

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="article",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="article",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("headline"),
        FieldPanel("slug"),
        FieldPanel("section"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("authors"),
        PublishingPanel(),
    ]

    class Meta:
        indexes = [
            models.Index(
                fields=["section", "-first_published_at", "-id"],
                condition=Q(live=True),
                name="mc_article_section_pub",
            ),
            models.Index(
                fields=["-first_published_at", "-id"],
                condition=Q(live=True),
                name="mc_article_pub",
            ),
        ]

    def __str__(self):
        return self.headline

    def get_preview_template(self, request, mode_name):
        return "mc/article.html"

    def get_url(self):
        return f"/nieuws/{self.section.slug}/{self.slug}/"


def article_detail(request, section_slug, slug):
    """Reader URL routing for the snippet variant: one indexed lookup on a unique slug."""
    from django.shortcuts import render

    article = get_object_or_404(
        Article.objects.select_related("section"), slug=slug, section__slug=section_slug, live=True
    )
    return render(request, "mc/article.html", {"article": article, "page": article})
