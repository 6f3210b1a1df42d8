from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from tribune.webhooks.models import Event


class WebhookForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label=_("Gebeurtenissen"), choices=Event.choices, widget=forms.CheckboxSelectMultiple
    )

    def clean_events(self) -> list[str]:
        chosen: Any = self.cleaned_data["events"]
        return [event.value for event in Event if event.value in chosen]
