"""Safe uploads: real images only, no location data, clean names; through the real admin views too."""

from __future__ import annotations

import json
import struct
import time
import zlib
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import UploadedFile
from wagtail.utils.file import hash_filelike

from tribune.newsroom import uploads
from tribune.newsroom.models import NewsImage

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION, ARTIST, MAKE = 0x0112, 0x013B, 0x010F
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,2.5N"/></rdf:RDF></x:xmpmeta>'
)


# --- Files to upload ---


def camera_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: where (GPS), who, what camera, and how to turn the picture."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[ARTIST] = "Jan Fotograaf"
    exif[MAKE] = "Telefoon"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 2.0, 30.0), "E", (3.0, 43.0, 12.0)
    exif.get_ifd(EXIF_IFD)[0xA430] = "Eigenaar Van De Telefoon"  # CameraOwnerName
    return exif


def picture(width: int = 64, height: int = 48) -> Image.Image:
    """Not one colour: a rotation must show in the pixels."""
    image = Image.new("RGB", (width, height), "#1b4f9c")
    image.paste((200, 30, 30), (0, 0, width // 2, height // 4))
    return image


def jpeg(*, width: int = 64, height: int = 48, orientation: int = 1, trailer: bytes = b"") -> bytes:
    buffer = BytesIO()
    picture(width, height).save(
        buffer, "JPEG", exif=camera_exif(orientation), xmp=XMP, comment=b"Gent, Citadelpark", quality=90
    )
    return buffer.getvalue() + trailer


def truncated_jpeg() -> bytes:
    """Cut inside the picture data: the headers, size included, still read fine."""
    return jpeg(width=640, height=480)[:-2000]


def encoded(fmt: str, **options) -> bytes:
    buffer = BytesIO()
    picture().save(buffer, fmt, **options)
    return buffer.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A few dozen bytes declaring 400 million pixels; decoding them would take 1.2 GB."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 4096))
        + png_chunk(b"IEND", b"")
    )


def valid_png_bomb(side: int) -> bytes:
    """A whole, valid black PNG of side x side pixels, 2 MB for 12,000 x 12,000: one deflate block per row.

    Each row is the same byte-aligned block (a full flush resets the compressor), so the stream is that
    block repeated, an empty final block and the checksum of all rows: built in a fraction of a second.
    """
    row = b"\x00" * (1 + side * 3)
    compressor = zlib.compressobj(1)
    compressor.compress(row)
    compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(row) + compressor.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(side):
        adler = zlib.adler32(row, adler)
    stream = b"\x78\x01" + block * side + b"\x03\x00" + struct.pack(">I", adler)
    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", stream) + png_chunk(b"IEND", b"")


def test_valid_png_bomb_is_a_real_image():
    small = valid_png_bomb(40)
    with Image.open(BytesIO(small)) as image:
        image.load()
        assert image.size == (40, 40) and image.getextrema() == ((0, 0), (0, 0), (0, 0))


def pdf() -> bytes:
    buffer = BytesIO()
    picture().save(buffer, "PDF")
    return buffer.getvalue()


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def decoded(data: bytes) -> bytes:
    with Image.open(BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


def media_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


# --- Unit: what is refused, and why ---


REFUSED = [
    pytest.param(b"Dit is gewoon tekst, geen foto.\n" * 20, "foto.jpg", "not_image", id="text-as-jpg"),
    pytest.param(b"<!doctype html><html><script>alert(1)</script></html>", "foto.jpg", "not_image", id="html-as-jpg"),
    pytest.param(SVG, "logo.svg", "svg", id="svg"),
    pytest.param(SVG, "logo.png", "svg", id="svg-as-png"),
    pytest.param(b"\xef\xbb\xbf  " + SVG, "logo.jpg", "svg", id="svg-with-bom"),
    pytest.param(b"GIF89a/*" + b"\x00" * 20 + b"*/=1;<script>alert(1)</script>", "x.gif", "polyglot", id="gif-js"),
    pytest.param(jpeg(trailer=b"<html><body><script>alert(1)</script>"), "x.jpg", "polyglot", id="jpeg+html"),
    pytest.param(jpeg()[:-400], "afgebroken.jpg", "corrupt", id="truncated-jpeg-header"),
    pytest.param(truncated_jpeg(), "afgebroken.jpg", "corrupt", id="truncated-jpeg"),
    pytest.param(encoded("PNG")[:-30], "afgebroken.png", "corrupt", id="truncated-png"),
    pytest.param(encoded("GIF")[:-5], "afgebroken.gif", "corrupt", id="truncated-gif"),
    pytest.param(encoded("WEBP")[:-20], "afgebroken.webp", "corrupt", id="truncated-webp"),
    pytest.param(b"\xff\xd8\xff\xe0" + b"\x00" * 200, "leeg.jpg", "corrupt", id="jpeg-magic-only"),
    pytest.param(encoded("BMP"), "foto.bmp", "not_image", id="bmp"),
    pytest.param(encoded("TIFF"), "foto.tif", "not_image", id="tiff"),
]


@pytest.mark.parametrize(("data", "name", "code"), REFUSED)
def test_refused_with_a_clear_dutch_message(data, name, code):
    with pytest.raises(ValidationError) as refused:
        uploads.clean_image(data, name=name)
    assert refused.value.code == code
    message = refused.value.messages[0]
    assert message == str(uploads.MESSAGES[code]) % (refused.value.params or {})
    assert any(word in message for word in ("afbeelding", "SVG", "bestand"))


def test_corrupt_png_checksum_is_refused():
    data = bytearray(encoded("PNG"))
    data[40] ^= 0xFF  # inside IDAT
    with pytest.raises(ValidationError) as refused:
        uploads.clean_image(bytes(data), name="x.png")
    assert refused.value.code == "corrupt"


def test_decompression_bomb_is_refused_from_the_header_in_under_a_second():
    bomb = png_bomb()
    assert len(bomb) < 200
    started = time.perf_counter()
    with pytest.raises(ValidationError) as refused:
        uploads.clean_image(bomb, name="bom.png")
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0
    assert refused.value.code == "too_many_pixels"
    assert refused.value.messages == [
        "Deze afbeelding is 20.000 × 20.000 pixels (400 megapixel); het maximum is 50 megapixel. "
        "Verklein de afbeelding en probeer opnieuw."
    ]


# A lossless black WebP of 12,000 x 12,000 pixels, as Pillow wrote it (building it takes 432 MB): 34 bytes.
WEBP_BOMB = b"RIFF\x1a\x00\x00\x00WEBPVP8L\x0e\x00\x00\x00/\xdf\xee\xb7\x0b\x07\x10\x11\xfd\x0fDD\xff\x03"


def test_webp_bomb_is_refused_from_the_header():
    started = time.perf_counter()
    with pytest.raises(ValidationError) as refused:
        uploads.clean_image(WEBP_BOMB, name="bom.webp")
    assert time.perf_counter() - started < 1.0
    assert "12.000 × 12.000 pixels (144 megapixel)" in refused.value.messages[0]


def test_pixel_limit_is_the_wagtail_setting(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64 * 48 - 1
    with pytest.raises(ValidationError) as refused:
        uploads.clean_image(jpeg(), name="x.jpg")
    assert refused.value.code == "too_many_pixels"
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64 * 48
    assert uploads.clean_image(jpeg(), name="x.jpg").width == 64


# --- Unit: location data goes, the picture stays ---


def test_jpeg_loses_gps_and_camera_details_keeps_orientation_credit_and_pixels():
    original = jpeg(orientation=6, trailer=b"\xff\xd8 a second picture after the end")
    clean = uploads.clean_image(original, name="x.jpg")

    with Image.open(BytesIO(clean.data)) as stored:
        exif = stored.getexif()
        assert exif.get_ifd(GPS_IFD) == {}
        assert GPS_IFD not in exif and EXIF_IFD not in exif
        assert dict(exif) == {ORIENTATION: 6, ARTIST: "Jan Fotograaf"}
        assert "xmp" not in stored.info and "comment" not in stored.info
    assert b"Gent" not in clean.data and b"GPSLatitude" not in clean.data and b"Eigenaar" not in clean.data
    assert clean.data.endswith(b"\xff\xd9")
    # Only metadata was rewritten: the pixels decode to exactly the same values.
    assert decoded(clean.data) == decoded(original)
    assert (clean.width, clean.height, clean.format) == (64, 48, "JPEG")


def _srgb() -> bytes:
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _animation(fmt: str) -> bytes:
    buffer = BytesIO()
    frames = [picture(), picture().rotate(180), picture().transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    extra: dict[str, object] = {"exif": camera_exif()} if fmt == "WEBP" else {"comment": b"Gent"}
    frames[0].save(buffer, fmt, save_all=True, append_images=frames[1:], loop=0, duration=100, **extra)
    return buffer.getvalue()


VARIANTS = [
    pytest.param(lambda: encoded("JPEG", progressive=True, exif=camera_exif()), id="progressive-jpeg"),
    pytest.param(lambda: encoded("JPEG", restart_marker_rows=1, exif=camera_exif()), id="jpeg-restart-markers"),
    pytest.param(lambda: encoded("JPEG", icc_profile=_srgb(), exif=camera_exif()), id="jpeg-icc"),
    pytest.param(lambda: _cmyk_jpeg(), id="cmyk-jpeg"),
    pytest.param(lambda: encoded("PNG", icc_profile=_srgb(), exif=camera_exif()), id="png-icc"),
    pytest.param(lambda: encoded("WEBP", icc_profile=_srgb(), exif=camera_exif(), lossless=True), id="webp-icc"),
    pytest.param(lambda: _animation("GIF"), id="animated-gif"),
    pytest.param(lambda: _animation("WEBP"), id="animated-webp"),
    pytest.param(lambda: _animation("PNG"), id="animated-png"),
]


def _cmyk_jpeg() -> bytes:
    buffer = BytesIO()
    picture().convert("CMYK").save(buffer, "JPEG", exif=camera_exif())
    return buffer.getvalue()


@pytest.mark.parametrize("make", VARIANTS)
def test_the_picture_survives_cleaning(make):
    """Colour profile, colour model, every frame and every pixel stay; only location and the like go."""
    original = make()
    clean = uploads.clean_image(original, name="x")
    with Image.open(BytesIO(original)) as before, Image.open(BytesIO(clean.data)) as after:
        assert after.getexif().get_ifd(GPS_IFD) == {}
        assert (after.mode, after.size, after.info.get("icc_profile")) == (
            before.mode,
            before.size,
            before.info.get("icc_profile"),
        )
        assert getattr(after, "n_frames", 1) == getattr(before, "n_frames", 1)
        for frame in range(getattr(before, "n_frames", 1)):
            before.seek(frame)
            after.seek(frame)
            assert after.tobytes() == before.tobytes()
    assert b"Gent" not in clean.data


def test_jpeg_without_metadata_keeps_no_empty_exif():
    clean = uploads.clean_image(encoded("JPEG"), name="x.jpg")
    with Image.open(BytesIO(clean.data)) as stored:
        assert "exif" not in stored.info


def test_png_loses_exif_gps_and_text_chunks():
    original = encoded("PNG", exif=camera_exif(orientation=3), pnginfo=_png_text())
    clean = uploads.clean_image(original, name="x.png")
    with Image.open(BytesIO(clean.data)) as stored:
        stored.load()
        assert dict(stored.getexif()) == {ORIENTATION: 3, ARTIST: "Jan Fotograaf"}
        assert stored.getexif().get_ifd(GPS_IFD) == {}
        assert not {"Locatie", "XML:com.adobe.xmp"} & set(stored.info)
    assert b"tEXt" not in clean.data and b"iTXt" not in clean.data
    assert decoded(clean.data) == decoded(original)


def _png_text():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Locatie", "Gent")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    return info


def test_webp_loses_exif_gps_and_xmp_and_its_header_says_so():
    original = encoded("WEBP", exif=camera_exif(orientation=8), xmp=XMP, lossless=True)
    clean = uploads.clean_image(original, name="x.webp")
    assert clean.data[12:16] == b"VP8X"
    assert not clean.data[20] & 0x04  # no XMP flag
    assert clean.data[20] & 0x08  # EXIF (orientation and credit) is still there
    assert b"XMP " not in clean.data
    with Image.open(BytesIO(clean.data)) as stored:
        assert dict(stored.getexif()) == {ORIENTATION: 8, ARTIST: "Jan Fotograaf"}
        assert stored.getexif().get_ifd(GPS_IFD) == {}
    assert decoded(clean.data) == decoded(original)


def test_gif_loses_comments():
    original = encoded("GIF", comment=b"Gent, Citadelpark")
    clean = uploads.clean_image(original, name="x.gif")
    assert b"Gent" not in clean.data
    assert decoded(clean.data) == decoded(original)


def test_avif_with_gps_is_re_encoded_without_it():
    original = encoded("AVIF", exif=camera_exif(orientation=3), quality=90)
    clean = uploads.clean_image(original, name="x.avif")
    with Image.open(BytesIO(clean.data)) as stored:
        assert stored.getexif().get_ifd(GPS_IFD) == {}
        assert stored.getexif().get(ORIENTATION) == 3
        assert stored.getexif().get(MAKE) is None


# --- Unit: file names ---


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("Évenepoel – Ronde.JPG", "jpg", "evenepoel-ronde.jpg"),
        ("x.php.jpg", "jpg", "x-php.jpg"),
        ("../../etc/passwd.png", "png", "passwd.png"),
        ("C:\\Users\\foto's\\Wout Van Aert.jpeg", "jpg", "wout-van-aert.jpg"),
        ("IMG_2041.HEIC.jpg", "jpg", "img-2041-heic.jpg"),
        ("foto.png", "jpg", "foto.jpg"),  # the extension follows the content
        ("Ωμέγα 北京.webp", "webp", "omega-beijing.webp"),
        (".jpg", "jpg", "afbeelding.jpg"),
        ("...", "gif", "afbeelding.gif"),
        ("", "png", "afbeelding.png"),
        ("<script>.png", "png", "script.png"),
    ],
)
def test_file_names_are_normalised(name, extension, expected):
    assert uploads.normalise_filename(name, extension=extension) == expected


def test_long_file_names_are_cut_at_a_word():
    name = uploads.normalise_filename("Ronde van Vlaanderen " * 10 + ".jpg", extension="jpg")
    stem = name.removesuffix(".jpg")
    assert len(stem) <= uploads.FILENAME_STEM_MAX_LENGTH
    assert stem.startswith("ronde-van-vlaanderen-ronde") and not stem.endswith("-")


def test_clean_name_takes_the_sniffed_extension():
    assert uploads.clean_image(encoded("PNG"), name="Foto.Final.PNG").name == "foto-final.png"
    assert uploads.clean_image(jpeg(), name="foto.jpeg").name == "foto.jpg"


# --- Images made in code (demo, importers) are cleaned by NewsImage.save ---


@pytest.mark.django_db
def test_image_saved_in_code_is_cleaned(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    image = NewsImage(title="Uit een import", file=ImageFile(BytesIO(jpeg(orientation=6)), name="Import Foto.JPG"))
    image.save()
    assert image.file.name == "original_images/import-foto.jpg"
    with Image.open(image.file.path) as stored:
        assert stored.getexif().get_ifd(GPS_IFD) == {}


@pytest.mark.django_db
def test_polyglot_saved_in_code_is_refused_and_nothing_is_written(settings, tmp_path):
    # (Wagtail's model already fails to build around a file that is no whole image: it decodes it for the size.)
    settings.MEDIA_ROOT = tmp_path
    polyglot = jpeg(trailer=b"<script>alert(1)</script>")
    with pytest.raises(ValidationError):
        NewsImage(title="Polyglot", file=ImageFile(BytesIO(polyglot), name="x.jpg")).save()
    assert NewsImage.objects.count() == 0
    assert media_files(tmp_path) == []


# --- Through the newsroom's own views ---


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("eva", "eva@example.org", "geheim-wachtwoord-1")
    client.force_login(user)
    return client


def upload(data: bytes, name: str, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


ADMIN_REFUSED = [
    pytest.param(b"Dit is gewoon tekst, geen foto.\n" * 20, "foto.jpg", "Dit bestand is geen afbeelding", id="text"),
    pytest.param(SVG, "logo.svg", "SVG-bestanden worden niet aanvaard", id="svg"),
    pytest.param(SVG, "logo.png", "SVG-bestanden worden niet aanvaard", id="svg-as-png"),
    pytest.param(jpeg(trailer=b"<script>alert(1)</script>"), "x.jpg", "HTML of script", id="polyglot"),
    pytest.param(jpeg()[:-400], "afgebroken.jpg", "beschadigd of onvolledig", id="truncated-header"),
    pytest.param(truncated_jpeg(), "afgebroken.jpg", "beschadigd of onvolledig", id="truncated"),
    pytest.param(png_bomb(), "bom.png", "20.000 × 20.000 pixels", id="bomb"),
]


@pytest.mark.parametrize(("data", "name", "message"), ADMIN_REFUSED)
def test_add_view_refuses_with_message_and_stores_nothing(editor, media, data, name, message):
    response = editor.post(reverse("wagtailimages:add"), {"title": "Foto", "file": upload(data, name)})
    assert response.status_code == 400  # the form again, with the error
    assert message in response.content.decode()
    assert NewsImage.objects.count() == 0
    assert media_files(media) == []


def test_add_view_refuses_the_bomb_in_under_a_second(editor, media):
    assert editor.get(reverse("wagtailimages:add")).status_code == 200  # templates compiled: the time is the upload's
    started = time.perf_counter()
    response = editor.post(reverse("wagtailimages:add"), {"title": "Bom", "file": upload(png_bomb(), "bom.png")})
    elapsed = time.perf_counter() - started
    assert response.status_code == 400
    assert "20.000 × 20.000 pixels" in response.content.decode()
    assert NewsImage.objects.count() == 0
    print(f"\ndecompression bomb (20000x20000 PNG) refused through the add view in {elapsed * 1000:.0f} ms")
    assert elapsed < 1.0


def test_add_view_refuses_a_whole_image_under_pillows_guard_without_decoding_it(editor, media):
    """144 megapixels: under Pillow's bomb guard (2 x 89), over ours. Wagtail's own check decodes it to
    read its size (7.5 s and 670 MB here); ours reads the header."""
    bomb = valid_png_bomb(12_000)
    editor.get(reverse("wagtailimages:add"))
    started = time.perf_counter()
    response = editor.post(reverse("wagtailimages:add"), {"title": "Bom", "file": upload(bomb, "bom.png")})
    elapsed = time.perf_counter() - started
    assert response.status_code == 400
    assert "12.000 × 12.000 pixels (144 megapixel)" in response.content.decode()
    assert NewsImage.objects.count() == 0
    assert media_files(media) == []
    print(f"\nvalid 12000x12000 PNG ({len(bomb):,} bytes) refused through the add view in {elapsed * 1000:.0f} ms")
    assert elapsed < 1.0


def test_a_real_image_under_another_format_s_extension_gets_wagtails_dutch_message(editor, media):
    response = editor.post(reverse("wagtailimages:add"), {"title": "Foto", "file": upload(encoded("PNG"), "foto.jpg")})
    assert response.status_code == 400
    assert "Geen geldige .jpeg afbeelding" in response.content.decode()
    assert NewsImage.objects.count() == 0
    assert media_files(media) == []


def test_add_view_stores_a_clean_image_under_a_clean_name(editor, media):
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Evenepoel", "file": upload(jpeg(orientation=6), "Évenepoel – Ronde.JPG")},
    )
    assert response.status_code == 302
    image = NewsImage.objects.get()
    assert image.file.name == "original_images/evenepoel-ronde.jpg"
    stored = Path(image.file.path).read_bytes()
    assert image.file_size == len(stored)
    with Image.open(BytesIO(stored)) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {}
        assert opened.getexif()[ORIENTATION] == 6
    assert (image.width, image.height) == (64, 48)

    # Renditions come from the stored original: no GPS there either, and turned the right way.
    rendition = image.get_rendition("width-40")
    rendered = Path(rendition.file.path).read_bytes()
    with Image.open(BytesIO(rendered)) as opened:
        assert opened.format == "WEBP"
        assert opened.getexif().get_ifd(GPS_IFD) == {}
        assert opened.size == (40, 53)  # 48 x 64 after turning, scaled to 40 wide
        assert opened.getexif().get(ORIENTATION, 1) == 1  # turned once, not again by the browser
    assert b"Telefoon" not in rendered


def test_multiple_upload_refuses_with_message(editor, media):
    response = editor.post(reverse("wagtailimages:add_multiple"), {"files[]": upload(SVG, "logo.png", "image/png")})
    assert response.status_code == 200  # Wagtail's uploader reads the verdict from the JSON
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert "SVG-bestanden worden niet aanvaard" in answer["error_message"]
    assert NewsImage.objects.count() == 0 and UploadedFile.objects.count() == 0
    assert media_files(media) == []


def test_multiple_upload_stores_a_clean_image(editor, media):
    response = editor.post(reverse("wagtailimages:add_multiple"), {"files[]": upload(jpeg(), "Kopie.van.IMG_1.jpg")})
    assert json.loads(response.content)["success"] is True
    image = NewsImage.objects.get()
    assert image.file.name == "original_images/kopie-van-img-1.jpg"
    with Image.open(image.file.path) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {}


def test_multiple_upload_parked_for_its_title_is_cleaned_too(editor, media):
    """A title Wagtail refuses parks the file as an UploadedFile; the image made from it later is clean."""
    response = editor.post(
        reverse("wagtailimages:add_multiple"), {"files[]": upload(jpeg(), "foto.jpg"), "title": "x" * 300}
    )
    answer = json.loads(response.content)
    assert answer["success"] is True and "uploaded_file_id" in answer
    parked = UploadedFile.objects.get()
    with Image.open(parked.file.path) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {}
    response = editor.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[parked.pk]),
        {f"uploaded-image-{parked.pk}-title": "Foto", f"uploaded-image-{parked.pk}-collection": 1},
    )
    assert json.loads(response.content)["success"] is True
    image = NewsImage.objects.get()
    with Image.open(image.file.path) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {}
    assert image.file_size == Path(image.file.path).stat().st_size


def test_chooser_upload_refuses_with_message(editor, media):
    response = editor.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": "Foto", "image-chooser-upload-file": upload(b"geen foto" * 50, "foto.jpg")},
    )
    assert response.status_code == 200  # Wagtail's chooser script reads the error from a 200 JSON answer
    assert "Dit bestand is geen afbeelding" in json.loads(response.content)["htmlFragment"]
    assert NewsImage.objects.count() == 0
    assert media_files(media) == []


