"""The reader's forms. Validation rules live in services, so the API and the site refuse the same things."""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tribune.engagement.identity import FormToken, FormTokenError, form_token_read
from tribune.engagement.models import ReportReason
from tribune.engagement.services import RefusalCode, Refused, comment_validate

# A field no person sees or fills in; bots that fill every field give themselves away.
HONEYPOT_FIELD = "website"


class TokenForm(forms.Form):
    """Every engagement form carries a signed token from the page that rendered it."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def read_token(self, *, min_fill_seconds: int = 0) -> FormToken:
        try:
            token = form_token_read(self.data.get("token", ""))
        except FormTokenError as exc:
            if str(exc) == "expired":
                raise Refused(
                    gettext("Dit formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens."),
                    code=RefusalCode.SPAM,
                ) from exc
            raise Refused(gettext("Dit formulier is ongeldig. Laad de pagina opnieuw."), code=RefusalCode.SPAM) from exc
        if min_fill_seconds and time.time() - token.issued_at < min_fill_seconds:
            raise Refused(
                gettext("Dat ging wel erg snel. Lees uw reactie nog even na en verstuur ze opnieuw."),
                code=RefusalCode.SPAM,
            )
        return token


class CommentForm(TokenForm):
    name = forms.CharField(label=_("Naam"), required=False, widget=forms.TextInput(attrs={"autocomplete": "nickname"}))
    email = forms.CharField(
        label=_("E-mailadres (optioneel, wordt nooit getoond)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    body = forms.CharField(label=_("Uw reactie"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    parent = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)
    # Why the last post was refused, shown above the form that is sent back with what the reader typed.
    refusal: Refused | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].widget.attrs["maxlength"] = settings.TRIBUNE_COMMENT_MAX_LENGTH

    def check(self) -> FormToken:
        """Spam defences first (cheapest, and a bot should learn nothing), then the text itself."""
        if self.data.get(HONEYPOT_FIELD):
            raise Refused(gettext("Uw reactie kon niet worden verwerkt."), code=RefusalCode.SPAM)
        token = self.read_token(min_fill_seconds=settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS)
        comment_validate(
            author_name=self.data.get("name", ""), body=self.data.get("body", ""), email=self.data.get("email", "")
        )
        return token

    def parent_id(self) -> int | None:
        raw = self.data.get("parent", "")
        if not raw:
            return None
        if not raw.isdigit() or len(raw) > 18:
            raise Refused(gettext("U kunt niet meer antwoorden op die reactie."), field="parent")
        return int(raw)


class ReportForm(TokenForm):
    reason = forms.ChoiceField(
        label=_("Waarom meldt u deze reactie?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Toelichting (optioneel)"), required=False, max_length=300, widget=forms.Textarea(attrs={"rows": 3})
    )
