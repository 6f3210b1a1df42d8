from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from tribune.webhooks.guard import validate_target_url


class Event(models.TextChoices):
    ARTICLE_PUBLISHED = "article.published", _("Artikel gepubliceerd")
    ARTICLE_UPDATED = "article.updated", _("Artikel bijgewerkt")
    ARTICLE_UNPUBLISHED = "article.unpublished", _("Artikel offline gehaald")
    COMMENT_PUBLISHED = "comment.published", _("Reactie gepubliceerd")


def all_events() -> list[str]:
    return [event.value for event in Event]


def new_secret() -> str:
    return secrets.token_hex(32)


class Webhook(models.Model):
    url = models.URLField(
        _("adres"),
        max_length=500,
        validators=[validate_target_url],
        help_text=_("Krijgt een JSON POST bij elke gekozen gebeurtenis."),
    )
    description = models.CharField(_("omschrijving"), max_length=200, blank=True)
    # A list of Event values; the table is small, so matching happens in Python.
    events = models.JSONField(_("gebeurtenissen"), default=all_events)
    secret = models.CharField(
        _("geheim"),
        max_length=64,
        blank=True,
        help_text=_("Hiermee controleert de ontvanger de handtekening (X-Tribune-Signature)."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["url"]

    def __str__(self) -> str:
        return self.description or self.url

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.secret:
            self.secret = new_secret()
        super().save(*args, **kwargs)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Wachtend")
    SUCCEEDED = "succeeded", _("Afgeleverd")
    FAILED = "failed", _("Mislukt, wordt opnieuw geprobeerd")
    GAVE_UP = "gave_up", _("Opgegeven")


class WebhookDelivery(models.Model):
    webhook = models.ForeignKey(Webhook, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries")
    uuid = models.UUIDField(_("id"), default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(_("gebeurtenis"), max_length=30, choices=Event.choices)
    payload = models.JSONField(_("inhoud"))
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    # Due-queue key: pending and failed rows are picked up when this has passed; null once settled.
    next_attempt_at = models.DateTimeField(_("volgende poging"), null=True, blank=True, db_index=True)
    last_status_code = models.PositiveSmallIntegerField(_("laatste statuscode"), null=True, blank=True)
    last_error = models.CharField(_("laatste fout"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("afgeleverd"), null=True, blank=True)

    class Meta:
        verbose_name = _("aflevering")
        verbose_name_plural = _("afleveringslog")
        ordering = ["-id"]
        indexes = [models.Index(fields=["webhook", "-id"], name="webhookdelivery_webhook")]

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook}"
