"""The served OpenAPI document is the checked-in one (so API changes show in review) and is valid OpenAPI 3."""

from __future__ import annotations

import json

from tribune.api.openapi import CHECKED_IN, dumps

REGENERATE = "run `.venv/bin/python manage.py tribune_api_openapi` and commit tribune/api/openapi.json"


def test_served_document_equals_checked_in_copy(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = response.json()
    assert dumps(served) == CHECKED_IN.read_text(encoding="utf-8"), f"The API changed: {REGENERATE}."


def test_document_is_valid_openapi_3():
    import schemathesis
    from schemathesis.specs.openapi.schemas import OpenApiSchema

    document = json.loads(CHECKED_IN.read_text(encoding="utf-8"))
    assert document["openapi"].startswith("3.")
    schema = schemathesis.openapi.from_dict(document)
    assert isinstance(schema, OpenApiSchema)
    schema.validate()  # against the OpenAPI 3.x meta-schema; raises with the offending part
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{operation.method.upper()} {operation.path}" for operation in operations} >= {
        "GET /api/v1/articles",
        "GET /api/v1/articles/{id}",
        "GET /api/v1/articles/{id}/comments",
        "GET /api/v1/articles/{id}/poll",
        "GET /api/v1/recent",
        "GET /api/v1/sections",
        "GET /api/v1/sections/{slug}",
        "GET /api/v1/tags",
        "GET /api/v1/tags/{slug}",
        "GET /api/v1/authors",
        "GET /api/v1/authors/{slug}",
    }
