"""Safe uploads: only real images (and PDF documents) get in, without location data, under a clean name.

Wagtail's own image field (`wagtail.images.fields.WagtailImageField`) already checks the extension
against WAGTAILIMAGES_EXTENSIONS, that the content's format matches the extension, the file size
(WAGTAILIMAGES_MAX_UPLOAD_SIZE) and the pixel count (WAGTAILIMAGES_MAX_IMAGE_PIXELS).
`NewsImageField` runs those checks and adds what Wagtail leaves out:

- the pixel count is read from the header first: Wagtail's check asks Willow, which decodes the whole
  image to answer (7.5 s and 670 MB for a 2 MB PNG of 12,000 x 12,000 pixels);
- SVG, HTML and other text are refused with their own message before Wagtail's extension messages;
- a file with markup or script anywhere in it (a polyglot) is refused;
- the image is decoded once (JPEG at 1/8 scale), so a truncated or corrupt file is refused at upload,
  not when the first rendition fails in front of readers;
- metadata is rewritten without re-encoding the pixels: GPS and every other EXIF tag but orientation,
  artist and copyright are dropped, as are XMP, IPTC, comments, text chunks and anything after the
  image's end. Orientation stays in the EXIF, so browsers and Wagtail's renditions (`auto_orient`)
  still turn the picture the right way;
- the file name is normalised (`normalise_filename`).

The newsroom's forms get the field through WAGTAILIMAGES_IMAGE_FORM_BASE; `NewsImage.save` runs the same
cleaning for images created in code, and `clean_uploaded_image` for Wagtail's half-finished multiple
uploads (`wagtail.models.UploadedFile`), so no path stores an image this module has not seen.
Documents are PDF only, checked by content (`NewsDocumentForm`).
"""

from __future__ import annotations

import os
import re
import struct
import tempfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import Any

from anyascii import anyascii
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.models import UploadedFile
from wagtail.utils.file import hash_filelike


class Format:
    """The image formats accepted, as Pillow names them, with the extension a stored file gets."""

    JPEG = "JPEG"
    PNG = "PNG"
    GIF = "GIF"
    WEBP = "WEBP"
    AVIF = "AVIF"


EXTENSIONS = {Format.JPEG: "jpg", Format.PNG: "png", Format.GIF: "gif", Format.WEBP: "webp", Format.AVIF: "avif"}
CONTENT_TYPES = {
    Format.JPEG: "image/jpeg",
    Format.PNG: "image/png",
    Format.GIF: "image/gif",
    Format.WEBP: "image/webp",
    Format.AVIF: "image/avif",
}

# Stored names stay well inside Wagtail's 95-character "original_images/..." path (and readable in a URL).
FILENAME_STEM_MAX_LENGTH = 60
# Only the start of a file is needed to tell what it claims to be.
SNIFF_BYTES = 4096

# EXIF tags an image keeps: how to turn it, and who made it (a newsroom prints credits). Everything
# else goes: GPS, but also serial numbers, owner names, maker notes and thumbnails of the uncropped picture.
EXIF_ORIENTATION = 0x0112
EXIF_ARTIST = 0x013B
EXIF_COPYRIGHT = 0x8298
KEPT_EXIF_TAGS = (EXIF_ORIENTATION, EXIF_ARTIST, EXIF_COPYRIGHT)
EXIF_GPS_IFD = 0x8825

# Markup or script inside an image only serves a browser tricked into reading it as a page.
POLYGLOT_MARKERS = re.compile(
    rb"<(?:script|html|body|head|iframe|svg|object|embed|form|meta|link|style|\?php|!doctype)[\s>/]",
    re.IGNORECASE,
)
XML_OR_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<", re.DOTALL)
SVG_TAG = re.compile(rb"<svg[\s>]", re.IGNORECASE)

