"""Known and unknown usernames are indistinguishable at the login page: same status, same body (the CSRF
token and the echoed username aside) and the same time, measured with the real PBKDF2 hasher. Known and unknown
addresses are likewise at the password reset: same redirect, same time (the mail goes out in the background)."""

from __future__ import annotations

import math
import re
import statistics
import time

import pytest
from django.contrib.auth import get_user_model

from tribune.accounts.tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/redactie/login/"
# The token in the form, and the copy Wagtail's admin config JSON carries for its scripts.
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"|"CSRF_TOKEN": "[^"]*"')
USERNAME = re.compile(r'name="username" value="[^"]*"')


def normalised_body(response, username):
    """The body without the CSRF token and the username the form echoes (the asker's own input)."""
    body = CSRF.sub("CSRF", response.content.decode())
    assert f'name="username" value="{username}"' in body
    return USERNAME.sub('name="username" value=""', body)


def attempt(client, username, address):
    return client.post(LOGIN, {"username": username, "password": "fout-wachtwoord"}, REMOTE_ADDR=address)


def test_wrong_password_and_unknown_user_give_the_same_answer(client, editor):
    known, unknown = attempt(client, "redactie", "192.0.2.1"), attempt(client, "onbekend", "192.0.2.2")
    assert known.status_code == unknown.status_code == 200
    assert normalised_body(known, "redactie") == normalised_body(unknown, "onbekend")


def test_throttled_answers_are_the_same_for_known_and_unknown_users(client, editor, clock):
    for i in range(5):
        attempt(client, "redactie", f"198.51.100.{i}")
        attempt(client, "onbekend", f"198.51.100.{i + 10}")
    known, unknown = attempt(client, "redactie", "192.0.2.1"), attempt(client, "onbekend", "192.0.2.2")
    assert known.status_code == unknown.status_code == 429
    assert known["Retry-After"] == unknown["Retry-After"]
    assert normalised_body(known, "redactie") == normalised_body(unknown, "onbekend")


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def measure(
    client, names: list[str], rounds: int = 30, attempt=attempt, status: int = 200
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall-clock and thread CPU times per name, the attempts interleaved (alternating which goes first)."""
    wall: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    for i in range(rounds):
        for name in names if i % 2 == 0 else names[::-1]:
            started, started_cpu = time.perf_counter(), time.thread_time()
            response = attempt(client, name, "192.0.2.1")
            wall[name].append(time.perf_counter() - started)
            cpu[name].append(time.thread_time() - started_cpu)
            assert response.status_code == status
    return wall, cpu


def within(figures: dict[str, float], ratio: float = 1.2) -> bool:
    return max(figures.values()) / min(figures.values()) <= ratio


def test_unknown_and_known_usernames_take_the_same_time(client, db, settings):
    """p95 of 30 wrong-password logins each with the real PBKDF2 hasher, within 20 %: Django's ModelBackend
    hashes the password for unknown users too, and the throttle charges both the same counters.

    The median of the server's own work (thread CPU time) must be within 20 % in every measurement: a real
    difference (a path that skips the hasher: ~0 ms against ~250 ms) fails it every time. The p95s, wall-clock
    and CPU, also carry other processes' noise on a shared machine (CI runs this beside a whole test suite), which
    lands on single requests at random: one of up to four measurements must have both within 20 %.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    settings.TRIBUNE_LOGIN_MAX_FAILURES = 10_000  # measure authentication, not the 429
    get_user_model().objects.create_user("redactie", "redactie@example.com", PASSWORD)
    names = ["redactie", "onbekend"]
    for name in names:  # warm-up: template loading, first queries
        attempt(client, name, "192.0.2.1")
    seen = []
    for _ in range(4):
        wall, cpu = measure(client, names)
        median_cpu = {name: statistics.median(samples) for name, samples in cpu.items()}
        assert within(median_cpu), median_cpu
        wall_p95 = {name: p95(samples) for name, samples in wall.items()}
        cpu_p95 = {name: p95(samples) for name, samples in cpu.items()}
        seen.append((wall_p95, cpu_p95))
        print(f"login p95 wall-clock {wall_p95}, CPU {cpu_p95} (seconds)")
        if within(wall_p95) and within(cpu_p95):
            return
    pytest.fail(f"p95 differs by more than 20 % in four measurements: {seen}")


RESET = "/redactie/password_reset/"


def reset(client, email, address):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_password_reset_answers_known_and_unknown_addresses_alike(client, editor):
    known, unknown = (
        reset(client, "redactie@example.com", "192.0.2.1"),
        reset(client, "niemand@example.com", "192.0.2.2"),
    )
    assert (known.status_code, known["Location"], known.content) == (
        unknown.status_code,
        unknown["Location"],
        unknown.content,
    )
    assert known.status_code == 302


def test_known_and_unknown_addresses_take_the_same_time_at_the_password_reset(client, db, settings):
    """As the login test above, for /redactie/password_reset/: 30 requests each for an address with an account
    and one without, interleaved, with the real PBKDF2 hasher configured (the reset makes a token from the
    password hash; it hashes no password). With Django's form the known address rendered and sent its mail inside
    the request: with locmem mail, as here, its median CPU time was 24 % above the unknown address's (this test
    failed); with SMTP it is a network round trip more. The background sender keeps running beside the measured
    requests, as in production, rendering the real mail or the decoy."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    settings.TRIBUNE_LOGIN_MAX_FAILURES = 10_000  # measure the reset, not the 429
    get_user_model().objects.create_user("redactie", "redactie@example.com", PASSWORD)
    addresses = ["redactie@example.com", "niemand@example.com"]

    count = iter(range(10**6))

    def attempt_reset(client, email, address):
        # A new network address each time: the address counter's rows would otherwise grow through the run.
        n = next(count)
        return reset(client, email, f"10.{n // 65536}.{n // 256 % 256}.{n % 256}")

    for email in addresses:  # warm-up: template loading, first queries, the sender's thread
        attempt_reset(client, email, "192.0.2.1")
    seen = []
    for _ in range(4):
        wall, cpu = measure(client, addresses, attempt=attempt_reset, status=302)
        median_cpu = {email: statistics.median(samples) for email, samples in cpu.items()}
        assert within(median_cpu), median_cpu
        wall_p95 = {email: p95(samples) for email, samples in wall.items()}
        cpu_p95 = {email: p95(samples) for email, samples in cpu.items()}
        seen.append((median_cpu, wall_p95, cpu_p95))
        print(f"reset median CPU {median_cpu}, p95 wall-clock {wall_p95}, CPU {cpu_p95} (seconds)")
        if within(wall_p95) and within(cpu_p95):
            return
    pytest.fail(f"p95 differs by more than 20 % in four measurements: {seen}")
