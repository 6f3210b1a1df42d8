"""Schemathesis generates requests from the OpenAPI document and sends them to the app in-process.

Every operation gets up to MAX_EXAMPLES generated requests (valid and invalid
parameters); no answer may be a server error, and every documented answer must
match its schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.wsgi import application

MAX_EXAMPLES = 30  # per operation, valid and invalid requests mixed


@pytest.fixture
def keep_test_connection():
    """As Django's test client: the request must not close the test's transaction (connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
def test_no_server_errors_and_answers_match_the_document(content, keep_test_connection):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    schema.validate()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11
    calls: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy(GenerationMode.POSITIVE) | operation.as_strategy(GenerationMode.NEGATIVE))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
        def check(case: schemathesis.Case) -> None:
            # The WSGI client does not decompress: ask for the plain body.
            response = case.call_and_validate(
                headers={"Accept-Encoding": "identity"}, checks=[not_a_server_error, response_schema_conformance]
            )
            calls.append(response.status_code)

        check()
    assert len(calls) > 5 * len(operations)
    assert {200, 404, 422} <= set(calls)
