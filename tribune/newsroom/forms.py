"""The article form's author and tag rows in the newsroom (Wagtail's InlinePanel): one row per author, per tag.

Each relation has a unique (article, author) / (article, tag) constraint. Two things reached it from the form:

- Two rows naming the same author. modelcluster already refused those, but with Django's generic "Corrigeer de
  dubbele gegevens voor article en author" beside no field; the row now says "Deze auteur staat er al bij." on its
  author field (and the view answers 400: tribune.newsroom.wagtail_hooks.RefusedFormIs400).
- Rows that change authors between them (row 1 A -> B, row 2 B -> A; or A -> B while B's row becomes C). That is
  a fine edit, but modelcluster's commit updates the rows one by one, so row 1 became B while row 2 still was:
  IntegrityError, a 500, on saving and again on publishing a draft that held it. A row whose author (or tag)
  changes is now saved as a new row: the commit deletes the old rows first and then inserts, so no moment holds
  two rows for one author.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel


class UniqueRowsFormSet(BaseChildFormSet):
    """Child rows of which no two may name the same `unique_field` (the other side of a unique pair)."""

    unique_field: ClassVar[str]
    duplicate_message: ClassVar[str | Promise]

    def validate_unique(self) -> None:
        seen: set[Any] = set()
        for form in self.forms:
            if form in self.deleted_forms or not form.is_valid():
                continue
            value = form.cleaned_data.get(self.unique_field)
            if value is None:
                continue
            if value.pk in seen:
                # On the later row, on its own field: that is the row to remove or change.
                form.add_error(self.unique_field, self.duplicate_message)
            seen.add(value.pk)
        # Rows marked above no longer count as valid, so modelcluster's generic message never repeats them.
        super().validate_unique()

    def save(self, commit: bool = True) -> list[Any]:
        saved = super().save(commit=False)
        for form in self.initial_forms:
            if form not in self.deleted_forms and self.unique_field in form.changed_data:
                # The stored row goes (commit deletes rows missing from the list before it writes any) and this
                # one is inserted: updated in place, it can meet another row still holding the value.
                form.instance.pk = None
        if commit:
            getattr(self.instance, self.rel_name).commit()
        return saved


class ArticleAuthorFormSet(UniqueRowsFormSet):
    unique_field = "author"
    duplicate_message = _("Deze auteur staat er al bij.")


class ArticleTagFormSet(UniqueRowsFormSet):
    unique_field = "tag"
    duplicate_message = _("Deze tag staat er al bij.")


class UniqueRowsInlinePanel(InlinePanel):
    """Wagtail's InlinePanel with our formset class for its rows (modelcluster takes it as the `formset` option)."""

    def __init__(self, relation_name: str, *args: Any, formset_class: type[UniqueRowsFormSet], **kwargs: Any) -> None:
        super().__init__(relation_name, *args, **kwargs)
        self.formset_class = formset_class

    def clone_kwargs(self) -> dict[str, Any]:
        return {**super().clone_kwargs(), "formset_class": self.formset_class}

    def get_form_options(self) -> dict[str, Any]:
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = self.formset_class
        return options
