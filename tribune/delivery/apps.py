from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "tribune.delivery"
    label = "delivery"
    verbose_name = _("Aflevering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import published, unpublished

        from tribune.delivery import receivers
        from tribune.newsroom.models import Article
        from tribune.newsroom.scheduling import scheduler_ticked

        published.connect(receivers.article_published, sender=Article, dispatch_uid="delivery-published")
        unpublished.connect(receivers.article_unpublished, sender=Article, dispatch_uid="delivery-unpublished")
        scheduler_ticked.connect(receivers.prune_purge_log, dispatch_uid="delivery-prune")
        receivers.connect_taxonomy()
