"""The newsroom's password-reset form: the same work for an address with an account and one without.

Django's form renders and sends the mail inside the request, for accounts only, so the answer time told whether
an address has an account. Here the request thread does the same for both: the one user query, a token and a
job of plain data for tribune.accounts.mailer; for an address without an account that job is a decoy made from a
stand-in user. The worker thread renders and builds every message the same way and sends only the real ones.
Rendering in the worker keeps the template (and any SMTP wait) off the answer entirely; the decoy keeps the
request's CPU and the worker's load (which shares the process, and so the GIL, with the next requests) the same
on both paths. Only the network send differs, and it happens after the answer, mostly outside the GIL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template import loader
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.forms.auth import PasswordResetForm

from tribune.accounts import mailer

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResetUser:
    """What a reset mail's template may show of the account, copied in the request: no model instance (and so no
    database access, lazy relation or stale row) crosses to the worker thread."""

    pk: Any
    username: str
    email: str
    first_name: str
    last_name: str
    USERNAME_FIELD: str

    def get_username(self) -> str:
        return self.username

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name

    def __str__(self) -> str:
        return self.username


def reset_user(user: Any) -> ResetUser:
    return ResetUser(
        pk=user.pk,
        username=user.get_username(),
        email=getattr(user, get_user_model().get_email_field_name(), "") or "",
        first_name=getattr(user, "first_name", "") or "",
        last_name=getattr(user, "last_name", "") or "",
        USERNAME_FIELD=user.USERNAME_FIELD,
    )


@dataclass(frozen=True)
class ResetMail:
    """One reset mail as plain data: templates, their context (strings and a ResetUser) and the language."""

    subject_template_name: str
    email_template_name: str
    html_email_template_name: str | None
    context: dict[str, Any]
    from_email: str | None
    to_email: str
    language: str | None
    # False for the decoy of an address without an account: rendered and built, never sent.
    send: bool = True


def send_reset_mail(mail: ResetMail) -> None:
    """Render and send in the worker thread; a failure is logged with the account's id, never the address."""
    try:
        with translation.override(mail.language):
            subject = "".join(loader.render_to_string(mail.subject_template_name, mail.context).splitlines())
            body = loader.render_to_string(mail.email_template_name, mail.context)
            message = EmailMultiAlternatives(subject, body, mail.from_email, [mail.to_email])
            if mail.html_email_template_name is not None:
                message.attach_alternative(
                    loader.render_to_string(mail.html_email_template_name, mail.context), "text/html"
                )
            message.message()  # the MIME build a real send does, so the decoy costs the worker the same
        if mail.send:
            message.send()
    except Exception:
        logger.exception("Failed to send password reset email to user %s", mail.context["user"].pk)


def stand_in_user(email: str) -> Any:
    """An unsaved account for the decoy: same fields for the token and the template, never stored or mailed."""
    user_model = get_user_model()
    return user_model(
        **{user_model._meta.pk.attname: 0, user_model.USERNAME_FIELD: email.partition("@")[0]},
        **{user_model.get_email_field_name(): email},
        password="!decoy",  # unusable: "!" prefixed, as Django's set_unusable_password makes them
    )


class BackgroundPasswordResetForm(PasswordResetForm):
    def save(
        self,
        domain_override: str | None = None,
        subject_template_name: str = "registration/password_reset_subject.txt",
        email_template_name: str = "registration/password_reset_email.html",
        use_https: bool = False,
        token_generator: PasswordResetTokenGenerator = default_token_generator,
        from_email: str | None = None,
        request: HttpRequest | None = None,
        html_email_template_name: str | None = None,
        extra_email_context: dict[str, Any] | None = None,
    ) -> None:
        """Django's PasswordResetForm.save (5.2), with a decoy when no account matches; the mail goes to the worker."""
        email = self.cleaned_data["email"]
        if domain_override:
            site_name = domain = domain_override
        else:
            site = get_current_site(request)  # type: ignore[arg-type]  # the view always passes its request
            site_name, domain = site.name, site.domain
        email_field_name = get_user_model().get_email_field_name()
        accounts = [(user, True) for user in self.get_users(email)]
        for user, real in accounts or [(stand_in_user(email), False)]:
            user_email = getattr(user, email_field_name)
            context = {
                "email": user_email,
                "domain": domain,
                "site_name": site_name,
                "uid": urlsafe_base64_encode(force_bytes(get_user_model()._meta.pk.value_to_string(user))),
                "user": reset_user(user),
                "token": token_generator.make_token(user),
                "protocol": "https" if use_https else "http",
                **(extra_email_context or {}),
            }
            mail = ResetMail(
                subject_template_name=subject_template_name,
                email_template_name=email_template_name,
                html_email_template_name=html_email_template_name,
                context=context,
                from_email=from_email,
                to_email=user_email,
                language=translation.get_language(),
                send=real,
            )
            mailer.submit(partial(send_reset_mail, mail))
