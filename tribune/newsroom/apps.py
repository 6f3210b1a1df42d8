from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "tribune.newsroom"
    label = "newsroom"
    verbose_name = _("Redactie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import published, unpublished

        from tribune.newsroom import receivers
        from tribune.newsroom.models import Article

        # Wagtail's admin and its scheduler publish through revisions, not our
        # services, so the listing keys follow its signals.
        published.connect(receivers.sync_listing_keys, sender=Article, dispatch_uid="newsroom-published")
        unpublished.connect(receivers.sync_listing_keys, sender=Article, dispatch_uid="newsroom-unpublished")
