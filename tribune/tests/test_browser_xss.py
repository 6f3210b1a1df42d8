"""Hostile comment bodies through the real comment form: stored exactly or refused, and rendered inert.

The payloads (tribune/engagement/tests/xss_payloads.py) each report their own number
when a browser runs them: `__xss(N)` in the page, or `top.postMessage(N, "*")` from a
nested document. Every frame of the test page gets the detector (Playwright init
script and exposed function), alert/confirm/prompt/print are hooked, and any real
dialog is recorded too.

test_hostile_comments_are_stored_exactly_or_refused_and_render_inert types a few into
the form and clicks "Plaatsen" (with and without comments.js), then posts every
payload, the Big List of Naughty Strings (vendored, engagement/tests/data/blns.json)
and the issue's hostile texts through the article's own comment form (short payloads
ride along as the author's name), checks each answer and the stored text, reloads the
article and asserts nothing ran, every comment reads back exactly as stored, and the
comment bodies hold only text, <br> and http(s) links; then the thread, report and
reply pages of the nastiest names.

test_positive_control_detects_the_same_payloads_rendered_raw renders the same strings
unescaped, each in its own iframe inside the markup it targets, clicks, hovers and
focuses what a reader could, and asserts the detector sees most of them: the harness
would notice an escaping bug.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from typing import Any

import pytest

from tribune.engagement.identity import text_hash
from tribune.engagement.models import Comment, CommentStatus
from tribune.engagement.templatetags.engagement import LINK_REL
from tribune.engagement.tests.factories import NAUGHTY_MAX_LENGTH, comments_without_limits, policy, published_comment
from tribune.engagement.tests.xss_payloads import Payload, blns, hostile_texts, xss_payloads
from tribune.newsroom.tests.factories import published_article
from tribune.tests.conftest import DESKTOP

pytestmark = [pytest.mark.browser]

MAX_LENGTH = NAUGHTY_MAX_LENGTH
# The refusals the service owes, by kind (services._clean_text), for the body field.
REFUSALS = {
    "invalid-characters": "Uw reactie bevat ongeldige tekens.",
    "too-long": re.compile(r"^Uw reactie is te lang: maximaal 3000 tekens, u schreef er \d+\.$"),
    "empty": "Vul uw reactie in.",
}
PUBLISHED_MESSAGE = "Bedankt, uw reactie staat online."
NAME_MAX = 60
BATCH = 250
# Requests in flight at once: the live server is threaded, and SQLite takes one writer at a time.
CONCURRENCY = 3
GROUPS = {"x": "payload", "b": "blns", "h": "hostile"}
WARM_UP = {"key": "warm-up", "name": "Jan", "body": "Mooi gespeeld.\nZie https://example.org/verslag."}
TAGS_IN = "list => [...list.querySelectorAll('*')].map((el) => el.tagName)"
DANGEROUS_LINKS = ", ".join(
    f'.comment__body [{attr}^="{scheme}:" i]'
    for attr in ("href", "src", "action", "formaction", "data")
    for scheme in ("javascript", "data", "vbscript")
)

# Installed in every frame before any of its scripts run. Reports go to Python (the
# exposed function exists in every frame, cross-origin ones included) and to a list
# on the top window; `frameKey` names the positive control's iframe a hit came from.
DETECTOR = r"""
(() => {
  const frameKey = () => {
    let w = window;
    for (let i = 0; i < 10; i++) {
      try {
        const key = w.frameElement && w.frameElement.dataset && w.frameElement.dataset.key;
        if (key) return key;
      } catch (e) { return '?'; }
      if (w === w.parent) return '';
      w = w.parent;
    }
    return '';
  };
  const report = (kind, detail) => {
    const hit = kind + '|' + frameKey() + '|' + detail;
    try { (top.__xssHits = top.__xssHits || []).push(hit); } catch (e) {}
    try { window.__xssReport(hit); } catch (e) {}
  };
  const text = (args) => Array.from(args).map((a) => { try { return String(a); } catch (e) { return '?'; } }).join(' ');
  window.__xss = function () { report('xss', text(arguments)); };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    try { window[name] = function () { report('dialog', name + ':' + text(arguments)); }; } catch (e) {}
  }
  window.addEventListener('message', (event) => {
    if (typeof event.data === 'number' || typeof event.data === 'string') report('message', String(event.data));
  });
})();
"""

# One request per item through the page's own comment form (its token, CSRF field,
# honeypot and all), the way comments.js posts it; published answers' HTML is put
# in the thread the way comments.js does, so that path is watched too.
POST_BATCH = r"""
async ({ items, concurrency }) => {
  const form = document.querySelector('[data-comment-form]');
  const body = form.querySelector('textarea[name=body]');
  const name = form.querySelector('input[name=name]');
  const list = document.querySelector('[data-comment-list]') || document.body;
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      // The form's own fields, read synchronously: concurrent requests never mix.
      name.value = item.name;
      body.value = item.body;
      const sent = { name: name.value, body: body.value };
      const fields = new FormData(form);
      const response = await fetch(form.action, {
        method: 'POST', body: fields, headers: { Accept: 'application/json' }, credentials: 'same-origin',
      });
      const raw = await response.text();
      let data = null;
      try { data = JSON.parse(raw); } catch (e) {}
      if (data && data.html) {
        const template = document.createElement('template');
        template.innerHTML = data.html;
        list.insertBefore(template.content.firstElementChild, list.firstChild);
      }
      out[index] = { key: item.key, status: response.status, data, sent, raw: data ? '' : raw.slice(0, 300) };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  name.value = '';
  body.value = '';
  return out;
}
"""

# What the reader sees of each comment, as text: <br> read back as a line break.
READ_THREAD = r"""
() => Array.from(document.querySelectorAll('li.comment')).map((li) => {
  const body = li.querySelector(':scope > article .comment__body');
  let text = '';
  for (const node of body.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.data;
    else if (node.nodeName === 'BR') text += '\n';
    else text += node.textContent;
  }
  const reply = li.querySelector(':scope > article [data-reply]');
  return {
    pk: Number(li.id.replace('reactie-', '')),
    body: text,
    author: li.querySelector(':scope > article .comment__author').textContent,
    authorElements: li.querySelector(':scope > article .comment__author').children.length,
    replyName: reply ? reply.getAttribute('data-reply-name') : null,
  };
})
"""

# Everything in the comment bodies that is not text: must be <br> or a plain http(s) link.
BODY_ELEMENTS = r"""
() => Array.from(document.querySelectorAll('.comment__body *')).map((el) => ({
  tag: el.tagName,
  attrs: Array.from(el.attributes).map((a) => [a.name, a.value]),
}))
"""

CENSUS_TAGS = [
    "script",
    "iframe",
    "frame",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "link",
    "meta",
    "base",
    "img",
    "image",
    "video",
    "audio",
    "source",
    "form",
    "input",
    "textarea",
    "select",
    "details",
    "marquee",
    "template",
    "noscript",
    "xmp",
    "plaintext",
    "title",
    "isindex",
    "frameset",
    "table",
    "map",
    "area",
]
CENSUS = "(tags) => Object.fromEntries(tags.map((t) => [t, document.getElementsByTagName(t).length]))"


def normalised(text: str) -> str:
    """What services._clean_text stores: line breaks as \\n, surrounding whitespace stripped."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def expected_refusal(text: str) -> str | None:
    if "\x00" in text:
        return "invalid-characters"
    value = normalised(text)
    if not value:
        return "empty"
    if len(value) > MAX_LENGTH:
        return "too-long"
    return None


