from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "tribune.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import published, unpublished

        from tribune.engagement.signals import comment_published
        from tribune.newsroom.models import Article
        from tribune.newsroom.scheduling import scheduler_ticked
        from tribune.webhooks import receivers

        # Only rows are written here (after commit); HTTP happens on the scheduler tick.
        published.connect(receivers.article_published, sender=Article, dispatch_uid="webhooks-published")
        unpublished.connect(receivers.article_unpublished, sender=Article, dispatch_uid="webhooks-unpublished")
        comment_published.connect(receivers.comment_published, dispatch_uid="webhooks-comment")
        scheduler_ticked.connect(receivers.deliver, dispatch_uid="webhooks-deliver")
