"""Two-factor login through the real newsroom: set up, log in with a code or a recovery code, replays and
guesses refused, the required groups sent to set-up first, and the reader site untouched."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tribune.accounts import totp
from tribune.accounts.models import RecoveryCode, TOTPDevice
from tribune.accounts.roles import Role
from tribune.accounts.services import totp_device_confirm, totp_device_start
from tribune.accounts.tests.factories import PASSWORD, member
from tribune.accounts.two_factor_session import VERIFIED_KEY
from tribune.newsroom.tests.factories import published_article

pytestmark = pytest.mark.django_db

LOGIN = "/redactie/login/"
CODE = "/redactie/login/code/"
PAGE = "/redactie/tweestapsverificatie/"
HOME = "/redactie/"
ARTICLES = "/redactie/snippets/newsroom/article/"
WRONG = "Deze code klopt niet of is al gebruikt."


@pytest.fixture(autouse=True)
def database_counters(settings: Any) -> None:
    settings.TRIBUNE_RATE_LIMIT_BACKEND = "database"


def code_now(device: TOTPDevice, clock: Any) -> str:
    return totp.totp(bytes(device.secret), clock.now.timestamp())


def enrolled(user: Any, clock: Any) -> tuple[TOTPDevice, list[str]]:
    """A confirmed app; the clock then moves on a step, so the code used to confirm is not the next one."""
    device = totp_device_start(user=user)
    codes = totp_device_confirm(device=device, code=code_now(device, clock))
    assert codes is not None
    clock.advance(seconds=30)
    device.refresh_from_db()
    return device, codes


def password_step(client: Client, user: Any, **extra: Any) -> Any:
    return client.post(LOGIN, {"username": user.username, "password": PASSWORD, **extra}, REMOTE_ADDR="192.0.2.10")


def code_step(client: Client, code: str) -> Any:
    return client.post(CODE, {"code": code}, REMOTE_ADDR="192.0.2.10")


def logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


# --- Setting it up ---


def test_a_member_sets_up_the_app_and_gets_recovery_codes_once(client, clock):
    user = member(Role.REPORTER)
    client.force_login(user)
    page = client.get(PAGE).content.decode()
    assert "Instellen" in page
    assert client.post(PAGE, {"action": "start"}).status_code == 302

    device = TOTPDevice.objects.get(user=user)
    secret = totp.b32(bytes(device.secret))
    page = client.get(PAGE).content.decode()
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page
    assert "<svg" in page  # the QR code, drawn on the server: no JavaScript, no outside service
    assert f"secret={secret}" in page  # the otpauth:// address

    wrong = client.post(PAGE, {"action": "confirm", "confirm-code": "000000"})
    assert wrong.status_code == 400
    assert WRONG in wrong.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    confirmed = client.post(PAGE, {"action": "confirm", "confirm-code": code_now(device, clock)})
    assert confirmed.status_code == 200
    assert "no-store" in confirmed["Cache-Control"]
    shown = re.findall(r"<li>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</li>", confirmed.content.decode())
    assert len(shown) == 10 and len(set(shown)) == 10
    # Stored only as password hashes.
    assert not RecoveryCode.objects.filter(code_hash__contains=shown[0][5:9]).exists()
    device.refresh_from_db()
    assert device.confirmed

    again = client.get(PAGE).content.decode()
    assert secret[:8] not in again.replace(" ", "")  # never shown again
    assert shown[0] not in again
    assert "Je hebt nog 10 herstelcodes." in again


def test_starting_again_while_enrolled_is_refused(client, clock):
    user = member(Role.REPORTER)
    device, _codes = enrolled(user, clock)
    client.force_login(user)
    session = client.session
    session[VERIFIED_KEY] = True
    session.save()
    response = client.post(PAGE, {"action": "start"}, follow=True)
    assert "staat al aan" in response.content.decode()
    assert TOTPDevice.objects.get(user=user).secret == device.secret


# --- Logging in ---


def test_the_password_alone_does_not_log_in_a_member_with_an_app(client, clock):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    response = password_step(client, user)
    assert (response.status_code, response["Location"]) == (302, CODE)
    assert not logged_in(client)
    assert client.get(HOME)["Location"].startswith(LOGIN)

    page = client.get(CODE)
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()
    done = code_step(client, code_now(device, clock))
    assert (done.status_code, done["Location"]) == (302, HOME)
    assert logged_in(client)
    assert client.get(HOME).status_code == 200


def test_a_wrong_code_is_refused_in_dutch(client, clock):
    user = member(Role.EDITOR)
    enrolled(user, clock)
    password_step(client, user)
    for code in ["123456", "", "abc", "9" * 40]:
        response = code_step(client, code)
        assert response.status_code == 400
        assert not logged_in(client)
    assert WRONG in code_step(client, "123456").content.decode()
    assert "Vul de code in." in code_step(client, "").content.decode()


def test_a_code_cannot_be_used_twice(client, clock):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    code = code_now(device, clock)
    password_step(client, user)
    assert code_step(client, code).status_code == 302
    client.logout()

    other = Client()
    password_step(other, user)
    replay = code_step(other, code)
    assert replay.status_code == 400
    assert not logged_in(other)
    # Nor the code of the step before, once a later one was used.
    clock.advance(seconds=30)
    assert (
        code_step(other, totp.hotp(bytes(device.secret), totp.time_step(clock.now.timestamp()) - 2)).status_code == 400
    )
    assert code_step(other, code_now(device, clock)).status_code == 302


def test_a_code_from_the_next_or_previous_step_is_accepted(client, clock):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    clock.advance(seconds=60)
    password_step(client, user)
    step = totp.time_step(clock.now.timestamp())
    assert code_step(client, totp.hotp(bytes(device.secret), step - 1)).status_code == 302


def test_a_recovery_code_works_once(client, clock):
    user = member(Role.EDITOR)
    _device, codes = enrolled(user, clock)
    password_step(client, user)
    response = code_step(client, codes[3].upper().replace("-", " "))  # as typed from paper
    assert response.status_code == 302
    assert logged_in(client)
    home = client.get(HOME, follow=True).content.decode()
    assert "Je hebt er nog 9 over." in home
    client.logout()

    password_step(client, user)
    assert code_step(client, codes[3]).status_code == 400
    assert not logged_in(client)
    assert code_step(client, codes[4]).status_code == 302


def test_the_code_step_expires(client, clock, settings):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    password_step(client, user)
    clock.advance(seconds=settings.TRIBUNE_2FA_LOGIN_SECONDS + 1)
    response = code_step(client, code_now(device, clock))
    assert (response.status_code, response["Location"]) == (302, LOGIN)
    assert not logged_in(client)
    assert "Je aanmelding is verlopen" in client.get(LOGIN).content.decode()


def test_the_code_step_without_a_password_step_goes_back_to_the_login(client):
    assert client.get(CODE)["Location"] == LOGIN
    assert client.post(CODE, {"code": "123456"})["Location"] == LOGIN


def test_the_next_address_survives_the_code_step(client, clock):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    password_step(client, user, next=ARTICLES)
    assert code_step(client, code_now(device, clock))["Location"] == ARTICLES


def test_code_guesses_are_throttled_with_the_password_guesses(client, clock):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    # Two wrong passwords, then three wrong codes: five failures against the account and the address.
    for _ in range(2):
        client.post(LOGIN, {"username": user.username, "password": "fout"}, REMOTE_ADDR="192.0.2.10")
    password_step(client, user)
    for _ in range(3):
        assert code_step(client, "000000").status_code == 400
    blocked = code_step(client, code_now(device, clock))  # even the right code
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "3600"
    assert "Te veel mislukte pogingen. Probeer het opnieuw na 15:32 (over 60 minuten)." in blocked.content.decode()
    assert not logged_in(client)
    # Fresh network address, same account: still blocked (the account counter).
    other = Client()
    assert (
        other.post(LOGIN, {"username": user.username, "password": PASSWORD}, REMOTE_ADDR="198.51.100.1").status_code
        == 429
    )
    # An hour later the right code works, and success clears the account's counter.
    clock.advance(hours=1, seconds=1)
    password_step(client, user)
    assert code_step(client, code_now(device, clock))["Location"] == HOME


def test_a_session_that_never_gave_a_code_is_signed_out(client, clock):
    user = member(Role.EDITOR)
    enrolled(user, clock)
    client.force_login(user)  # a login that went around the code step
    response = client.get(ARTICLES)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert not logged_in(client)


# --- Enforcement per group ---


def test_a_required_group_member_without_an_app_reaches_only_the_setup(client, clock):
    user = member(Role.ADMIN)
    client.force_login(user)
    for url in [HOME, ARTICLES, "/redactie/users/", "/redactie/reacties/"]:
        assert client.get(url)["Location"] == PAGE, url
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "Voor jouw rol is tweestapsverificatie verplicht." in page.content.decode()
    assert client.post("/redactie/logout/").status_code == 302

    client.force_login(user)
    client.post(PAGE, {"action": "start"})
    device = TOTPDevice.objects.get(user=user)
    assert client.post(PAGE, {"action": "confirm", "confirm-code": code_now(device, clock)}).status_code == 200
    assert client.get(HOME).status_code == 200
    assert client.get("/redactie/users/").status_code == 200


def test_other_groups_are_not_forced(client):
    client.force_login(member(Role.EDITOR))
    assert client.get(HOME).status_code == 200


def test_the_required_groups_are_a_setting(client, settings):
    settings.TRIBUNE_2FA_REQUIRED_GROUPS = [Role.MODERATOR.label]
    client.force_login(member(Role.ADMIN))
    assert client.get(HOME).status_code == 200
    client.force_login(member(Role.MODERATOR))
    assert client.get(HOME)["Location"] == PAGE


def test_the_reader_site_is_unaffected(client, clock):
    article = published_article()
    anonymous = Client()
    before = anonymous.get("/")
    assert before.status_code == 200
    assert "sessionid" not in before.cookies
    # A required member without an app reads the site like anyone.
    client.force_login(member(Role.ADMIN))
    for url in ["/", article.get_absolute_url()]:
        assert client.get(url).status_code == 200


# --- Regenerating and switching off ---


def _verified_client(client: Client, user: Any) -> Client:
    client.force_login(user)
    session = client.session
    session[VERIFIED_KEY] = True
    session.save()
    return client


def test_new_recovery_codes_need_a_code_and_replace_the_old_ones(client, clock):
    user = member(Role.EDITOR)
    device, old = enrolled(user, clock)
    _verified_client(client, user)
    assert client.post(PAGE, {"action": "regenerate", "regenerate-code": "000000"}).status_code == 400
    response = client.post(PAGE, {"action": "regenerate", "regenerate-code": code_now(device, clock)})
    assert response.status_code == 200
    new = re.findall(r"<li>([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</li>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    client.logout()
    password_step(client, user)
    assert code_step(client, old[0]).status_code == 400
    assert code_step(client, new[0]).status_code == 302


def test_switching_off_needs_a_current_code(client, clock):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    _verified_client(client, user)
    refused = client.post(PAGE, {"action": "disable", "disable-code": "000000"})
    assert refused.status_code == 400
    assert TOTPDevice.objects.filter(user=user).exists()
    assert client.post(PAGE, {"action": "disable", "disable-code": code_now(device, clock)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryCode.objects.filter(user=user).exists()
    client.logout()
    assert password_step(client, user)["Location"] == HOME  # the password alone again


def test_an_unknown_action_is_a_400(client):
    client.force_login(member(Role.EDITOR))
    assert client.post(PAGE, {"action": "wissen"}).status_code == 400


def test_the_account_page_links_to_two_factor(client):
    client.force_login(member(Role.REPORTER))
    assert PAGE in client.get("/redactie/account/").content.decode()


def test_an_operator_resets_a_member_who_lost_everything(client, clock, capsys):
    from django.core.management import CommandError, call_command

    user = member(Role.ADMIN)
    enrolled(user, clock)
    call_command("tribune_reset_two_factor", user.username)
    assert "must set it up again" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not RecoveryCode.objects.filter(user=user).exists()
    assert password_step(client, user)["Location"] == HOME
    assert client.get(HOME)["Location"] == PAGE  # Beheerder: set up again before anything else
    with pytest.raises(CommandError):
        call_command("tribune_reset_two_factor", "niemand")


def test_code_guesses_on_the_account_page_are_throttled_too(client, clock):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    _verified_client(client, user)
    for _ in range(5):
        assert client.post(PAGE, {"action": "disable", "disable-code": "000000"}).status_code == 400
    blocked = client.post(PAGE, {"action": "disable", "disable-code": code_now(device, clock)})
    assert blocked.status_code == 429
    assert "Te veel mislukte pogingen." in blocked.content.decode()
    assert TOTPDevice.objects.filter(user=user).exists()


def test_remember_me_carries_over_the_code_step(client, clock, settings):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    password_step(client, user, remember="on")
    code_step(client, code_now(device, clock))
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert not client.session.get_expire_at_browser_close()
    client.logout()
    clock.advance(seconds=30)
    password_step(client, user)
    code_step(client, code_now(device, clock))
    assert client.session.get_expire_at_browser_close()


def test_a_password_change_between_the_steps_ends_the_pending_login(client, clock):
    user = member(Role.EDITOR)
    device, _codes = enrolled(user, clock)
    password_step(client, user)
    user.set_password("een-heel-ander-wachtwoord-9")
    user.save()
    assert code_step(client, code_now(device, clock))["Location"] == LOGIN
    assert not logged_in(client)
