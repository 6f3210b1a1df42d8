"""Login and password reset at /redactie/: 429 after five failures per address or per account, in the
admin's design, with Retry-After and a Dutch time to retry; on the database counters and on Redis."""

from __future__ import annotations

import pytest
from django.core import mail

from tribune.accounts import mailer
from tribune.accounts.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/redactie/login/"
RESET = "/redactie/password_reset/"
TOO_MANY = "Te veel mislukte pogingen. Probeer het opnieuw na 15:32 (over 60 minuten)."


def login(client, username, password="fout-wachtwoord", address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def assert_throttled(response, message=TOO_MANY, retry_after="3600"):
    assert response.status_code == 429
    assert response["Retry-After"] == retry_after
    body = response.content.decode()
    assert message in body
    assert '<li class="error">' in body  # Wagtail's login page, its error list
    assert 'class="login-form"' in body
    assert "_auth_user_id" not in response.wsgi_request.session


def test_sixth_attempt_after_five_failures_is_refused_before_the_password_is_checked(client, editor, clock, backend):
    for _ in range(5):
        response = login(client, "redactie")
        assert response.status_code == 200
        assert "error" in response.content.decode()
    # Even the right password: the blocked attempt never reaches authentication (no password oracle).
    assert_throttled(login(client, "redactie", PASSWORD))


def test_retry_message_counts_down_in_minutes(client, editor, clock, backend):
    for _ in range(5):
        login(client, "redactie")
    clock.advance(minutes=59, seconds=30)
    assert_throttled(
        login(client, "redactie"),
        "Te veel mislukte pogingen. Probeer het opnieuw na 15:32 (over 1 minuut).",
        retry_after="30",
    )


def test_varying_the_username_from_one_address_is_throttled(client, editor, clock, backend):
    for name in ["anna", "bram", "cas", "redactie", "dirk"]:
        assert login(client, name).status_code == 200
    assert_throttled(login(client, "eva"))
    # Another address may still try.
    assert login(client, "eva", address="192.0.2.99").status_code == 200


def test_one_username_from_many_addresses_is_throttled(client, editor, clock, backend):
    for i in range(5):
        assert login(client, "Redactie ", address=f"198.51.100.{i}").status_code == 200
    # Case and spacing do not make another account.
    assert_throttled(login(client, "redactie", PASSWORD, address="198.51.100.200"))


def test_unknown_usernames_are_throttled_like_known_ones(client, clock, backend):
    for i in range(5):
        assert login(client, "bestaat-niet", address=f"198.51.100.{i}").status_code == 200
    assert_throttled(login(client, "bestaat-niet", address="198.51.100.200"))


def test_success_clears_the_accounts_counter_but_not_the_addresses(client, editor, clock, backend):
    for _ in range(4):
        login(client, "redactie", address="192.0.2.1")
    response = login(client, "redactie", PASSWORD, address="192.0.2.1")
    assert response.status_code == 302
    client.logout()
    # Without the clearing the account would now be blocked after one more failure.
    for _ in range(5):
        assert login(client, "redactie", address="192.0.2.2").status_code == 200
    assert_throttled(login(client, "redactie", address="192.0.2.3"))
    # The first address kept its four failures: one more and it is blocked too, whatever the username.
    assert login(client, "iemand", address="192.0.2.1").status_code == 200
    assert_throttled(login(client, "nog-iemand", address="192.0.2.1"))


def test_the_window_expires_after_an_hour(client, editor, clock, backend):
    for _ in range(5):
        login(client, "redactie")
    clock.advance(minutes=30)
    assert login(client, "redactie").status_code == 429
    clock.advance(minutes=30, seconds=1)
    assert login(client, "redactie", PASSWORD).status_code == 302


def test_a_sliding_window_frees_one_attempt_at_a_time(client, editor, clock, backend):
    for _ in range(5):
        login(client, "redactie")
        clock.advance(minutes=10)
    # Failures at 0, 10, 20, 30, 40 minutes; now 50: blocked until the first is an hour old.
    assert_throttled(login(client, "redactie"), "Probeer het opnieuw na 15:32 (over 10 minuten).", retry_after="600")
    clock.advance(minutes=10)
    assert login(client, "redactie").status_code == 200  # the sixth failure, counted
    assert login(client, "redactie").status_code == 429


def test_login_page_itself_is_not_throttled(client, editor, clock, backend):
    for _ in range(6):
        login(client, "redactie")
    assert client.get(LOGIN, REMOTE_ADDR="192.0.2.10").status_code == 200


def test_trusted_proxy_hop_is_the_address_counted(client, editor, clock, backend, settings):
    settings.TRIBUNE_TRUSTED_PROXIES = 1
    for i in range(5):
        response = client.post(
            LOGIN, {"username": f"naam{i}", "password": "x"}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
        assert response.status_code == 200
    blocked = client.post(
        LOGIN, {"username": "ander", "password": "x"}, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert blocked.status_code == 429
    # Another client behind the same proxy is not.
    other = client.post(
        LOGIN, {"username": "ander", "password": "x"}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.8"
    )
    assert other.status_code == 200


# --- Password reset ---


def sent_mail():
    """The outbox once the background sender has sent everything queued (tribune.accounts.mailer)."""
    assert mailer.flush(timeout=10)
    return mail.outbox


def reset(client, email, address="192.0.2.10"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_password_reset_answers_alike_for_known_and_unknown_addresses(client, editor, clock, backend):
    known, unknown = reset(client, "redactie@example.com"), reset(client, "niemand@example.com", "192.0.2.11")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == "/redactie/password_reset/done/"
    assert len(sent_mail()) == 1  # only the account gets a mail


def test_password_reset_is_throttled_per_email(client, editor, clock, backend):
    for i in range(5):
        assert reset(client, "Redactie@example.com", address=f"198.51.100.{i}").status_code == 302
    response = reset(client, "redactie@example.com", address="198.51.100.200")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    body = response.content.decode()
    assert "Te veel aanvragen. Probeer het opnieuw na 15:32 (over 60 minuten)." in body
    assert 'name="email"' in body
    assert len(sent_mail()) == 5


def test_password_reset_is_throttled_per_address(client, editor, clock, backend):
    for i in range(5):
        assert reset(client, f"iemand{i}@example.com").status_code == 302
    assert reset(client, "redactie@example.com").status_code == 429
    assert len(sent_mail()) == 0
    clock.advance(hours=1, seconds=1)
    assert reset(client, "redactie@example.com").status_code == 302
    assert len(sent_mail()) == 1


def test_password_reset_and_login_count_separately(client, editor, clock, backend):
    for _ in range(5):
        login(client, "redactie")
    assert reset(client, "redactie@example.com").status_code == 302
