"""Pages go out gzipped to clients that accept it; images are sent as they are."""

from __future__ import annotations

import gzip

import pytest

from tribune.newsroom.tests.factories import NewsImageFactory, published_article

pytestmark = pytest.mark.django_db


def test_html_is_gzipped_when_accepted(client):
    published_article(headline="Gecomprimeerd nieuws")
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Gecomprimeerd nieuws" in gzip.decompress(response.content).decode()


def test_plain_html_without_accept_encoding(client):
    response = client.get("/")
    assert not response.has_header("Content-Encoding")


def test_uploaded_images_are_not_recompressed(client):
    image = NewsImageFactory()
    response = client.get(image.file.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