def refusal_kind(message: str) -> str | None:
    for kind, expected in REFUSALS.items():
        if expected.match(message) if isinstance(expected, re.Pattern) else message == expected:
            return kind
    return None


class Detector:
    """The hits from every frame of a page, and the dialogs that got past the hooks."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.hits: list[str] = []
        self.dialogs: list[str] = []
        page.expose_function("__xssReport", self._hit)
        page.add_init_script(DETECTOR)
        page.on("dialog", self._dialog)

    def _hit(self, hit: str) -> None:
        self.hits.append(hit)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}:{dialog.message}")
        dialog.dismiss()

    def settle(self, ms: int = 400) -> None:
        # Media errors, toggles, animations and nested documents report asynchronously.
        self.page.wait_for_timeout(ms)

    def all(self) -> list[str]:
        return [*self.hits, *(f"dialog-event|?|{d}" for d in self.dialogs)]


def hit_owner(hit: str, by_id: dict[int, str]) -> str:
    """The payload key a hit belongs to: its frame for the control, else the number it reported."""
    kind, frame, detail = hit.split("|", 2)
    if frame.startswith("p-"):
        return frame[2:]
    found = re.search(r"\d+", detail)
    if kind in ("xss", "message") and found and int(found.group()) in by_id:
        return by_id[int(found.group())]
    return "?"


def ensure_site() -> None:
    """A transactional test starts from a flushed database: give it Wagtail's root page and site."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Site.objects.filter(is_default_site=True).exists():
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True, site_name="Tribune")


