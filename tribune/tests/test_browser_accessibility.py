"""axe-core finds no WCAG 2.1 A/AA violation on any reader page, phone and desktop, light and dark."""

from __future__ import annotations

import pytest

from tribune.tests.conftest import DESKTOP, PHONE, node_module_file, paint_everything
from tribune.tests.content import build_reader_site

# transaction=True: the live server thread must see the test's data. (No serialized_rollback:
# Playwright's greenlets give the test a different connection object than the one Django
# serialized, so build_reader_site() makes the Wagtail rows it needs itself.)
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def axe_source() -> str:
    return node_module_file("axe-core/axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reader_pages_have_no_axe_violations(scheme, live_server, new_page, axe_source):
    urls = build_reader_site(extra_articles=4).urls()
    found = []
    for viewport_name, viewport in VIEWPORTS.items():
        page = new_page(viewport=viewport, color_scheme=scheme)
        for name, url in urls.items():
            response = page.goto(live_server.url + url)
            assert response is not None and response.status == (404 if name == "404" else 200), url
            # Paint what content-visibility:auto skips off-screen, so axe checks all of it.
            paint_everything(page)
            # Evaluated, not added as an inline <script> the reader CSP would refuse.
            page.evaluate(f"{axe_source}\n;undefined")
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                AXE_TAGS,
            )
            for violation in result["violations"]:
                targets = "; ".join(
                    f"{' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1].strip()}"
                    for node in violation["nodes"][:4]
                )
                found.append(f"{name} ({viewport_name}, {scheme}): {violation['id']}: {violation['help']}: {targets}")
    assert found == [], "\n".join(found)
