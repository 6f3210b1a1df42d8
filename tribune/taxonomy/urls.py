from django.urls import re_path

from tribune.taxonomy import views

app_name = "taxonomy"

urlpatterns = [
    re_path(r"^(?P<slug>[-a-z0-9]{1,100})/$", views.tag_detail, name="tag"),
]
