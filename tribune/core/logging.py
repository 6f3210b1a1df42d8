"""One JSON object per log line, for production (journald, Loki, a log shipper): see config/settings/production.py.

Fields: `time` (ISO 8601, UTC, milliseconds), `level`, `logger`, `message`; `exception` (the formatted traceback)
when there is one; and for Django's request log (`django.request`, `django.server`) the request's `method`,
`path` and the answer's `status`. The demo keeps plain text lines (config/settings/base.py).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None:
            # A Django HttpRequest (django.request) or a socket (django.server): only the first has these.
            method, path = getattr(request, "method", None), getattr(request, "path", None)
            if isinstance(path, str):
                entry["method"] = method
                entry["path"] = path
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        # default=str: a message argument that JSON cannot encode still gives a line, never an error.
        return json.dumps(entry, ensure_ascii=False, default=str)