MESSAGES = {
    "svg": _(
        "SVG-bestanden worden niet aanvaard: ze kunnen scripts bevatten. Exporteer de afbeelding als PNG of JPEG."
    ),
    "not_image": _(
        "Dit bestand is geen afbeelding. Aanvaard worden JPEG-, PNG-, GIF-, WebP- en AVIF-afbeeldingen "
        "(gecontroleerd op de inhoud, niet op de naam)."
    ),
    "polyglot": _(
        "Dit bestand bevat naast de afbeelding ook HTML of script en wordt daarom geweigerd. "
        "Exporteer de afbeelding opnieuw vanuit een beeldprogramma."
    ),
    "corrupt": _(
        "Deze afbeelding is beschadigd of onvolledig (misschien afgebroken tijdens het kopiëren). "
        "Laad het originele bestand opnieuw op."
    ),
    "too_many_pixels": _(
        "Deze afbeelding is %(width)s × %(height)s pixels (%(megapixels)s megapixel); het maximum is "
        "%(max_megapixels)s megapixel. Verklein de afbeelding en probeer opnieuw."
    ),
    "too_many_pixels_unknown": _(
        "Deze afbeelding heeft te veel pixels; het maximum is %(max_megapixels)s megapixel. "
        "Verklein de afbeelding en probeer opnieuw."
    ),
    "not_pdf": _("Alleen PDF-documenten worden aanvaard (gecontroleerd op de inhoud, niet op de naam)."),
}


class UploadRefused(ValidationError):
    """A refused upload, with a Dutch message the newsroom can act on."""

    def __init__(self, code: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(MESSAGES[code], code=code, params=params)


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    name: str
    format: str
    width: int
    height: int

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]


class CleanImageFile(SimpleUploadedFile):
    """An upload this module has cleaned; `NewsImage.save` does not clean it twice."""

    tribune_clean = True


# --- What a file is ---


def sniff_format(head: bytes) -> str | None:
    """The accepted image format the first bytes announce, or None. The magic numbers, not the name."""
    if head.startswith(b"\xff\xd8\xff"):
        return Format.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Format.PNG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Format.GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Format.WEBP
    if head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"):
        return Format.AVIF
    return None


def refuse_non_image(head: bytes) -> None:
    """SVG and other markup or text get their own message, whatever the file is called."""
    if sniff_format(head) is not None:
        return
    if XML_OR_HTML_START.match(head) and SVG_TAG.search(head):
        raise UploadRefused("svg")
    raise UploadRefused("not_image")


def declared_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the header alone, nothing decoded.

    Through the format's own header reader (`Image.OPEN`), not `Image.open`: that one refuses a very
    large declared size without saying which, and the message should.
    """
    fmt = sniff_format(data[:SNIFF_BYTES])
    if fmt is None:
        return None
    Image.init()
    factory, _accept = Image.OPEN[fmt]
    try:
        with factory(BytesIO(data), "") as header:
            return header.size
    except Exception:  # a header Pillow cannot read has no size to report
        return None


def pixel_limit(configured: int | None) -> int:
    """WAGTAILIMAGES_MAX_IMAGE_PIXELS; None switches Wagtail's check off, Pillow's bomb limit still holds here."""
    return configured or Image.MAX_IMAGE_PIXELS or 2**31


def refuse_too_many_pixels(data: bytes, max_pixels: int) -> tuple[int, int]:
    """The declared width and height, if within `max_pixels`; read from the header, nothing decoded.

    Wagtail's own check asks Willow for the size, and Willow decodes the whole image to answer: an
    image just under Pillow's bomb guard (178 megapixels) would cost half a gigabyte before being refused.
    """
    size = declared_size(data)
    if size is None:
        raise UploadRefused("corrupt")
    if size[0] * size[1] > max_pixels:
        raise too_many_pixels(size, max_pixels)
    return size


def too_many_pixels(size: tuple[int, int] | None, max_pixels: int) -> UploadRefused:
    params: dict[str, Any] = {"max_megapixels": _megapixels(max_pixels)}
    if size is None:
        return UploadRefused("too_many_pixels_unknown", params)
    width, height = size
    return UploadRefused(
        "too_many_pixels",
        {
            **params,
            "width": f"{width:,}".replace(",", "."),
            "height": f"{height:,}".replace(",", "."),
            "megapixels": _megapixels(width * height),
        },
    )


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:.1f}".replace(".", ",").removesuffix(",0")


# --- File names ---


def normalise_filename(name: str, *, extension: str) -> str:
    """An ASCII slug of the name's stem, lower case, with the given extension and nothing else.

    Path parts go ("../../x.jpg", "C:\\foto's\\x.jpg"), every inner dot becomes a hyphen so no second
    extension survives ("x.php.jpg" -> "x-php.jpg"), Unicode is transliterated ("Évenepoel – Ronde.JPG"
    -> "evenepoel-ronde.jpg"), and the stem is cut at a hyphen to FILENAME_STEM_MAX_LENGTH.
    """
    base = PurePosixPath(name.replace("\\", "/")).name
    stem, dot, _extension = base.rpartition(".")
    if not dot:
        stem = base
    slug = slugify(anyascii(stem).replace(".", " ").replace("_", " "))
    if len(slug) > FILENAME_STEM_MAX_LENGTH:
        slug = slug[:FILENAME_STEM_MAX_LENGTH].rsplit("-", 1)[0] or slug[:FILENAME_STEM_MAX_LENGTH]
    return f"{slug.strip('-') or 'afbeelding'}.{extension}"


# --- Metadata: rewritten around the pixels, which stay byte for byte ---


def kept_exif(raw: bytes) -> bytes | None:
    """The EXIF block (TIFF bytes, no "Exif" prefix) with only KEPT_EXIF_TAGS, or None if none is left."""
    source = Image.Exif()
    try:
        source.load(raw)
    except Exception:  # unreadable EXIF is dropped whole: the safe side
        return None
    kept = Image.Exif()
    for tag in KEPT_EXIF_TAGS:
        value = source.get(tag)
        if value is not None:
            kept[tag] = value
    if not len(kept):
        return None
    return kept.tobytes().removeprefix(b"Exif\x00\x00")


class Corrupt(Exception):
    """The file's structure ends early or does not add up."""


