from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from tribune.accounts.selectors import two_factor_required
from tribune.accounts.services import totp_device_remove


class Command(BaseCommand):
    help = (
        "Switch two-factor login off for a newsroom member who lost both the phone and the recovery codes; "
        "they log in with the password alone (and set it up again when their group requires it)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        totp_device_remove(user=user)
        then = " They must set it up again at their next login." if two_factor_required(user=user) else ""
        self.stdout.write(f"Two-factor login is off for {username}.{then}")