@pytest.fixture
def comment_settings(settings):
    # pytest-django's settings fixture changes django.conf.settings in this process,
    # which is where the live server thread reads them.
    return comments_without_limits(settings)


def _name_for(payload: Payload) -> str | None:
    """Short payloads are posted as the author's name too (names are whitespace-collapsed, max 60)."""
    collapsed = " ".join(payload.text.split())
    if "\x00" in payload.text or not collapsed or len(collapsed) > NAME_MAX:
        return None
    return payload.text


def _items() -> list[dict[str, str]]:
    """Everything to post, as items for POST_BATCH; keys start x (payload), b (BLNS) or h (hostile text).

    Each request carries a body to test and, as the author's name, one of the short
    payloads (or a plain name where the body is to be refused, so no name goes untested).
    """
    bodies = [(f"x{p.id}", p.text) for p in xss_payloads()]
    bodies += [(f"b{index}", text) for index, text in enumerate(blns())]
    bodies += [(f"h-{hostile.key}", hostile.text) for hostile in hostile_texts(MAX_LENGTH)]
    names = [name for payload in xss_payloads() if (name := _name_for(payload)) is not None]
    items: list[dict[str, str]] = []
    for index, (key, text) in enumerate(bodies):
        name = f"Lezer {index}"
        if expected_refusal(text) is None and names:
            name = names.pop()
        items.append({"key": key, "name": name, "body": text})
    assert not names, f"{len(names)} names left over"
    return items


