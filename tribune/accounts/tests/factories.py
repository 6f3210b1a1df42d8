from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tribune.accounts.roles import Role

PASSWORD = "juist-wachtwoord-17"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"redacteur{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


def member(role: Role, **kwargs: Any) -> Any:
    """A newsroom user whose only rights come from one role group (made by the data migration)."""
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=role.label))
    return user
