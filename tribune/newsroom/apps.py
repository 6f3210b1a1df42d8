from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "tribune.newsroom"
    label = "newsroom"
    verbose_name = _("Redactie")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import pre_save
        from wagtail.models import UploadedFile
        from wagtail.signals import published, unpublished

        from tribune.newsroom import receivers, uploads
        from tribune.newsroom.models import Article

        # Wagtail's admin and its scheduler publish through revisions, not our
        # services, so the listing keys follow its signals.
        published.connect(receivers.sync_listing_keys, sender=Article, dispatch_uid="newsroom-published")
        unpublished.connect(receivers.sync_listing_keys, sender=Article, dispatch_uid="newsroom-unpublished")
        # The multiple uploader's parked files are cleaned like every other image (tribune/newsroom/uploads.py).
        pre_save.connect(uploads.clean_uploaded_image, sender=UploadedFile, dispatch_uid="newsroom-uploaded-image")
