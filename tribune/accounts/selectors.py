"""Reads: whether an attempt may go ahead (and if not, from when), and a member's two-factor state."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings

from tribune.accounts import throttle
from tribune.accounts.models import RecoveryCode, TOTPDevice
from tribune.accounts.throttle import failure_counter, window


def throttle_retry_at(*, keys: Iterable[str]) -> datetime | None:
    """When the next attempt is allowed, or None when it is allowed now.

    A key is blocked while it holds TRIBUNE_LOGIN_MAX_FAILURES attempts in the window; it frees
    when the MAX-th newest of them is a window old. The latest of the keys' times wins.
    """
    limit = settings.TRIBUNE_LOGIN_MAX_FAILURES
    counter, now = failure_counter(), throttle.clock()
    retry_at: datetime | None = None
    for key in keys:
        times = counter.recent(key, since=now - window(), limit=limit)
        if len(times) >= limit:
            free_at = times[limit - 1] + window()
            retry_at = free_at if retry_at is None else max(retry_at, free_at)
    return retry_at


def totp_device_for(*, user: Any) -> TOTPDevice | None:
    """The user's device, confirmed or still being set up."""
    return TOTPDevice.objects.filter(user=user).first()


def two_factor_enabled(*, user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists()


def two_factor_required(*, user: Any) -> bool:
    """Whether the user is in one of TRIBUNE_2FA_REQUIRED_GROUPS (and so must enrol before anything else)."""
    groups = settings.TRIBUNE_2FA_REQUIRED_GROUPS
    return bool(groups) and user.groups.filter(name__in=groups).exists()


def recovery_codes_remaining(*, user: Any) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
