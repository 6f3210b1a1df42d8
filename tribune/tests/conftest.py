"""Front-end test fixtures: one headless Chromium per pytest process, npm tools.

Chromium is Debian's (/usr/bin/chromium), driven by the `playwright` package from
PyPI; nothing is downloaded. When Chromium, Java or node_modules is missing the
tests that need it skip with the reason, or fail with CI=true.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from config.env import BASE_DIR, ENV
from tribune.tests.chromium import CHROMIUM, CHROMIUM_FLAGS

CHROMIUM_ARGS = ["--headless", *CHROMIUM_FLAGS]
NODE_MODULES = BASE_DIR / "node_modules"
ARTIFACTS = BASE_DIR / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
# Every wait in the browser tests is bounded by this (milliseconds).
TIMEOUT_MS = 10_000


def missing(what: str) -> None:
    """Skip the test because `what` is missing; with CI=true that is a failure."""
    if ENV.ci:
        pytest.fail(f"{what} (CI=true: required)", pytrace=False)
    pytest.skip(f"{what}; set CI=true to make this an error")


def node_module_file(relative: str) -> Path:
    path = NODE_MODULES / relative
    if not path.is_file():
        missing(f"{path} is missing: run `make install` (npm ci --ignore-scripts)")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the test's ORM calls
    # are still plain synchronous code, so Django's async guard must not trip on it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, timeout=TIMEOUT_MS * 3
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """A factory for pages in fresh contexts (viewport, colour scheme); all closed after the test."""
    contexts: list[Any] = []

    def make(*, viewport: dict[str, int] = PHONE, color_scheme: str = "light") -> Any:
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme, locale="nl-BE")
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def full_screenshot(page: Any, path: Path) -> None:
    """A full-page screenshot with everything painted.

    Section blocks and Meest recent items use content-visibility:auto, which leaves them
    unpainted outside the viewport in a full-page capture (a reader scrolling sees them).
    """
    paint_everything(page)
    page.screenshot(path=path, full_page=True)


# A constructed style sheet: the reader CSP refuses an inline <style> without its hash (add_style_tag).
PAINT_EVERYTHING = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync("*{content-visibility:visible!important}");
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""


def paint_everything(page: Any) -> None:
    """Paint what content-visibility:auto skips off-screen (screenshots, axe), under the page's CSP."""
    page.evaluate(PAINT_EVERYTHING)


def java() -> str:
    found = shutil.which("java")
    if not found:
        missing("java not found (the Nu HTML checker needs Java 11+)")
    return str(found)
