"""Slugs typed in the newsroom for sections, authors and tags: only what the reader URLs accept."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tribune.newsroom.models import Author, Section
from tribune.taxonomy.models import Tag

pytestmark = pytest.mark.django_db

MESSAGE = "Gebruik alleen kleine letters, cijfers en koppeltekens (zonder spaties)."


@pytest.fixture
def admin_client() -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.create_superuser("beheer", "b@example.org", "x-wachtwoord-1"))
    return client


FORMS = {
    "section": (
        "wagtailsnippets_newsroom_section:add",
        Section,
        {"name": "Club", "colour": "#123456", "sort_order": 1},
    ),
    "author": ("wagtailsnippets_newsroom_author:add", Author, {"name": "An Peeters"}),
    "tag": ("wagtailsnippets_taxonomy_tag:add", Tag, {"name": "Club Brugge", "kind": "club"}),
}


@pytest.mark.parametrize("kind", FORMS)
@pytest.mark.parametrize("slug", ["club_brugge", "Club-Brugge", "club--brugge", "-club"])
def test_a_slug_the_reader_urls_refuse_is_refused_with_a_message(admin_client, kind, slug):
    url_name, model, fields = FORMS[kind]
    response = admin_client.post(reverse(url_name), {**fields, "slug": slug})
    assert response.status_code in (200, 400)  # the form again, with the message
    assert MESSAGE in response.content.decode()
    assert not model.objects.filter(slug=slug).exists()


@pytest.mark.parametrize("kind", FORMS)
def test_a_good_slug_is_stored_and_its_page_opens(admin_client, kind):
    url_name, model, fields = FORMS[kind]
    response = admin_client.post(reverse(url_name), {**fields, "slug": "club-brugge-2"})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Client().get(model.objects.get(slug="club-brugge-2").get_absolute_url()).status_code == 200