def test_chooser_upload_stores_a_clean_image(editor, media):
    response = editor.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": "Foto", "image-chooser-upload-file": upload(jpeg(), "Foto.JPG")},
    )
    assert response.status_code == 200
    image = NewsImage.objects.get()
    with Image.open(image.file.path) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {}


def test_refused_replacement_leaves_the_stored_image_intact(editor, media):
    editor.post(reverse("wagtailimages:add"), {"title": "Origineel", "file": upload(jpeg(), "origineel.jpg")})
    image = NewsImage.objects.get()
    before = Path(image.file.path).read_bytes()
    row = NewsImage.objects.values().get()

    response = editor.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Vervangen", "file": upload(jpeg()[:-400], "nieuw.jpg")},
    )
    assert response.status_code == 400
    assert "beschadigd of onvolledig" in response.content.decode()
    assert NewsImage.objects.values().get() == row
    assert Path(image.file.path).read_bytes() == before
    assert [path.name for path in media_files(media) if path.parent.name == "original_images"] == ["origineel.jpg"]


def test_editing_without_a_new_file_keeps_the_image(editor, media):
    editor.post(reverse("wagtailimages:add"), {"title": "Origineel", "file": upload(jpeg(), "origineel.jpg")})
    image = NewsImage.objects.get()
    before = Path(image.file.path).read_bytes()
    response = editor.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Nieuwe titel", "credit": "Belga"})
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.title, image.credit, image.file.name) == ("Nieuwe titel", "Belga", "original_images/origineel.jpg")
    assert Path(image.file.path).read_bytes() == before


