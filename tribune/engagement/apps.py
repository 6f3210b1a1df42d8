from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "tribune.engagement"
    label = "engagement"
    verbose_name = _("Reacties")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import published

        from tribune.engagement import receivers
        from tribune.newsroom.models import Article
        from tribune.newsroom.scheduling import scheduler_ticked

        # The admin and the scheduler publish through Wagtail revisions: the poll follows its signal.
        published.connect(receivers.sync_poll, sender=Article, dispatch_uid="engagement-poll")
        scheduler_ticked.connect(receivers.housekeeping, dispatch_uid="engagement-housekeeping")