# transaction=True: the live server thread must see the test's data (as in test_browser_reader.py).
@pytest.mark.django_db(transaction=True)
def test_hostile_comments_are_stored_exactly_or_refused_and_render_inert(
    live_server, new_page, comment_settings, capsys
):
    started = time.monotonic()
    ensure_site()
    policy(link_limit=10_000)
    article = published_article(headline="Een artikel om op te reageren")
    url = live_server.url + article.get_absolute_url()
    page = new_page(viewport=DESKTOP)
    detector = Detector(page)

    # A benign comment with a link and a line break first: the page as it looks with comments.
    page.goto(url)
    first = page.evaluate(POST_BATCH, {"items": [WARM_UP], "concurrency": 1})
    assert first[0]["status"] == 200 and first[0]["data"]["ok"], first
    page.goto(url)
    baseline = page.evaluate(CENSUS, CENSUS_TAGS)
    allowed_tags = set(page.locator("[data-comment-list]").evaluate(TAGS_IN))

    # A few typed by hand and sent with "Plaatsen", without JavaScript and with it.
    typed = _type_samples(new_page, url)
    typed_at = time.monotonic()

    # Every payload through the real form, a few requests at a time, from inside the page.
    items = _items()
    # Texts that are the same to the duplicate check ("true" and "True" in BLNS) go last, one at a
    # time: with TRIBUNE_COMMENT_DUPLICATE_SECONDS=0 only a concurrent twin would be refused.
    seen: set[str] = set()
    first, repeats = [], []
    for item in items:
        fingerprint = text_hash(normalised(item["body"]))
        (repeats if fingerprint in seen else first).append(item)
        seen.add(fingerprint)
    answers: list[dict[str, Any]] = []
    for start in range(0, len(first), BATCH):
        answers.extend(page.evaluate(POST_BATCH, {"items": first[start : start + BATCH], "concurrency": CONCURRENCY}))
    answers.extend(page.evaluate(POST_BATCH, {"items": repeats, "concurrency": 1}))
    detector.settle()
    assert detector.all() == [], f"inserting the JSON answers' HTML ran: {detector.all()[:20]}"
    posted_at = time.monotonic()

    # Each answer: stored exactly, or refused with the message and status the service owes.
    item_by_key = {item["key"]: item for item in items}
    outcomes: Counter[str] = Counter()
    refused: dict[str, list[str]] = defaultdict(list)
    problems: list[str] = []
    stored_pks: dict[int, tuple[str, str]] = {}
    for answer in answers:
        key, item, sent = answer["key"], item_by_key[answer["key"]], answer["sent"]
        data = answer["data"]
        if data is None:
            problems.append(f"{key}: status {answer['status']}, not JSON: {answer['raw']!r}")
            continue
        if sent["body"] != item["body"].replace("\r\n", "\n").replace("\r", "\n"):
            problems.append(f"{key}: the browser changed the text before sending it: {sent['body']!r}")
        want_refusal = expected_refusal(sent["body"])
        if data["ok"]:
            if answer["status"] != 200 or data.get("status") != CommentStatus.PUBLISHED:
                problems.append(f"{key}: ok but status {answer['status']}/{data.get('status')}: {data['message']}")
                continue
            if data["message"] != PUBLISHED_MESSAGE:
                problems.append(f"{key}: unexpected message {data['message']!r}")
            if want_refusal:
                problems.append(f"{key}: stored, but the service should refuse it ({want_refusal})")
            pk = int(data["anchor"].removeprefix("reactie-"))
            stored_pks[pk] = (key, sent["name"])
            outcomes[f"{GROUPS[key[0]]}: stored"] += 1
        else:
            kind = refusal_kind(data["message"])
            if answer["status"] != 400 or kind is None or data.get("field") != "body":
                problems.append(
                    f"{key}: refused with status {answer['status']}, field {data.get('field')!r}: {data['message']!r}"
                )
                continue
            if kind != want_refusal:
                problems.append(f"{key}: refused as {kind}, expected {want_refusal or 'stored'}")
            outcomes[f"{GROUPS[key[0]]}: refused, {kind}"] += 1
            refused[kind].append(key)
    assert not problems, "\n".join(problems[:40])

    # The database holds exactly what was sent (after the documented normalisation).
    rows = {c.pk: c for c in Comment.objects.filter(pk__in=stored_pks)}
    assert len(rows) == len(stored_pks)
    for pk, (key, sent_name) in stored_pks.items():
        comment, item = rows[pk], item_by_key[key]
        if comment.body != normalised(item["body"]):
            problems.append(f"{key}: stored body differs: {comment.body!r} != {normalised(item['body'])!r}")
        if comment.author_name != " ".join(sent_name.split()):
            problems.append(f"{key}: stored name differs: {comment.author_name!r} != {sent_name!r}")
        if comment.status != CommentStatus.PUBLISHED:
            problems.append(f"{key}: status {comment.status}")
    assert not problems, "\n".join(problems[:40])
    for hostile in hostile_texts(MAX_LENGTH):
        answer = next(a for a in answers if a["key"] == f"h-{hostile.key}")
        got = "stored" if answer["data"]["ok"] else refusal_kind(answer["data"]["message"])
        assert got == hostile.expect, (hostile.key, answer["data"])

    # The article again, every comment on one page: nothing runs, nothing is markup.
    page.goto(url, wait_until="load")
    detector.settle(600)
    assert detector.all() == [], f"payloads ran on the article page: {detector.all()[:20]}"

    thread = page.evaluate(READ_THREAD)
    shown = {row["pk"]: row for row in thread}
    published = {c.pk: c for c in Comment.objects.filter(article=article, status=CommentStatus.PUBLISHED)}
    assert set(shown) == set(published), "every published comment is on the page"
    for pk, comment in published.items():
        row = shown[pk]
        if row["body"] != comment.body:
            problems.append(f"{pk}: shown body {row['body'][:80]!r} != stored {comment.body[:80]!r}")
        if row["author"] != comment.author_name or row["authorElements"]:
            problems.append(f"{pk}: shown name {row['author']!r} != stored {comment.author_name!r}")
        if row["replyName"] is not None and row["replyName"] != comment.author_name:
            problems.append(f"{pk}: data-reply-name {row['replyName']!r} != {comment.author_name!r}")
    assert not problems, "\n".join(problems[:40])

    elements = page.evaluate(BODY_ELEMENTS)
    for element in elements:
        attrs = dict(element["attrs"])
        if element["tag"] == "BR":
            assert attrs == {}, element
            continue
        assert element["tag"] == "A", element
        assert set(attrs) == {"href", "rel"}, element
        assert re.match(r"^https?://", attrs["href"]), element
        assert attrs["rel"] == LINK_REL, element
    assert page.locator(DANGEROUS_LINKS).count() == 0
    in_list = set(page.locator("[data-comment-list]").evaluate(TAGS_IN))
    assert in_list <= allowed_tags, f"new kinds of element in the thread: {in_list - allowed_tags}"
    assert page.evaluate(CENSUS, CENSUS_TAGS) == baseline

    # The other pages that print a comment's name and text: its thread (name in <title> and a
    # heading), the report form, and the article's reply form ("Antwoord op <name>", server-rendered).
    for comment in _nastiest(published.values()):
        name = comment.author_name
        page.goto(f"{live_server.url}/reacties/{comment.pk}/")
        assert page.title().startswith(f"Reactie van {name} · "), page.title()
        assert page.get_by_text(f"Reactie van {name} en alle antwoorden", exact=True).count() == 1
        page.goto(f"{live_server.url}/reacties/{comment.pk}/melden/")
        assert page.locator(".comment__quote .comment__author").text_content() == name
        page.goto(f"{url}?antwoord={comment.pk}")
        assert page.locator("[data-reply-title]").inner_text() == f"Antwoord op {name}"
    detector.settle(300)
    assert detector.all() == [], f"payloads ran on the thread, report or reply pages: {detector.all()[:20]}"
    finished = time.monotonic()

    links = sum(1 for e in elements if e["tag"] == "A")
    names = sum(not item["name"].startswith("Lezer ") for item in items)
    with capsys.disabled():
        print(
            f"\n[xss] posted {len(items)} ({len(xss_payloads())} payloads, {len(blns())} BLNS, "
            f"{len(hostile_texts(MAX_LENGTH))} hostile texts; {names} payloads also as the name) "
            f"+ {typed} typed; {dict(sorted(outcomes.items()))}; refused {dict(refused)}; "
            f"{len(published)} comments shown, {links} links; "
            f"setup and typing {typed_at - started:.1f}s, posting {posted_at - typed_at:.1f}s, "
            f"checks {finished - posted_at:.1f}s"
        )


