"""The newsroom's login and password-reset pages, throttled per network address and per account.

Wagtail's own views with a check in front: a POST whose address or account (username or e-mail,
normalised, whether or not it exists) has TRIBUNE_LOGIN_MAX_FAILURES attempts in the window is
answered 429 with Retry-After, in the same page design, *before* the password is looked at, so a
blocked attacker learns nothing about the password either.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.views.account import LoginView, PasswordResetView

from tribune.accounts import throttle
from tribune.accounts.forms import BackgroundPasswordResetForm
from tribune.accounts.selectors import throttle_retry_at, two_factor_enabled
from tribune.accounts.services import failure_record, failures_clear
from tribune.accounts.throttle import ThrottleKeys, login_keys, password_reset_keys
from tribune.accounts.two_factor_session import login_pending_start


def _minutes_and_time(retry_at: datetime) -> dict[str, Any]:
    seconds = max(1, math.ceil((retry_at - throttle.clock()).total_seconds()))
    return {"minutes": math.ceil(seconds / 60), "time": timezone.localtime(retry_at).strftime("%H:%M"), "s": seconds}


def login_throttled_message(retry_at: datetime) -> str:
    values = _minutes_and_time(retry_at)
    return (
        ngettext(
            "Te veel mislukte pogingen. Probeer het opnieuw na %(time)s (over %(minutes)s minuut).",
            "Te veel mislukte pogingen. Probeer het opnieuw na %(time)s (over %(minutes)s minuten).",
            values["minutes"],
        )
        % values
    )


def password_reset_throttled_message(retry_at: datetime) -> str:
    values = _minutes_and_time(retry_at)
    return (
        ngettext(
            "Te veel aanvragen. Probeer het opnieuw na %(time)s (over %(minutes)s minuut).",
            "Te veel aanvragen. Probeer het opnieuw na %(time)s (over %(minutes)s minuten).",
            values["minutes"],
        )
        % values
    )


def _with_error(form: forms.Form, message: str) -> forms.Form:
    """An unbound form that shows `message` as its error without being validated (no authentication runs)."""
    # Errors set before anything asks for them: `form.errors` never runs clean(), so nothing authenticates.
    form._errors = ErrorDict(  # type: ignore[attr-defined]  # BaseForm's cache, absent from the stubs
        {NON_FIELD_ERRORS: form.error_class([message], error_class="nonfield", renderer=form.renderer)}
    )
    return form


def _too_many(response: TemplateResponse, retry_at: datetime) -> TemplateResponse:
    response.status_code = 429
    response["Retry-After"] = str(_minutes_and_time(retry_at)["s"])
    return response


class ThrottledLoginView(LoginView):
    keys: ThrottleKeys

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = request.POST.get("username", "")
        self.keys = login_keys(request, username)
        retry_at = throttle_retry_at(keys=self.keys)
        if retry_at is not None:
            form = _with_error(
                self.get_form_class()(request=request, initial={"username": username}),
                login_throttled_message(retry_at),
            )
            return _too_many(self.render_to_response(self.get_context_data(form=form)), retry_at)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: Any) -> HttpResponse:
        failure_record(keys=self.keys)
        return super().form_invalid(form)

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if two_factor_enabled(user=user):
            # The password was right, but the session logs in only after the code (LoginCodeView);
            # the account's counter is cleared there, so code guesses keep counting against it.
            login_pending_start(
                self.request, user, next_url=self.get_success_url(), remember=bool(form.cleaned_data.get("remember"))
            )
            return redirect("accounts_login_code")
        failures_clear(key=self.keys.subject)
        return super().form_valid(form)


class ThrottledPasswordResetView(PasswordResetView):
    """Every request counts (the answer is the same whether the address has an account, so there is no failure).

    The mail is rendered and sent by a background thread (tribune.accounts.forms), so the answer does not wait
    for it and takes as long for an address with an account as for one without.
    """

    def get_form_class(self) -> type[forms.Form]:
        return BackgroundPasswordResetForm

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        email = request.POST.get("email", "")
        keys = password_reset_keys(request, email)
        retry_at = throttle_retry_at(keys=keys)
        if retry_at is not None:
            form = _with_error(
                self.get_form_class()(initial={"email": email}), password_reset_throttled_message(retry_at)
            )
            return _too_many(self.render_to_response(self.get_context_data(form=form)), retry_at)
        failure_record(keys=keys)
        return super().post(request, *args, **kwargs)
