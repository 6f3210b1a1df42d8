from __future__ import annotations

from django.db import models


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
