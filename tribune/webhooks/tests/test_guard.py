"""Internal targets are refused at registration and again at delivery, unless the setting allows them."""

from __future__ import annotations

import socket

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tribune.webhooks.delivery import deliver_due
from tribune.webhooks.guard import RefusedTarget, check_target, validate_target_url
from tribune.webhooks.models import DeliveryStatus, Event, Webhook, WebhookDelivery

INTERNAL = [
    "http://127.0.0.1/hook",
    "http://10.0.0.1/hook",
    "http://192.168.1.5:8080/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/",
    "http://localhost:8000/hook",
]


@pytest.fixture(autouse=True)
def private_off(settings):
    settings.TRIBUNE_WEBHOOKS_ALLOW_PRIVATE = False


@pytest.mark.parametrize("url", INTERNAL)
def test_internal_targets_are_refused(url):
    with pytest.raises(RefusedTarget):
        check_target(url)
    with pytest.raises(ValidationError) as error:
        validate_target_url(url)
    assert "intern" in str(error.value)


def test_other_schemes_are_refused():
    for url in ("ftp://example.org/", "file:///etc/passwd", "gopher://example.org/"):
        with pytest.raises(RefusedTarget):
            check_target(url)


def test_a_name_resolving_to_any_internal_address_is_refused(monkeypatch):
    def fake(host, port, *args, **kwargs):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(RefusedTarget):
        check_target("https://hooks.example.org/")


def test_public_address_passes(monkeypatch):
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, port, *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))],
    )
    check_target("https://hooks.example.org/tribune")


def test_setting_allows_internal_targets(settings):
    settings.TRIBUNE_WEBHOOKS_ALLOW_PRIVATE = True
    check_target("http://127.0.0.1:8000/hook")
    with pytest.raises(RefusedTarget):
        check_target("ftp://127.0.0.1/")


@pytest.mark.django_db
def test_model_validation_refuses_internal_target():
    with pytest.raises(ValidationError) as error:
        Webhook(url="http://169.254.169.254/").full_clean()
    assert "url" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["http://127.0.0.1:9/", "http://localhost:9/", "http://[::1]:9/"])
def test_refused_again_at_delivery(url):
    """Registered while allowed (or before the name moved): the check at delivery gives up without a request."""
    hook = Webhook.objects.create(url=url)
    delivery = WebhookDelivery.objects.create(
        webhook=hook, event=Event.ARTICLE_PUBLISHED, payload={}, next_attempt_at=timezone.now()
    )
    assert deliver_due() == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.GAVE_UP
    assert (delivery.last_error, delivery.attempts, delivery.last_status_code) == ("refused internal address", 1, None)


@pytest.mark.django_db
def test_delivery_connects_to_the_checked_address_not_a_second_lookup(monkeypatch):
    """DNS rebinding: the name is resolved once, checked, and that address is the one connected to."""
    from tribune.webhooks import guard
    from tribune.webhooks.tests.receiver import receiver

    lookups = []

    def resolve(host, port):
        lookups.append(host)
        return {"127.0.0.1"}

    monkeypatch.setattr(guard, "_resolve", resolve)
    monkeypatch.setattr(guard, "_is_internal", lambda address: False)  # pretend 127.0.0.1 is public
    with receiver() as target:
        port = target.url.rsplit(":", 1)[1].split("/")[0]
        # .invalid never resolves: a second lookup by urllib would fail the delivery.
        hook = Webhook.objects.create(url=f"http://webhooks.invalid:{port}/hook")
        WebhookDelivery.objects.create(
            webhook=hook, event=Event.ARTICLE_PUBLISHED, payload={}, next_attempt_at=timezone.now()
        )
        assert deliver_due() == 1
    assert lookups == ["webhooks.invalid"]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED
    assert target.requests[0].headers["Host"] == f"webhooks.invalid:{port}"
