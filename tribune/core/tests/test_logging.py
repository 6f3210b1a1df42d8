"""Production log lines are one JSON object each, with the request for Django's request log."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime

from django.test import RequestFactory

from tribune.core.logging import JsonFormatter


def _record(name: str = "tribune.test", msg: str = "hallo %s", args: tuple = ("wereld",), **extra) -> logging.LogRecord:
    record = logging.LogRecord(name, logging.WARNING, __file__, 1, msg, args, None)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def test_one_json_object_per_line_with_utc_time():
    line = JsonFormatter().format(_record())
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "tribune.test" and entry["message"] == "hallo wereld"
    moment = datetime.fromisoformat(entry["time"])
    assert moment.utcoffset().total_seconds() == 0
    assert "exception" not in entry and "path" not in entry


def test_exception_text_is_kept_in_the_line():
    try:
        raise ValueError("kapot")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "mislukt", (), sys.exc_info())
    line = JsonFormatter().format(record)
    assert "\n" not in line  # the traceback's newlines are escaped inside the string
    entry = json.loads(line)
    assert "Traceback" in entry["exception"] and "ValueError: kapot" in entry["exception"]


def test_django_request_records_carry_path_and_status():
    request = RequestFactory().get("/voetbal/")
    line = JsonFormatter().format(
        _record("django.request", "Not Found: %s", ("/voetbal/",), request=request, status_code=404)
    )
    entry = json.loads(line)
    assert entry["method"] == "GET" and entry["path"] == "/voetbal/" and entry["status"] == 404


def test_unencodable_arguments_still_give_a_line():
    entry = json.loads(JsonFormatter().format(_record(msg="%s", args=(object(),), extra_thing=object())))
    assert entry["message"].startswith("<object object")


def test_the_demo_keeps_plain_text():
    # Production's JSON lines are checked in test_production.py (its settings need a secret key).
    from config.settings.base import LOGGING

    assert LOGGING["handlers"]["console"]["formatter"] == "plain"
