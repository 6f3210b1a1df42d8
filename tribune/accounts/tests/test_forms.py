"""The password-reset mail is rendered and sent after the answer, by the background sender: the mail is right
(Dutch, a working link), the answer does not wait for a hanging mail server, and a mail server that refuses or
hangs gives the reader the same page as an unknown address while the failure is logged."""

from __future__ import annotations

import logging
import smtplib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from django.core import mail

from tribune.accounts import mailer
from tribune.accounts.forms import ResetUser
from tribune.accounts.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

RESET = "/redactie/password_reset/"
DONE = "/redactie/password_reset/done/"


def reset(client, email, address="192.0.2.10"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_the_mail_is_dutch_and_its_link_sets_a_new_password(client, editor):
    response = reset(client, "redactie@example.com")
    assert (response.status_code, response["Location"]) == (302, DONE)
    assert mailer.flush(timeout=10)
    [message] = mail.outbox
    assert message.to == ["redactie@example.com"]
    assert message.subject == "Wachtwoord herstel"
    assert "Klik op de link hieronder om je wachtwoord te wijzigen:" in message.body
    assert "Jouw gebruikersnaam (mocht je die vergeten zijn): redactie" in message.body
    link = next(line for line in message.body.splitlines() if "/password_reset/confirm/" in line)
    path = link[link.index("/redactie/") :]
    form = client.get(path, follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
    new = "nieuw-wachtwoord-42-Lang"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(new) and not editor.check_password(PASSWORD)


def test_only_plain_data_crosses_to_the_worker_and_unknown_addresses_get_a_decoy(client, editor, monkeypatch):
    jobs = []
    monkeypatch.setattr(mailer, "submit", jobs.append)
    reset(client, "redactie@example.com")
    reset(client, "niemand@example.com", "192.0.2.11")
    real, decoy = (job.args[0] for job in jobs)
    assert isinstance(real.context["user"], ResetUser) and isinstance(decoy.context["user"], ResetUser)
    assert (real.context["user"].pk, real.to_email, real.send) == (editor.pk, "redactie@example.com", True)
    assert (decoy.context["user"].pk, decoy.to_email, decoy.send) == (0, "niemand@example.com", False)
    assert real.context.keys() == decoy.context.keys()
    assert len(real.context["token"]) == len(decoy.context["token"])
    assert real.language == decoy.language == "nl-be"


def test_the_decoy_is_rendered_but_never_sent(client, editor):
    reset(client, "niemand@example.com")
    reset(client, "redactie@example.com", "192.0.2.11")
    assert mailer.flush(timeout=10)
    assert [message.to for message in mail.outbox] == [["redactie@example.com"]]


@pytest.fixture
def silent_smtp_server() -> Iterator[int]:
    """A real TCP server that accepts connections and never says a word (a hung mail server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def closed_port() -> int:
    """A port nothing listens on: the SMTP connection is refused."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def assert_same_page_as_unknown(client, known, failures):
    unknown = reset(client, "niemand@example.com", "192.0.2.11")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"]) == (302, DONE)
    assert client.get(DONE).status_code == 200
    assert mailer.flush(timeout=15)
    [record] = failures()
    return record


def smtp_failures(caplog):
    return lambda: [r for r in caplog.records if r.name == "tribune.accounts.forms"]


def test_a_refusing_mail_server_gives_the_same_page_and_is_logged(client, editor, settings, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    with caplog.at_level(logging.ERROR, logger="tribune.accounts.forms"):
        known = reset(client, "redactie@example.com")
        record = assert_same_page_as_unknown(client, known, smtp_failures(caplog))
    assert record.getMessage() == f"Failed to send password reset email to user {editor.pk}"
    assert isinstance(record.exc_info[1], ConnectionRefusedError)
    assert "redactie@example.com" not in caplog.text


def test_the_answer_does_not_wait_for_a_hanging_mail_server(client, editor, settings, caplog, silent_smtp_server):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", silent_smtp_server, 3
    with caplog.at_level(logging.ERROR, logger="tribune.accounts.forms"):
        started = time.monotonic()
        known = reset(client, "redactie@example.com")
        answered = time.monotonic() - started
        # Inline sending would wait out EMAIL_TIMEOUT (3 s) before answering.
        assert answered < 1.5, answered
        assert mailer.pending() == 1
        record = assert_same_page_as_unknown(client, known, smtp_failures(caplog))
    assert isinstance(record.exc_info[1], smtplib.SMTPServerDisconnected)  # smtplib's word for the timeout
    assert isinstance(record.exc_info[1].__context__, TimeoutError)
