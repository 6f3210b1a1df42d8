"""Forms and filters of the newsroom's moderation pages (Wagtail admin, in Dutch)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.widgets import AdminSnippetChooser

from tribune.engagement.admin_queue import Age, QueueStatus
from tribune.engagement.models import Comment, RejectionReason
from tribune.newsroom.models import Article, Section

# Ids in URLs and forms are capped at 18 digits, so no lookup overflows a bigint.
MAX_ID_DIGITS = 18
# A bulk action takes at most this many comments (a few pages of the queue).
BULK_MAX = 100


class ArticleChoiceField(django_filters.fields.ModelChoiceField):
    """An article by id (typed in the address or picked with the chooser), checked in one query."""

    default_error_messages = {"invalid_choice": _("Dat artikel bestaat niet.")}

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and (not str(value).isdigit() or len(str(value)) > MAX_ID_DIGITS):
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ArticleFilter(django_filters.ModelChoiceFilter):
    field_class = ArticleChoiceField


class CommentQueueFilterSet(WagtailFilterSet):
    # The status picks the index branches and the age bounds them (admin_queue.queue_rows,
    # called by the view); the other filters narrow every branch.
    status = django_filters.ChoiceFilter(
        label=_("Toon"),
        choices=QueueStatus.choices,
        empty_label=None,
        initial=QueueStatus.QUEUE,
        method="filter_status",
        widget=forms.RadioSelect,
    )
    article = ArticleFilter(
        label=_("Artikel"),
        field_name="article",
        queryset=Article.objects.only("id", "headline"),
        widget=AdminSnippetChooser(Article),
    )
    section = django_filters.ModelChoiceFilter(
        label=_("Rubriek"),
        queryset=Section.objects.order_by("sort_order", "name"),
        empty_label=_("Alle rubrieken"),
        method="filter_section",
    )
    age = django_filters.ChoiceFilter(
        label=_("Geplaatst"),
        choices=Age.choices,
        empty_label=_("Altijd"),
        method="filter_age",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Comment
        fields: list[str] = []

    def filter_status(self, queryset: QuerySet[Comment], name: str, value: str) -> QuerySet[Comment]:
        return queryset

    def filter_section(self, queryset: QuerySet[Comment], name: str, value: Section) -> QuerySet[Comment]:
        # EXISTS, not a join: a join lets SQLite start from the section's articles and sort all
        # their comments; this keeps the walk down the comment indexes in id order.
        return queryset.filter(Exists(Article.objects.filter(pk=OuterRef("article_id"), section=value)))

    def filter_age(self, queryset: QuerySet[Comment], name: str, value: str) -> QuerySet[Comment]:
        return queryset  # admin_queue.queue_rows applies it, bounded for recent windows


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reden"),
        choices=[("", _("Kies een reden")), *RejectionReason.choices],
        error_messages={"required": _("Kies een reden."), "invalid_choice": _("Kies een reden uit de lijst.")},
    )
    detail = forms.CharField(
        label=_("Toelichting (optioneel)"),
        max_length=200,
        required=False,
        help_text=_("Wordt bewaard bij de beslissing, niet getoond aan de lezer."),
    )


class BanForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reden"),
        choices=[("", _("Kies een reden")), *RejectionReason.choices],
        error_messages={"required": _("Kies een reden."), "invalid_choice": _("Kies een reden uit de lijst.")},
    )


class FeatureForm(forms.Form):
    featured = forms.TypedChoiceField(
        choices=[("1", _("Uitlichten")), ("0", _("Niet meer uitlichten"))],
        coerce=lambda value: value == "1",
        error_messages={"required": _("Kies uitlichten of niet."), "invalid_choice": _("Kies uitlichten of niet.")},
    )


class BulkAction:
    APPROVE = "approve"
    REJECT = "reject"


class BulkForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Actie"),
        choices=[(BulkAction.APPROVE, _("Goedkeuren")), (BulkAction.REJECT, _("Weigeren"))],
        error_messages={"required": _("Kies een actie."), "invalid_choice": _("Kies een actie uit de lijst.")},
    )
    reason = forms.ChoiceField(
        label=_("Reden bij weigeren"),
        choices=[("", _("Kies een reden")), *RejectionReason.choices],
        required=False,
        error_messages={"invalid_choice": _("Kies een reden uit de lijst.")},
    )

    def __init__(self, data: Any, *, ids: list[str]) -> None:
        super().__init__(data)
        self.raw_ids = ids

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.raw_ids:
            raise forms.ValidationError(_("Selecteer minstens één reactie."))
        if len(self.raw_ids) > BULK_MAX:
            raise forms.ValidationError(
                _("Kies hoogstens %(max)s reacties tegelijk.") % {"max": BULK_MAX}, code="too_many"
            )
        if any(not raw.isdigit() or len(raw) > MAX_ID_DIGITS for raw in self.raw_ids):
            raise forms.ValidationError(_("Die selectie klopt niet."))
        cleaned["ids"] = sorted({int(raw) for raw in self.raw_ids})
        if cleaned.get("action") == BulkAction.REJECT and not cleaned.get("reason"):
            self.add_error("reason", _("Kies een reden om te weigeren."))
        return cleaned
