"""Webhooks in the newsroom: Instellingen > Webhooks (register targets) and > Webhook-log (deliveries)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from tribune.webhooks.forms import WebhookForm
from tribune.webhooks.models import Webhook, WebhookDelivery


class WebhookViewSet(ModelViewSet):
    model = Webhook
    icon = "link"
    menu_label = _("Webhooks")
    menu_name = "webhooks"
    add_to_settings_menu = True
    list_display = ["url", "description", "events", "is_active", "created_at"]
    list_filter = ["is_active"]
    inspect_view_enabled = False
    copy_view_enabled = False
    add_to_reference_index = False
    edit_handler = ObjectList(
        [
            FieldPanel("url"),
            FieldPanel("description"),
            FieldPanel("events"),
            FieldPanel("is_active"),
            # Made on the first save; the receiver needs it to verify the signature.
            FieldPanel("secret", read_only=True),
        ],
        base_form_class=WebhookForm,
    )


class DeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Webhook-log")
    menu_name = "webhook-log"
    add_to_settings_menu = True
    list_display = [
        "webhook",
        "event",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "created_at",
        "next_attempt_at",
        "delivered_at",
    ]
    list_filter = ["webhook", "status", "event"]
    list_per_page = 50
    ordering = ["-id"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    form_fields = ["status"]
    ROUTES = frozenset({"index", "index_results", "inspect"})

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # A log: read only.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            history_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self) -> list[Any]:
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in self.ROUTES]


webhook_viewset = WebhookViewSet("webhooks")
delivery_viewset = DeliveryViewSet("webhook-log")


@hooks.register("register_admin_viewset")
def register_webhook_viewsets() -> list[ModelViewSet]:
    return [webhook_viewset, delivery_viewset]