def test_replacing_the_file_stores_the_clean_new_one(editor, media):
    editor.post(reverse("wagtailimages:add"), {"title": "Origineel", "file": upload(encoded("PNG"), "oud.png")})
    image = NewsImage.objects.get()
    old_path = Path(image.file.path)
    response = editor.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Vervangen", "file": upload(jpeg(), "Nieuw Beeld.JPG")},
    )
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name == "original_images/nieuw-beeld.jpg"
    with Image.open(image.file.path) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {}
    assert not old_path.exists()  # Wagtail deletes the replaced file
    assert image.file_size == Path(image.file.path).stat().st_size


# --- Images stored before the checks: tribune_strip_image_metadata ---


@pytest.mark.django_db
def test_strip_command_cleans_stored_originals_in_place(media):
    # Stored as it was before this module: straight to storage, the row pointing at it.
    original = jpeg(orientation=6)
    name = default_storage.save("original_images/oud.jpg", ContentFile(original))
    image = NewsImage.objects.create(title="Oud", file=name, file_size=len(original))
    rendition = image.get_rendition("width-40")
    rendered = Path(rendition.file.path).read_bytes()
    assert b"Exif" not in rendered  # Wagtail's WebP renditions carry no metadata: only originals need this

    out = StringIO()
    call_command("tribune_strip_image_metadata", stdout=out)
    assert out.getvalue().strip() == "1 images checked, 1 stripped"

    image.refresh_from_db()
    assert image.file.name == name  # same name, same URL
    stored = Path(image.file.path).read_bytes()
    with Image.open(BytesIO(stored)) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {} and opened.getexif()[ORIENTATION] == 6
    assert decoded(stored) == decoded(original)
    assert image.file_size == len(stored) and image.file_hash == hash_filelike(BytesIO(stored))
    assert Path(rendition.file.path).read_bytes() == rendered
    assert not [path for path in media_files(media) if path.name.startswith(".strip-")]

    out = StringIO()
    call_command("tribune_strip_image_metadata", stdout=out)
    assert out.getvalue().strip() == "1 images checked, 0 stripped"


