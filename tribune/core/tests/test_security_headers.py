"""Security headers: the reader CSP (hashes, no nonces), the newsroom's own, cookies, production's HTTPS."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template

from config.env import BASE_DIR
from tribune.core.security import newsroom_policy, reader_policy
from tribune.engagement.identity import READER_COOKIE, form_token_issue
from tribune.tests.content import build_reader_site

JSON_TYPES = {"application/ld+json", "application/json"}


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";"))}


def sha256(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


class InlineCode(HTMLParser):
    """Inline scripts (JSON data blocks aside), <style> elements and on…= handler attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.handlers: list[str] = []
        self.javascript_urls: list[str] = []
        self._inside: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.handlers += [name for name in found if name.startswith("on")]
        self.javascript_urls += [v for v in found.values() if v and v.strip().lower().startswith("javascript:")]
        if tag == "script" and "src" not in found and (found.get("type") or "").lower() not in JSON_TYPES:
            self._inside = ("script", [])
        elif tag == "style":
            self._inside = ("style", [])

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._inside[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._inside and self._inside[0] == tag:
            (self.scripts if tag == "script" else self.styles).append("".join(self._inside[1]))
            self._inside = None


def inline_code(html: str) -> InlineCode:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser


def assert_reader_headers(response, url: str) -> None:
    policy = response["Content-Security-Policy"]
    assert policy == reader_policy(), url  # the same on every page: safe in shared caches
    assert response["Permissions-Policy"].startswith("camera=()"), url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert response["X-Frame-Options"] == "DENY", url


def test_the_reader_policy_allows_no_inline_script_but_by_hash():
    policy = directives(reader_policy())
    assert policy["script-src"][0] == "'self'" and all(s.startswith("'sha256-") for s in policy["script-src"][1:])
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert not any("nonce" in source for sources in policy.values() for source in sources)
    assert "'unsafe-inline'" not in policy["style-src-elem"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]


@pytest.mark.django_db
def test_every_reader_page_runs_its_inline_code_under_the_reader_policy(client):
    site = build_reader_site(extra_articles=2)
    urls = {**site.urls(), "search": "/zoeken/?q=test"}
    pages_with_script = 0
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "404" else 200), url
        assert_reader_headers(response, url)
        policy = directives(response["Content-Security-Policy"])
        code = inline_code(response.content.decode())
        for script in code.scripts:
            assert sha256(script) in policy["script-src"], (url, script[:200])
        for style in code.styles:
            assert sha256(style) in policy["style-src-elem"], (url, style[:200])
        assert code.handlers == [] and code.javascript_urls == [], url  # a CSP without unsafe-inline blocks those
        pages_with_script += bool(code.scripts)
    assert pages_with_script >= 1  # the article's comments loader


@pytest.mark.django_db
def test_feeds_sitemaps_and_the_api_carry_the_reader_policy(client):
    site = build_reader_site(extra_articles=1)
    urls = [
        "/feed/",
        "/feed/atom/",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v1/articles",
        f"/api/v1/articles/{site.article.pk}",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_reader_headers(response, url)


@pytest.mark.django_db
def test_the_comments_loader_is_the_hashed_text_with_the_script_url_beside_it(client):
    site = build_reader_site(extra_articles=1)
    html = client.get(site.article.get_absolute_url()).content.decode()
    match = re.search(r'<script data-src="([^"]+)">(.*?)</script>', html, re.S)
    assert match and match.group(1).endswith("engagement/comments.js")
    assert sha256(match.group(2)) in directives(reader_policy())["script-src"]


def test_only_listed_files_can_be_inlined():
    with pytest.raises(ImproperlyConfigured, match="TRIBUNE_CSP_INLINE_SCRIPTS"):
        Template('{% load tribune %}{% inline_script "engagement/comments.js" %}').render(Context())
    with pytest.raises(ImproperlyConfigured, match="TRIBUNE_CSP_INLINE_STYLES"):
        Template('{% load tribune %}{% inline_static "engagement/comments.js" %}').render(Context())


@pytest.mark.django_db
def test_the_newsroom_has_its_own_policy_and_may_frame_itself(admin_client):
    for url in ["/redactie/", "/redactie/pages/", "/redactie/login/"]:
        response = admin_client.get(url, follow=url.endswith("login/"))
        assert response.status_code == 200, url
        assert response["Content-Security-Policy"] == newsroom_policy(), url
        assert response["X-Frame-Options"] == "SAMEORIGIN", url
        assert response["Permissions-Policy"].startswith("camera=()"), url
    policy = directives(newsroom_policy())
    assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_newsroom_cookies_are_httponly_and_samesite(client, django_user_model):
    django_user_model.objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord")
    login = client.get("/redactie/login/")
    csrf = login.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/redactie/login/",
        {"username": "redacteur", "password": "geheim-wachtwoord", "csrfmiddlewaretoken": csrf.value},
    )
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


