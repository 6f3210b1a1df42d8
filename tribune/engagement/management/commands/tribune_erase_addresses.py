from django.conf import settings
from django.core.management.base import BaseCommand

from tribune.engagement.services import addresses_erase_expired


class Command(BaseCommand):
    help = (
        "Erase comment writers' raw network addresses older than TRIBUNE_ADDRESS_RETENTION_DAYS. "
        "The scheduler does this every tick; run it yourself when the scheduler is off."
    )

    def handle(self, *args, **options):
        erased = addresses_erase_expired()
        self.stdout.write(f"{erased} address(es) erased (kept: {settings.TRIBUNE_ADDRESS_RETENTION_DAYS} days).")
