"""Procedural editorial illustrations for the Tribune demo content.

Everything is drawn with Pillow only: no downloads, no fonts, no text. Each
sport has its own motif, built from gradients and geometric shapes in a
palette derived from the section colour. The seed varies composition, camera
angle and palette so that a few dozen images still look different.

    >>> data = render_demo_image(motif="voetbal", colour="#0a7c3e", seed=3)

The picture is drawn at twice the requested size and reduced at the end,
which gives clean anti-aliased edges.
"""

from __future__ import annotations

import colorsys
import io
import itertools
import math
import random
from collections.abc import Callable, Sequence

from PIL import Image, ImageDraw, ImageFilter

__all__ = ["MOTIFS", "render_demo_image"]

SS = 2  # supersampling factor

RGB = tuple[int, int, int]
Pt = tuple[float, float]

WHITE: RGB = (255, 255, 255)
PAPER: RGB = (246, 241, 230)
INK: RGB = (20, 22, 28)


# --------------------------------------------------------------------------
# Colour helpers
# --------------------------------------------------------------------------


def _hex(colour: str) -> RGB:
    value = colour.strip().lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6:
        raise ValueError(f"Not a hex colour: {colour!r}")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _shade(c: RGB, t: float) -> RGB:
    return _mix(c, (0, 0, 0), t)


def _tint(c: RGB, t: float) -> RGB:
    return _mix(c, WHITE, t)


def _hls(c: RGB, dh: float = 0.0, light: float | None = None, sat: float | None = None) -> RGB:
    h, lum, s = colorsys.rgb_to_hls(c[0] / 255, c[1] / 255, c[2] / 255)
    h = (h + dh) % 1.0
    if light is not None:
        lum = light
    if sat is not None:
        s = sat
    r, g, b = colorsys.hls_to_rgb(h, min(1.0, max(0.0, lum)), min(1.0, max(0.0, s)))
    return (round(r * 255), round(g * 255), round(b * 255))


class _Palette:
    """Colours derived from the section colour, shifted a little per seed."""

    def __init__(self, colour: str, rng: random.Random) -> None:
        base = _hex(colour)
        h, lum, s = colorsys.rgb_to_hls(*(v / 255 for v in base))
        h = (h + rng.uniform(-0.025, 0.025)) % 1.0
        s = min(1.0, max(0.25, s * rng.uniform(0.85, 1.1)))
        lum = min(0.55, max(0.22, lum * rng.uniform(0.9, 1.1)))
        r, g, b = colorsys.hls_to_rgb(h, lum, s)
        self.hue = h
        self.base: RGB = (round(r * 255), round(g * 255), round(b * 255))
        self.deep = _hls(self.base, light=lum * 0.55)
        self.night = _hls(self.base, light=0.09, sat=min(s, 0.55))
        self.dark = _hls(self.base, light=lum * 0.75)
        self.mid = _hls(self.base, light=min(0.7, lum * 1.25))
        self.light = _hls(self.base, light=0.78, sat=min(s, 0.6))
        self.pale = _hls(self.base, light=0.92, sat=min(s, 0.45))
        # An accent that sits well away from the base hue.
        accents = [
            (0.12, (244, 193, 78)),  # mustard
            (0.03, (242, 132, 98)),  # coral
            (0.52, (120, 205, 212)),  # aqua
            (0.14, (255, 214, 102)),  # warm yellow
            (0.95, (239, 108, 140)),  # pink
        ]
        scored = sorted(accents, key=lambda a: -min(abs(a[0] - h), 1 - abs(a[0] - h)))
        self.accent: RGB = rng.choice(scored[:2])[1]
        self.partner = _hls(self.base, dh=rng.choice([0.33, 0.42, 0.5, 0.58]), light=lum, sat=s * 0.8)


# --------------------------------------------------------------------------
# Canvas with supersampling
# --------------------------------------------------------------------------


def _rgba(c: RGB, a: float = 1.0) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], max(0, min(255, round(a * 255))))


class _Mask:
    """A full-size greyscale layer, composited in one go (no seams)."""

    def __init__(self, cv: _Canvas) -> None:
        self.cv = cv
        self.im = Image.new("L", cv.img.size, 0)
        self.d = ImageDraw.Draw(self.im)

    def poly(self, pts: Sequence[Pt] | None) -> None:
        if pts and len(pts) >= 3:
            self.d.polygon([(x * SS, y * SS) for x, y in pts], fill=255)

    def line(self, pts: Sequence[Pt], width: float) -> None:
        self.cv.line(pts, (255, 255, 255), width, d=self.d, fill=255)

    def circle(self, cx: float, cy: float, r: float) -> None:
        self.d.ellipse([(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS], fill=255)

    def apply(self, colour: RGB, alpha: float = 1.0) -> None:
        box = self.im.getbbox()
        if not box:
            return
        mask = self.im.crop(box)
        if alpha < 1.0:
            mask = mask.point([round(v * alpha) for v in range(256)])
        self.cv.img.paste(colour, box, mask)


class _Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.w = width
        self.h = height
        self.k = min(width / 1600, height / 900)  # size unit relative to 1600x900
        self.img = Image.new("RGB", (width * SS, height * SS), PAPER)
        self.d = ImageDraw.Draw(self.img, "RGBA")

    # -- primitives (coordinates in output pixels) --------------------------
    def poly(self, pts: Sequence[Pt] | None, colour: RGB, alpha: float = 1.0) -> None:
        if pts and len(pts) >= 3:
            self.d.polygon([(x * SS, y * SS) for x, y in pts], fill=_rgba(colour, alpha))

    def rect(self, x0: float, y0: float, x1: float, y1: float, colour: RGB, alpha: float = 1.0) -> None:
        self.d.rectangle([x0 * SS, y0 * SS, x1 * SS, y1 * SS], fill=_rgba(colour, alpha))

    def rrect(self, x0: float, y0: float, x1: float, y1: float, r: float, colour: RGB, alpha: float = 1.0) -> None:
        self.d.rounded_rectangle([x0 * SS, y0 * SS, x1 * SS, y1 * SS], radius=r * SS, fill=_rgba(colour, alpha))

    def circle(self, cx: float, cy: float, r: float, colour: RGB, alpha: float = 1.0) -> None:
        self.d.ellipse([(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS], fill=_rgba(colour, alpha))

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, colour: RGB, alpha: float = 1.0) -> None:
        self.d.ellipse([(cx - rx) * SS, (cy - ry) * SS, (cx + rx) * SS, (cy + ry) * SS], fill=_rgba(colour, alpha))

    def ring(self, cx: float, cy: float, r: float, width: float, colour: RGB, alpha: float = 1.0) -> None:
        self.d.ellipse(
            [(cx - r) * SS, (cy - r) * SS, (cx + r) * SS, (cy + r) * SS],
            outline=_rgba(colour, alpha),
            width=max(1, round(width * SS)),
        )

    def line(
        self,
        pts: Sequence[Pt],
        colour: RGB,
        width: float,
        alpha: float = 1.0,
        round_caps: bool = True,
        d: ImageDraw.ImageDraw | None = None,
        fill: object = None,
    ) -> None:
        if len(pts) < 2:
            return
        draw = d or self.d
        paint = fill if fill is not None else _rgba(colour, alpha)
        scaled = [(x * SS, y * SS) for x, y in pts]
        wpx = max(1, round(width * SS))
        if alpha < 1.0 and d is None and len(pts) > 2 and wpx > 12:
            # Draw translucent polylines through a local mask so joints do not double up.
            xs, ys = [p[0] for p in scaled], [p[1] for p in scaled]
            pad = wpx
            x0, y0 = max(0, int(min(xs) - pad)), max(0, int(min(ys) - pad))
            x1 = min(self.img.width, int(max(xs) + pad + 1))
            y1 = min(self.img.height, int(max(ys) + pad + 1))
            if x1 <= x0 or y1 <= y0:
                return
            local = Image.new("L", (x1 - x0, y1 - y0), 0)
            ld = ImageDraw.Draw(local)
            moved = [(x - x0, y - y0) for x, y in scaled]
            ld.line(moved, fill=255, width=wpx, joint="curve")
            if round_caps:
                r = wpx / 2
                for x, y in (moved[0], moved[-1]):
                    ld.ellipse([x - r, y - r, x + r, y + r], fill=255)
            self.img.paste(colour, (x0, y0), local.point([round(v * alpha) for v in range(256)]))
            return
        draw.line(scaled, fill=paint, width=wpx, joint="curve")
        if round_caps:
            r = wpx / 2
            for x, y in (scaled[0], scaled[-1]):
                draw.ellipse([x - r, y - r, x + r, y + r], fill=paint)

    # -- gradients ---------------------------------------------------------
    def gradient(
        self,
        stops: Sequence[tuple[float, RGB]],
        angle: float = 90.0,
        box: tuple[float, float, float, float] | None = None,
    ) -> None:
        """Linear gradient; angle 90 = top to bottom. stops: (pos 0..1, colour).

        Drawn as thin bands perpendicular to the direction: fast, and the grain
        added at the end hides the steps.
        """
        x0, y0, x1, y1 = box or (0, 0, self.w, self.h)
        bw, bh = max(2, round((x1 - x0) * SS)), max(2, round((y1 - y0) * SS))
        full = box is None
        target = self.img if full else Image.new("RGB", (bw, bh))
        draw = self.d if full else ImageDraw.Draw(target)
        dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        ex, ey = -dy, dx
        corners = [(0, 0), (bw, 0), (0, bh), (bw, bh)]
        proj = [cx * dx + cy * dy for cx, cy in corners]
        t_min, t_max = min(proj), max(proj)
        reach = bw + bh
        n = max(2, min(200, round((t_max - t_min) / 3)))
        for i in range(n):
            ta = t_min + (t_max - t_min) * i / n - 1
            tb = t_min + (t_max - t_min) * (i + 1) / n + 1
            c = _stop_colour(stops, (i + 0.5) / n)
            draw.polygon(
                [
                    (dx * ta + ex * -reach, dy * ta + ey * -reach),
                    (dx * ta + ex * reach, dy * ta + ey * reach),
                    (dx * tb + ex * reach, dy * tb + ey * reach),
                    (dx * tb + ex * -reach, dy * tb + ey * -reach),
                ],
                fill=c,
            )
        if not full:
            self.img.paste(target, (round(x0 * SS), round(y0 * SS)))

    def glow(self, cx: float, cy: float, r: float, colour: RGB, alpha: float = 0.6, squash: float = 1.0) -> None:
        """Soft radial light, strongest in the middle."""
        rx, ry = max(2.0, r * SS), max(2.0, r * squash * SS)
        x0, y0 = cx * SS - rx, cy * SS - ry
        vx0, vy0 = max(0, math.ceil(x0)), max(0, math.ceil(y0))
        vx1, vy1 = min(self.img.width, math.floor(x0 + 2 * rx)), min(self.img.height, math.floor(y0 + 2 * ry))
        if vx1 - vx0 < 2 or vy1 - vy0 < 2:
            return
        sx, sy = 256 / (2 * rx), 256 / (2 * ry)
        box = (
            min(256.0, max(0.0, (vx0 - x0) * sx)),
            min(256.0, max(0.0, (vy0 - y0) * sy)),
            min(256.0, max(0.0, (vx1 - x0) * sx)),
            min(256.0, max(0.0, (vy1 - y0) * sy)),
        )
        lut = [round(255 * alpha * max(0.0, 1 - v / 181) ** 1.6) for v in range(256)]
        self.img.paste(colour, (vx0, vy0), _radial_window((vx1 - vx0, vy1 - vy0), box, lut, 8))

    def soft_shadow(
        self,
        draw_fn: Callable[[ImageDraw.ImageDraw, float, float, float], None],
        bbox: tuple[float, float, float, float],
        blur: float,
        alpha: float = 0.35,
        colour: RGB = (0, 0, 0),
    ) -> None:
        """Blurred shadow of a shape. draw_fn(draw, scale, ox, oy) draws in a local low-res mask."""
        x0, y0, x1, y1 = bbox
        pad = blur * 3
        x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
        scale = 0.25  # shadow mask at a quarter of the output resolution
        lw, lh = max(2, round((x1 - x0) * scale)), max(2, round((y1 - y0) * scale))
        m = Image.new("L", (lw, lh), 0)
        draw_fn(ImageDraw.Draw(m), scale, x0, y0)
        m = m.filter(ImageFilter.GaussianBlur(max(0.5, blur * scale)))
        if alpha < 1.0:
            m = m.point(lambda v: round(v * alpha))
        big = m.resize((round((x1 - x0) * SS), round((y1 - y0) * SS)), Image.Resampling.BILINEAR)
        self.img.paste(colour, (round(x0 * SS), round(y0 * SS)), big)

    def shadow_ellipse(self, cx: float, cy: float, rx: float, ry: float, blur: float, alpha: float = 0.35) -> None:
        def fn(d: ImageDraw.ImageDraw, s: float, ox: float, oy: float) -> None:
            d.ellipse([(cx - rx - ox) * s, (cy - ry - oy) * s, (cx + rx - ox) * s, (cy + ry - oy) * s], fill=255)

        self.soft_shadow(fn, (cx - rx, cy - ry, cx + rx, cy + ry), blur, alpha)

    def shadow_poly(self, pts: Sequence[Pt], blur: float, alpha: float = 0.35, offset: Pt = (0, 0)) -> None:
        if not pts:
            return
        moved = [(x + offset[0], y + offset[1]) for x, y in pts]
        xs, ys = [p[0] for p in moved], [p[1] for p in moved]

        def fn(d: ImageDraw.ImageDraw, s: float, ox: float, oy: float) -> None:
            d.polygon([((x - ox) * s, (y - oy) * s) for x, y in moved], fill=255)

        self.soft_shadow(fn, (min(xs), min(ys), max(xs), max(ys)), blur, alpha)

    # -- finishing ---------------------------------------------------------
    def finish(self, grain: float = 7.0, vignette: float = 0.28) -> Image.Image:
        img = self.img.reduce(SS)
        for colour, mask in _finish_masks(img.size, grain, vignette):
            img.paste(colour, (0, 0), mask)
        return img


_FINISH_CACHE: dict[tuple[int, int, float, float], list[tuple[RGB, Image.Image]]] = {}


def _finish_masks(size: tuple[int, int], grain: float, vignette: float) -> list[tuple[RGB, Image.Image]]:
    """Vignette and film grain masks; the same for every picture of a size, so cached."""
    key = (size[0], size[1], grain, vignette)
    if key not in _FINISH_CACHE:
        w, h = size
        masks: list[tuple[RGB, Image.Image]] = []
        if vignette > 0:
            g = Image.radial_gradient("L").resize((w, h), Image.Resampling.BILINEAR)
            # the corners of the resized gradient are 255 (outside the circle); ease it in
            lut = [round(min(1.0, max(0.0, (v - 100) / 155)) ** 1.6 * 255 * vignette) for v in range(256)]
            masks.append(((0, 0, 0), g.point(lut)))
        if grain > 0:
            noise = Image.frombytes("L", (w, h), random.Random(2026).randbytes(w * h))
            up = noise.point([round(max(0.0, (v - 127.5) / 127.5) * grain * 2.55) for v in range(256)])
            down = noise.point([round(max(0.0, (127.5 - v) / 127.5) * grain * 2.55) for v in range(256)])
            masks += [((255, 255, 255), up), ((0, 0, 0), down)]
        if len(_FINISH_CACHE) > 8:
            _FINISH_CACHE.clear()
        _FINISH_CACHE[key] = masks
    return _FINISH_CACHE[key]


def _stop_colour(stops: Sequence[tuple[float, RGB]], t: float) -> RGB:
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in itertools.pairwise(stops):
        if t <= p1:
            return _mix(c0, c1, (t - p0) / max(1e-6, p1 - p0))
    return stops[-1][1]


# --------------------------------------------------------------------------
# A tiny perspective camera for things lying on the ground
# --------------------------------------------------------------------------


class _Cam:
    """Pinhole camera looking horizontally, with a lens shift.

    The camera looks at ground point ``target`` from ``dist`` metres away,
    along heading ``yaw`` (radians). The target lands on screen at (tx, ty);
    the horizon sits at screen height ``hy`` (may be above the image).
    """

    NEAR = 0.5

    def __init__(
        self,
        cv: _Canvas,
        target: Pt,
        yaw: float,
        dist: float,
        focal: float,
        hy: float,
        ty: float,
        tx: float | None = None,
        roll: float = 0.0,
    ) -> None:
        self.f = focal
        self.hy = hy
        self.cx = cv.w / 2 if tx is None else tx
        self.sin, self.cos = math.sin(yaw), math.cos(yaw)
        self.px = target[0] - dist * self.sin
        self.pz = target[1] - dist * self.cos
        self.height = (ty - hy) * dist / focal
        self.rc, self.rs = math.cos(roll), math.sin(roll)
        self.rx, self.ry = cv.w / 2, cv.h / 2

    def cam(self, x: float, z: float, y: float = 0.0) -> tuple[float, float, float]:
        dx, dz = x - self.px, z - self.pz
        return (dx * self.cos - dz * self.sin, y - self.height, dx * self.sin + dz * self.cos)

    def _screen(self, c: tuple[float, float, float]) -> Pt:
        xr, yr, zr = c
        sx = self.cx + self.f * xr / zr
        sy = self.hy - self.f * yr / zr
        if self.rs:
            dx, dy = sx - self.rx, sy - self.ry
            sx, sy = self.rx + dx * self.rc - dy * self.rs, self.ry + dx * self.rs + dy * self.rc
        return (sx, sy)

    def depth(self, x: float, z: float) -> float:
        return self.cam(x, z)[2]

    def pt(self, x: float, z: float, y: float = 0.0) -> Pt | None:
        c = self.cam(x, z, y)
        return self._screen(c) if c[2] > self.NEAR else None

    def scale(self, x: float, z: float) -> float:
        """Screen pixels per metre at that ground point."""
        return self.f / max(self.NEAR, self.depth(x, z))

    def poly(self, pts: Sequence[tuple[float, ...]]) -> list[Pt] | None:
        """Project a polygon given as (x, z) or (x, z, y), clipped at the near plane."""
        cams = [self.cam(p[0], p[1], p[2] if len(p) > 2 else 0.0) for p in pts]
        out: list[tuple[float, float, float]] = []
        n = len(cams)
        for i in range(n):
            a, b = cams[i], cams[(i + 1) % n]
            ain, bin_ = a[2] > self.NEAR, b[2] > self.NEAR
            if ain:
                out.append(a)
            if ain != bin_:
                t = (self.NEAR - a[2]) / (b[2] - a[2])
                out.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, self.NEAR + 1e-6))
        if len(out) < 3:
            return None
        return [self._screen(c) for c in out]

    # ground lines of a given width in metres, as polygons
    def seg(self, a: Pt, b: Pt, width: float, cap: bool = True) -> list[Pt] | None:
        dx, dz = b[0] - a[0], b[1] - a[1]
        length = math.hypot(dx, dz) or 1.0
        ux, uz = dx / length, dz / length
        nx, nz = -uz * width / 2, ux * width / 2
        ex, ez = (ux * width / 2, uz * width / 2) if cap else (0.0, 0.0)
        return self.poly(
            [
                (a[0] - ex + nx, a[1] - ez + nz),
                (b[0] + ex + nx, b[1] + ez + nz),
                (b[0] + ex - nx, b[1] + ez - nz),
                (a[0] - ex - nx, a[1] - ez - nz),
            ]
        )

    def polyline(self, m: _Mask, pts: Sequence[Pt], width: float, closed: bool = False) -> None:
        seq = list(pts) + ([pts[0]] if closed else [])
        for a, b in itertools.pairwise(seq):
            m.poly(self.seg(a, b, width))

    def arc(self, m: _Mask, centre: Pt, radius: float, a0: float, a1: float, width: float, steps: int = 48) -> None:
        pts_out, pts_in = [], []
        for i in range(steps + 1):
            a = a0 + (a1 - a0) * i / steps
            ca, sa = math.cos(a), math.sin(a)
            pts_out.append((centre[0] + ca * (radius + width / 2), centre[1] + sa * (radius + width / 2)))
            pts_in.append((centre[0] + ca * (radius - width / 2), centre[1] + sa * (radius - width / 2)))
        for i in range(steps):
            m.poly(self.poly([pts_out[i], pts_out[i + 1], pts_in[i + 1], pts_in[i]]))

    def disc(self, centre: Pt, radius: float, y: float = 0.0, steps: int = 40) -> list[Pt] | None:
        return self.poly(
            [
                (
                    centre[0] + radius * math.cos(2 * math.pi * i / steps),
                    centre[1] + radius * math.sin(2 * math.pi * i / steps),
                    y,
                )
                for i in range(steps)
            ]
        )


