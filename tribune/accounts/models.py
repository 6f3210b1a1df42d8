from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LoginFailure(models.Model):
    """One failed (or, for password resets, one) attempt against a throttle key, when Redis is not used.

    `key` names the counter and a keyed hash of what is counted ("login-address:<hmac>"), so neither
    usernames nor network addresses are stored. Rows older than the window are deleted on the scheduler tick.
    """

    key = models.CharField(max_length=100)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["key", "at"], name="accounts_failure_key_at")]

    def __str__(self) -> str:
        return f"{self.key} @ {self.at.isoformat()}"


class TOTPDevice(models.Model):
    """A newsroom member's authenticator app: the shared secret and the last time step it was used for.

    The secret is stored as is (see README, "Tweestapsverificatie"): shown in the enrolment page until it is
    confirmed with a code, never again afterwards. `last_used_step` makes every code single-use: a code is
    accepted only for a time step after the last one accepted, changed with a conditional UPDATE.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="totp_device")
    secret = models.BinaryField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_used_step = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("authenticator-app")
        verbose_name_plural = _("authenticator-apps")

    def __str__(self) -> str:
        state = "bevestigd" if self.confirmed_at else "niet bevestigd"
        return f"{self.user} ({state})"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


class RecoveryCode(models.Model):
    """One single-use recovery code, for when the phone is gone.

    `selector` (the code's first characters) finds the row, so a login attempt costs one password-hasher
    check rather than one per remaining code; the rest is stored only as a Django password hash.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recovery_codes")
    selector = models.CharField(max_length=8)
    code_hash = models.CharField(max_length=200)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "selector"], name="accounts_recovery_user_selector")]

    def __str__(self) -> str:
        return f"{self.user} {self.selector}… ({'gebruikt' if self.used_at else 'ongebruikt'})"
