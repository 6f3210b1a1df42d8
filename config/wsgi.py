import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
django_application = get_wsgi_application()

from tribune.delivery.pagecache import page_cache_application  # noqa: E402  (needs Django set up)

application = page_cache_application(django_application)

from tribune.newsroom.scheduling import start_scheduler_thread  # noqa: E402  (needs Django set up)

start_scheduler_thread()

from django.urls import get_resolver  # noqa: E402

# Import every view module now rather than on the first request, then move everything loaded so far (Django,
# Wagtail, the app: some 200,000 objects) out of the garbage collector's reach. A full collection scanned them
# all: a 110 ms pause about once per thousand article requests, in the middle of one of them.
get_resolver().url_patterns  # noqa: B018
gc.freeze()