# --------------------------------------------------------------------------
# Shared figures
# --------------------------------------------------------------------------


def _dir(angle_deg: float, facing: int) -> Pt:
    """Unit vector for an angle measured from straight down, positive = forward."""
    a = math.radians(angle_deg)
    return (math.sin(a) * facing, math.cos(a))


_RUN_POSES = (
    # (front thigh, front shin), (back thigh, back shin), (front arm upper, fore), (back arm upper, fore)
    ((62, 8), (-28, -100), (-52, -5), (48, 140)),
    ((45, -10), (-35, -75), (-45, 0), (40, 125)),
    ((70, 20), (-20, -115), (-58, -15), (55, 150)),
    ((30, -35), (-40, -60), (-38, 10), (35, 115)),
)


def _runner(
    cv: _Canvas,
    x: float,
    foot_y: float,
    h: float,
    pose: int,
    colour: RGB,
    facing: int = 1,
    alpha: float = 1.0,
    lean: float = 12.0,
) -> None:
    """A pictogram-style runner, ``h`` pixels tall, lowest foot on ``foot_y``."""
    legs_p = _RUN_POSES[pose % len(_RUN_POSES)]
    thigh, shin, upper, fore, torso = 0.26 * h, 0.26 * h, 0.17 * h, 0.16 * h, 0.3 * h
    front_leg, back_leg, near_arm, far_arm = legs_p
    lows = []
    for t_ang, s_ang in (front_leg, back_leg):
        d1, d2 = _dir(t_ang, facing), _dir(s_ang, facing)
        lows.append(max(d1[1] * thigh, d1[1] * thigh + d2[1] * shin))
    hip = (x, foot_y - max(lows) - 0.02 * h)
    td = (math.sin(math.radians(lean)) * facing, -math.cos(math.radians(lean)))
    shoulder = (hip[0] + td[0] * torso, hip[1] + td[1] * torso)
    head_r = 0.078 * h
    head = (shoulder[0] + td[0] * head_r * 1.55 + facing * 0.012 * h, shoulder[1] + td[1] * head_r * 1.55)
    lw = 0.082 * h
    far = _mix(colour, WHITE, 0.14) if sum(colour) < 380 else _shade(colour, 0.14)
    # far side: the back leg and the arm swinging forward
    _limb(cv, hip, back_leg, thigh, shin, facing, far, lw, alpha)
    _limb(cv, shoulder, far_arm, upper, fore, facing, far, lw * 0.85, alpha)
    cv.line([hip, shoulder], colour, lw * 1.35, alpha)
    cv.circle(head[0], head[1], head_r, colour, alpha)
    _limb(cv, hip, front_leg, thigh, shin, facing, colour, lw, alpha)
    _limb(cv, shoulder, near_arm, upper, fore, facing, colour, lw * 0.85, alpha)


def _limb(
    cv: _Canvas,
    root: Pt,
    angles: tuple[float, float],
    l1: float,
    l2: float,
    facing: int,
    colour: RGB,
    w: float,
    alpha: float,
) -> None:
    d1, d2 = _dir(angles[0], facing), _dir(angles[1], facing)
    j = (root[0] + d1[0] * l1, root[1] + d1[1] * l1)
    e = (j[0] + d2[0] * l2, j[1] + d2[1] * l2)
    cv.line([root, j, e], colour, w, alpha)


def _ik(hip: Pt, foot: Pt, l1: float, l2: float, bend: int) -> Pt:
    dx, dy = foot[0] - hip[0], foot[1] - hip[1]
    d = min(l1 + l2 - 1e-3, max(1e-3, math.hypot(dx, dy)))
    a = (l1 * l1 - l2 * l2 + d * d) / (2 * d)
    hgt = math.sqrt(max(0.0, l1 * l1 - a * a))
    mx, my = hip[0] + dx * a / d, hip[1] + dy * a / d
    return (mx - bend * dy / d * hgt, my + bend * dx / d * hgt)


def _cyclist(
    cv: _Canvas,
    x: float,
    ground_y: float,
    r: float,
    colour: RGB,
    facing: int = 1,
    crank: float = 0.0,
    slope: float = 0.0,
    alpha: float = 1.0,
) -> None:
    """Side view road cyclist (pictogram). ``x`` = rear wheel contact, ``r`` = wheel radius in px."""
    ca, sa = math.cos(slope), math.sin(slope)

    # local units of r (u forward, v up), rotated about the rear contact point
    def R(u: float, v: float) -> Pt:
        lx, ly = u * r * facing, -v * r
        return (x + lx * ca - ly * sa, ground_y + lx * sa + ly * ca)

    rear, front = R(0, 1), R(2.9, 1)
    bb = R(1.2, 0.78)
    seat = R(0.72, 2.25)
    head_tube = R(2.45, 2.15)
    bars = R(2.72, 2.1)
    lw = 0.13 * r
    for wc in (rear, front):
        cv.ring(wc[0], wc[1], r * 0.97, r * 0.14, colour, alpha)
        cv.circle(wc[0], wc[1], r * 0.1, colour, alpha)
    cv.line([rear, bb, seat, rear], colour, lw, alpha)
    cv.line([bb, head_tube, front], colour, lw, alpha)
    cv.line([seat, head_tube], colour, lw, alpha)
    cv.line([head_tube, bars, R(2.95, 1.85), R(2.75, 1.7)], colour, lw * 0.8, alpha)
    hip = R(0.62, 2.45)
    shoulder = R(2.05, 3.2)
    head = R(2.55, 3.45)
    for k, col in ((math.pi, colour), (0.0, colour)):
        a = crank + k
        pedal = (bb[0] + math.cos(a) * 0.5 * r * facing, bb[1] + math.sin(a) * 0.5 * r)
        knee = _ik(hip, pedal, 1.28 * r, 1.22 * r, -facing)
        cv.line([hip, knee, pedal], col, 0.3 * r, alpha)
        cv.line([bb, pedal], col, lw, alpha)
    cv.line([hip, shoulder], colour, 0.42 * r, alpha)
    elbow = R(2.45, 2.6)
    cv.line([shoulder, elbow, bars], colour, 0.22 * r, alpha)
    cv.circle(head[0], head[1], 0.3 * r, colour, alpha)
    # aero helmet tail
    cv.poly([R(2.3, 3.62), R(2.0, 3.5), R(2.4, 3.3)], colour, alpha)


