"""In Chromium with JavaScript switched off: a Beheerder without an app is sent to set-up, scans nothing but
types the key's codes, keeps the recovery codes, and logs in again with password and code."""

from __future__ import annotations

import re
import time
from base64 import b32decode

import pytest

from tribune.accounts import totp
from tribune.accounts.models import TOTPDevice
from tribune.accounts.roles import Role
from tribune.accounts.services import roles_sync
from tribune.accounts.tests.factories import PASSWORD, member
from tribune.tests.conftest import TIMEOUT_MS

# `browser` and `artifacts` come from this folder's conftest.py: one Chromium per test process. (Imported into
# another folder, the fixture made a second Playwright in the same process, which refuses to start.)
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_sets_up_two_factor_and_logs_in_with_a_code_without_javascript(live_server, browser, artifacts):
    roles_sync()  # a transactional test starts from a flushed database
    user = member(Role.ADMIN, username="beheerder")
    context = browser.new_context(java_script_enabled=False, locale="nl-BE")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    base = live_server.url
    try:
        page.goto(f"{base}/redactie/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.locator("form.login-form button[type=submit]").click()
        # Required for Beheerder: every newsroom page leads to the set-up page.
        page.wait_for_url(f"{base}/redactie/tweestapsverificatie/")
        page.goto(f"{base}/redactie/users/")
        page.wait_for_url(f"{base}/redactie/tweestapsverificatie/")
        page.get_by_role("button", name="Instellen").click()
        page.wait_for_url(f"{base}/redactie/tweestapsverificatie/")
        assert page.locator(".two-factor-qr svg").count() == 1
        typed_key = page.locator("[data-secret]").inner_text()
        secret = TOTPDevice.objects.get(user=user).secret
        assert typed_key.replace(" ", "") == totp.b32(bytes(secret))
        page.screenshot(path=artifacts / "two-factor-setup.png", full_page=True)

        # What the app computes from the typed key.
        plain = typed_key.replace(" ", "")
        key = b32decode(plain + "=" * (-len(plain) % 8))
        page.fill("input[name=confirm-code]", totp.totp(key, time.time()))
        page.get_by_role("button", name="Bevestigen").click()
        codes = re.findall(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", page.locator("[data-recovery-codes]").inner_text())
        assert len(codes) == 10
        page.get_by_role("link", name="Ik heb ze bewaard").click()
        assert "Je hebt nog 10 herstelcodes." in page.content()
        page.goto(f"{base}/redactie/users/")
        page.wait_for_url(f"{base}/redactie/users/")

        # Log out and in again: password, then a code (the next step's: the confirming one is used up).
        context.clear_cookies()
        page.goto(f"{base}/redactie/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", PASSWORD)
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(f"{base}/redactie/login/code/")
        page.fill("input[name=code]", "000000")
        page.locator("form.login-form button[type=submit]").click()
        assert "Deze code klopt niet of is al gebruikt." in page.content()
        used = TOTPDevice.objects.get(user=user).last_used_step
        page.fill("input[name=code]", totp.hotp(key, used + 1))
        page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(f"{base}/redactie/")
    except Exception:
        page.screenshot(path=artifacts / "two-factor-failure.png", full_page=True)
        raise
    finally:
        context.close()
