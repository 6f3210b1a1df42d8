from __future__ import annotations

from typing import Any

from django.core.files.storage import FileSystemStorage
from django.core.management.base import BaseCommand, CommandError

from tribune.newsroom import uploads
from tribune.newsroom.models import NewsImage


class Command(BaseCommand):
    help = (
        "Strip GPS and other metadata from images stored before uploads were cleaned, in place "
        "(same names and URLs, same pixels). Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        storage = NewsImage._meta.get_field("file").storage  # type: ignore[attr-defined]
        if not isinstance(storage, FileSystemStorage):
            # Files are replaced by an atomic rename beside them, which only a local folder offers.
            raise CommandError("images must be on local disk (FileSystemStorage) to be replaced in place")
        checked = changed = 0
        for image_id in NewsImage.objects.order_by("pk").values_list("pk", flat=True).iterator():
            result = uploads.image_strip_metadata(image_id=image_id)
            if result.problem:
                self.stderr.write(f"image {image_id}: {result.problem}")
            checked += 1
            changed += result.changed
        self.stdout.write(f"{checked} images checked, {changed} stripped")
