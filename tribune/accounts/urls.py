"""Included at /redactie/ before Wagtail's admin URLs, so these paths take its login and password reset."""

from django.urls import path

from tribune.accounts import two_factor_views, views

urlpatterns = [
    path("login/", views.ThrottledLoginView.as_view(), name="accounts_login"),
    path("login/code/", two_factor_views.LoginCodeView.as_view(), name="accounts_login_code"),
    path("password_reset/", views.ThrottledPasswordResetView.as_view(), name="accounts_password_reset"),
]
