"""Every reader page type is valid HTML according to the Nu HTML checker (vnu.jar)."""

from __future__ import annotations

import json
import subprocess

import pytest

from config.env import ENV
from tribune.tests.conftest import java, node_module_file
from tribune.tests.content import build_reader_site

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(ENV.test_db == "postgres", reason="templates are checked once, in the SQLite pass"),
]


def test_every_reader_page_is_valid_html(client, tmp_path):
    vnu = node_module_file("vnu-jar/build/dist/vnu.jar")
    java_bin = java()
    site = build_reader_site()
    urls = site.urls()
    urls["archive page 2"] = "/nieuws/?na=" + _older_cursor(client)
    urls["400"] = None
    urls["500"] = None
    files = {}
    for name, url in urls.items():
        html = _render_error(name) if url is None else _get(client, url, expect=404 if name == "404" else 200)
        path = tmp_path / f"{name.replace(' ', '-')}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = name
    result = subprocess.run(
        [java_bin, "-Xss4m", "-jar", str(vnu), "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    problems = [
        f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}:{m.get('lastLine')}: "
        f"{m.get('type')}/{m.get('subType', '')}: {m['message']} [{m.get('extract', '').strip()}]"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "warning"
    ]
    assert problems == [], "\n".join(problems)


def _get(client, url: str, *, expect: int) -> str:
    response = client.get(url)
    assert response.status_code == expect, url
    return response.content.decode()


def _older_cursor(client) -> str:
    from django.test import override_settings

    with override_settings(TRIBUNE_PAGE_SIZE=3):
        html = client.get("/nieuws/").content.decode()
    start = html.index("?na=") + 4
    return html[start : html.index('"', start)]


def _render_error(name: str) -> str:
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    return render_to_string(f"{name}.html", request=RequestFactory().get("/"))
