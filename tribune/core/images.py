"""Rendition sizes used by the reader templates, named once.

Templates ask for a named set (`{% responsive_image img "wide" %}`); selectors
prefetch exactly these renditions so a listing costs one query for all images.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class RenditionSet:
    name: str
    specs: tuple[str, ...]  # narrowest first; each is "<op>-<w>x<h>|format-webp"
    sizes: str  # the <img sizes> attribute: which width the layout gives the image

    @property
    def fallback(self) -> str:
        return self.specs[len(self.specs) // 2]


def _webp(*ops: str) -> tuple[str, ...]:
    return tuple(f"{op}|format-webp" for op in ops)


# The image a page opens with (top story, article): its largest paint on a phone.
# A phone shows it 2rem narrower than the screen; at Lighthouse's Moto G (412 px,
# 1.75x) that is 665 px, which 720 covers (an 800 cost 24% more bytes).
WIDE = RenditionSet(
    name="wide",
    specs=_webp("fill-480x270-c75", "fill-720x405-c75", "fill-1200x675-c75"),
    sizes="(min-width: 1100px) 720px, (min-width: 760px) 66vw, calc(100vw - 2rem)",
)
TEASER = RenditionSet(
    name="teaser",
    specs=_webp("fill-320x180-c75", "fill-640x360-c75"),
    sizes="(min-width: 1100px) 340px, (min-width: 600px) 45vw, 100vw",
)
THUMB = RenditionSet(
    name="thumb",
    specs=_webp("fill-160x120-c75", "fill-320x240-c75"),
    sizes="120px",
)
BODY = RenditionSet(
    name="body",
    specs=_webp("width-480", "width-800", "width-1200"),
    sizes="(min-width: 1100px) 720px, (min-width: 760px) 66vw, 100vw",
)

# Social cards and structured data: the 16:9, 4:3 and 1:1 crops Google asks for, as JPEG, which every
# network's card renderer reads. Never shown in the page itself.
SOCIAL = RenditionSet(
    name="social",
    specs=("fill-1200x675-c80|format-jpeg", "fill-1200x900-c80|format-jpeg", "fill-1200x1200-c80|format-jpeg"),
    sizes="",
)

RENDITION_SETS = {rendition_set.name: rendition_set for rendition_set in (WIDE, TEASER, THUMB, BODY, SOCIAL)}


def specs_for(*names: str) -> list[str]:
    return [spec for name in names for spec in RENDITION_SETS[name].specs]


@cache
def filters_for(name: str) -> tuple[Any, ...]:
    """Wagtail Filter objects for a set, built once per process.

    A Filter parses its spec (with signature introspection) the first time its
    operations are needed; reusing the objects keeps that off every request.
    """
    from wagtail.images.models import Filter

    return tuple(Filter(spec=spec) for spec in RENDITION_SETS[name].specs)
