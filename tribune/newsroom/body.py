"""An article body as the page shows it: rendered once per body, not once per request.

Rendering the StreamField was a large part of an uncached article page: converting
every block (rich text, struct values), then an `{% include_block %}` template per
block. Most blocks are pure functions of what the editor typed; those are rendered
once and kept as HTML. Blocks that show other rows, or the reader's state, stay
*live* and are rendered on every request from fresh data:

- `read_also`: the target's headline, address and whether it is still live;
- `image`: the image's renditions, caption and credit;
- `reader_question`: the poll's tallies and whether comments are open (the clock);
- a paragraph whose rich text links to a page or document, or embeds something
  (`linktype=`/`embedtype=`): Wagtail resolves those from the database.

**Why the cache is exact.** An entry is found by (article id, language) and used only
when the body it was rendered from is *equal* to the body just read from the
database (the raw JSON blocks compared as Python values). So any change to the
body, by a publish or by any other save, is a miss; nothing else goes into the
static HTML (the block templates read only the block's value and the language).
There is no time to live and nothing to purge: a changed body is simply a different
body. Previews never read or fill the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from wagtail.blocks import StreamValue

# Live blocks: they read other rows or the page's state (see the module docstring).
LIVE_TYPES = frozenset({"read_also", "image", "reader_question"})
# Rich text that Wagtail expands from the database when rendering it.
_EXPANDED_MARKERS = ("linktype=", "embedtype=")
# Articles whose rendered body a process keeps (the popular ones; about 10-40 kB each).
CACHE_SIZE = 256


@dataclass(frozen=True)
class BodyPlan:
    """The body as static HTML pieces and the positions of its live blocks.

    `parts` holds HTML strings and, for a live block, its index in `live_raw`.
    """

    parts: tuple[str | int, ...]
    live_raw: tuple[dict[str, Any], ...]


class RenderedBody:
    """One request's body: the plan plus its live blocks, converted (with their queries) once."""

    def __init__(self, plan: BodyPlan, stream_block: Any) -> None:
        self.plan = plan
        # A lazy StreamValue converts each block type in one query (read_also, image) on first use.
        self.live = StreamValue(stream_block, [dict(raw) for raw in plan.live_raw], is_lazy=True)

    def live_blocks(self, block_type: str) -> list[Any]:
        return [block for block in self.live if block.block_type == block_type]

    def render(self, context: dict[Any, Any]) -> SafeString:
        """The body's HTML, as `{% for block in article.body %}{% include_block block %}{% endfor %}` gives."""
        out: list[str] = []
        for part in self.plan.parts:
            if isinstance(part, str):
                out.append(part)
            else:
                out.append(conditional_escape(self.live[part].render_as_block(context=dict(context))))
        return SafeString("".join(out))


def _is_live(raw: dict[str, Any]) -> bool:
    if raw.get("type") in LIVE_TYPES:
        return True
    if raw.get("type") == "paragraph":
        text = raw.get("value") or ""
        return isinstance(text, str) and any(marker in text for marker in _EXPANDED_MARKERS)
    return False


def _build(body: Any) -> BodyPlan:
    parts: list[str | int] = []
    live_raw: list[dict[str, Any]] = []
    pending: list[str] = []
    for raw, block in zip(body.raw_data, body, strict=True):
        raw = dict(raw)
        if _is_live(raw):
            if pending:
                parts.append("".join(pending))
                pending = []
            parts.append(len(live_raw))
            live_raw.append(raw)
        else:
            # The static block templates read only `value` (and the language): an empty parent context.
            pending.append(str(conditional_escape(block.render_as_block(context={}))))
    if pending:
        parts.append("".join(pending))
    return BodyPlan(parts=tuple(parts), live_raw=tuple(live_raw))


class _PlanCache:
    """A small LRU of body plans, each kept with the raw body it was built from."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: OrderedDict[tuple[int, str], tuple[list[dict[str, Any]], BodyPlan]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[int, str], raw: list[dict[str, Any]]) -> BodyPlan | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] != raw:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: tuple[int, str], raw: list[dict[str, Any]], plan: BodyPlan) -> None:
        with self._lock:
            self._entries[key] = (raw, plan)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


plans = _PlanCache(CACHE_SIZE)


def article_body(article: Any, *, cached: bool = True) -> RenderedBody:
    """The article's body for the page; `cached=False` for previews (unsaved content)."""
    body = article.body
    if not cached or article.pk is None:
        return RenderedBody(_build(body), body.stream_block)
    # Copies of the raw blocks: comparing them is what makes a hit exact (module docstring).
    raw = [dict(block) for block in body.raw_data]
    key = (article.pk, get_language() or "")
    plan = plans.get(key, raw)
    if plan is None:
        plan = _build(body)
        plans.put(key, raw, plan)
    return RenderedBody(plan, body.stream_block)
