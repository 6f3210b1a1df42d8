"""The Content-Security-Policies in a real browser: nothing on a reader page or in the newsroom is refused."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tribune.tests.conftest import DESKTOP
from tribune.tests.content import build_reader_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every refusal, from the first byte of each page on (also in frames: the newsroom's preview).
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def _watch(page: Any) -> list[str]:
    messages: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda m: messages.append(m.text) if "Content Security Policy" in m.text else None)
    return messages


def _violations(page: Any, console: list[str]) -> list[str]:
    found = [*console]
    for frame in page.frames:
        try:
            found += frame.evaluate("window.__csp || []")
        except Exception:  # a frame navigating away has nothing left to report
            continue
    return found


def test_reader_pages_run_comments_js_with_no_csp_violation(live_server, new_page):
    site = build_reader_site(extra_articles=2)
    page = new_page()
    console = _watch(page)
    for url in site.urls().values():
        page.goto(live_server.url + url)
        assert _violations(page, console) == [], url
    page.goto(live_server.url + site.article.get_absolute_url())
    # The inline loader (allowed by its hash) fetched comments.js, which ran.
    page.wait_for_selector("html[data-comments-ready]", state="attached")
    assert _violations(page, console) == []


def test_the_newsroom_works_under_its_own_policy(live_server, new_page):
    site = build_reader_site(extra_articles=1)
    get_user_model().objects.create_superuser("redacteur", "redacteur@example.org", "een-lang-wachtwoord")
    page = new_page(viewport=DESKTOP)
    console = _watch(page)
    base = live_server.url
    page.goto(f"{base}/redactie/login/")
    page.fill("input[name=username]", "redacteur")
    page.fill("input[name=password]", "een-lang-wachtwoord")
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/redactie/")
    assert _violations(page, console) == []
    article = site.read_also
    page.goto(f"{base}/redactie/snippets/newsroom/article/edit/{article.pk}/")
    page.locator("#panel-body-content").wait_for()
    # The preview panel: a newsroom page framing another newsroom page, which renders a reader page
    # through the middleware for a made-up request (tribune/core/security.py leaves that one alone).
    page.locator("[data-side-panel-toggle='preview']").click()
    # Wagtail loads the preview in a second iframe, then swaps it in for the first.
    preview = page.frame_locator("iframe[data-w-preview-target='iframe']").last
    preview.get_by_role("heading", level=1, name=article.headline).wait_for()
    assert _violations(page, console) == []