@pytest.mark.django_db
def test_strip_command_leaves_a_broken_original_alone(media):
    image = NewsImage.objects.create(
        title="Kapot", file=default_storage.save("original_images/kapot.jpg", ContentFile(jpeg())), file_size=1
    )
    broken = jpeg()[:-200]
    Path(image.file.path).write_bytes(broken)
    err = StringIO()
    call_command("tribune_strip_image_metadata", stdout=StringIO(), stderr=err)
    assert f"image {image.pk}: corrupt, left as it is" in err.getvalue()
    assert Path(image.file.path).read_bytes() == broken
    assert NewsImage.objects.filter(pk=image.pk).values_list("file_size", flat=True).get() == 1


@pytest.mark.django_db
def test_strip_command_reports_a_missing_file_and_goes_on(media):
    gone = NewsImage.objects.create(
        title="Weg", file=default_storage.save("original_images/weg.jpg", ContentFile(jpeg())), file_size=1
    )
    Path(gone.file.path).unlink()
    kept = NewsImage.objects.create(
        title="Oud", file=default_storage.save("original_images/oud.jpg", ContentFile(jpeg())), file_size=1
    )
    out, err = StringIO(), StringIO()
    call_command("tribune_strip_image_metadata", stdout=out, stderr=err)
    assert f"image {gone.pk}: file original_images/weg.jpg is missing" in err.getvalue()
    assert out.getvalue().strip() == "2 images checked, 1 stripped"
    with Image.open(kept.file.path) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {}


