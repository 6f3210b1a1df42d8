from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from tribune.core.progress import ProgressBar
from tribune.newsroom.bulk import MAX_COUNT, article_bulk_generate


class Command(BaseCommand):
    help = f"Create N synthetic published articles (up to {MAX_COUNT:,}) for scale tests and benchmarks."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("count", type=int, help="How many articles to create.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (same seed, same articles).")

    def handle(self, *args: Any, count: int, seed: int, **options: Any) -> None:
        if not 1 <= count <= MAX_COUNT:
            raise CommandError(f"count must be between 1 and {MAX_COUNT:,}, not {count:,}")
        bar = ProgressBar(count, label="articles")
        created = article_bulk_generate(count=count, seed=seed, progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Created {created:,} articles."))
