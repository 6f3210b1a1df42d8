from django.urls import re_path

from tribune.engagement import views

app_name = "engagement"

# Mounted at /reacties/ (config/urls.py). Ids are capped at 18 digits so no lookup overflows a bigint.
ID = r"(?P<pk>[0-9]{1,18})"
urlpatterns = [
    re_path(rf"^artikel/{ID}/$", views.comment_post, name="comment_post"),
    re_path(rf"^artikel/{ID}/peiling/$", views.poll_vote, name="poll_vote"),
    re_path(rf"^{ID}/$", views.comment_thread, name="thread"),
    re_path(rf"^{ID}/leuk/$", views.comment_like, name="like"),
    re_path(rf"^{ID}/melden/$", views.comment_report, name="report"),
]