@pytest.mark.django_db
def test_the_reader_cookie_is_httponly_samesite_and_secure_where_sessions_are(client, settings):
    settings.TRIBUNE_COMMENT_RATE_SECONDS = 0
    settings.TRIBUNE_COMMENT_MIN_FILL_SECONDS = 0
    settings.SESSION_COOKIE_SECURE = True
    site = build_reader_site(extra_articles=0)
    data = {"name": "Sportfan", "email": "", "body": "Knap gedaan!", "token": form_token_issue()}
    response = client.post(f"/reacties/artikel/{site.article.pk}/", data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, response.content[:500]
    cookie = response.cookies[READER_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["secure"]


PRODUCTION_PROBE = """
import json, django
from django.conf import settings
django.setup()
from django.http import HttpResponse
from django.test import RequestFactory
from django.middleware.security import SecurityMiddleware
from tribune.core.security import SecurityHeadersMiddleware

middleware = SecurityHeadersMiddleware(SecurityMiddleware(lambda request: HttpResponse("ok")))
factory = RequestFactory()
secure = middleware(factory.get("/", HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="sport.example.org"))
plain = middleware(factory.get("/nieuws/", HTTP_HOST="sport.example.org"))
health = middleware(factory.get("/gezond/", HTTP_HOST="sport.example.org"))
print(json.dumps({
    "hsts": secure.get("Strict-Transport-Security"),
    "redirect": [plain.status_code, plain.get("Location"), plain.get("Cache-Control")],
    "health": health.status_code,
    "cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY,
                settings.CSRF_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE, settings.CSRF_COOKIE_SAMESITE],
}))
"""


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    # What a production server has: none of this machine's DJANGO_ or TRIBUNE_ variables (the browser tests
    # set DJANGO_ALLOW_ASYNC_UNSAFE in this process, which the deploy check rightly warns about).
    inherited = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "TRIBUNE_", "REDIS_", "DATABASE_"))
    }
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        # Nothing connects: the addresses only have to parse.
        "DATABASE_URL": "postgres://tribune@127.0.0.1:5432/tribune",
        "REDIS_URL": "redis://127.0.0.1:6379/15",
        "DJANGO_ALLOWED_HOSTS": "sport.example.org",
        "TRIBUNE_SITE_URL": "https://sport.example.org",
        "TRIBUNE_DATA_DIR": str(tmp_path_factory.mktemp("data")),
    }


def test_production_passes_the_deploy_check(production_env):
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _probe(env: dict[str, str]) -> dict:
    """What a production process sends, run with `env`."""
    done = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE], env=env, cwd=BASE_DIR, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


def test_production_sends_hsts_redirects_to_https_and_marks_cookies_secure(production_env):
    facts = _probe(production_env)
    assert facts["hsts"] == "max-age=31536000; includeSubDomains; preload"
    status, location, cache_control = facts["redirect"]
    assert (status, location) == (301, "https://sport.example.org/nieuws/")
    assert "no-store" in cache_control and "private" in cache_control  # never kept by nginx, Varnish or a CDN
    assert facts["health"] == 200  # load balancers check app servers over plain HTTP
    assert facts["cookies"] == [True, True, True, True, "Lax", "Lax"]


def test_production_can_switch_the_redirect_off_for_plain_http_checks(production_env):
    env = {**production_env, "TRIBUNE_SSL_REDIRECT": "false", "TRIBUNE_HSTS_PRELOAD": "false"}
    facts = _probe(env)
    assert facts["redirect"][0] == 200
    assert facts["hsts"] == "max-age=31536000; includeSubDomains"
