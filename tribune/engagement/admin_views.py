"""The moderation side of the newsroom (Wagtail admin): the queue, a comment's page, the actions.

Thin views: reads through admin_queue, every write through tribune.engagement.services.
A moderator needs engagement.change_comment (the "Moderatoren" group has it).
Bad input answers a page with a Dutch message and a 4xx status, never a 500.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.contrib.admin.utils import quote
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import IndexView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.permissions import policy_registry

from tribune.engagement import services
from tribune.engagement.admin_forms import (
    MAX_ID_DIGITS,
    ArticleChoiceField,
    BanForm,
    BulkAction,
    BulkForm,
    CommentQueueFilterSet,
    FeatureForm,
    RejectForm,
)
from tribune.engagement.admin_queue import (
    QUEUE_COUNT_CAP,
    QueueRows,
    QueueStatus,
    queue_counts,
    queue_rows,
)
from tribune.engagement.models import Ban, BanKind, Comment, CommentReport, CommentStatus, RejectionReason
from tribune.engagement.services import Refused

# The permission action a moderator needs (engagement.change_comment).
MODERATE = "change"
# The dashboard counts the queue up to this many, then says "999+".
DASHBOARD_CAP = 999
# Characters of a comment shown in the queue.
EXCERPT_LENGTH = 280

BAD_REQUEST, NOT_FOUND = 400, 404


def can_moderate(user: Any) -> bool:
    return bool(policy_registry.get_by_type(Comment).user_has_permission(user, MODERATE))


def _refused(request: HttpRequest, message: str, *, status: int, back_url: str = "") -> HttpResponse:
    """A page that says, in Dutch, why nothing was done (4xx)."""
    return TemplateResponse(
        request,
        "engagement/admin/refused.html",
        {
            "page_title": _("Niet gelukt"),
            "header_title": _("Niet gelukt"),
            "header_icon": "warning",
            "message": message,
            "back_url": back_url or reverse("reacties:index"),
        },
        status=status,
    )


def _comment_or_none(pk: Any) -> Comment | None:
    return Comment.objects.filter(pk=pk).select_related("article__section").first()


def _not_found(request: HttpRequest) -> HttpResponse:
    return _refused(request, _("Die reactie bestaat niet (meer)."), status=NOT_FOUND)


def _first_error(form: forms.Form) -> str:
    for errors in form.errors.values():
        if errors:
            return str(errors[0])
    return _("Die gegevens kloppen niet.")


# --- the queue ---


class QueuePaginator(WagtailPaginator):
    """Pages through QueueRows; its count already stops at QUEUE_COUNT_CAP."""

    @cached_property
    def is_capped(self) -> bool:
        return self.count > QUEUE_COUNT_CAP

    @cached_property
    def items_count_label(self) -> str:
        if self.is_capped:
            return _("meer dan %(count)s reacties") % {"count": QUEUE_COUNT_CAP}
        return ngettext("%(count)s reactie", "%(count)s reacties", self.count) % {"count": self.count}


class TemplateColumn(Column):
    """A column whose cells are one of the moderation templates."""

    def __init__(self, name: str, *, template: str, extra: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        # The templates read the row themselves; the default accessor (the name) may be a related manager.
        kwargs.setdefault("accessor", "pk")
        super().__init__(name, **kwargs)
        self.cell_template_name = template
        self.extra = dict(extra or {})

    def get_cell_context_data(self, instance: Any, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        context.update(self.extra)
        return context


class SelectColumn(BaseColumn):
    """A checkbox per row for the bulk form below the table (form="reacties-bulk")."""

    cell_template_name = "engagement/admin/cells/select.html"
    header_template_name = "engagement/admin/cells/select_header.html"


class ActionsColumn(BaseColumn):
    """Approve, reject with a reason, (un)feature: one small POST form each, with CSRF."""

    cell_template_name = "engagement/admin/cells/actions.html"

    def __init__(self, name: str, *, next_url: str, reasons: SafeString, **kwargs: Any) -> None:
        super().__init__(name, **kwargs)
        self.next_url = next_url
        self.reasons = reasons

    def get_cell_context_data(self, instance: Any, parent_context: Mapping[str, Any]) -> dict[str, Any]:
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            csrf_token=get_token(request) if request is not None else "",
            next_url=self.next_url,
            reasons=self.reasons,
            urls=_action_urls(instance.pk),
            needs_approval=instance.status != CommentStatus.PUBLISHED or instance.report_count > 0,
            can_reject=instance.status != CommentStatus.REJECTED,
            can_feature=instance.status == CommentStatus.PUBLISHED,
        )
        return context


def _action_urls(pk: int) -> dict[str, str]:
    key = quote(pk)
    return {name: reverse(f"reacties:{name}", args=[key]) for name in ("detail", "approve", "reject", "feature", "ban")}


class CommentQueueView(IndexView):
    """The moderation queue across all articles, newest first, filtered by status, article, section and age."""

    model = Comment
    any_permission_required = [MODERATE]
    template_name = "engagement/admin/queue.html"
    results_template_name = "engagement/admin/queue_results.html"
    paginator_class = QueuePaginator
    filterset_class = CommentQueueFilterSet
    page_title = gettext_lazy("Reacties")
    # The queue is no spreadsheet: exporting it would read every row.
    FORMATS = ()
    bulk_url_name = "reacties:bulk"
    # Set when ?article= is not an id at all (see get_filterset_kwargs).
    malformed_article = False

    def get_filterset_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_filterset_kwargs()
        data: QueryDict = kwargs["data"].copy()
        if not data.get("status"):
            data["status"] = QueueStatus.QUEUE
        article = data.get("article", "")
        if article and not (article.isdigit() and len(article) <= MAX_ID_DIGITS):
            # Not an id at all: the article chooser would try to look it up to show it.
            data.pop("article")
            self.malformed_article = True
        kwargs["data"] = data
        return kwargs

    def _filter_value(self, name: str) -> str:
        filters = self.filters
        if filters is None or not filters.is_valid():
            return ""
        return filters.form.cleaned_data.get(name) or ""

    @cached_property
    def status(self) -> str:
        return self._filter_value("status") or QueueStatus.QUEUE

    @cached_property
    def filter_errors(self) -> list[str]:
        errors = []
        if self.filters is not None and not self.filters.is_valid():
            errors = [str(error) for field_errors in self.filters.form.errors.values() for error in field_errors]
        if self.malformed_article:
            errors.insert(0, str(ArticleChoiceField.default_error_messages["invalid_choice"]))
        return errors

    def get_queryset(self) -> QueueRows:  # type: ignore[override]
        if self.filter_errors:
            return QueueRows.empty()
        base: QuerySet[Comment] = self.filters.filter_queryset(Comment.objects.all())
        return queue_rows(status=self.status, age=self._filter_value("age"), base=base)

    @cached_property
    def next_url(self) -> str:
        """Where a row's action returns to: this listing with its filters, not the results fragment."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        encoded = query.urlencode()
        return f"{self.index_url}?{encoded}" if encoded else self.index_url

    @cached_property
    def reasons(self) -> SafeString:
        """The reasons as <option>s, rendered once per page (every row's reject form repeats them)."""
        return format_html_join("", '<option value="{}">{}</option>', RejectionReason.choices)

    @cached_property
    def columns(self) -> list[BaseColumn]:
        return [
            SelectColumn("select", label=_("Selecteer")),
            TemplateColumn(
                "body",
                label=_("Reactie"),
                template="engagement/admin/cells/excerpt.html",
                extra={"excerpt_length": EXCERPT_LENGTH},
            ),
            Column("author_name", label=_("Schrijver")),
            TemplateColumn("article", label=_("Artikel"), template="engagement/admin/cells/article.html"),
            DateColumn("created_at", label=_("Geplaatst")),
            TemplateColumn("status", label=_("Status"), template="engagement/admin/cells/status.html"),
            TemplateColumn("reports", label=_("Meldingen"), template="engagement/admin/cells/reports.html"),
            TemplateColumn("rule", label=_("Regel"), template="engagement/admin/cells/rule.html"),
            ActionsColumn("actions", label=_("Acties"), next_url=self.next_url, reasons=self.reasons),
        ]

    @cached_property
    def no_results_message(self) -> str:
        if self.filter_errors:
            return " ".join(self.filter_errors)
        if self.status == QueueStatus.QUEUE and not self.is_filtering:
            return _("Er wacht geen enkele reactie op moderatie.")
        return _("Geen reacties die aan deze filters voldoen.")

    def status_tabs(self) -> list[dict[str, Any]]:
        query = self.request.GET.copy()
        for key in (self.page_kwarg, "_w_filter_fragment"):
            query.pop(key, None)
        tabs = []
        for value, label in QueueStatus.choices:
            query["status"] = value
            tabs.append(
                {"label": label, "url": f"{self.index_url}?{query.urlencode()}", "current": value == self.status}
            )
        return tabs

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(*args, **kwargs)
        context.update(
            status_tabs=self.status_tabs(),
            filter_errors=self.filter_errors,
            bulk_url=reverse(self.bulk_url_name),
            next_url=self.next_url,
            reasons=self.reasons,
            bulk_actions=[(BulkAction.APPROVE, _("Goedkeuren")), (BulkAction.REJECT, _("Weigeren"))],
        )
        return context

    def render_to_response(self, context: dict[str, Any], **response_kwargs: Any) -> HttpResponse:
        if self.filter_errors:
            response_kwargs.setdefault("status", BAD_REQUEST)
        return super().render_to_response(context, **response_kwargs)


