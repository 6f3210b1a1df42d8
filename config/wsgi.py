import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
django_application = get_wsgi_application()

from tribune.delivery.pagecache import page_cache_application  # noqa: E402  (needs Django set up)

application = page_cache_application(django_application)

from tribune.newsroom.scheduling import start_scheduler_thread  # noqa: E402  (needs Django set up)

start_scheduler_thread()