# --------------------------------------------------------------------------
# Balls
# --------------------------------------------------------------------------


def _radial_window(
    size: tuple[int, int], box: tuple[float, float, float, float], lut: Sequence[int], quality: int = 4
) -> Image.Image:
    """Part of Pillow's radial gradient (source units 0..256), resized to ``size``, through ``lut``.

    The gradient is computed at a quarter of the resolution and scaled up: it is smooth anyway.
    """
    w, h = size
    small = (max(2, w // quality), max(2, h // quality))
    g = Image.radial_gradient("L").resize(small, Image.Resampling.BILINEAR, box=box)
    return g.point(list(lut)).resize((w, h), Image.Resampling.BILINEAR)


def _ball_shading(cv: _Canvas, cx: float, cy: float, r: float, light: float = 0.35, dark: float = 0.45) -> None:
    """Highlight top-left, shade bottom-right, clipped to the ball."""
    from PIL import ImageChops

    size = max(4, round(2 * r * SS))
    # the light centre sits up-left of the middle; the gradient spans twice the ball
    b0, b1 = 128 - 0.35 * 128, 256 - 0.35 * 128
    dark_m = _radial_window(
        (size, size), (b0, b0, b1, b1), [round(min(255, max(0, (v - 90) * 1.6)) * dark) for v in range(256)]
    )
    light_m = _radial_window((size, size), (b0, b0, b1, b1), [round(max(0, 120 - v) * 2.1 * light) for v in range(256)])
    clip = Image.new("L", (size, size), 0)
    ImageDraw.Draw(clip).ellipse([0, 0, size - 1, size - 1], fill=255)
    pos = (round((cx - r) * SS), round((cy - r) * SS))
    cv.img.paste((0, 0, 0), pos, ImageChops.multiply(dark_m, clip))
    cv.img.paste((255, 255, 255), pos, ImageChops.multiply(light_m, clip))


def _ico() -> tuple[list[tuple[float, float, float]], list[tuple[int, int]]]:
    phi = (1 + 5**0.5) / 2
    raw = []
    for a in (-1, 1):
        for b in (-phi, phi):
            raw += [(0.0, a, b), (a, b, 0.0), (b, 0.0, a)]
    n = math.sqrt(1 + phi * phi)
    verts = [(x / n, y / n, z / n) for x, y, z in raw]
    edges = []
    for i in range(12):
        for j in range(i + 1, 12):
            if abs(math.dist(raw[i], raw[j]) - 2.0) < 1e-6:
                edges.append((i, j))
    return verts, edges


_ICO = _ico()


def _unit(v: tuple[float, float, float]) -> tuple[float, float, float]:
    n = math.sqrt(v[0] ** 2 + v[1] ** 2 + v[2] ** 2) or 1.0
    return (v[0] / n, v[1] / n, v[2] / n)


def _slerp_pts(
    a: tuple[float, float, float], b: tuple[float, float, float], n: int
) -> list[tuple[float, float, float]]:
    return [
        _unit((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t))
        for t in [i / n for i in range(n + 1)]
    ]


def _football(cv: _Canvas, cx: float, cy: float, r: float, rng: random.Random, panel: RGB) -> None:
    """Classic 32-panel ball: a truncated icosahedron projected on a sphere."""
    cv.shadow_ellipse(cx + r * 0.3, cy + r * 0.96, r * 0.95, r * 0.24, r * 0.16, 0.5)
    cv.circle(cx, cy, r, (246, 246, 242))
    verts, edges = _ICO
    ax, ay, az = (rng.uniform(0, 2 * math.pi) for _ in range(3))

    def rot(v: tuple[float, float, float]) -> tuple[float, float, float]:
        x, y, z = v
        y, z = y * math.cos(ax) - z * math.sin(ax), y * math.sin(ax) + z * math.cos(ax)
        x, z = x * math.cos(ay) + z * math.sin(ay), -x * math.sin(ay) + z * math.cos(ay)
        x, y = x * math.cos(az) - y * math.sin(az), x * math.sin(az) + y * math.cos(az)
        return (x, y, z)

    vs = [rot(v) for v in verts]
    nbr: dict[int, list[int]] = {i: [] for i in range(12)}
    for i, j in edges:
        nbr[i].append(j)
        nbr[j].append(i)
    size = max(4, round(2 * r * SS))
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)

    def scr(p: tuple[float, float, float]) -> tuple[float, float]:
        x, y, z = p
        if z < 0:
            n = math.hypot(x, y) or 1.0
            x, y = x / n, y / n
        return ((x * r + r) * SS, (-y * r + r) * SS)

    def corner(i: int, j: int, t: float = 0.345) -> tuple[float, float, float]:
        a, b = vs[i], vs[j]
        return _unit((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t))

    for i in range(12):
        c = vs[i]
        if c[2] < -0.45:
            continue
        # order the five neighbours around the centre
        first = vs[nbr[i][0]]
        ref = _unit((first[0] - c[0], first[1] - c[1], first[2] - c[2]))
        ortho = _unit((c[1] * ref[2] - c[2] * ref[1], c[2] * ref[0] - c[0] * ref[2], c[0] * ref[1] - c[1] * ref[0]))

        def ang(
            j: int,
            c: tuple[float, float, float] = c,
            ref: tuple[float, float, float] = ref,
            ortho: tuple[float, float, float] = ortho,
        ) -> float:
            v = (vs[j][0] - c[0], vs[j][1] - c[1], vs[j][2] - c[2])
            return math.atan2(sum(v[k] * ortho[k] for k in range(3)), sum(v[k] * ref[k] for k in range(3)))

        ring = sorted(nbr[i], key=ang)
        pts: list[tuple[float, float]] = []
        corners = [corner(i, j) for j in ring]
        for a, b in zip(corners, corners[1:] + corners[:1], strict=True):
            pts += [scr(p) for p in _slerp_pts(a, b, 4)[:-1]]
        d.polygon(pts, fill=255)
    seam = max(1, round(r * 0.022 * SS))
    for i, j in edges:
        a, b = corner(i, j), corner(j, i)
        if a[2] < 0 and b[2] < 0:
            continue
        d.line([scr(p) for p in _slerp_pts(a, b, 4)], fill=255, width=seam)
    clip = Image.new("L", (size, size), 0)
    ImageDraw.Draw(clip).ellipse([0, 0, size - 1, size - 1], fill=255)
    from PIL import ImageChops

    layer = ImageChops.multiply(layer, clip)
    cv.img.paste(panel, (round((cx - r) * SS), round((cy - r) * SS)), layer)
    _ball_shading(cv, cx, cy, r, 0.4, 0.55)


def _ball_marks(
    cv: _Canvas, cx: float, cy: float, r: float, colour: RGB, lines: Sequence[Sequence[Pt]], width: float
) -> None:
    """Draw lines (in output coordinates) clipped to the ball's disc."""
    from PIL import ImageChops

    size = max(4, round(2 * r * SS))
    layer = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(layer)
    wpx = max(1, round(width * SS))
    for pts in lines:
        d.line([((x - cx + r) * SS, (y - cy + r) * SS) for x, y in pts], fill=255, width=wpx, joint="curve")
    clip = Image.new("L", (size, size), 0)
    ImageDraw.Draw(clip).ellipse([0, 0, size - 1, size - 1], fill=255)
    cv.img.paste(colour, (round((cx - r) * SS), round((cy - r) * SS)), ImageChops.multiply(layer, clip))


def _tennis_ball(cv: _Canvas, cx: float, cy: float, r: float, rot: float) -> None:
    cv.circle(cx, cy, r, (214, 232, 76))
    lines = []
    for side in (-1, 1):
        pts = []
        for i in range(31):
            t = -1.35 + 2.7 * i / 30
            u = side * (0.86 - 0.56 * math.cos(t))
            px, py = u * r, math.sin(t) * r * 1.05
            pts.append((cx + px * math.cos(rot) - py * math.sin(rot), cy + px * math.sin(rot) + py * math.cos(rot)))
        lines.append(pts)
    _ball_marks(cv, cx, cy, r, (250, 250, 240), lines, r * 0.09)
    _ball_shading(cv, cx, cy, r, 0.25, 0.5)


def _racket(cv: _Canvas, cx: float, cy: float, size: float, ang: float, frame: RGB, accent: RGB) -> None:
    """Tennis racket; (cx, cy) = centre of the head, size = head length."""
    ca, sa = math.cos(ang), math.sin(ang)

    def P(u: float, v: float) -> Pt:  # u along the racket (towards the handle), v across
        return (cx + u * size * ca - v * size * sa, cy + u * size * sa + v * size * ca)

    head = [P(0.5 * math.cos(t), 0.37 * math.sin(t)) for t in [i * 2 * math.pi / 48 for i in range(49)]]
    cv.shadow_poly(head + [P(1.6, 0.05), P(1.6, -0.05)], size * 0.05, 0.35, (size * 0.06, size * 0.08))
    # strings, clipped roughly to the inner ellipse
    m = _Mask(cv)
    for i in range(-7, 8):
        v = i * 0.042
        span = 0.47 * math.sqrt(max(0.0, 1 - (v / 0.345) ** 2))
        m.line([P(-span, v), P(span, v)], size * 0.008)
    for i in range(-10, 11):
        u = i * 0.042
        span = 0.345 * math.sqrt(max(0.0, 1 - (u / 0.47) ** 2))
        m.line([P(u, -span), P(u, span)], size * 0.008)
    m.apply((240, 240, 235), 0.85)
    cv.line(head, frame, size * 0.05)
    cv.line([P(0.45, 0.2), P(0.85, 0.04), P(1.0, 0.035)], frame, size * 0.045)
    cv.line([P(0.45, -0.2), P(0.85, -0.04), P(1.0, -0.035)], frame, size * 0.045)
    cv.line([P(0.49, 0), P(0.62, 0)], frame, size * 0.04)
    cv.line([P(1.0, 0), P(1.62, 0)], _shade(frame, 0.35), size * 0.085)
    for i in range(7):
        u = 1.08 + i * 0.075
        cv.line([P(u, -0.043), P(u + 0.04, 0.043)], accent, size * 0.012, 0.9)


def _basketball(cv: _Canvas, cx: float, cy: float, r: float, rot: float) -> None:
    cv.circle(cx, cy, r, (226, 112, 44))

    def rp(px: float, py: float) -> Pt:
        return (cx + px * math.cos(rot) - py * math.sin(rot), cy + px * math.sin(rot) + py * math.cos(rot))

    n = 36
    lines = [
        [rp(0.08 * r * math.cos(math.pi * i / n), -r * 1.05 + 2.1 * r * i / n) for i in range(n + 1)],
        [rp(-r * 1.05 + 2.1 * r * i / n, 0.1 * r * math.sin(math.pi * i / n)) for i in range(n + 1)],
    ]
    for side in (-1, 1):
        pts = []
        for i in range(n + 1):
            t = -math.pi / 2 + math.pi * i / n
            pts.append(rp(side * (r * 1.0 - r * 0.42 * math.cos(t)), r * 1.05 * math.sin(t)))
        lines.append(pts)
    _ball_marks(cv, cx, cy, r, (40, 24, 18), lines, r * 0.045)
    _ball_shading(cv, cx, cy, r, 0.2, 0.55)


# --------------------------------------------------------------------------
# Motifs
# --------------------------------------------------------------------------


def _stadium(
    cv: _Canvas,
    rng: random.Random,
    pal: _Palette,
    cam: _Cam,
    far: float,
    span: float,
    top: float,
    along_z: bool = False,
    boards: bool = True,
) -> None:
    """Dark sky with floodlights and a stand behind the far side.

    The stand rises from the plane x = far (or z = far when ``along_z``) and runs over -span..span.
    """
    W, H, k = cv.w, cv.h, cv.k

    def w3(depth: float, lateral: float, y: float = 0.0) -> tuple[float, float, float]:
        return (lateral, depth, y) if along_z else (depth, lateral, y)

    def pt(depth: float, lateral: float, y: float = 0.0) -> Pt | None:
        return cam.pt(*w3(depth, lateral, y))

    def scale(depth: float, lateral: float) -> float:
        x, z, _ = w3(depth, lateral)
        return cam.scale(x, z)

    cv.gradient([(0, _shade(pal.night, 0.4)), (1, _mix(pal.night, pal.deep, 0.5))], 90)
    for _ in range(2):
        cv.glow(rng.uniform(0.1, 0.9) * W, -0.05 * H, W * rng.uniform(0.2, 0.35), _tint(pal.accent, 0.7), 0.22, 0.6)
    stand = cam.poly([w3(far, -span, 0), w3(far, span, 0), w3(far + 30, span, top), w3(far + 30, -span, top)])
    cv.poly(stand, _mix(pal.night, pal.deep, 0.45))
    roof = cam.poly(
        [w3(far + 30, -span, top), w3(far + 30, span, top), w3(far + 24, span, top + 3), w3(far + 24, -span, top + 3)]
    )
    cv.poly(roof, _shade(pal.night, 0.3))
    colours = [pal.light, pal.accent, WHITE, pal.mid, pal.mid]
    for row in range(14):
        t = (row + 0.5) / 14
        d, y = far + 30 * t, top * t
        vis = []
        for i in range(81):
            lat = -span + 2 * span * i / 80
            p = pt(d, lat, y)
            if p and -0.05 * W < p[0] < 1.05 * W:
                vis.append(lat)
        if not vis:
            continue
        lat, lat_end = min(vis) - span / 40, max(vis) + span / 40
        while lat < lat_end:
            s = scale(d, lat)
            rad = min(4.5 * k, max(2.2 * k, s * 0.3))
            p = pt(d, lat, y)
            if p and 0 <= p[0] <= W:
                cv.circle(p[0], p[1] - rad, rad, rng.choice(colours), rng.uniform(0.1, 0.38))
            lat += rad * 2.4 / max(s, 1e-3) * rng.uniform(0.8, 1.6)
    if boards:
        cv.poly(
            cam.poly([w3(far - 3, -span, 0), w3(far - 3, span, 0), w3(far - 3, span, 1.0), w3(far - 3, -span, 1.0)]),
            pal.accent,
            0.85,
        )


def _motif_voetbal(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H = cv.w, cv.h
    view = rng.choice(["aerial", "aerial", "broadcast"])
    lum = colorsys.rgb_to_hls(*(v / 255 for v in pal.base))[1]
    grass_a, grass_b = pal.base, _hls(pal.base, light=min(0.62, lum * 1.16))
    if view == "aerial":
        hy = -rng.uniform(0.8, 2.2) * H
        cam = _Cam(
            cv,
            (rng.uniform(-18, 18), rng.uniform(-40, 40)),
            rng.uniform(-0.9, 0.9) + rng.choice([0, math.pi / 2]),
            60,
            rng.uniform(1.0, 1.5) * H,
            hy,
            H * 0.5,
            roll=0,
        )
        cv.gradient([(0, pal.dark), (1, pal.deep)], rng.uniform(60, 120))
    else:
        # the classic TV angle from the main stand, looking across the pitch
        cam = _Cam(
            cv,
            (0, rng.uniform(-30, 30)),
            math.pi / 2 + rng.uniform(-0.25, 0.25),
            60,
            1.1 * W,
            H * rng.uniform(0.12, 0.2),
            H * rng.uniform(0.6, 0.66),
            roll=rng.uniform(-0.02, 0.02),
        )
        _stadium(cv, rng, pal, cam, 40, 75, 13)
    # grass with mowing stripes
    stripes = 18
    for i in range(stripes):
        z0 = -60 + 120 * i / stripes
        z1 = -60 + 120 * (i + 1) / stripes
        cv.poly(cam.poly([(-40, z0), (40, z0), (40, z1), (-40, z1)]), grass_a if i % 2 else grass_b)
    m = _Mask(cv)
    lw = 0.3 if view == "aerial" else 0.22
    cam.polyline(m, [(-34, -52.5), (34, -52.5), (34, 52.5), (-34, 52.5)], lw, closed=True)
    cam.polyline(m, [(-34, 0), (34, 0)], lw)
    cam.arc(m, (0, 0), 9.15, 0, 2 * math.pi, lw, 64)
    m.poly(cam.disc((0, 0), 0.4))
    for sgn in (-1, 1):
        gl = 52.5 * sgn
        cam.polyline(m, [(-20.16, gl), (-20.16, gl - 16.5 * sgn), (20.16, gl - 16.5 * sgn), (20.16, gl)], lw)
        cam.polyline(m, [(-9.16, gl), (-9.16, gl - 5.5 * sgn), (9.16, gl - 5.5 * sgn), (9.16, gl)], lw)
        m.poly(cam.disc((0, gl - 11 * sgn), 0.35))
        a = math.acos(5.5 / 9.15)
        base_a = -math.pi / 2 if sgn > 0 else math.pi / 2
        cam.arc(m, (0, gl - 11 * sgn), 9.15, base_a - (math.pi / 2 - a), base_a + (math.pi / 2 - a), lw, 24)
        for cx_ in (-34, 34):
            start = math.atan2(-sgn, -cx_ / 34)
            cam.arc(m, (cx_, gl), 1.0, start - math.pi / 4, start + math.pi / 4, lw, 8)
    m.apply(WHITE, 0.88)
    # goals
    for sgn in (-1, 1):
        gl = 52.5 * sgn
        back = gl + 2.0 * sgn
        cv.poly(cam.poly([(-3.66, gl, 2.44), (3.66, gl, 2.44), (3.66, back, 1.6), (-3.66, back, 1.6)]), WHITE, 0.25)
        cv.poly(cam.poly([(-3.66, gl, 0), (-3.66, gl, 2.44), (3.66, gl, 2.44), (3.66, gl, 0)]), WHITE, 0.18)
        frame = [cam.pt(-3.66, gl, 0), cam.pt(-3.66, gl, 2.44), cam.pt(3.66, gl, 2.44), cam.pt(3.66, gl, 0)]
        if all(frame):
            cv.line(frame, WHITE, max(1.5, cam.scale(0, gl) * 0.14), 1.0)  # type: ignore[arg-type]
    # the ball, large, with a curling trail of dots
    left = rng.random() < 0.5
    bx = (rng.uniform(0.24, 0.36) if left else rng.uniform(0.64, 0.76)) * W
    by = rng.uniform(0.42, 0.6) * H
    br = rng.uniform(0.13, 0.17) * H
    direction = 1 if left else -1
    bend = rng.uniform(0.08, 0.2) * rng.choice([-1, 1])
    for i in range(1, 9):
        t = i / 9
        px = bx - direction * t * W * 0.42
        py = by + math.sin(t * math.pi * 0.9) * H * bend + t * H * 0.12
        cv.circle(px, py, br * (0.11 - t * 0.06), pal.accent, 0.9 - t * 0.6)
    _football(cv, bx, by, br, rng, pal.night)


def _motif_tennis(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H, k = cv.w, cv.h, cv.k
    surface = rng.choice(["hard", "hard", "clay"])
    court = pal.base if surface == "hard" else _mix(pal.base, (196, 98, 56), 0.65)
    outside = pal.dark if surface == "hard" else _shade(court, 0.25)
    view = rng.choice(["behind", "aerial", "side"])
    if view == "behind":
        hy = rng.uniform(-0.15, 0.12) * H
        cam = _Cam(
            cv,
            (rng.uniform(-2, 2), 0),
            rng.uniform(-0.2, 0.2),
            26,
            0.95 * W,
            hy,
            H * 0.52,
            roll=rng.uniform(-0.03, 0.03),
        )
    elif view == "side":
        hy = -rng.uniform(0.2, 0.6) * H
        cam = _Cam(cv, (0, rng.uniform(-3, 3)), math.pi / 2 + rng.uniform(-0.35, 0.35), 22, 0.7 * W, hy, H * 0.5)
    else:
        hy = -rng.uniform(1.2, 2.0) * H
        cam = _Cam(cv, (rng.uniform(-3, 3), rng.uniform(-6, 6)), rng.uniform(0.3, 1.2), 28, 0.75 * W, hy, H * 0.5)
    cv.gradient([(0, _shade(outside, 0.35)), (1, outside)], 90)
    cv.poly(cam.poly([(-60, -120), (60, -120), (60, 120), (-60, 120)]), outside)
    cv.poly(cam.poly([(-8.5, -17), (8.5, -17), (8.5, 17), (-8.5, 17)]), _mix(outside, court, 0.35))
    cv.poly(cam.poly([(-5.49, -11.89), (5.49, -11.89), (5.49, 11.89), (-5.49, 11.89)]), court)
    m = _Mask(cv)
    lw = 0.06
    cam.polyline(m, [(-5.485, -11.885), (5.485, -11.885), (5.485, 11.885), (-5.485, 11.885)], lw, closed=True)
    cam.polyline(m, [(-4.115, -11.885), (-4.115, 11.885)], lw)
    cam.polyline(m, [(4.115, -11.885), (4.115, 11.885)], lw)
    cam.polyline(m, [(-4.115, -6.4), (4.115, -6.4)], lw)
    cam.polyline(m, [(-4.115, 6.4), (4.115, 6.4)], lw)
    cam.polyline(m, [(0, -6.4), (0, 6.4)], lw)
    cam.polyline(m, [(0, -11.885), (0, -11.6)], lw)
    cam.polyline(m, [(0, 11.885), (0, 11.6)], lw)
    m.apply(WHITE, 0.95)
    # net
    net = cam.poly([(-6.4, 0, 0), (-6.4, 0, 1.07), (0, 0, 0.914), (6.4, 0, 1.07), (6.4, 0, 0)])
    cv.poly(cam.poly([(-6.4, 0.15), (6.4, 0.15), (6.4, 0.9), (-6.4, 0.9)]), (0, 0, 0), 0.18)
    cv.poly(net, INK, 0.5)
    mesh = _Mask(cv)
    for i in range(41):
        x = -6.4 + 12.8 * i / 40
        top = 1.07 - (0.156 * (1 - abs(x) / 6.4))
        a, b = cam.pt(x, 0, 0), cam.pt(x, 0, top)
        if a and b:
            mesh.line([a, b], max(0.6, cam.scale(x, 0) * 0.012))
    for j in range(1, 9):
        y = j * 0.1
        pts = [cam.pt(x, 0, y) for x in (-6.4, 0, 6.4)]
        if all(pts):
            mesh.line(pts, max(0.6, cam.scale(0, 0) * 0.01))  # type: ignore[arg-type]
    mesh.apply(WHITE, 0.25)
    tape = [cam.pt(-6.4, 0, 1.07), cam.pt(0, 0, 0.914), cam.pt(6.4, 0, 1.07)]
    if all(tape):
        cv.line(tape, WHITE, max(2, cam.scale(0, 0) * 0.05))  # type: ignore[arg-type]
    for px in (-6.4, 6.4):
        a, b = cam.pt(px, 0, 0), cam.pt(px, 0, 1.07)
        if a and b:
            cv.line([a, b], INK, max(2, cam.scale(px, 0) * 0.1))
    # ball + trajectory and a shadow on the court
    bx = rng.uniform(0.22, 0.78) * W
    by = rng.uniform(0.2, 0.4) * H
    br = rng.uniform(0.06, 0.085) * H
    sx, sy = bx + rng.uniform(-40, 40) * k, by + H * rng.uniform(0.28, 0.4)
    cv.shadow_ellipse(sx, sy, br * 0.9, br * 0.3, br * 0.25, 0.35)
    d = rng.choice([-1, 1])
    pts = [(bx + d * W * 0.5 * t, by + H * 0.5 * t * t - H * 0.12 * t) for t in [i / 20 for i in range(21)]]
    cv.line(pts, _tint(pal.accent, 0.2), 3 * k, 0.55)
    if rng.random() < 0.7:
        rx = bx - d * W * rng.uniform(0.2, 0.28)
        ry = H * rng.uniform(0.55, 0.75)
        _racket(
            cv, rx, ry, H * rng.uniform(0.42, 0.52), math.radians(90 + d * rng.uniform(25, 50)), pal.night, pal.accent
        )
    _tennis_ball(cv, bx, by, br, rng.uniform(0, math.pi))


def _motif_darts(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H, k = cv.w, cv.h, cv.k
    cv.gradient([(0, _shade(pal.night, 0.3)), (0.6, pal.night), (1, _shade(pal.night, 0.5))], rng.uniform(30, 150))
    bx = rng.choice([0.5, 0.62, 0.38, 0.7, 0.3]) * W
    by = H * rng.uniform(0.45, 0.58)
    R = H * rng.uniform(0.36, 0.5)
    cv.glow(bx, by, R * 2.6, _mix(pal.base, WHITE, 0.3), 0.7)
    # cabinet doors, like the walk-on stage
    for sgn in (-1, 1):
        dx = bx + sgn * R * 1.55
        cv.rect(
            dx - R * 0.35 if sgn < 0 else dx - R * 0.02,
            by - R * 1.4,
            dx + R * 0.02 if sgn < 0 else dx + R * 0.35,
            by + R * 1.4,
            _shade(pal.deep, 0.35),
            0.55,
        )
    cv.shadow_ellipse(bx + R * 0.08, by + R * 0.1, R * 1.3, R * 1.3, R * 0.12, 0.6)
    cv.circle(bx, by, R * 1.3, (22, 22, 24))
    cv.ring(bx, by, R * 1.3, R * 0.03, (70, 70, 76))
    # numbers ring replaced by small ticks
    for i in range(20):
        a = math.radians(-90 + 18 * i)
        p1 = (bx + math.cos(a) * R * 1.12, by + math.sin(a) * R * 1.12)
        cv.circle(p1[0], p1[1], R * 0.035, (200, 200, 200), 0.75)
    off = rng.uniform(-2, 2)
    single_a, single_b = (24, 24, 26), (236, 226, 200)
    ring_a, ring_b = _hls(pal.base, light=0.45, sat=0.75), _hls(pal.partner, light=0.38, sat=0.55)
    radii = [(1.0, ring_a, ring_b), (0.953, single_a, single_b), (0.629, ring_a, ring_b), (0.582, single_a, single_b)]
    for rr, ca, cb in radii:
        rad = R * rr
        box = [(bx - rad) * SS, (by - rad) * SS, (bx + rad) * SS, (by + rad) * SS]
        for i in range(20):
            start = -99 + 18 * i + off
            cv.d.pieslice(box, start, start + 18, fill=ca if i % 2 == 0 else cb)
    cv.circle(bx, by, R * 0.094, ring_b)
    cv.circle(bx, by, R * 0.037, ring_a)
    wire = (175, 175, 180)
    ww = max(1.0, R * 0.006)
    for rr in (1.0, 0.953, 0.629, 0.582, 0.094, 0.037):
        cv.ring(bx, by, R * rr, ww, wire, 0.8)
    for i in range(20):
        a = math.radians(-99 + 18 * i + off)
        cv.line(
            [
                (bx + math.cos(a) * R * 0.094, by + math.sin(a) * R * 0.094),
                (bx + math.cos(a) * R * 1.0, by + math.sin(a) * R * 1.0),
            ],
            wire,
            ww,
            0.8,
        )
    # board lighting: a soft sheen from the top left
    cv.glow(bx - R * 0.5, by - R * 0.5, R * 0.9, WHITE, 0.1)
    # darts stuck in the board
    targets = [(0.6, -90), (0.605, -90 + rng.choice([-3, 3])), (0.3, rng.uniform(0, 360)), (0.02, 0), (0.75, 162)]
    rng.shuffle(targets)
    pick = targets[: rng.randint(2, 3)]
    for rr, ang in pick:
        a = math.radians(ang + rng.uniform(-5, 5))
        tip = (bx + math.cos(a) * R * rr, by + math.sin(a) * R * rr)
        _dart(
            cv,
            tip,
            R * rng.uniform(0.5, 0.62),
            math.radians(rng.uniform(20, 70)) * rng.choice([-1, 1]) + math.pi / 2,
            pal,
        )
    # one more dart in flight, in the empty part of the frame, with speed lines
    side = -1 if bx > W / 2 else 1
    room = (bx - R * 1.3) if side < 0 else (W - bx - R * 1.3)
    if room > W * 0.18:
        fx = bx + side * (R * 1.3 + room * rng.uniform(0.22, 0.35))
        fy = by + rng.uniform(-0.25, 0.15) * H
        target = (bx + rng.uniform(-0.3, 0.3) * R, by + rng.uniform(-0.3, 0.3) * R)
        heading = math.atan2(fy - target[1], fx - target[0])
        length = min(R * rng.uniform(0.8, 1.0), room * 0.42)
        nx_, ny_ = -math.sin(heading), math.cos(heading)
        for i in range(5):
            off = (i - 2) * length * 0.07
            reach = length * (1.05 + rng.uniform(0, 0.1))
            start = (fx + math.cos(heading) * reach + nx_ * off, fy + math.sin(heading) * reach + ny_ * off)
            streak = length * rng.uniform(0.4, 0.9)
            end = (start[0] + math.cos(heading) * streak, start[1] + math.sin(heading) * streak)
            cv.line([start, end], WHITE, 3 * k, 0.2)
        _dart(cv, (fx, fy), length, heading, pal, flying=True)


def _dart(cv: _Canvas, tip: Pt, length: float, ang: float, pal: _Palette, flying: bool = False) -> None:
    """A dart seen three-quarter on, coming out of the board towards the viewer."""
    ux, uy = math.cos(ang), math.sin(ang)
    # direction in screen: mostly down-right/left, foreshortened
    nx, ny = -uy, ux

    def at(t: float, side: float = 0.0) -> Pt:
        return (tip[0] + ux * length * t + nx * side, tip[1] + uy * length * t + ny * side)

    w = length * 0.055
    cv.shadow_poly(
        [at(0), at(0.38, w), at(1.0, w * 2), at(1.0, -w * 2), at(0.38, -w)],
        length * (0.12 if flying else 0.05),
        0.25 if flying else 0.5,
        (length * 0.3, length * 0.35) if flying else (length * 0.1, length * 0.08),
    )
    cv.line([at(0), at(0.1)], (200, 200, 205), w * 0.35)
    barrel = [
        at(0.08, -w * 0.6),
        at(0.1, -w),
        at(0.4, -w * 0.85),
        at(0.43, -w * 0.5),
        at(0.43, w * 0.5),
        at(0.4, w * 0.85),
        at(0.1, w),
        at(0.08, w * 0.6),
    ]
    cv.poly(barrel, (150, 150, 158))
    cv.poly([at(0.1, -w * 0.2), at(0.4, -w * 0.2), at(0.4, w * 0.35), at(0.1, w * 0.45)], (215, 215, 222))
    for i in range(6):
        t = 0.13 + i * 0.045
        cv.line([at(t, -w), at(t, w)], (80, 80, 90), w * 0.18)
    cv.line([at(0.43), at(0.7)], INK, w * 0.75)
    flight = pal.accent
    cv.poly([at(0.62, 0), at(0.72, w * 3.2), at(1.0, w * 3.0), at(0.96, 0)], flight)
    cv.poly([at(0.62, 0), at(0.72, -w * 3.2), at(1.0, -w * 3.0), at(0.96, 0)], _shade(flight, 0.25))
    cv.line([at(0.62), at(0.98)], _shade(flight, 0.45), w * 0.7)


def _motif_basketbal(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H, k = cv.w, cv.h, cv.k
    hy = rng.uniform(0.22, 0.34) * H
    hoop_z = 12.8
    hoop_left = rng.random() < 0.5
    cam = _Cam(
        cv,
        (rng.uniform(-2.5, 2.5), hoop_z),
        rng.uniform(-0.3, 0.3),
        rng.uniform(11, 14),
        1.0 * W,
        hy,
        H * rng.uniform(0.74, 0.82),
        tx=W * (rng.uniform(0.3, 0.4) if hoop_left else rng.uniform(0.6, 0.7)),
    )
    _stadium(cv, rng, pal, cam, 19, 40, 12, along_z=True, boards=False)
    wood = _mix((214, 160, 102), pal.light, 0.22)
    cv.poly(cam.poly([(-40, -20), (40, -20), (40, 19), (-40, 19)]), _shade(wood, 0.45))
    planks = 40
    for i in range(planks):
        x0 = -12 + 24 * i / planks
        x1 = -12 + 24 * (i + 1) / planks
        tone = _mix(wood, _shade(wood, 0.1), rng.uniform(0, 1))
        cv.poly(cam.poly([(x0, -20), (x1, -20), (x1, 16), (x0, 16)]), tone)
    cv.poly(cam.poly([(-2.45, 14), (2.45, 14), (2.45, 8.2), (-2.45, 8.2)]), pal.base, 0.92)
    cv.poly(cam.poly([(-12, 14), (12, 14), (12, 16), (-12, 16)]), pal.dark)
    # courtside LED boards
    cv.poly(cam.poly([(-40, 17, 0), (40, 17, 0), (40, 17, 0.9), (-40, 17, 0.9)]), _shade(pal.night, 0.2))
    cv.poly(cam.poly([(-40, 17, 0.15), (40, 17, 0.15), (40, 17, 0.75), (-40, 17, 0.75)]), pal.accent, 0.6)
    m = _Mask(cv)
    lw = 0.05
    cam.polyline(m, [(-7.5, -14), (-7.5, 14), (7.5, 14), (7.5, -14)], lw)
    cam.polyline(m, [(-7.5, 0), (7.5, 0)], lw)
    cam.polyline(m, [(-2.45, 14), (-2.45, 8.2), (2.45, 8.2), (2.45, 14)], lw)
    cam.arc(m, (0, 8.2), 1.8, math.pi, 2 * math.pi, lw, 24)
    cam.arc(m, (0, 0), 1.8, 0, 2 * math.pi, lw, 40)
    a = math.asin(6.6 / 6.75)
    cam.arc(m, (0, hoop_z), 6.75, -math.pi / 2 - a, -math.pi / 2 + a, lw, 48)
    for sx in (-6.6, 6.6):
        cam.polyline(m, [(sx, 14), (sx, hoop_z - 6.75 * math.cos(a))], lw)
    m.apply(WHITE, 0.9)
    bz = 14 - 1.2
    s = cam.scale(0, bz)
    # support: a padded base behind the baseline with an arm to the board
    base = cam.poly([(-0.6, 15.2, 0), (0.6, 15.2, 0), (0.6, 15.2, 1.0), (-0.6, 15.2, 1.0)])
    cv.poly(base, pal.night)
    arm = [cam.pt(0, 15.2, 1.0), cam.pt(0, 15.2, 3.3), cam.pt(0, bz + 0.1, 3.3)]
    if all(arm):
        cv.line(arm, _shade(pal.night, 0.2), max(3, s * 0.16))  # type: ignore[arg-type]
    cv.poly(cam.poly([(-0.9, bz, 2.9), (0.9, bz, 2.9), (0.9, bz, 3.95), (-0.9, bz, 3.95)]), WHITE, 0.3)
    inner = cam.poly([(-0.3, bz, 3.05), (0.3, bz, 3.05), (0.3, bz, 3.5), (-0.3, bz, 3.5)])
    edge = _Mask(cv)
    bp = [cam.pt(-0.9, bz, 2.9), cam.pt(0.9, bz, 2.9), cam.pt(0.9, bz, 3.95), cam.pt(-0.9, bz, 3.95)]
    if all(bp):
        edge.line(bp + [bp[0]], max(1.5, s * 0.05))  # type: ignore[operator]
    if inner:
        edge.line(inner + [inner[0]], max(1.2, s * 0.04))
    edge.apply(WHITE, 0.95)
    rim_c = (0, bz - 0.15 - 0.23)
    rim = [
        cam.pt(rim_c[0] + 0.23 * math.cos(t), rim_c[1] + 0.23 * math.sin(t), 3.05)
        for t in [i * 2 * math.pi / 32 for i in range(33)]
    ]
    low = [
        cam.pt(rim_c[0] + 0.13 * math.cos(t), rim_c[1] + 0.13 * math.sin(t), 2.62)
        for t in [i * 2 * math.pi / 12 for i in range(13)]
    ]
    if all(rim) and all(low):
        netm = _Mask(cv)
        for i in range(12):
            top = rim[(i * 32) // 12]
            netm.line([top, low[i]], max(1, s * 0.012))  # type: ignore[list-item]
            netm.line([top, low[(i + 1) % 12]], max(1, s * 0.012))  # type: ignore[list-item]
        netm.line(low, max(1, s * 0.012))  # type: ignore[arg-type]
        netm.apply(WHITE, 0.8)
        cv.line(rim, (232, 90, 40), max(2, s * 0.035))  # type: ignore[arg-type]
    # the ball in flight on the other side of the frame, with a dotted arc towards the rim
    bx = (rng.uniform(0.7, 0.82) if hoop_left else rng.uniform(0.18, 0.3)) * W
    by = rng.uniform(0.34, 0.5) * H
    br = rng.uniform(0.09, 0.12) * H
    rim_pt = cam.pt(*rim_c, 3.3)
    if rim_pt:
        for i in range(2, 12):
            t = i / 12
            px = bx + (rim_pt[0] - bx) * t
            py = by + (rim_pt[1] - by) * t - math.sin(t * math.pi) * H * 0.16
            cv.circle(px, py, 6 * k * (1 - t * 0.4), WHITE, 0.7)
    cv.shadow_ellipse(bx + br * 0.3, by + H * 0.36, br * 0.7, br * 0.18, br * 0.3, 0.35)
    _basketball(cv, bx, by, br, rng.uniform(-0.6, 0.6))


def _motif_hockey(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H = cv.w, cv.h
    turf_a = pal.base
    turf_b = _hls(pal.base, light=min(0.6, colorsys.rgb_to_hls(*(v / 255 for v in pal.base))[1] * 1.12))
    hy = -rng.uniform(0.1, 1.2) * H
    cam = _Cam(
        cv,
        (rng.uniform(-12, 12), 45.7 - rng.uniform(6, 22)),
        rng.uniform(-0.8, 0.8),
        rng.uniform(24, 36),
        0.95 * W,
        hy,
        H * rng.uniform(0.38, 0.52),
        roll=rng.uniform(-0.03, 0.03),
    )
    cv.gradient([(0, pal.deep), (1, pal.dark)], 90)
    cv.poly(cam.poly([(-35, -60), (35, -60), (35, 60), (-35, 60)]), _shade(turf_a, 0.2))
    for i in range(14):
        z0 = -45.7 + 91.4 * i / 14
        z1 = -45.7 + 91.4 * (i + 1) / 14
        cv.poly(cam.poly([(-27.45, z0), (27.45, z0), (27.45, z1), (-27.45, z1)]), turf_a if i % 2 else turf_b)
    m = _Mask(cv)
    lw = 0.075
    cam.polyline(m, [(-27.45, -45.7), (27.45, -45.7), (27.45, 45.7), (-27.45, 45.7)], lw, closed=True)
    for z in (0, 45.7 - 22.9, -45.7 + 22.9):
        cam.polyline(m, [(-27.45, z), (27.45, z)], lw)
    gl = 45.7
    for r_ in (14.63, 14.63 + 5):
        dashed = r_ > 15
        # D: quarter circles from the posts and a straight piece
        segs = []
        segs.append(((-1.83, gl), math.pi / 2, math.pi))
        segs.append(((1.83, gl), 0, math.pi / 2))
        for centre, a0, a1 in segs:
            if dashed:
                n = 10
                for i in range(n):
                    if i % 2 == 0:
                        cam.arc(m, centre, r_, -(a0 + (a1 - a0) * i / n), -(a0 + (a1 - a0) * (i + 1) / n), lw, 4)
            else:
                cam.arc(m, centre, r_, -a1, -a0, lw, 24)
        if dashed:
            cam.polyline(m, [(-1.83, gl - r_), (-0.6, gl - r_)], lw)
            cam.polyline(m, [(0.6, gl - r_), (1.83, gl - r_)], lw)
        else:
            cam.polyline(m, [(-1.83, gl - r_), (1.83, gl - r_)], lw)
    m.poly(cam.disc((0, gl - 6.475), 0.15))
    m.apply(WHITE, 0.92)
    # goal cage
    back = gl + 1.2
    for poly, a in (
        ([(-1.83, gl, 0), (-1.83, gl, 2.14), (-1.83, back, 2.14), (-1.83, back, 0)], 0.25),
        ([(1.83, gl, 0), (1.83, gl, 2.14), (1.83, back, 2.14), (1.83, back, 0)], 0.25),
        ([(-1.83, back, 0), (-1.83, back, 2.14), (1.83, back, 2.14), (1.83, back, 0)], 0.3),
        ([(-1.83, gl, 2.14), (1.83, gl, 2.14), (1.83, back, 2.14), (-1.83, back, 2.14)], 0.2),
    ):
        cv.poly(cam.poly(poly), WHITE, a)
    posts = [cam.pt(-1.83, gl, 0), cam.pt(-1.83, gl, 2.14), cam.pt(1.83, gl, 2.14), cam.pt(1.83, gl, 0)]
    if all(posts):
        cv.line(posts, WHITE, max(2, cam.scale(0, gl) * 0.08))  # type: ignore[arg-type]
    # big stick in the foreground (screen space)
    flip = rng.choice([-1, 1])
    sx0 = W * (0.5 + flip * rng.uniform(0.05, 0.3))
    top = (sx0 + flip * W * rng.uniform(0.12, 0.4), -H * 0.1)
    heel = (sx0 - flip * W * 0.02, H * rng.uniform(0.7, 0.86))
    L = math.hypot(heel[0] - top[0], heel[1] - top[1])
    ux, uy = (heel[0] - top[0]) / L, (heel[1] - top[1]) / L
    nx, ny = -uy, ux
    if nx * flip > 0:
        nx, ny = -nx, -ny
    hook_r = H * 0.07
    hook_c = (heel[0] + nx * hook_r * -1, heel[1] + ny * hook_r * -1)
    pts = [top, heel]
    base_ang = math.atan2(heel[1] - hook_c[1], heel[0] - hook_c[0])
    turn = -flip * 1.0
    for i in range(1, 15):
        a = base_ang + turn * math.pi * 1.05 * i / 14
        pts.append((hook_c[0] + math.cos(a) * hook_r, hook_c[1] + math.sin(a) * hook_r))
    sw = H * 0.045
    cv.shadow_poly(
        [(p[0] + nx * sw * 0.5, p[1] + ny * sw * 0.5) for p in pts]
        + [(p[0] - nx * sw * 0.5, p[1] - ny * sw * 0.5) for p in pts[::-1]],
        H * 0.02,
        0.35,
        (H * 0.05, H * 0.06),
    )
    cv.line(pts, pal.night, sw)
    cv.line(pts[1:], pal.accent, sw * 0.99)
    cv.line([top, (top[0] + ux * H * 0.5, top[1] + uy * H * 0.5)], _shade(pal.night, 0.3), sw * 1.12)
    for i in range(6):
        t = 0.1 + i * 0.06
        p = (top[0] + ux * H * t * 1.2, top[1] + uy * H * t * 1.2)
        cv.line(
            [(p[0] - nx * sw * 0.56, p[1] - ny * sw * 0.56), (p[0] + nx * sw * 0.56, p[1] + ny * sw * 0.56)],
            pal.accent,
            sw * 0.12,
            0.8,
        )
    cv.line([(p[0] + ux * sw * 0.3, p[1] + uy * sw * 0.3) for p in pts[:2]], WHITE, sw * 0.12, 0.18)
    # ball next to the hook
    bx = hook_c[0] + nx * hook_r * 3.2
    by = heel[1] + H * 0.02
    br = H * 0.045
    cv.shadow_ellipse(bx + br * 0.3, by + br * 0.9, br, br * 0.3, br * 0.3, 0.4)
    cv.circle(bx, by, br, (248, 248, 246))
    for i in range(9):
        a = i * 2.4
        rr = br * 0.55 * math.sqrt((i + 0.5) / 9)
        cv.circle(bx + math.cos(a) * rr, by + math.sin(a) * rr, br * 0.1, (200, 200, 196))
    _ball_shading(cv, bx, by, br, 0.2, 0.5)


def _motif_atletiek(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H = cv.w, cv.h
    track = _mix(pal.base, (190, 84, 58), 0.35)
    infield = _hls(pal.partner, light=0.32, sat=0.35)
    lanes, lane_w, r0 = 8, 1.22, 36.5
    # seen from the infield, looking across the home straight (x > 0) towards the stands
    z_t = rng.uniform(5, 38)
    cam = _Cam(
        cv,
        (r0 + 4.5 * lane_w, z_t),
        math.pi / 2 + rng.uniform(-0.45, 0.45),
        rng.uniform(10, 13),
        0.9 * W,
        H * rng.uniform(0.02, 0.12),
        H * rng.uniform(0.62, 0.7),
        roll=rng.uniform(-0.03, 0.03),
    )
    _stadium(cv, rng, pal, cam, r0 + lanes * lane_w + 4, 140, 14)
    cv.poly(
        cam.poly([(-60, -140), (r0 + lanes * lane_w + 4, -140), (r0 + lanes * lane_w + 4, 140), (-60, 140)]), infield
    )

    def oval(radius: float, steps: int = 40) -> list[Pt]:
        pts: list[Pt] = []
        for i in range(steps + 1):
            a = math.pi * i / steps
            pts.append((radius * math.cos(a), 42 + radius * math.sin(a)))
        for i in range(steps + 1):
            a = math.pi + math.pi * i / steps
            pts.append((radius * math.cos(a), -42 + radius * math.sin(a)))
        pts.append(pts[0])
        return pts

    outer, inner = oval(r0 + lanes * lane_w + 1.2), oval(r0 - 0.25)
    for i in range(len(outer) - 1):
        cv.poly(cam.poly([outer[i], outer[i + 1], inner[i + 1], inner[i]]), track)
    m = _Mask(cv)
    lw = 0.06
    for lane in range(lanes + 1):
        cam.polyline(m, oval(r0 + lane * lane_w), lw)
    # finish line and staggered marks
    fz = z_t + rng.uniform(-6, 6)
    cam.polyline(m, [(r0, fz), (r0 + lanes * lane_w, fz)], 0.08)
    for lane in range(lanes):
        zz = fz - 8 - lane * 2.5
        x0 = r0 + lane * lane_w
        m.poly(cam.seg((x0, zz), (x0 + lane_w, zz), 0.06))
    m.apply(WHITE, 0.92)
    # direction of running on screen
    d = rng.choice([-1, 1])
    a, b = cam.pt(r0 + 4 * lane_w, z_t), cam.pt(r0 + 4 * lane_w, z_t + d)
    facing = 1 if (a and b and b[0] > a[0]) else -1
    hurdles = rng.random() < 0.45
    busy = rng.sample(range(1, lanes - 1), rng.randint(2, 4))
    items: list[tuple[float, int, float]] = []
    for lane in busy:
        items.append((r0 + (lane + 0.5) * lane_w, lane, z_t + rng.uniform(-4, 4)))
    items.sort(key=lambda t: -cam.depth(t[0], t[2]))
    for i, (x, _lane, z) in enumerate(items):
        if hurdles:
            hz = z + d * rng.uniform(1.5, 2.5)
            hp = [
                cam.pt(x - 0.55, hz, 0),
                cam.pt(x - 0.55, hz, 0.84),
                cam.pt(x + 0.55, hz, 0.84),
                cam.pt(x + 0.55, hz, 0),
            ]
            if all(hp):
                s = cam.scale(x, hz)
                cv.line([hp[0], hp[1]], (225, 225, 225), max(1.5, s * 0.04))  # type: ignore[list-item]
                cv.line([hp[3], hp[2]], (225, 225, 225), max(1.5, s * 0.04))  # type: ignore[list-item]
                cv.line([hp[1], hp[2]], WHITE, max(2.0, s * 0.12))  # type: ignore[list-item]
                cv.line([hp[1], hp[2]], INK, max(1.0, s * 0.045), 0.8)  # type: ignore[list-item]
        foot = cam.pt(x, z)
        if not foot:
            continue
        hgt = 1.85 * cam.scale(x, z)
        cv.shadow_ellipse(foot[0], foot[1], hgt * 0.2, hgt * 0.03, hgt * 0.02, 0.35)
        col = pal.night if i % 2 == 0 else _shade(pal.partner, 0.55)
        _runner(cv, foot[0], foot[1], hgt, rng.choice([0, 2, 0, 1]), col, facing)


def _bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, n: int) -> list[Pt]:
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def _offset(path: list[Pt], dist: float) -> list[Pt]:
    out = []
    for i, p in enumerate(path):
        a = path[max(0, i - 1)]
        b = path[min(len(path) - 1, i + 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(dx, dy) or 1
        out.append((p[0] - dy / ln * dist, p[1] + dx / ln * dist))
    return out


def _motif_formule1(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H, k = cv.w, cv.h, cv.k
    sat = colorsys.rgb_to_hls(*(v / 255 for v in pal.base))[2]
    grass = (
        _hls(pal.partner, light=0.28, sat=0.3)
        if sat > 0.3
        else _hls((40, 110, 70), dh=pal.hue * 0.0, light=0.26, sat=0.3)
    )
    cv.gradient([(0, _shade(grass, 0.25)), (1, grass)], rng.uniform(0, 180))
    # gravel/run-off texture stripes
    for i in range(14):
        x = W * i / 13
        cv.line([(x - W * 0.3, H * 1.1), (x + W * 0.2, -H * 0.1)], _shade(grass, 0.15), 24 * k, 0.35)
    flip = rng.choice([-1, 1])
    rot = rng.uniform(-0.35, 0.35)

    def tf(p: Pt) -> Pt:
        x, y = p[0] - W / 2, p[1] - H / 2
        x *= flip
        return (W / 2 + x * math.cos(rot) - y * math.sin(rot), H / 2 + x * math.sin(rot) + y * math.cos(rot))

    p0, p1, p2, p3 = (-0.35 * W, 1.05 * H), (0.55 * W, 1.15 * H), (0.85 * W, 0.35 * H), (0.4 * W, -0.35 * H)
    p1 = (p1[0] + rng.uniform(-0.1, 0.1) * W, p1[1])
    p2 = (p2[0] + rng.uniform(-0.1, 0.15) * W, p2[1] + rng.uniform(-0.1, 0.1) * H)
    centre = [tf(p) for p in _bezier(p0, p1, p2, p3, 120)]
    tw = H * 0.2
    left, right = _offset(centre, tw), _offset(centre, -tw)
    # run-off area in a paler tone on the outside
    run = _offset(centre, -tw * 1.9)
    cv.poly(right + run[::-1], _mix(grass, (200, 196, 186), 0.55))
    cv.poly(left + right[::-1], (58, 60, 66))
    # asphalt texture: subtle long streaks
    for j in range(6):
        off = _offset(centre, tw * (j / 3 - 0.9))
        cv.line(off, (75, 78, 86), 3 * k, 0.5)
    # racing line of rubber
    rl = _offset(centre, tw * 0.3)
    cv.line(rl, (34, 35, 40), tw * 0.35, 0.45)
    # kerbs on the inside (left) and outside (right)
    for edge, sgn in ((left, 1), (right, -1)):
        kerb_in = _offset(centre, sgn * tw * 0.9)
        kerb_out = _offset(centre, sgn * tw * 1.08)
        for i in range(0, len(edge) - 1):
            colour = (222, 48, 46) if (i // 3) % 2 == 0 else WHITE
            if sgn < 0 and not 35 < i < 100:
                continue
            cv.poly([kerb_in[i], kerb_in[i + 1], kerb_out[i + 1], kerb_out[i]], colour)
        cv.line(_offset(centre, sgn * tw * 0.88), WHITE, 4 * k, 0.9)
    # chequered start/finish across the track
    idx = rng.randint(18, 30)
    a, b = centre[idx], centre[idx + 3]
    dx, dy = b[0] - a[0], b[1] - a[1]
    ln = math.hypot(dx, dy) or 1
    ux, uy = dx / ln, dy / ln
    nx, ny = -uy, ux
    sq = tw * 2 / 14
    for i in range(14):
        for j in range(2):
            c0 = (a[0] + nx * (-tw + i * sq) + ux * j * sq, a[1] + ny * (-tw + i * sq) + uy * j * sq)
            cv.poly(
                [
                    c0,
                    (c0[0] + nx * sq, c0[1] + ny * sq),
                    (c0[0] + nx * sq + ux * sq, c0[1] + ny * sq + uy * sq),
                    (c0[0] + ux * sq, c0[1] + uy * sq),
                ],
                WHITE if (i + j) % 2 == 0 else INK,
                0.9,
            )
    # the car, following the track tangent
    ci = rng.randint(55, 80)
    c, c2 = centre[ci], centre[ci + 2]
    heading = math.atan2(c2[1] - c[1], c2[0] - c[0])
    pos = (c[0] + (-math.sin(heading)) * tw * 0.25, c[1] + math.cos(heading) * tw * 0.25)
    # speed streaks behind the car
    for j in range(7):
        o = tw * (0.45 - j * 0.13)
        seg = _offset(centre[max(0, ci - 28 + j * 2) : ci - 2], o * 0.5 + tw * 0.25)
        if len(seg) > 2:
            cv.line(seg, WHITE, 2.5 * k, 0.25 + 0.05 * (j % 3))
    _f1_car(cv, pos, heading, tw * 1.5, pal)
    # a waving chequered flag in a corner
    fx, fy = (W * 0.06, H * 0.08) if rng.random() < 0.5 else (W * 0.72, H * 0.62)
    fw, fh = W * 0.22, H * 0.25
    n_x, n_y = 8, 6
    for i in range(n_x):
        for j in range(n_y):

            def q(u: float, v: float) -> Pt:
                wave = math.sin(u * 5.0 + 0.5) * fh * 0.08 * u
                return (fx + u * fw, fy + v * fh + wave + u * fh * 0.1)

            u0, u1, v0, v1 = i / n_x, (i + 1) / n_x, j / n_y, (j + 1) / n_y
            shade = 0.85 + 0.15 * math.cos((u0 + 0.06) * 5.0 + 0.5)
            col = _mix(WHITE, (0, 0, 0), 1 - shade) if (i + j) % 2 == 0 else INK
            cv.poly([q(u0, v0), q(u1, v0), q(u1, v1), q(u0, v1)], col, 0.9)
    cv.line([(fx, fy - fh * 0.1), (fx, fy + fh * 1.6)], (200, 200, 204), 6 * k)


def _f1_car(cv: _Canvas, pos: Pt, heading: float, length: float, pal: _Palette) -> None:
    ch, sh = math.cos(heading), math.sin(heading)

    def P(u: float, v: float) -> Pt:  # u along the car (front +), v to the side
        return (pos[0] + u * length * ch - v * length * sh, pos[1] + u * length * sh + v * length * ch)

    sat = colorsys.rgb_to_hls(*(v / 255 for v in pal.base))[2]
    body = pal.base if sat > 0.3 else (206, 38, 50)
    body = body if sum(body) > 120 else _tint(body, 0.2)
    # shadow
    outline = [
        P(0.5, 0),
        P(0.42, 0.04),
        P(0.2, 0.06),
        P(0.05, 0.14),
        P(-0.3, 0.15),
        P(-0.42, 0.07),
        P(-0.42, -0.07),
        P(-0.3, -0.15),
        P(0.05, -0.14),
        P(0.2, -0.06),
        P(0.42, -0.04),
    ]
    cv.shadow_poly(outline, length * 0.03, 0.55, (length * 0.02, length * 0.03))
    tyre = (18, 18, 20)
    for u, v in ((0.3, 0.16), (0.3, -0.16), (-0.33, 0.17), (-0.33, -0.17)):
        w_ = 0.085 if u > 0 else 0.1
        cv.poly([P(u + w_, v - 0.045), P(u + w_, v + 0.045), P(u - w_, v + 0.045), P(u - w_, v - 0.045)], tyre)
    # front wing
    cv.poly([P(0.52, -0.2), P(0.52, 0.2), P(0.46, 0.21), P(0.46, -0.21)], _shade(body, 0.3))
    cv.poly([P(0.5, -0.21), P(0.5, -0.16), P(0.44, -0.16), P(0.44, -0.21)], pal.accent)
    cv.poly([P(0.5, 0.21), P(0.5, 0.16), P(0.44, 0.16), P(0.44, 0.21)], pal.accent)
    # rear wing
    cv.poly([P(-0.44, -0.15), P(-0.44, 0.15), P(-0.52, 0.15), P(-0.52, -0.15)], _shade(body, 0.35))
    cv.poly([P(-0.44, -0.15), P(-0.44, 0.15), P(-0.47, 0.15), P(-0.47, -0.15)], pal.accent)
    # suspension arms
    for u, v in ((0.3, 0.16), (0.3, -0.16), (-0.33, 0.17), (-0.33, -0.17)):
        cv.line([P(u, v * 0.3), P(u, v)], (30, 30, 34), length * 0.012)
    cv.poly(outline, body)
    # sidepods & engine cover highlight
    cv.poly(
        [P(0.05, 0.12), P(-0.25, 0.13), P(-0.38, 0.05), P(-0.38, -0.05), P(-0.25, -0.13), P(0.05, -0.12)],
        _shade(body, 0.18),
    )
    cv.poly([P(0.48, 0.0), P(0.2, 0.03), P(-0.4, 0.02), P(-0.4, -0.02), P(0.2, -0.03)], _tint(body, 0.25))
    # cockpit, halo and driver helmet
    cockpit = [P(0.1, 0.045), P(-0.06, 0.05), P(-0.06, -0.05), P(0.1, -0.045)]
    cv.poly(cockpit, INK)
    hc = P(0.0, 0.0)
    cv.circle(hc[0], hc[1], length * 0.03, pal.accent)
    cv.line([P(0.12, 0), P(0.04, 0.045), P(-0.06, 0.045)], (40, 40, 44), length * 0.012)
    cv.line([P(0.12, 0), P(0.04, -0.045), P(-0.06, -0.045)], (40, 40, 44), length * 0.012)
    cv.line([P(0.38, 0.0), P(0.16, 0.0)], pal.accent, length * 0.018)


def _motif_wielrennen(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H, k = cv.w, cv.h, cv.k
    sky_top = _hls(pal.base, light=0.82, sat=0.35)
    warm = _mix(pal.accent, WHITE, 0.45)
    cv.gradient([(0, sky_top), (0.7, _mix(sky_top, warm, 0.7)), (1, warm)], 90)
    sun = (rng.uniform(0.15, 0.85) * W, rng.uniform(0.15, 0.35) * H)
    cv.glow(sun[0], sun[1], H * 0.5, _tint(pal.accent, 0.5), 0.45)
    cv.circle(sun[0], sun[1], H * rng.uniform(0.08, 0.12), _tint(pal.accent, 0.35), 0.95)
    phases = [rng.uniform(0, 6.28) for _ in range(6)]

    def ridge(x: float, base: float, amp: float, layer: int) -> float:
        u = x / W
        return base - amp * (
            0.6 * math.sin(u * 3.1 + phases[layer])
            + 0.3 * math.sin(u * 7.3 + phases[layer + 1])
            + 0.1 * math.sin(u * 17 + layer)
        )

    tones = [_hls(pal.base, light=0.62, sat=0.3), _hls(pal.base, light=0.48, sat=0.35), _hls(pal.base, light=0.34)]
    for layer, (base, amp) in enumerate(((0.52, 0.06), (0.62, 0.07), (0.74, 0.05))):
        pts = [(x, ridge(x, H * base, H * amp, layer)) for x in [W * i / 60 for i in range(61)]]
        cv.poly(pts + [(W, H), (0, H)], tones[layer])
        if layer == 1:
            # a row of poplars on the middle hill, very Flemish
            for _ in range(rng.randint(4, 9)):
                tx = rng.uniform(0, W)
                ty = ridge(tx, H * base, H * amp, layer)
                th = H * rng.uniform(0.05, 0.09)
                cv.ellipse(tx, ty - th * 0.5, th * 0.18, th * 0.55, _shade(tones[1], 0.25))
    # foreground climb: a road rising diagonally with the peloton on it
    going_up = rng.choice([-1, 1])
    y_left, y_right = (H * 0.98, H * 0.62) if going_up > 0 else (H * 0.62, H * 0.98)
    hill = _hls(pal.base, light=0.2, sat=0.4)
    road_top = [
        (x, y_left + (y_right - y_left) * (x / W) + math.sin(x / W * 3.0) * H * 0.02)
        for x in [W * i / 40 for i in range(41)]
    ]
    road_w = H * 0.06
    cv.poly(road_top + [(W, H), (0, H)], hill)
    cv.poly(road_top + [(p[0], p[1] + road_w) for p in road_top[::-1]], (70, 70, 76))
    cv.line([(p[0], p[1] + road_w * 0.5) for p in road_top], (240, 236, 220), 3 * k, 0.7)
    # cobbles hint
    for i in range(0, 40):
        p = road_top[i]
        for j in range(3):
            cv.line(
                [(p[0] + 8 * k, p[1] + road_w * (0.2 + j * 0.3)), (p[0] + 22 * k, p[1] + road_w * (0.2 + j * 0.3))],
                (95, 95, 102),
                2 * k,
                0.8,
            )
    slope = math.atan2(y_right - y_left, W)
    n = rng.randint(4, 8)
    facing = 1 if going_up > 0 else -1
    start = rng.uniform(0.18, 0.3) * W
    spacing = W * rng.uniform(0.075, 0.1)
    for i in range(n):
        x = start + i * spacing + rng.uniform(-0.02, 0.02) * W
        if facing < 0:
            x = W - x
        r = H * 0.045 * rng.uniform(0.92, 1.05)
        x -= facing * r * 1.45
        y = y_left + (y_right - y_left) * (x / W) + math.sin(x / W * 3.0) * H * 0.02 + road_w * 0.6
        col = pal.night if i != n - 3 else _shade(pal.accent, 0.1)
        # the rear wheel contact: shift so the bike sits on the road
        _cyclist(cv, x, y, r, col, facing, rng.uniform(0, 6.28), slope, 1.0)
    # a large faint wheel graphic
    if rng.random() < 0.6:
        wx, wy = (W * rng.choice([0.12, 0.88]), H * rng.uniform(0.2, 0.4))
        wr = H * rng.uniform(0.28, 0.38)
        cv.ring(wx, wy, wr, wr * 0.06, WHITE, 0.22)
        for i in range(16):
            a = i * math.pi / 8
            cv.line([(wx, wy), (wx + math.cos(a) * wr, wy + math.sin(a) * wr)], WHITE, 1.5 * k, 0.2)
        cv.circle(wx, wy, wr * 0.07, WHITE, 0.25)


def _motif_media(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H, k = cv.w, cv.h, cv.k
    cv.gradient([(0, _shade(pal.night, 0.2)), (0.55, pal.deep), (1, pal.night)], rng.uniform(20, 160))
    # spotlight beams from the top
    for _ in range(rng.randint(2, 3)):
        sx = rng.uniform(0.1, 0.9) * W
        tx = sx + rng.uniform(-0.35, 0.35) * W
        spread = rng.uniform(0.12, 0.2) * W
        cv.poly([(sx - 10 * k, -5), (sx + 10 * k, -5), (tx + spread, H), (tx - spread, H)], WHITE, 0.06)
        cv.glow(sx, 0, 90 * k, WHITE, 0.35)
    # floor reflection line
    floor = H * 0.8
    cv.gradient([(0, _shade(pal.night, 0.1)), (1, _shade(pal.night, 0.5))], 90, (0, floor, W, H))
    cv.line([(0, floor), (W, floor)], pal.mid, 2 * k, 0.5)
    # equaliser bars across the middle
    bars = 46
    base_y = H * rng.uniform(0.5, 0.62)
    for i in range(bars):
        x = W * (i + 0.5) / bars
        amp = (0.25 + 0.75 * abs(math.sin(i * 0.37 + rng.uniform(0, 0.6)) * math.cos(i * 0.11))) * H * 0.22
        cv.rrect(
            x - W / bars * 0.28,
            base_y - amp,
            x + W / bars * 0.28,
            base_y + amp * 0.35,
            4 * k,
            pal.accent if i % 7 else WHITE,
            0.35,
        )
    layout = rng.choice([-1, 1])
    # microphone
    mx = W * (0.5 - layout * rng.uniform(0.18, 0.26))
    my = H * rng.uniform(0.3, 0.38)
    mw, mh = H * 0.13, H * 0.3
    cv.glow(mx, my, mh * 1.3, pal.mid, 0.35)
    cv.line([(mx, my + mh * 0.55), (mx, floor + 8 * k)], (45, 45, 52), mw * 0.18)
    cv.ellipse(mx, floor + 6 * k, mw * 0.9, mw * 0.18, (30, 30, 36))
    # yoke
    cv.line(
        [
            (mx - mw * 0.75, my),
            (mx - mw * 0.75, my + mh * 0.55),
            (mx + mw * 0.75, my + mh * 0.55),
            (mx + mw * 0.75, my),
        ],
        (70, 70, 78),
        mw * 0.1,
    )
    cv.shadow_poly(
        [
            (mx - mw * 0.6, my - mh * 0.5),
            (mx + mw * 0.6, my - mh * 0.5),
            (mx + mw * 0.6, my + mh * 0.5),
            (mx - mw * 0.6, my + mh * 0.5),
        ],
        mw * 0.3,
        0.5,
        (mw * 0.15, mw * 0.15),
    )
    cv.rrect(mx - mw * 0.6, my - mh * 0.5, mx + mw * 0.6, my + mh * 0.5, mw * 0.6, (190, 192, 200))
    for i in range(1, 14):
        y = my - mh * 0.5 + mh * i / 14
        cap = mw * 0.6
        dy = max(0.0, abs(y - my) - (mh * 0.5 - cap))
        half = math.sqrt(max(0.0, cap * cap - dy * dy)) - mw * 0.06
        if half > mw * 0.1:
            cv.line([(mx - half, y), (mx + half, y)], (110, 112, 122), max(1.5, mh * 0.012))
    cv.rrect(mx - mw * 0.64, my - mh * 0.04, mx + mw * 0.64, my + mh * 0.06, mw * 0.05, pal.accent)
    cv.rrect(mx - mw * 0.52, my - mh * 0.47, mx - mw * 0.3, my + mh * 0.45, mw * 0.12, WHITE, 0.25)
    # camera on tripod
    cx = W * (0.5 + layout * rng.uniform(0.2, 0.27))
    cy = H * rng.uniform(0.36, 0.44)
    cw, chh = H * 0.42, H * 0.2
    for dx in (-1, 0, 1):
        cv.line([(cx, cy + chh * 0.55), (cx + dx * cw * 0.45, floor + 4 * k)], (40, 40, 46), 8 * k)
    cv.shadow_poly(
        [
            (cx - cw / 2, cy - chh / 2),
            (cx + cw / 2, cy - chh / 2),
            (cx + cw / 2, cy + chh / 2),
            (cx - cw / 2, cy + chh / 2),
        ],
        cw * 0.06,
        0.5,
        (cw * 0.03, cw * 0.05),
    )
    body = (38, 40, 48)
    cv.rrect(cx - cw / 2, cy - chh / 2, cx + cw / 2, cy + chh / 2, chh * 0.12, body)
    cv.rrect(cx - cw * 0.35, cy - chh * 0.82, cx + cw * 0.15, cy - chh * 0.5, chh * 0.08, (30, 31, 38))
    lens_x = cx - layout * cw * 0.62
    cv.rrect(
        min(lens_x, cx - layout * cw * 0.45),
        cy - chh * 0.32,
        max(lens_x, cx - layout * cw * 0.45),
        cy + chh * 0.32,
        chh * 0.06,
        (28, 29, 34),
    )
    cv.ellipse(lens_x, cy, chh * 0.12, chh * 0.38, (60, 62, 72))
    cv.ellipse(lens_x, cy, chh * 0.08, chh * 0.28, pal.mid)
    cv.ellipse(lens_x - layout * 2 * k, cy - chh * 0.08, chh * 0.03, chh * 0.08, WHITE, 0.6)
    cv.rrect(
        cx + layout * cw * 0.2 - 10 * k,
        cy - chh * 0.3,
        cx + layout * cw * 0.2 + 10 * k,
        cy + chh * 0.3,
        4 * k,
        pal.base,
    )
    # red tally light
    tl = (cx + cw * 0.3 * layout, cy - chh * 0.3)
    cv.glow(tl[0], tl[1], chh * 0.35, (255, 60, 60), 0.6)
    cv.circle(tl[0], tl[1], chh * 0.05, (255, 90, 90))
    # ON AIR style light box without text: a glowing pill
    px, py = W * rng.uniform(0.4, 0.6), H * 0.12
    cv.glow(px, py, 120 * k, (240, 70, 70), 0.35, 0.5)
    cv.rrect(px - 70 * k, py - 18 * k, px + 70 * k, py + 18 * k, 18 * k, (225, 60, 60))
    cv.rrect(px - 58 * k, py - 6 * k, px + 58 * k, py + 6 * k, 6 * k, (255, 150, 150), 0.6)


def _motif_marathon(cv: _Canvas, rng: random.Random, pal: _Palette) -> None:
    W, H, k = cv.w, cv.h, cv.k
    hy = H * rng.uniform(0.5, 0.58)
    sky = _hls(pal.base, light=0.8, sat=0.3)
    cv.gradient([(0, _hls(pal.base, light=0.66, sat=0.35)), (1, _mix(sky, pal.accent, 0.25))], 90, (0, 0, W, hy + 2))
    cv.glow(W * rng.uniform(0.3, 0.7), hy, W * 0.4, _tint(pal.accent, 0.4), 0.4, 0.5)
    vx = W * rng.uniform(0.4, 0.6)
    # skyline in two layers
    for layer, (tone, hmin, hmax) in enumerate(
        ((_hls(pal.base, light=0.58, sat=0.25), 0.08, 0.22), (_hls(pal.base, light=0.4, sat=0.3), 0.1, 0.3))
    ):
        x = -20.0
        while x < W:
            bw = rng.uniform(40, 120) * k
            bh = H * rng.uniform(hmin, hmax)
            if layer == 1 and abs(x - vx) < W * 0.14:
                bh *= 0.4
            cv.rect(x, hy - bh, x + bw, hy + 2, tone)
            if layer == 1:
                for wy in range(int(bh // (18 * k)) - 1):
                    for wx in range(int(bw // (16 * k)) - 1):
                        if rng.random() < 0.35:
                            cv.rect(
                                x + 8 * k + wx * 16 * k,
                                hy - bh + 10 * k + wy * 18 * k,
                                x + 14 * k + wx * 16 * k,
                                hy - bh + 18 * k + wy * 18 * k,
                                _tint(pal.accent, 0.5),
                                0.5,
                            )
            x += bw + rng.uniform(0, 10) * k
        if layer == 0:
            # a clock tower and a big observation wheel for a skyline feel
            tx = W * rng.choice([0.12, 0.82])
            th = H * 0.34
            cv.rect(tx - 18 * k, hy - th, tx + 18 * k, hy, tone)
            cv.poly([(tx - 22 * k, hy - th), (tx + 22 * k, hy - th), (tx, hy - th - 70 * k)], tone)
            cv.circle(tx, hy - th * 0.82, 12 * k, _tint(tone, 0.5))
            ex = W - tx + rng.uniform(-60, 60) * k
            er = H * 0.18
            cv.ring(ex, hy - er - 20 * k, er, 5 * k, tone)
            for i in range(12):
                a = i * math.pi / 6
                cv.line(
                    [(ex, hy - er - 20 * k), (ex + math.cos(a) * er, hy - er - 20 * k + math.sin(a) * er)], tone, 2 * k
                )
            cv.poly([(ex, hy - er - 20 * k), (ex - er * 0.35, hy), (ex + er * 0.35, hy)], tone)
    # the road in one-point perspective
    cv.poly([(0, hy), (W, hy), (W, H), (0, H)], _hls(pal.base, light=0.3, sat=0.12))
    road = [(vx - 30 * k, hy), (vx + 30 * k, hy), (W * 1.25, H), (-W * 0.25, H)]
    cv.poly(road, (72, 74, 82))
    for frac in (0.33, 0.66):
        cv.line([(vx - 30 * k + 60 * k * frac, hy), (-W * 0.25 + W * 1.5 * frac, H)], WHITE, 3 * k, 0.5)
    # blue line of the marathon route
    cv.line([(vx + 4 * k, hy), (W * 0.58, H)], (70, 150, 230), 6 * k, 0.85)
    # crowd barriers on both sides
    for side in (-1, 1):
        far_x, near_x = vx + side * 34 * k, W * 0.5 + side * W * 0.78
        hb = 110 * k
        # supporters behind the barrier
        for _ in range(90):
            t = (rng.uniform(0.02, 1.0)) ** 1.6
            x = far_x + (near_x - far_x) * t + side * rng.uniform(0.2, 1.0) * 60 * k * t
            y = hy + (H - hy) * t - (2 * k + (hb - 2 * k) * t) * rng.uniform(1.0, 1.6)
            rad = max(1.5 * k, 22 * k * t * rng.uniform(0.8, 1.1))
            col = rng.choice([pal.deep, pal.night, pal.accent, pal.light, pal.dark])
            cv.circle(x, y, rad, col, 0.95)
            cv.rrect(x - rad * 1.3, y + rad * 0.9, x + rad * 1.3, y + rad * 4, rad * 0.6, col, 0.95)
        cv.poly([(far_x, hy), (far_x, hy - 2 * k), (near_x, H - hb), (near_x, H)], pal.accent, 0.92)
        cv.poly(
            [(far_x, hy - 1.2 * k), (near_x, H - hb * 0.6), (near_x, H - hb * 0.45), (far_x, hy - 1.0 * k)], WHITE, 0.7
        )
        for i in range(1, 24):
            t = (i / 24) ** 1.8
            x = far_x + (near_x - far_x) * t
            y = hy + (H - hy) * t
            cv.line([(x, y), (x, y - 2 * k - (hb - 2 * k) * t)], _shade(pal.accent, 0.35), max(1.0, 6 * k * t), 0.8)
    # finish arch
    t_arch = rng.uniform(0.35, 0.5)
    ay = hy + (H - hy) * t_arch
    half = (W * 0.75) * t_arch + 30 * k
    ah = (H - hy) * t_arch * 1.6 + 40 * k
    pw = 18 * k + 40 * k * t_arch
    for side in (-1, 1):
        cv.rect(vx + side * half - pw / 2, ay - ah, vx + side * half + pw / 2, ay, pal.deep)
    cv.rect(vx - half - pw / 2, ay - ah - pw * 1.3, vx + half + pw / 2, ay - ah + pw * 0.2, pal.base)
    sq = pw * 0.5
    n = int((2 * half + pw) / sq)
    for i in range(n):
        for j in range(2):
            if (i + j) % 2 == 0:
                cv.rect(
                    vx - half - pw / 2 + i * sq,
                    ay - ah - pw * 1.3 + j * sq,
                    vx - half - pw / 2 + (i + 1) * sq,
                    ay - ah - pw * 1.3 + (j + 1) * sq,
                    WHITE,
                )
    cv.rect(vx - half * 0.4, ay - ah - pw * 0.25, vx + half * 0.4, ay - ah + pw * 0.05, WHITE, 0.85)
    # chequered finish line on the road
    for i in range(16):
        x0 = vx - half + 2 * half * i / 16
        x1 = vx - half + 2 * half * (i + 1) / 16
        cv.rect(x0, ay - 5 * k, x1, ay + 5 * k, WHITE if i % 2 == 0 else INK, 0.9)
    # confetti
    for _ in range(70):
        x = vx + rng.uniform(-half, half)
        y = rng.uniform(ay - ah * 1.1, ay + (H - ay) * 0.6)
        s = rng.uniform(3, 7) * k
        ang = rng.uniform(0, math.pi)
        c = rng.choice([pal.accent, WHITE, pal.light, pal.mid])
        cv.poly(
            [
                (x + math.cos(ang) * s, y + math.sin(ang) * s),
                (x - math.sin(ang) * s * 0.4, y + math.cos(ang) * s * 0.4),
                (x - math.cos(ang) * s, y - math.sin(ang) * s),
                (x + math.sin(ang) * s * 0.4, y - math.cos(ang) * s * 0.4),
            ],
            c,
            0.85,
        )
    # runners, back to front
    runners = []
    facing = rng.choice([-1, 1])
    count = rng.randint(3, 6)
    for i in range(count):
        t = (i + rng.uniform(0.1, 0.9)) / count
        y = hy + (H - hy) * (0.2 + 0.75 * t)
        spread = (W * 0.42) * (y - hy) / (H - hy)
        x = vx + rng.uniform(-spread, spread) * 0.85
        runners.append((y, x))
    runners.sort()
    for i, (y, x) in enumerate(runners):
        depth = (y - hy) / (H - hy)
        hgt = H * 0.06 + H * 0.36 * depth**1.2
        col = _mix(pal.night, _hls(pal.base, light=0.5, sat=0.2), max(0.0, 0.55 - depth))
        if i == len(runners) - 1 and rng.random() < 0.6:
            col = _shade(pal.accent, 0.15)
        cv.shadow_ellipse(x, y, hgt * 0.2, hgt * 0.035, hgt * 0.02, 0.3)
        _runner(cv, x, y, hgt, rng.choice([0, 2, 0, 1]), col, facing, lean=8)


_MOTIF_FUNCS: dict[str, Callable[[_Canvas, random.Random, _Palette], None]] = {
    "voetbal": _motif_voetbal,
    "wielrennen": _motif_wielrennen,
    "tennis": _motif_tennis,
    "darts": _motif_darts,
    "basketbal": _motif_basketbal,
    "hockey": _motif_hockey,
    "atletiek": _motif_atletiek,
    "formule1": _motif_formule1,
    "media": _motif_media,
    "marathon": _motif_marathon,
}

MOTIFS: tuple[str, ...] = tuple(_MOTIF_FUNCS)


def render_demo_image_pil(*, motif: str, colour: str, seed: int, width: int = 1600, height: int = 900) -> Image.Image:
    """Render the illustration and return it as a Pillow RGB image."""
    try:
        func = _MOTIF_FUNCS[motif]
    except KeyError:
        raise ValueError(f"Unknown motif {motif!r}; choose one of {', '.join(MOTIFS)}") from None
    if width < 16 or height < 16:
        raise ValueError("Image too small")
    rng = random.Random(f"{motif}:{colour}:{seed}")
    pal = _Palette(colour, rng)
    cv = _Canvas(width, height)
    func(cv, rng, pal)
    return cv.finish()


def render_demo_image(*, motif: str, colour: str, seed: int, width: int = 1600, height: int = 900) -> bytes:
    """Render a demo illustration and return it as JPEG bytes (quality 85)."""
    img = render_demo_image_pil(motif=motif, colour=colour, seed=seed, width=width, height=height)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=85, optimize=True, progressive=True)
    return buf.getvalue()
