"""The newsroom in Wagtail's admin: articles first, then sections and authors."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Prefetch
from django.db.models.functions import Cast
from django.urls import URLPattern, path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.documents.views import documents
from wagtail.images.views import images
from wagtail.models import Revision, WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView, SnippetViewSet, SnippetViewSetGroup

from tribune.engagement.admin_queue import with_comment_counts
from tribune.engagement.admin_views import comment_counts_columns
from tribune.newsroom.blocks import PARAGRAPH_MAX_LENGTH
from tribune.newsroom.models import Article, Author, Section
from tribune.taxonomy.models import Tag

# Beyond this many matches an exact count only costs time: the newsroom pages
# through the newest results, and "10.000 or more" is all it needs to know.
LISTING_COUNT_CAP = 10_000


class CappedCountPaginator(WagtailPaginator):
    @cached_property
    def count(self) -> int:
        # COUNT over a LIMITed subquery of bare ids stops scanning at the cap and
        # leaves the status annotations out.
        return self.object_list.order_by().values("pk")[: LISTING_COUNT_CAP + 1].count()


class ArticleIndexView(IndexView):
    paginator_class = CappedCountPaginator


# No field of the article form is near this long (a headline is 160 characters, a paragraph 10,000
# of text, its Draftail JSON a few times that). Longer is refused before Wagtail converts the rich
# text both ways and draws it again in the editor, which took over a second for a megabyte.
ARTICLE_FIELD_MAX_CHARACTERS = 200_000


class RefusedFormIs400:
    """A refused article form answers 400 (not Wagtail's 200), and an absurdly long field is refused first.

    The errors shown are the same; the status tells clients and tests (and the issue's "bad input
    is a 4xx") that nothing was saved.
    """

    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if any(len(value) > ARTICLE_FIELD_MAX_CHARACTERS for value in request.POST.values()):
            messages.error(
                request,
                _("Er is niets opgeslagen: een veld is langer dan %(max)s tekens. Een alinea telt hoogstens %(p)s.")
                % {
                    "max": f"{ARTICLE_FIELD_MAX_CHARACTERS:,}".replace(",", "."),
                    "p": f"{PARAGRAPH_MAX_LENGTH:,}".replace(",", "."),
                },
            )
            # The editor as a GET shows it (empty, or the article as saved): drawing the refused megabyte
            # back into the form is the slow part this avoids.
            request.method = "GET"
            response = self.get(request, *args, **kwargs)  # type: ignore[attr-defined]
            response.status_code = 400
            return response
        return super().post(request, *args, **kwargs)  # type: ignore[misc]

    def form_invalid(self, form: Any) -> Any:
        response = super().form_invalid(form)  # type: ignore[misc]
        if response.status_code == 200:
            response.status_code = 400
        return response


class ArticleCreateView(RefusedFormIs400, CreateView):
    pass


class ArticleEditView(RefusedFormIs400, EditView):
    pass


class ImageCreateView(RefusedFormIs400, images.CreateView):
    pass


class ImageEditView(RefusedFormIs400, images.EditView):
    pass


class DocumentCreateView(RefusedFormIs400, documents.CreateView):
    pass


class DocumentEditView(RefusedFormIs400, documents.EditView):
    pass


@hooks.register("register_admin_urls", order=-1)
def refused_uploads_answer_400() -> list[URLPattern]:
    """Wagtail's own image and document add and edit pages, answering a refused upload with 400.

    Same paths as Wagtail's, listed before them (order=-1), so these answer. The multiple uploader and
    the choosers stay Wagtail's: their scripts read the (Dutch) error from a 200 JSON answer, and
    show only a generic failure for any other status.
    """
    return [
        path("images/add/", ImageCreateView.as_view()),
        path("images/<int:image_id>/", ImageEditView.as_view()),
        path("documents/add/", DocumentCreateView.as_view()),
        path("documents/edit/<int:document_id>/", DocumentEditView.as_view()),
    ]


class ArticleViewSet(SnippetViewSet):
    model = Article
    icon = "doc-full"
    menu_label = _("Artikels")
    menu_order = 100
    add_to_admin_menu = True
    list_display = [
        "headline",
        Column("section", label=_("Rubriek"), accessor="section"),
        DateColumn("first_published_at", label=_("Gepubliceerd"), sort_key="first_published_at"),
        Column("status_string", label=_("Status")),
        # Pending and reported reader comments, each linked to the article's moderation queue.
        *comment_counts_columns(),
    ]
    list_filter = ["section", "live", "is_featured"]
    list_per_page = 25
    # ORM search on the headline: no search index to keep in sync, and with the
    # trigram index (PostgreSQL) it answers in milliseconds at a million articles.
    search_fields = ["headline"]
    search_backend_name = None
    ordering = ["-id"]
    copy_view_enabled = False
    index_view_class = ArticleIndexView
    add_view_class = ArticleCreateView
    edit_view_class = ArticleEditView

    def get_queryset(self, request: Any) -> Any:
        # The status column asks every row for its schedule and workflow; answer
        # both in the listing's own queries instead of two queries per row.
        content_type = ContentType.objects.get_for_model(Article)
        scheduled = Revision.objects.filter(
            base_content_type=content_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            approved_go_live_at__isnull=False,
        )
        # The comment counts are two subqueries per row on the comment_article_status index.
        articles = with_comment_counts(Article.objects.all())
        return (
            articles.select_related("section", "latest_revision")
            .defer("body")
            .annotate(_approved_schedule=Exists(scheduled))
            .prefetch_related(
                Prefetch(
                    "workflow_states",
                    queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
                    to_attr="_current_workflow_states",
                )
            )
        )


class SectionViewSet(SnippetViewSet):
    model = Section
    icon = "folder-open-inverse"
    menu_label = _("Rubrieken")
    list_display = ["name", "slug", "sort_order", "show_on_home"]
    ordering = ["sort_order", "name"]


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Auteurs")
    list_display = ["name", "role"]
    search_fields = ["name"]
    search_backend_name = None


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    search_backend_name = None


class StructureGroup(SnippetViewSetGroup):
    menu_label = _("Structuur")
    menu_icon = "folder-open-1"
    menu_order = 200
    items = (SectionViewSet, AuthorViewSet, TagViewSet)


register_snippet(ArticleViewSet)
register_snippet(StructureGroup)


@hooks.register("construct_main_menu")
def hide_page_explorer(request: Any, menu_items: list[Any]) -> None:
    # Tribune's reader site is not a page tree; the explorer would only confuse.
    menu_items[:] = [item for item in menu_items if item.name != "explorer"]