def _nastiest(comments: Any, per_marker: int = 1) -> list[Comment]:
    """A few comments whose name tries to break out of <title>, a heading, an attribute or a script."""
    chosen: dict[int, Comment] = {}
    for marker in ("</title", "<script", '">', "'>", "</textarea", "<svg"):
        hits = [c for c in comments if marker in c.author_name.lower() and c.pk not in chosen]
        chosen.update((c.pk, c) for c in hits[:per_marker])
    return list(chosen.values())


TYPED_NO_JS = [
    # (name typed, body typed, expected: "stored" or the refusal message)
    ("Typist", "<script>__xss(9001)</script>", "stored"),
    ("Typist", '"><img src=x onerror=__xss(9002)>\n<svg onload=__xss(9002)>', "stored"),
    ("Typist", "Uitslag \u202e1-0\u202c \u26bd\U0001f1e7\U0001f1ea www.example.org/<b>", "stored"),
    ("   ", "</textarea><img src=x onerror=__xss(9003)><textarea>", "Vul uw naam in."),
    ('"><img src=x onerror=__xss(9004)>', "   ", "Vul uw reactie in."),
]
TYPED_JS = [("Typist", "<details open ontoggle=__xss(9005)>javascript:__xss(9005)", "stored")]


def _type(page: Any, form: Any, name: str, body: str) -> None:
    """Click into each field and enter the text as the keyboard would (editing rules, maxlength and all)."""
    for field, text in ((form.locator("input[name=name]"), name), (form.locator("textarea[name=body]"), body)):
        field.click()
        page.keyboard.insert_text(text)
        assert field.input_value() == text


