"""Writes: the login and password-reset counters, the role groups and two-factor login."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.apps import apps as django_apps
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tribune.accounts import throttle, totp
from tribune.accounts.models import RecoveryCode, TOTPDevice
from tribune.accounts.roles import Role, sync_roles
from tribune.accounts.throttle import failure_counter


@transaction.atomic
def failure_record(*, keys: Iterable[str]) -> None:
    """Count one failed login (or one password-reset request) against each key."""
    counter, at = failure_counter(), throttle.clock()
    for key in keys:
        counter.add(key, at=at)


@transaction.atomic
def failures_clear(*, key: str) -> None:
    """A successful login clears its account's counter; the network address keeps its own."""
    failure_counter().clear(key)


@transaction.atomic
def roles_sync(*, apps: Any = django_apps) -> dict[Role, Any]:
    """Create or repair the role groups (tribune/accounts/roles.py); `apps` is a migration's model registry there."""
    return sync_roles(apps)


# --- Two-factor login (TOTP) ---

# No 0/o, 1/l/i: the codes are read off paper and typed by hand.
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_SELECTOR_LENGTH = 4
RECOVERY_SECRET_LENGTH = 8  # 31**8: about 40 bits behind the throttle


class SecondFactor(models.TextChoices):
    APP = "app", _("code uit de app")
    RECOVERY_CODE = "recovery", _("herstelcode")


class TwoFactorError(Exception):
    """A request the current state does not allow; the message is for the newsroom member."""


def _recovery_code() -> str:
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_SELECTOR_LENGTH + RECOVERY_SECRET_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.casefold() if ch.isalnum())


@transaction.atomic
def totp_device_start(*, user: Any) -> TOTPDevice:
    """A fresh secret to enrol with; it replaces an earlier one never confirmed."""
    if TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists():
        raise TwoFactorError(
            _("Tweestapsverificatie staat al aan. Schakel ze eerst uit om een nieuwe app te koppelen.")
        )
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, secret=totp.new_secret())


def totp_code_accept(*, device: TOTPDevice, code: str) -> bool:
    """Whether `code` is the device's code for now (±1 step) and was not used before; a match uses it up.

    The conditional UPDATE is the replay guard: of two requests with the same code, one matches the row.
    """
    step = totp.matching_step(bytes(device.secret), code, throttle.clock().timestamp())
    if step is None:
        return False
    fresh = Q(last_used_step__isnull=True) | Q(last_used_step__lt=step)
    if TOTPDevice.objects.filter(fresh, pk=device.pk).update(last_used_step=step) != 1:
        return False
    device.last_used_step = step
    return True


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Switch two-factor login on when `code` matches; returns the new recovery codes, or None."""
    if device.confirmed or not totp_code_accept(device=device, code=code):
        return None
    device.confirmed_at = throttle.clock()
    device.save(update_fields=["confirmed_at"])
    return recovery_codes_regenerate(user=device.user)


@transaction.atomic
def recovery_codes_regenerate(*, user: Any) -> list[str]:
    """New recovery codes (shown once); the old ones stop working."""
    RecoveryCode.objects.filter(user=user).delete()
    codes = [_recovery_code() for _ in range(settings.TRIBUNE_2FA_RECOVERY_CODES)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(
            user=user,
            selector=normalise_recovery_code(code)[:RECOVERY_SELECTOR_LENGTH],
            code_hash=make_password(normalise_recovery_code(code)[RECOVERY_SELECTOR_LENGTH:]),
        )
        for code in codes
    )
    return codes


@transaction.atomic
def recovery_code_use(*, user: Any, code: str) -> bool:
    """Whether `code` is one of the user's unused recovery codes; a match is used up."""
    plain = normalise_recovery_code(code)
    selector, rest = plain[:RECOVERY_SELECTOR_LENGTH], plain[RECOVERY_SELECTOR_LENGTH:]
    row = RecoveryCode.objects.filter(user=user, selector=selector, used_at__isnull=True).first()
    if row is None:
        # Hash anyway, so a wrong selector takes as long as a wrong code.
        make_password(rest)
        return False
    if not check_password(rest, row.code_hash):
        return False
    return RecoveryCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=throttle.clock()) == 1


def second_factor_accept(*, user: Any, code: str) -> SecondFactor | None:
    """A code from the app (six digits) or a recovery code; which one matched, or None."""
    device = TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).first()
    if device is None:
        return None
    if "".join(code.split()).isdigit():
        return SecondFactor.APP if totp_code_accept(device=device, code=code) else None
    return SecondFactor.RECOVERY_CODE if recovery_code_use(user=user, code=code) else None


@transaction.atomic
def totp_device_remove(*, user: Any) -> None:
    """Two-factor login off: the app's secret and the recovery codes are deleted."""
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCode.objects.filter(user=user).delete()
