"""Two-factor login in the newsroom: the member's page, linked from their account page."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from tribune.accounts.two_factor_views import TwoFactorAccountView


@hooks.register("register_admin_urls")
def two_factor_urls() -> list[Any]:
    return [path("tweestapsverificatie/", TwoFactorAccountView.as_view(), name="accounts_two_factor")]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request: Any) -> dict[str, str]:
    return {
        "url": reverse("accounts_two_factor"),
        "label": _("Tweestapsverificatie"),
        "help_text": _("Meld je aan met je wachtwoord én een code uit een app op je telefoon."),
    }