def _type_samples(new_page, url: str) -> int:
    """Type into the form and click "Plaatsen": without comments.js (POST, 303) and with it (fetch)."""
    page = new_page(viewport=DESKTOP)
    detector = Detector(page)
    # The form without JavaScript: block comments.js; the detector still runs.
    page.route("**/engagement/comments.js", lambda route: route.abort())
    for name, body, expected in TYPED_NO_JS:
        page.goto(url)
        form = page.locator("[data-comment-form]")
        _type(page, form, name, body)
        with page.expect_navigation() as navigation:
            form.get_by_role("button", name="Plaatsen").click()
        response = navigation.value
        if expected == "stored":
            assert response.status == 200 and response.request.redirected_from is not None
            assert response.request.redirected_from.method == "POST"
            assert page.locator(".notice--success").inner_text() == PUBLISHED_MESSAGE
            comment = Comment.objects.order_by("-pk").first()
            assert comment.body == normalised(body) and comment.author_name == name
            assert page.url.endswith(f"#reactie-{comment.pk}")
        else:
            assert response.status == 400, response.status
            assert page.locator("#reageer-fout").inner_text() == expected
            # The refused text comes back in the form as typed, as text.
            assert form.locator("textarea[name=body]").input_value() == body
            assert form.locator("input[name=name]").input_value() == name
        detector.settle(200)
        assert detector.all() == [], (body, detector.all())

    # With comments.js: the answer's HTML goes into the thread.
    js_page = new_page(viewport=DESKTOP)
    js_detector = Detector(js_page)
    for name, body, _expected in TYPED_JS:
        js_page.goto(url)
        js_page.wait_for_selector("html[data-comments-ready]", state="attached")  # loaded after the page
        form = js_page.locator("[data-comment-form]")
        _type(js_page, form, name, body)
        form.get_by_role("button", name="Plaatsen").click()
        js_page.locator("[data-comments-status] .notice--success").wait_for()
        assert js_page.locator("[data-comments-status]").inner_text() == PUBLISHED_MESSAGE
        first = js_page.locator("[data-comment-list] > li").first.locator(".comment__body")
        assert first.inner_text() == body
        js_detector.settle(300)
        assert js_detector.all() == [], js_detector.all()
    return len(TYPED_NO_JS) + len(TYPED_JS)


REPLY_NAME = "Jan $& Piet $' Joris $$"


@pytest.mark.django_db(transaction=True)
def test_reply_title_shows_the_name_as_written(live_server, new_page, comment_settings):
    # comments.js once built the title with label.replace("%s", name): $&, $' and $$ in a name
    # were read as replacement patterns ("Antwoord op Jan %s Piet Joris $").
    ensure_site()
    article = published_article(headline="Een artikel met een lastige naam eronder")
    published_comment(article=article, author_name=REPLY_NAME, body="Wie antwoordt er?")
    page = new_page(viewport=DESKTOP)
    page.goto(live_server.url + article.get_absolute_url())
    page.wait_for_selector("html[data-comments-ready]", state="attached")
    page.locator("[data-reply]").first.click()
    assert page.locator("[data-reply-title]").inner_text() == f"Antwoord op {REPLY_NAME}"


# --- the positive control ---

CONTROL_URL = "http://xss-control.test/"
CONTROL_POOL = 100
CONTROL_SETTLE_MS = 150