# --- one comment ---


class CommentDetailView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """A comment in full with its reports and its decision log (the statement of reasons), and the actions."""

    model = Comment
    permission_required = MODERATE
    template_name = "engagement/admin/detail.html"
    header_icon = "comment"

    comment: Comment

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        comment = _comment_or_none(kwargs["pk"])
        if comment is None:
            return _not_found(request)
        self.comment = comment
        return super().get(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Reactie van %(name)s") % {"name": self.comment.author_name}

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("reacties:index"), "label": _("Reacties")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        comment = self.comment
        context.update(
            comment=comment,
            article=comment.article,
            parent=Comment.objects.filter(pk=comment.parent_id).only("id", "author_name", "body").first()
            if comment.parent_id
            else None,
            decisions=list(comment.decisions.select_related("moderator").order_by("-id")),
            reports=list(CommentReport.objects.filter(comment=comment).order_by("resolved", "-id")),
            is_banned=Ban.objects.filter(kind=BanKind.READER, value_hash=comment.reader_hash).exists(),
            # Both forms have a "reason": distinct ids keep each label on its own field.
            reject_form=RejectForm(auto_id="id_weigeren_%s"),
            ban_form=BanForm(auto_id="id_blokkeren_%s"),
            urls=_action_urls(comment.pk),
            next_url=self.request.get_full_path(),
            needs_approval=comment.status != CommentStatus.PUBLISHED or comment.report_count > 0,
        )
        return context


# --- the actions (POST only, each through a service) ---


class CommentActionView(PermissionCheckedMixin, View):
    model = Comment
    permission_required = MODERATE
    http_method_names = ["post"]
    form_class: type[forms.Form] = forms.Form

    def post(self, request: HttpRequest, pk: str) -> HttpResponse:
        comment = _comment_or_none(pk)
        if comment is None:
            return _not_found(request)
        detail_url = reverse("reacties:detail", args=[quote(comment.pk)])
        form = self.form_class(request.POST)
        if not form.is_valid():
            return _refused(request, _first_error(form), status=BAD_REQUEST, back_url=detail_url)
        try:
            message = self.act(comment, form.cleaned_data)
        except Refused as refusal:
            return _refused(request, refusal.message, status=BAD_REQUEST, back_url=detail_url)
        messages.success(request, message)
        return redirect(get_valid_next_url_from_request(request) or detail_url)

    def act(self, comment: Comment, data: dict[str, Any]) -> str:
        raise NotImplementedError


class ApproveView(CommentActionView):
    def act(self, comment: Comment, data: dict[str, Any]) -> str:
        published = services.comment_approve(comment=comment, moderator=self.request.user)
        if published:
            return _("De reactie van %(name)s staat online.") % {"name": comment.author_name}
        return _("De meldingen bij de reactie van %(name)s zijn afgehandeld; ze blijft online.") % {
            "name": comment.author_name
        }


class RejectView(CommentActionView):
    form_class = RejectForm

    def act(self, comment: Comment, data: dict[str, Any]) -> str:
        services.comment_reject(
            comment=comment, reason=data["reason"], detail=data.get("detail", ""), moderator=self.request.user
        )
        return _("De reactie van %(name)s is geweigerd: %(reason)s.") % {
            "name": comment.author_name,
            "reason": RejectionReason(data["reason"]).label,
        }


class FeatureView(CommentActionView):
    form_class = FeatureForm

    def act(self, comment: Comment, data: dict[str, Any]) -> str:
        services.comment_feature(comment=comment, featured=data["featured"], moderator=self.request.user)
        if data["featured"]:
            return _("De reactie van %(name)s is uitgelicht.") % {"name": comment.author_name}
        return _("De reactie van %(name)s is niet meer uitgelicht.") % {"name": comment.author_name}


class BanView(CommentActionView):
    form_class = BanForm

    def act(self, comment: Comment, data: dict[str, Any]) -> str:
        rejected = services.comment_ban_author(comment=comment, reason=data["reason"], moderator=self.request.user)
        return ngettext(
            "%(name)s kan niet meer reageren; %(count)s reactie is geweigerd.",
            "%(name)s kan niet meer reageren; %(count)s reacties zijn geweigerd.",
            rejected,
        ) % {"name": comment.author_name, "count": rejected}


class BulkView(PermissionCheckedMixin, View):
    """Approve or reject the selected rows of the queue, each through its service."""

    model = Comment
    permission_required = MODERATE
    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        back_url = get_valid_next_url_from_request(request) or reverse("reacties:index")
        form = BulkForm(request.POST, ids=request.POST.getlist("id"))
        if not form.is_valid():
            return _refused(request, _first_error(form), status=BAD_REQUEST, back_url=back_url)
        ids: list[int] = form.cleaned_data["ids"]
        comments = list(Comment.objects.filter(pk__in=ids).order_by("-id"))
        if len(comments) != len(ids):
            return _refused(
                request, _("Een of meer van die reacties bestaan niet (meer)."), status=NOT_FOUND, back_url=back_url
            )
        act: Callable[[Comment], Any]
        if form.cleaned_data["action"] == BulkAction.APPROVE:

            def act(comment: Comment) -> Any:
                return services.comment_approve(comment=comment, moderator=request.user)

            template = ngettext("%(count)s reactie goedgekeurd.", "%(count)s reacties goedgekeurd.", len(comments))
        else:
            reason = form.cleaned_data["reason"]

            def act(comment: Comment) -> Any:
                return services.comment_reject(comment=comment, reason=reason, moderator=request.user)

            template = ngettext("%(count)s reactie geweigerd.", "%(count)s reacties geweigerd.", len(comments))
        for comment in comments:
            act(comment)
        messages.success(request, template % {"count": len(comments)})
        return redirect(back_url)


# --- the dashboard ---


class ModerationPanel(Component):
    """Wagtail's home: how many comments wait (pending, reported), with a link to the queue."""

    name = "moderation_queue"
    order = 50
    template_name = "engagement/admin/home_panel.html"

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        counts = queue_counts(cap=DASHBOARD_CAP)
        queue_url = reverse("reacties:index")
        return {
            "counts": counts,
            "pending_label": counts.label(counts.pending),
            "reported_label": counts.label(counts.reported),
            "queue_url": queue_url,
            "reported_url": f"{queue_url}?status={QueueStatus.REPORTED}",
        }


# --- the newsroom's article listing ---


def comment_counts_columns() -> list[Column]:
    """Two columns for the article listing: pending and reported comments, linked to the article's queue.

    The listing's queryset must be annotated with admin_queue.with_comment_counts().
    """
    template = "engagement/admin/cells/article_count.html"
    return [
        TemplateColumn(name, accessor=name, label=label, template=template)
        for name, label in (
            ("pending_comments", gettext_lazy("Wachtend")),
            ("reported_comments", gettext_lazy("Gemeld")),
        )
    ]