class JpegMarker:
    APP0 = 0xE0  # JFIF
    APP1 = 0xE1  # EXIF or XMP
    APP2 = 0xE2  # ICC profile or MPF (more pictures)
    APP14 = 0xEE  # Adobe colour transform
    APP15 = 0xEF
    SOS = 0xDA
    COM = 0xFE
    EOI = 0xD9
    # Markers without a length: SOI, EOI, RST0-7, TEM.
    STANDALONE = frozenset({0xD8, 0xD9, *range(0xD0, 0xD8), 0x01})


def strip_jpeg(data: bytes) -> bytes:
    """JPEG without location: EXIF rebuilt from the kept tags; XMP, IPTC, MPF, comments and trailers dropped.

    Kept besides the image data: JFIF (APP0), the ICC colour profile (APP2 "ICC_PROFILE") and Adobe's
    colour-transform flag (APP14), which decoders need to show the colours right.
    """
    out = bytearray(b"\xff\xd8")
    pos, end = 2, len(data)
    while True:
        while pos < end and data[pos] == 0xFF and pos + 1 < end and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes
        if pos + 1 >= end or data[pos] != 0xFF:
            raise Corrupt("JPEG ends before its end marker")
        marker = data[pos + 1]
        if marker == JpegMarker.EOI:
            out += b"\xff\xd9"
            return bytes(out)  # anything after the end marker (a trailer, a second picture) is dropped
        if marker in JpegMarker.STANDALONE:
            out += data[pos : pos + 2]
            pos += 2
            continue
        if pos + 4 > end:
            raise Corrupt("JPEG segment header cut off")
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment_end = pos + 2 + length
        if length < 2 or segment_end > end:
            raise Corrupt("JPEG segment cut off")
        payload = data[pos + 4 : segment_end]
        if marker == JpegMarker.SOS:
            out += data[pos:segment_end]
            pos = _jpeg_scan_end(data, segment_end)
            out += data[segment_end:pos]
            continue
        if marker == JpegMarker.APP1:
            if payload.startswith(b"Exif\x00\x00"):
                exif = kept_exif(payload[6:])
                if exif is not None:
                    block = b"Exif\x00\x00" + exif
                    out += b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block
        elif marker == JpegMarker.APP2:
            if payload.startswith(b"ICC_PROFILE\x00"):
                out += data[pos:segment_end]
        elif marker in (JpegMarker.APP0, JpegMarker.APP14) or not (
            JpegMarker.APP0 <= marker <= JpegMarker.APP15 or marker == JpegMarker.COM
        ):
            out += data[pos:segment_end]
        pos = segment_end