# Inside the control page: a pool of iframes, each round loads the next payloads into
# them (srcdoc), waits for their load, then does what a reader might: hover
# everything, focus what asks for focus, click links, buttons and forms.
RUN_RAW = r"""
async ({ items, pool: size, settle }) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const slow = [];
  const pool = [];
  for (let i = 0; i < size; i++) {
    const frame = document.createElement('iframe');
    frame.width = 240;
    frame.height = 120;
    document.body.appendChild(frame);
    pool.push(frame);
  }
  const interact = (doc) => {
    const all = Array.from(doc.querySelectorAll('*'));
    for (const el of all) {
      try { el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); } catch (e) {}
    }
    for (const el of all) {
      if (el.hasAttribute('autofocus') || el.hasAttribute('onfocus')) { try { el.focus(); } catch (e) {} }
    }
    const clickable = 'a, area, button, input[type=submit], input[type=image], [onclick], [href], maction';
    for (const el of Array.from(doc.querySelectorAll(clickable))) {
      try {
        if (typeof el.click === 'function') el.click();
        else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      } catch (e) {}
    }
    for (const form of Array.from(doc.querySelectorAll('form'))) {
      try { if (!form.querySelector('button, input[type=submit]')) form.submit(); } catch (e) {}
    }
  };
  for (let start = 0; start < items.length; start += size) {
    const round = items.slice(start, start + size);
    await Promise.all(round.map(([key, markup], i) => new Promise((resolve) => {
      const frame = pool[i];
      let finished = false;
      const done = () => { if (!finished) { finished = true; resolve(); } };
      frame.onload = done;
      setTimeout(() => { if (!finished) { slow.push(key); done(); } }, 3000);
      frame.dataset.key = 'p-' + key;
      frame.srcdoc = markup;
    })));
    await sleep(settle);
    for (const frame of pool) {
      try { if (frame.contentDocument) interact(frame.contentDocument); } catch (e) {}
    }
    await sleep(settle);
  }
  await sleep(4 * settle);
  return slow;
}
"""


def test_positive_control_detects_the_same_payloads_rendered_raw(new_page, artifacts, capsys):
    started = time.monotonic()
    payloads = list(xss_payloads())
    by_id = {p.id: f"x{p.id}" for p in payloads}
    raw: list[list[str]] = [[f"x{p.id}", p.in_context()] for p in payloads]
    raw += [[f"b{i}", text] for i, text in enumerate(blns())]

    page = new_page(viewport=DESKTOP)
    page.set_default_timeout(120_000)  # one evaluate runs every round
    detector = Detector(page)
    # A page of our own with no base for relative URLs: src=x fails at once, no network asked.
    page.route(
        CONTROL_URL,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body="<!doctype html><meta charset=utf-8><base href=about:blank><title>rauw</title><body>",
        ),
    )
    page.goto(CONTROL_URL)
    slow = page.evaluate(RUN_RAW, {"items": raw, "pool": CONTROL_POOL, "settle": CONTROL_SETTLE_MS})
    detector.settle(300)

    fired: dict[str, set[str]] = defaultdict(set)
    for hit in detector.all():
        fired[hit_owner(hit, by_id)].add(hit)
    family_total = Counter(p.family for p in payloads)
    family_fired = Counter(p.family for p in payloads if f"x{p.id}" in fired)
    own_fired = sum(1 for p in payloads if f"x{p.id}" in fired)
    blns_fired = sorted(i for i in range(len(blns())) if f"b{i}" in fired)
    never = sorted(f for f in family_total if not family_fired[f])
    report = {
        "payloads": len(payloads),
        "fired": own_fired,
        "blns": len(blns()),
        "blns_fired": len(blns_fired),
        "unattributed": sorted(fired.get("?", ()))[:10],
        "slow_to_load": slow,
        "by_family": {f: f"{family_fired[f]}/{family_total[f]}" for f in sorted(family_total)},
        "never_fired_families": never,
        "seconds": round(time.monotonic() - started, 1),
    }
    silent = [
        {"id": p.id, "family": p.family, "context": p.context, "text": p.text}
        for p in payloads
        if f"x{p.id}" not in fired
    ]
    (artifacts / "xss-control.json").write_text(
        json.dumps({**report, "silent": silent, "blns_fired_strings": [blns()[i] for i in blns_fired]}, indent=1),
        encoding="utf-8",
    )
    summary = {
        key: report[key] for key in ("payloads", "fired", "blns", "blns_fired", "never_fired_families", "seconds")
    }
    with capsys.disabled():
        print(f"\n[xss control] {json.dumps(summary, ensure_ascii=False)} (details: test-artifacts/xss-control.json)")
    # The harness sees execution by every route a payload can take.
    assert own_fired >= 0.5 * len(payloads), report
    for must in (
        "script",
        "event: img onerror",
        "javascript: URLs",
        "data: URLs",
        "svg",
        "mathml",
        "attribute breakers",
    ):
        assert family_fired[must] > 0, (must, report)
    assert any(h.startswith("message|") for hits in fired.values() for h in hits), "nested documents report"
    assert blns_fired, "BLNS's own <script>alert(...)</script> strings run raw"
