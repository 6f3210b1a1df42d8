from __future__ import annotations

import pytest
from django.utils import timezone

from tribune.webhooks.models import Event, Webhook, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("baas", "baas@example.org", "een-wachtwoord-1")
    client.force_login(user)
    return client


def test_pages_load(superuser_client, settings):
    settings.TRIBUNE_WEBHOOKS_ALLOW_PRIVATE = True
    hook = Webhook.objects.create(url="http://127.0.0.1:9/hook", description="Partnersite")
    WebhookDelivery.objects.create(
        webhook=hook,
        event=Event.ARTICLE_PUBLISHED,
        payload={"event": "article.published"},
        last_status_code=500,
        last_error="HTTP 500",
        next_attempt_at=timezone.now(),
    )
    for url in (
        "/redactie/webhooks/",
        "/redactie/webhooks/new/",
        f"/redactie/webhooks/edit/{hook.pk}/",
        "/redactie/webhook-log/",
        f"/redactie/webhook-log/?webhook={hook.pk}&status=pending",
        f"/redactie/webhook-log/inspect/{WebhookDelivery.objects.get().pk}/",
    ):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
    edit = superuser_client.get(f"/redactie/webhooks/edit/{hook.pk}/").content.decode()
    assert hook.secret in edit
    assert "HTTP 500" in superuser_client.get("/redactie/webhook-log/").content.decode()
    # The log is read only.
    assert superuser_client.get("/redactie/webhook-log/new/").status_code == 404


def test_create_refuses_internal_address(superuser_client, settings):
    settings.TRIBUNE_WEBHOOKS_ALLOW_PRIVATE = False
    response = superuser_client.post(
        "/redactie/webhooks/new/",
        {
            "url": "http://169.254.169.254/latest/",
            "description": "",
            "events": ["article.published"],
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "intern" in response.content.decode()
    assert not Webhook.objects.exists()


def test_create_with_events_and_generated_secret(superuser_client, settings):
    settings.TRIBUNE_WEBHOOKS_ALLOW_PRIVATE = True
    response = superuser_client.post(
        "/redactie/webhooks/new/",
        {
            "url": "http://127.0.0.1:9/hook",
            "description": "Intranet",
            "events": ["comment.published", "article.published"],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    hook = Webhook.objects.get()
    assert hook.events == ["article.published", "comment.published"]
    assert len(hook.secret) == 64
