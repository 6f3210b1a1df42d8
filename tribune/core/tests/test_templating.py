"""The reader pages' Jinja2 environment (tribune.core.templating)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template import engines
from django.test import override_settings
from django.urls import reverse, set_script_prefix
from django.utils.translation import gettext
from django.utils.translation.template import templatize

from tribune.core.context_processors import translator
from tribune.core.templating import url

ROOT = Path(__file__).resolve().parents[2]
JINJA_TEMPLATES = sorted(ROOT.glob("*/jinja2/**/*.html"))
CALL = re.compile(r"""_\((["'])(.+?)\1\)""")


def test_the_reader_templates_are_jinja2():
    assert len(JINJA_TEMPLATES) >= 25
    assert not list(ROOT.glob("*/templates/base.html"))


@pytest.mark.parametrize("path", JINJA_TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_makemessages_finds_every_string_a_template_translates(path):
    # makemessages reads .html files with Django's own template lexer (templatize), which keeps the `_("…")`
    # inside `{{ }}` for xgettext and blanks the rest: a string inside a `{% %}` tag, or Jinja2's {% trans %},
    # would be missed.
    source = path.read_text()
    assert "{% trans" not in source and "{% blocktrans" not in source
    wanted = {message for _quote, message in CALL.findall(source)}
    extracted = {message for _quote, message in CALL.findall(templatize(source, origin=str(path)))}
    assert wanted <= extracted, wanted - extracted


def test_a_missing_variable_prints_nothing_also_with_debug_on():
    with override_settings(DEBUG=True):
        template = engines["jinja2"].from_string("[{{ nothing }}]")
        assert template.render({}) == "[]"


def test_url_is_reverse_and_follows_the_script_prefix():
    assert url("newsroom:archive") == reverse("newsroom:archive")
    assert url("engagement:comment_post", 12) == reverse("engagement:comment_post", args=[12])
    set_script_prefix("/sport/")
    try:
        assert url("newsroom:archive") == "/sport/nieuws/" == reverse("newsroom:archive")
    finally:
        set_script_prefix("/")
    assert url("newsroom:archive") == "/nieuws/"


def test_the_page_translator_answers_as_gettext():
    translate = translator("nl-be")
    for message in ("Zoeken", "Meest recent", "Reacties"):
        assert translate(message) == gettext(message) == translate(message)


def test_each_page_render_gets_its_own_clock_and_the_language_s_translator(rf):
    from tribune.core.context_processors import reader_page

    request = rf.get("/")
    first, second = reader_page(request), reader_page(request)
    # One clock per page render, a new one for the next page.
    assert first["clock"] is not second["clock"]
    assert first["_"] is second["_"]
