"""The newsroom's password-reset form: Django's look-up and token, the mail rendered and sent in the background.

The request thread does exactly what an unknown address costs too (the one user query) plus, for an account,
an HMAC token (microseconds); rendering and sending happen in tribune.accounts.mailer's thread after the answer.
We render in the worker rather than render a decoy for unknown addresses in the request: a decoy would make both
paths equally slow, this makes both equally fast, and the template render is then off the request entirely.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.utils import translation
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
        message.send()
    except Exception:
        logger.exception("Failed to send password reset email to user %s", mail.context["user"].pk)


class BackgroundPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        # Called by Django's save() once per matching account, with the uid and token already made.
        mail = ResetMail(
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            html_email_template_name=html_email_template_name,
            context={**context, "user": reset_user(context["user"])},
            from_email=from_email,
            to_email=to_email,
            language=translation.get_language(),
        )
        mailer.submit(partial(send_reset_mail, mail))
