from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tribune.api.openapi import CHECKED_IN, document, dumps


class Command(BaseCommand):
    help = "Write the content API's OpenAPI document to tribune/api/openapi.json (checked in, compared in CI)."

    def handle(self, *args: Any, **options: Any) -> None:
        CHECKED_IN.write_text(dumps(document()), encoding="utf-8")
        self.stdout.write(f"Wrote {CHECKED_IN}")
