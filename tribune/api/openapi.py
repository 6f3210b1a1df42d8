"""The OpenAPI document as served at /api/v1/openapi.json, and its checked-in copy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CHECKED_IN = Path(__file__).with_name("openapi.json")
PREFIX = "/api/v1/"


def document() -> dict[str, Any]:
    from tribune.api.api import api

    return api.get_openapi_schema(path_prefix=PREFIX)  # type: ignore[return-value]


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
