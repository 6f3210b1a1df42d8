import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from tribune.core.middleware import TextGZipMiddleware

PAGE = ("<p>Een pagina met genoeg tekst om te comprimeren.</p>\n" * 200).encode()


def respond(body: bytes = PAGE, content_type: str = "text/html; charset=utf-8", **headers: str):
    def view(request):
        response = HttpResponse(body, content_type=content_type)
        for name, value in headers.items():
            response[name] = value
        return response

    return view


def get(view, accept: str = "gzip, deflate, br"):
    return TextGZipMiddleware(view)(RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept))


def test_a_page_is_gzipped_with_vary_and_a_weak_etag():
    response = get(respond(ETag='"abc"'))
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == PAGE
    assert response["Content-Length"] == str(len(response.content))
    assert response["Vary"] == "Accept-Encoding"
    assert response["ETag"] == 'W/"abc"'


def test_the_gzip_header_carries_random_padding_against_breach():
    lengths = {len(get(respond()).content) for _ in range(20)}
    assert len(lengths) > 1  # a random-length file name: the same page compresses to different lengths
    assert get(respond()).content[3] & gzip.FNAME


@pytest.mark.parametrize(
    ("body", "content_type", "accept", "headers"),
    [
        (PAGE, "text/html", "identity", {}),  # the client does not take gzip
        (PAGE, "image/png", "gzip", {}),  # not text: images do not shrink
        (b"<p>kort</p>", "text/html", "gzip", {}),  # too short to gain
        (PAGE, "text/html", "gzip", {"Content-Encoding": "br"}),  # already encoded
    ],
)
def test_what_is_left_as_it_is(body, content_type, accept, headers):
    response = get(respond(body, content_type, **headers), accept=accept)
    assert response.content == body
    assert response.get("Content-Encoding") in (None, headers.get("Content-Encoding"))
