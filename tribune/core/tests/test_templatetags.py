from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from tribune.core.templatetags.tribune import relative_time_text, teaser

BRUSSELS = ZoneInfo("Europe/Brussels")


def test_teaser_cuts_at_word_boundary_with_three_dots():
    text = (
        "Steven Defour liep de marathon van Londen in drie uur en zesentwintig minuten "
        "en haalde geld op voor het goede doel."
    )
    result = teaser(text)
    assert result.endswith("...")
    assert len(result) <= 103
    assert text.startswith(result[:-3])
    assert not result[:-3].endswith(" ")
    assert text[len(result) - 3] == " "  # the cut falls on a space


def test_short_lead_is_left_alone():
    assert teaser("Kort en krachtig.") == "Kort en krachtig."


def test_teaser_without_spaces_still_cuts():
    assert teaser("x" * 300) == "x" * 100 + "..."


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=20), "net gepubliceerd"),
        (timedelta(minutes=12), "12 min. geleden"),
        (timedelta(hours=3), "3 uur geleden"),
    ],
)
@translation.override("nl-be")
def test_relative_time_recent(delta, expected):
    now = datetime(2026, 11, 27, 18, 0, tzinfo=BRUSSELS)
    assert relative_time_text(now - delta, now) == expected


@translation.override("nl-be")
def test_relative_time_yesterday_and_older():
    now = datetime(2026, 11, 27, 9, 0, tzinfo=BRUSSELS)
    assert relative_time_text(now - timedelta(hours=12), now) == "gisteren"
    assert relative_time_text(datetime(2026, 11, 2, 9, 0, tzinfo=BRUSSELS), now) == "2 nov"
    assert relative_time_text(datetime(2025, 3, 2, 9, 0, tzinfo=BRUSSELS), now) == "2 mrt 2025"