def _jpeg_scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data after a SOS header ends: the next marker that is not a restart."""
    end = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= end:
            raise Corrupt("JPEG scan data cut off")
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


# PNG chunks that describe pixels, colour or animation; text (tEXt, zTXt, iTXt: XMP too), time and
# unknown private chunks are dropped. eXIf is rebuilt from the kept tags.
_PNG_KEPT = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"pHYs",
    b"bKGD", b"hIST", b"sPLT", b"cICP", b"mDCV", b"cLLI", b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip


def strip_png(data: bytes) -> bytes:
    out = bytearray(data[:8])
    pos, end = 8, len(data)
    while pos + 12 <= end:
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk_end = pos + 12 + length
        if chunk_end > end:
            raise Corrupt("PNG chunk cut off")
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : chunk_end])
        if zlib.crc32(kind + body) != crc:
            raise Corrupt("PNG chunk checksum wrong")
        if kind == b"eXIf":
            exif = kept_exif(body)
            if exif is not None:
                out += _png_chunk(b"eXIf", exif)
        elif kind in _PNG_KEPT:
            out += data[pos:chunk_end]
        pos = chunk_end
        if kind == b"IEND":
            return bytes(out)
    raise Corrupt("PNG ends before IEND")


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


_WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def strip_webp(data: bytes) -> bytes:
    (riff_size,) = struct.unpack("<I", data[4:8])
    end = 8 + riff_size
    if end > len(data):
        raise Corrupt("WebP cut off")
    chunks: list[bytes] = []
    has_exif = False
    pos = 12
    while pos + 8 <= end:
        kind, size = struct.unpack("<4sI", data[pos : pos + 8])
        chunk_end = pos + 8 + size + (size & 1)
        if pos + 8 + size > end:
            raise Corrupt("WebP chunk cut off")
        if kind == b"EXIF":
            exif = kept_exif(data[pos + 8 : pos + 8 + size])
            if exif is not None:
                has_exif = True
                chunks.append(b"EXIF" + struct.pack("<I", len(exif)) + exif + b"\x00" * (len(exif) & 1))
        elif kind in _WEBP_KEPT:
            chunks.append(data[pos:chunk_end])
        pos = chunk_end
    if chunks and chunks[0].startswith(b"VP8X"):
        # The extended header announces metadata chunks; it must match what is left.
        flags = (chunks[0][8] & ~(_VP8X_EXIF | _VP8X_XMP)) | (_VP8X_EXIF if has_exif else 0)
        chunks[0] = chunks[0][:8] + bytes([flags]) + chunks[0][9:]
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


_GIF_KEPT_APPLICATIONS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")  # looping; XMP and others are dropped


def strip_gif(data: bytes) -> bytes:
    """GIF without comments, XMP or other application blocks (looping stays), and nothing after the trailer."""
    end = len(data)
    if end < 13:
        raise Corrupt("GIF header cut off")
    flags = data[10]
    pos = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0)
    out = bytearray(data[:pos])
    while pos < end:
        introducer = data[pos]
        if introducer == 0x3B:
            out += b"\x3b"
            return bytes(out)
        if introducer == 0x21:
            if pos + 2 > end:
                raise Corrupt("GIF extension cut off")
            label = data[pos + 1]
            blocks_end = _gif_sub_blocks_end(data, pos + 2)
            if label == 0xFF:
                size = data[pos + 2]
                identifier = data[pos + 3 : pos + 3 + size]
                keep = identifier in _GIF_KEPT_APPLICATIONS
            else:
                keep = label != 0xFE  # comment
            if keep:
                out += data[pos:blocks_end]
            pos = blocks_end
        elif introducer == 0x2C:
            if pos + 10 > end:
                raise Corrupt("GIF image descriptor cut off")
            local = data[pos + 9]
            start = pos
            pos += 10 + (3 << ((local & 7) + 1) if local & 0x80 else 0)
            pos = _gif_sub_blocks_end(data, pos + 1)  # the byte after the table: LZW minimum code size
            out += data[start:pos]
        else:
            raise Corrupt("unknown GIF block")
    raise Corrupt("GIF ends before its trailer")


def _gif_sub_blocks_end(data: bytes, pos: int) -> int:
    end = len(data)
    while True:
        if pos >= end:
            raise Corrupt("GIF data cut off")
        size = data[pos]
        pos += 1 + size
        if size == 0:
            return pos


def strip_avif(data: bytes, image: Image.Image) -> bytes:
    """AVIF carries EXIF and XMP as items in its box structure; with either, the picture is re-encoded.

    Without them the file is kept as it is. Re-encoding costs quality and a few seconds, but AVIF
    uploads with camera metadata are rare (cameras write JPEG or HEIF), and stripping items from the
    box structure by hand is a lot of code for that.
    """
    if not image.info.get("exif") and not image.info.get("xmp"):
        return data
    exif = kept_exif(image.info["exif"].removeprefix(b"Exif\x00\x00")) if image.info.get("exif") else None
    buffer = BytesIO()
    # The kept EXIF carries the orientation; Pillow writes it as AVIF's own rotation boxes.
    image.save(
        buffer,
        format="AVIF",
        quality=90,
        icc_profile=image.info.get("icc_profile"),
        exif=b"Exif\x00\x00" + exif if exif else b"",
    )
    return buffer.getvalue()


# --- The whole check ---


def clean_image(data: bytes, *, name: str, max_pixels: int | None = None) -> CleanImage:
    """Check an upload's bytes and return them without location data, under a normalised name.

    Raises UploadRefused (a ValidationError) with a Dutch message. Never decodes more than
    `max_pixels` (default WAGTAILIMAGES_MAX_IMAGE_PIXELS): the declared size is read from the
    header first, so a small file declaring 20,000 x 20,000 pixels costs a header read.
    """
    if max_pixels is None:
        max_pixels = pixel_limit(getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None))
    refuse_non_image(data[:SNIFF_BYTES])
    if POLYGLOT_MARKERS.search(data):
        raise UploadRefused("polyglot")
    fmt = sniff_format(data[:SNIFF_BYTES])
    if fmt is None:  # refuse_non_image has refused these already; this tells the type checker
        raise UploadRefused("not_image")
    width, height = refuse_too_many_pixels(data, max_pixels)
    try:
        with Image.open(BytesIO(data), formats=[fmt]) as image:
            image.verify()  # checksums and structure where the format has them (PNG's CRCs)
        with Image.open(BytesIO(data), formats=[fmt]) as image:
            if fmt == Format.JPEG:
                # All scan data is read, the pixels built at 1/8 scale: truncation shows, at a tenth of the cost.
                image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
            if fmt == Format.JPEG:
                cleaned = strip_jpeg(data)
            elif fmt == Format.PNG:
                cleaned = strip_png(data)
            elif fmt == Format.WEBP:
                cleaned = strip_webp(data)
            elif fmt == Format.GIF:
                cleaned = strip_gif(data)
            else:
                cleaned = strip_avif(data, image)
    except (Corrupt, OSError, SyntaxError, ValueError, UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise UploadRefused("corrupt") from exc
    return CleanImage(
        data=cleaned, name=normalise_filename(name, extension=EXTENSIONS[fmt]), format=fmt, width=width, height=height
    )


def strip_metadata(data: bytes) -> bytes | None:
    """`data` without location and other metadata, as uploads are stored; None if not an accepted format.

    No limits and no polyglot check: for files already stored (`image_strip_metadata`), which were
    accepted under earlier rules and are served already.
    """
    fmt = sniff_format(data[:SNIFF_BYTES])
    try:
        if fmt == Format.JPEG:
            return strip_jpeg(data)
        if fmt == Format.PNG:
            return strip_png(data)
        if fmt == Format.WEBP:
            return strip_webp(data)
        if fmt == Format.GIF:
            return strip_gif(data)
        if fmt == Format.AVIF:
            with Image.open(BytesIO(data), formats=[fmt]) as image:
                return strip_avif(data, image)
    except (Corrupt, OSError, SyntaxError, ValueError) as exc:
        raise UploadRefused("corrupt") from exc
    return None


def read_upload(upload: Any) -> bytes:
    """All bytes of an uploaded or stored file, leaving it rewound for whoever reads it next."""
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read()
    if hasattr(upload, "seek"):
        upload.seek(0)
    return data


def clean_image_file(upload: File) -> CleanImageFile:
    image = clean_image(read_upload(upload), name=upload.name or "")
    return CleanImageFile(image.name, image.data, content_type=image.content_type)


def is_clean(upload: Any) -> bool:
    return getattr(upload, "tribune_clean", False)


# --- The newsroom's forms ---


class NewsImageField(WagtailImageField):
    """Wagtail's image field with the checks above; returns the cleaned file, which is what gets stored."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image"] = MESSAGES["corrupt"]

    def to_python(self, data: Any) -> Any:
        if data in self.empty_values:
            return super().to_python(data)
        # Wagtail's size check first: nothing is read of a file that is too big.
        self.check_image_file_size(data)
        raw = read_upload(data)
        refuse_non_image(raw[:SNIFF_BYTES])  # before Wagtail says "wrong extension" about an SVG called .png
        max_pixels = pixel_limit(self.max_image_pixels)
        refuse_too_many_pixels(raw, max_pixels)  # before Wagtail's check, which decodes
        super().to_python(data)  # Wagtail's: extension, extension against content, its own pixel check
        image = clean_image(raw, name=data.name, max_pixels=max_pixels)
        return CleanImageFile(image.name, image.data, content_type=image.content_type)

    def check_image_pixel_size(self, f: Any) -> None:
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            # Wagtail asks Willow, which decodes with Pillow, and lets a truncated file's error through: a 500.
            raise UploadRefused("corrupt") from exc


class NewsImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image form of the newsroom (add, edit, chooser, multiple upload)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, NewsImageField):
            self.fields["file"] = NewsImageField(
                label=field.label, required=field.required, widget=field.widget, disabled=field.disabled
            )


PDF_MAGIC = b"%PDF-"


class NewsDocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: PDF only, by content, under a normalised name.

    WAGTAILDOCS_EXTENSIONS limits the name; this checks what is inside, so an HTML page called
    "x.pdf" is refused too. Documents are served as downloads (WAGTAILDOCS_INLINE_CONTENT_TYPES).
    """

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is None or "file" not in self.changed_data:
            return upload
        upload.seek(0)
        head = upload.read(len(PDF_MAGIC))
        upload.seek(0)
        if head != PDF_MAGIC:
            raise UploadRefused("not_pdf")
        upload.name = normalise_filename(upload.name or "", extension="pdf")
        return upload


# --- Wagtail's multiple upload keeps a file whose other fields failed as an UploadedFile ---


def clean_uploaded_image(sender: type[UploadedFile], instance: UploadedFile, **kwargs: Any) -> None:
    """pre_save of UploadedFile: clean an image before Wagtail parks it.

    The multiple uploader stores the raw request file when a field other than the file fails (a title
    too long, say), and later makes the NewsImage from the stored file without the form's field.
    """
    from tribune.newsroom.models import NewsImage

    if instance.for_content_type_id is None or instance.for_content_type.model_class() is not NewsImage:
        return
    if instance.file and not instance.file._committed and not is_clean(instance.file.file):
        instance.file = clean_image_file(instance.file.file)


# --- Images stored before these checks ---


@dataclass(frozen=True)
class StripResult:
    changed: bool
    problem: str = ""  # why the image was left alone


def image_strip_metadata(*, image_id: int) -> StripResult:
    """Strip an image stored before tribune/newsroom/uploads.py in place, keeping its name and URL.

    The pixels stay byte for byte, so pages, caches and the API keep pointing at the same file, and
    renditions (made by Wagtail as WebP, which carry no EXIF; test_uploads checks) need not be remade.
    The file is replaced atomically (written beside it, then renamed over it) as the last step of the
    transaction that updates the image's size and hash: a failure leaves the file and the row as they were.
    """
    from tribune.newsroom.models import NewsImage

    with transaction.atomic():
        image = NewsImage.objects.select_for_update().get(pk=image_id)
        try:
            with image.file.storage.open(image.file.name, "rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            return StripResult(changed=False, problem=f"file {image.file.name} is missing")
        try:
            cleaned = strip_metadata(data)
        except UploadRefused:
            return StripResult(changed=False, problem="corrupt, left as it is")
        if cleaned is None:
            return StripResult(changed=False, problem="not an accepted image format, left as it is")
        if cleaned == data:
            return StripResult(changed=False)
        image.file_size = len(cleaned)
        image.file_hash = hash_filelike(BytesIO(cleaned))  # what Wagtail's duplicate check compares
        image.save(update_fields=["file_size", "file_hash"])
        _replace_atomically(Path(image.file.path), cleaned)
    return StripResult(changed=True)


def _replace_atomically(path: Path, content: bytes) -> None:
    """Write beside the file and rename over it: readers see the old file or the new one, never half."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".strip-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
