from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from config.env import ENV
from tribune.core.progress import ProgressBar
from tribune.engagement.demo import load_demo_engagement
from tribune.newsroom.demo_loader import DemoFixtureError, demo_editor_ensure, demo_is_loaded, load_demo, read_fixture


class Command(BaseCommand):
    help = (
        "Load the demo newsroom (sections, authors, tags, images, 300+ articles, reader comments and poll votes) "
        "into an empty site."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--force", action="store_true", help="Load even if the site already has articles.")

    def handle(self, *args: Any, **options: Any) -> None:
        username, password = demo_editor_ensure(password_file=ENV.data_dir / "demo-login.txt")
        if demo_is_loaded() and not options["force"]:
            self.stdout.write("Demo content already loaded; keeping it.")
        else:
            try:
                fixture = read_fixture()
            except DemoFixtureError as exc:
                raise CommandError(str(exc)) from exc
            bar = ProgressBar(len(fixture["articles"]), label="demo articles")
            result = load_demo(fixture=fixture, progress=bar.update)
            self.stdout.write(
                f"Loaded {result.articles} published and {result.scheduled} scheduled articles, {result.images} images."
            )
            engagement = load_demo_engagement()
            self.stdout.write(
                f"Readers wrote {engagement.comments} comments ({engagement.pending} waiting for moderation) "
                f"and cast {engagement.votes} poll votes."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Newsroom: {settings.TRIBUNE_SITE_URL}/redactie/  user: {username}  password: {password}"
            )
        )
