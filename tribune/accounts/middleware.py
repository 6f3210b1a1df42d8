"""The newsroom's two-factor gate; reader pages never reach it (nor touch the session because of it)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from urllib.parse import urlencode

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from tribune.accounts.selectors import two_factor_enabled, two_factor_required
from tribune.accounts.two_factor_session import VERIFIED_KEY


@cache
def _admin_prefix() -> str:
    return reverse("wagtailadmin_home")


@cache
def _open_paths() -> tuple[str, ...]:
    """Admin paths reachable before the second factor: signing in and out, resetting a password, setting up."""
    return (
        reverse("wagtailadmin_login"),
        reverse("accounts_login_code"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_password_reset"),  # and the pages under it
        reverse("accounts_two_factor"),
        reverse("wagtailadmin_javascript_catalog"),
    )


class TwoFactorMiddleware:
    """In /redactie/ only, for a signed-in member:

    - with a confirmed app but a session that never gave a code (signed in before the app was set up
      elsewhere, or by any route around the code step): signed out, back to the login;
    - in a group of TRIBUNE_2FA_REQUIRED_GROUPS without an app: sent to the set-up page, and nothing else
      in the newsroom opens until it is done.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_admin_prefix()) and not request.path.startswith(_open_paths()):
            refused = self._gate(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    @staticmethod
    def _gate(request: HttpRequest) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated:
            return None
        if two_factor_enabled(user=user):
            if request.session.get(VERIFIED_KEY):
                return None
            logout(request)
            return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}")
        if two_factor_required(user=user):
            return redirect("accounts_two_factor")
        return None