# --- Documents: PDF only, as downloads ---


def test_document_that_is_not_a_pdf_is_refused(editor, media):
    response = editor.post(
        reverse("wagtaildocs:add"),
        {"title": "Persbericht", "file": upload(b"<html><script>alert(1)</script></html>", "persbericht.pdf", "x")},
    )
    assert response.status_code == 400
    assert "Alleen PDF-documenten worden aanvaard" in response.content.decode()
    assert get_document_model().objects.count() == 0
    assert media_files(media) == []


def test_document_with_another_extension_is_refused(editor, media):
    response = editor.post(
        reverse("wagtaildocs:add"), {"title": "Pagina", "file": upload(b"<html></html>", "pagina.html", "text/html")}
    )
    assert response.status_code == 400
    assert get_document_model().objects.count() == 0
    assert "pdf" in response.content.decode()


def test_document_chooser_upload_refuses_what_is_not_a_pdf(editor, media):
    response = editor.post(
        reverse("wagtaildocs_chooser:create"),
        {"document-chooser-upload-title": "Foto", "document-chooser-upload-file": upload(jpeg(), "foto.pdf")},
    )
    assert "Alleen PDF-documenten worden aanvaard" in json.loads(response.content)["htmlFragment"]
    assert get_document_model().objects.count() == 0
    assert media_files(media) == []


