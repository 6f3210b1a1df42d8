"""Two-factor login: the code step after the password, and the member's own page to switch it on and off.

The login view does not log a member with a confirmed app in: it keeps who passed the password step (and
when) in the session, and this code step logs them in. Every wrong code counts in the login throttle against
the account and the network address, exactly as a wrong password does, and a throttled attempt is refused
before the code is looked at.
"""

from __future__ import annotations

import hmac
from datetime import datetime
from typing import Any

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tribune.accounts import throttle, totp
from tribune.accounts.selectors import (
    recovery_codes_remaining,
    throttle_retry_at,
    totp_device_for,
    two_factor_required,
)
from tribune.accounts.services import (
    SecondFactor,
    TwoFactorError,
    failure_record,
    failures_clear,
    recovery_codes_regenerate,
    second_factor_accept,
    totp_device_confirm,
    totp_device_remove,
    totp_device_start,
)
from tribune.accounts.throttle import login_keys
from tribune.accounts.two_factor_session import PENDING_KEY, VERIFIED_KEY
from tribune.accounts.views import _minutes_and_time, _with_error, login_throttled_message

# What the member's page can do after "start"; each needs a code.
ACTIONS = ("confirm", "regenerate", "disable")

WRONG_CODE = gettext_lazy("Deze code klopt niet of is al gebruikt. Probeer de volgende code uit de app.")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=40,
        strip=True,
        error_messages={"required": gettext_lazy("Vul de code in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}),
    )


# --- The login's second step ---


def _pending_user(request: HttpRequest) -> tuple[Any, dict[str, Any]] | None:
    pending = request.session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    if throttle.clock().timestamp() - pending["at"] > settings.TRIBUNE_2FA_LOGIN_SECONDS:
        return None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    if user is None or not hmac.compare_digest(pending["hash"], user.get_session_auth_hash()):
        return None
    return user, pending


def _throttled(request: HttpRequest, template: str, context: dict[str, Any], retry_at: datetime) -> HttpResponse:
    _with_error(context["form"], login_throttled_message(retry_at))
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(_minutes_and_time(retry_at)["s"])
    return response


def _recovery_used_message(user: Any) -> str:
    left = recovery_codes_remaining(user=user)
    return (
        ngettext(
            "Je bent aangemeld met een herstelcode. Je hebt er nog %(count)s over.",
            "Je bent aangemeld met een herstelcode. Je hebt er nog %(count)s over.",
            left,
        )
        % {"count": left}
        + " "
        + _("Maak nieuwe onder Account > Tweestapsverificatie als je telefoon weg is.")
    )


class LoginCodeView(TemplateView):
    """/redactie/login/code/: the six digits from the app, or a recovery code."""

    template_name = "accounts/login_code.html"

    def _expired(self) -> HttpResponse:
        self.request.session.pop(PENDING_KEY, None)
        messages.error(self.request, _("Je aanmelding is verlopen. Meld je opnieuw aan."))
        return redirect("wagtailadmin_login")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if _pending_user(request) is None:
            return self._expired()
        return render(request, self.template_name, {"form": CodeForm()})

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        found = _pending_user(request)
        if found is None:
            return self._expired()
        user, pending = found
        form = CodeForm(request.POST)
        context = {"form": form}
        keys = login_keys(request, user.get_username())
        retry_at = throttle_retry_at(keys=keys)
        if retry_at is not None:
            return _throttled(request, self.template_name, {"form": CodeForm()}, retry_at)
        if not form.is_valid():
            return render(request, self.template_name, context, status=400)
        factor = second_factor_accept(user=user, code=form.cleaned_data["code"])
        if factor is None:
            failure_record(keys=keys)
            form.add_error("code", WRONG_CODE)
            return render(request, self.template_name, context, status=400)

        failures_clear(key=keys.subject)
        del request.session[PENDING_KEY]
        auth_login(request, user, backend=pending["backend"])  # a new session key: no fixation
        request.session[VERIFIED_KEY] = True
        request.session.set_expiry(settings.SESSION_COOKIE_AGE if pending["remember"] else 0)
        if factor == SecondFactor.RECOVERY_CODE:
            messages.warning(request, _recovery_used_message(user))
        return redirect(pending["next"])


# --- The member's own page in the admin ---


def _qr_svg(uri: str) -> str:
    # Drawn here by segno (no outside service sees the secret); its markup is paths and our own title. The
    # border is the 4-module quiet zone the QR standard asks for: some phone cameras need it.
    return mark_safe(segno.make(uri, error="m").svg_inline(scale=5, border=4, title=_("QR-code voor de app")))


class TwoFactorAccountView(WagtailAdminTemplateMixin, TemplateView):
    """/redactie/tweestapsverificatie/: set up (scan or type the secret, confirm with a code), see how many
    recovery codes remain, make new ones, or switch off; every change after setup needs a current code."""

    template_name = "accounts/two_factor.html"
    page_title = gettext_lazy("Tweestapsverificatie")
    header_icon = "key"

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        device = totp_device_for(user=user)
        context.update(
            device=device,
            required=two_factor_required(user=user),
            remaining=recovery_codes_remaining(user=user) if device and device.confirmed else 0,
        )
        # One form per action, each with its own field names and ids; the one just sent keeps its errors.
        sent = kwargs.get("form")
        context["forms"] = {
            action: sent if sent is not None and sent.prefix == action else CodeForm(prefix=action)
            for action in ACTIONS
        }
        context["errors"] = sent.non_field_errors() if sent is not None else []
        if device is not None and not device.confirmed:
            uri = totp.provisioning_uri(
                bytes(device.secret), account=user.get_username(), issuer=settings.TRIBUNE_SITE_NAME
            )
            secret = totp.b32(bytes(device.secret))
            context.update(
                uri=uri, qr=_qr_svg(uri), secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
            )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = request.POST.get("action")
        user = request.user
        if action == "start":
            try:
                totp_device_start(user=user)
            except TwoFactorError as error:
                messages.error(request, str(error))
            return redirect("accounts_two_factor")
        if action not in ACTIONS:
            return self._refuse(None, _("Onbekende actie."), status=400)

        keys = login_keys(request, user.get_username())
        retry_at = throttle_retry_at(keys=keys)
        if retry_at is not None:
            response = self._refuse(action, login_throttled_message(retry_at), status=429)
            response["Retry-After"] = str(_minutes_and_time(retry_at)["s"])
            return response
        form = CodeForm(request.POST, prefix=action)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        code = form.cleaned_data["code"]
        device = totp_device_for(user=user)

        if action == "confirm":
            if device is None or device.confirmed:
                return redirect("accounts_two_factor")
            codes = totp_device_confirm(device=device, code=code)
            if codes is None:
                return self._wrong_code(keys, form)
            request.session[VERIFIED_KEY] = True
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return self._show_codes(codes)

        if device is None or not device.confirmed or second_factor_accept(user=user, code=code) is None:
            return self._wrong_code(keys, form)
        if action == "regenerate":
            return self._show_codes(recovery_codes_regenerate(user=user))
        totp_device_remove(user=user)
        request.session.pop(VERIFIED_KEY, None)
        messages.success(request, _("Tweestapsverificatie staat uit. Je oude herstelcodes werken niet meer."))
        return redirect("accounts_two_factor")

    def _wrong_code(self, keys: Any, form: CodeForm) -> HttpResponse:
        failure_record(keys=keys)
        form.add_error("code", WRONG_CODE)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def _refuse(self, action: str | None, message: str, *, status: int) -> HttpResponse:
        form = _with_error(CodeForm(prefix=action), message)
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def _show_codes(self, codes: list[str]) -> HttpResponse:
        # Shown in this answer only (the admin's answers are never cached): they are stored hashed.
        return self.render_to_response(self.get_context_data(codes=codes))

    def render_to_response(self, context: dict[str, Any], status: int = 200, **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        response.status_code = status
        return response
