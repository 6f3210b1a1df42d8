"""What the session holds between the password and the code, and after the code."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from tribune.accounts import throttle

# Who passed the password step, when, and where to go next; not logged in yet.
PENDING_KEY = "accounts_2fa_pending"
# Set in a session that proved the second factor (the code step, or confirming the app just now).
VERIFIED_KEY = "accounts_2fa_verified"


def login_pending_start(request: HttpRequest, user: Any, *, next_url: str, remember: bool) -> None:
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        # A password change in between (a reset by the owner) ends the pending login.
        "hash": user.get_session_auth_hash(),
        "at": throttle.clock().timestamp(),
        "next": next_url,
        "remember": remember,
    }
