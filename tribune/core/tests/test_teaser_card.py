"""The teaser and "Meest recent" rows are printed by Python tags, not by included templates."""

from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from tribune.core.templatetags.tribune import Clock, relative_time_text
from tribune.newsroom.selectors import article_listing_queryset
from tribune.newsroom.tests.factories import NewsImageFactory, SectionFactory, published_article

BRUSSELS = ZoneInfo("Europe/Brussels")


def render(source: str, **context: object) -> str:
    return Template("{% load tribune %}" + source).render(Context(context))


def listed(article):
    return article_listing_queryset().get(pk=article.pk)


@pytest.mark.django_db
@translation.override("nl-be")
def test_teaser_card_with_image_lead_and_section():
    section = SectionFactory(slug="wielrennen", name="Wielrennen", colour="#c0392b")
    article = listed(
        published_article(
            headline="Van Aert <wint> & juicht", section=section, image=NewsImageFactory(), lead="x " * 200
        )
    )
    html = render(
        '{% teaser_card item size="top" image_set="wide" heading="h2" show_lead=True priority=True %}', item=article
    )
    url = article.get_absolute_url()
    assert html.startswith('<article class="teaser teaser--top">\n')
    assert f'<a class="teaser__media" href="{url}" tabindex="-1" aria-hidden="true"><img ' in html
    assert 'fetchpriority="high"' in html and 'loading="eager"' in html
    assert (
        '<a class="section-label" href="/wielrennen/" style="--section: #c0392b">Wielrennen</a> <time datetime="'
        in html
    )
    assert f'<h2 class="teaser__headline"><a href="{url}">Van Aert &lt;wint&gt; &amp; juicht</a></h2>' in html
    lead = html.split('<p class="teaser__lead">')[1].split("</p>")[0]
    assert lead.endswith("...") and len(lead) <= 163
    assert '<span class="reactions" title="0 reacties">' in html
    assert html.endswith("</article>\n")


@pytest.mark.django_db
@translation.override("nl-be")
def test_teaser_card_without_image_or_section_label():
    article = listed(published_article(headline="Kort"))
    html = render('{% teaser_card item size="row" image_set="thumb" hide_section=True %}', item=article)
    assert html.startswith('<article class="teaser teaser--row teaser--text">')
    assert "teaser__media" not in html and "section-label" not in html and "teaser__lead" not in html
    assert f'<h3 class="teaser__headline"><a href="{article.get_absolute_url()}">Kort</a></h3>' in html
    # An image without a rendition set is not shown either.
    with_image = listed(published_article(headline="Met beeld", image=NewsImageFactory()))
    assert "teaser--text" in render("{% teaser_card item %}", item=with_image)


@pytest.mark.django_db
@translation.override("nl-be")
def test_recent_items():
    article = listed(published_article(headline="Rode Duivels & co", lead="Een korte lead."))
    older = listed(published_article(headline="Ouder"))
    html = render("{% recent_items items %}", items=[article, older])
    assert html.startswith(
        f'<li class="recent__item">\n      <a class="recent__link" href="{article.get_absolute_url()}">'
    )
    assert '<span class="recent__headline">Rode Duivels &amp; co</span>' in html
    assert '<span class="recent__teaser">Een korte lead.</span>' in html
    assert html.count('<li class="recent__item">') == 2 and html.index("Rode Duivels") < html.index("Ouder")
    assert html.endswith("</span>\n    </li>")
    assert render("{% recent_items items %}", items=[]) == ""


@pytest.mark.django_db
def test_site_nav_marks_the_current_section_only():
    voetbal, tennis = SectionFactory(name="Voetbal", colour="#112233"), SectionFactory(name="Tennis & padel")
    html = render("{% site_nav sections current %}", sections=[voetbal, tennis], current=tennis)
    assert html.startswith(f'<li><a href="{voetbal.get_absolute_url()}" style="--section: #112233">Voetbal</a></li>')
    assert f'<a href="{tennis.get_absolute_url()}" style="--section: {tennis.colour}" aria-current="page">' in html
    assert ">Tennis &amp; padel</a></li>" in html
    assert "aria-current" not in render("{% site_nav sections current %}", sections=[voetbal, tennis], current="")


@translation.override("nl-be")
def test_one_clock_per_render():
    now = datetime(2026, 11, 27, 18, 0, tzinfo=BRUSSELS)
    moments = [now - timedelta(minutes=minutes) for minutes in (0, 5, 90, 60 * 30, 60 * 24 * 40)]
    with mock.patch("django.utils.timezone.now", return_value=now) as clock:
        html = render("{% for m in moments %}{% reltime m %}|{% endfor %}", moments=moments)
    assert clock.call_count == 1
    labels = [part.split(">")[1].split("<")[0] for part in html.split("|")[:-1]]
    assert labels == ["net gepubliceerd", "5 min. geleden", "1 uur geleden", "gisteren", "18 okt"]
    assert render("{% reltime None %}") == ""


@translation.override("nl-be")
def test_clock_matches_relative_time_text_around_midnight_and_new_year():
    now = datetime(2027, 1, 1, 0, 30, tzinfo=BRUSSELS)
    clock = Clock(now)
    for minutes in (0, 10, 45, 61, 120, 60 * 24, 60 * 24 * 3, 60 * 24 * 400):
        moment = now - timedelta(minutes=minutes)
        assert clock.text(moment) == relative_time_text(moment, now)
    assert clock.text(now - timedelta(hours=1)) == "gisteren"
    assert clock.text(datetime(2026, 12, 25, 12, 0, tzinfo=BRUSSELS)) == "25 dec 2026"