def test_refused_document_replacement_leaves_the_stored_one_intact(editor, media):
    editor.post(reverse("wagtaildocs:add"), {"title": "Reglement", "file": upload(pdf(), "reglement.pdf", "x")})
    document = get_document_model().objects.get()
    before = Path(document.file.path).read_bytes()
    response = editor.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Reglement", "file": upload(b"<html><script>alert(1)</script>", "reglement.pdf", "x")},
    )
    assert response.status_code == 400
    assert "Alleen PDF-documenten worden aanvaard" in response.content.decode()
    document.refresh_from_db()
    assert document.file.name == "documents/reglement.pdf"
    assert Path(document.file.path).read_bytes() == before
    assert media_files(media) == [Path(document.file.path)]


def test_pdf_is_stored_under_a_clean_name_and_served_as_a_download(editor, media, client):
    response = editor.post(
        reverse("wagtaildocs:add"), {"title": "Reglement", "file": upload(pdf(), "Reglement 2026.v2.PDF", "x")}
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.file.name == "documents/reglement-2026-v2.pdf"
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment")
    assert served["Content-Security-Policy"] == "default-src 'none'"


# --- Figures ---


def test_a_large_camera_jpeg_is_accepted_quickly(editor, media):
    """A 4000 x 3000 JPEG with GPS through the admin's add view; prints the time (run with -s)."""
    # Noise, so the file is as big as a camera's (a flat colour compresses to almost nothing).
    noise = [Image.effect_noise((4000, 3000), sigma) for sigma in (30, 40, 50)]
    buffer = BytesIO()
    Image.merge("RGB", noise).save(buffer, "JPEG", exif=camera_exif(orientation=6), xmp=XMP, quality=90)
    data = buffer.getvalue()
    started = time.perf_counter()
    response = editor.post(reverse("wagtailimages:add"), {"title": "Groot", "file": upload(data, "groot.jpg")})
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    with Image.open(NewsImage.objects.get().file.path) as opened:
        assert opened.getexif().get_ifd(GPS_IFD) == {}
    print(f"\n4000x3000 JPEG ({len(data):,} bytes) accepted through the add view in {elapsed * 1000:.0f} ms")
    assert elapsed < 5.0
