"""Refuse webhook targets inside the network: the newsroom must not become a way to reach internal services."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class RefusedTarget(Exception):
    pass


def _is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def _resolve(host: str, port: int) -> set[str]:
    return {str(info[4][0]) for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)}


def check_target(url: str) -> list[str]:
    """Raise RefusedTarget unless `url` is http(s) and every address its host resolves to is public.

    Returns the checked addresses (empty when internal targets are allowed), so the caller can connect to one
    of them rather than resolve the name a second time (which an attacker's DNS could answer differently).
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise RefusedTarget("only http and https addresses")
    if settings.TRIBUNE_WEBHOOKS_ALLOW_PRIVATE:
        return []
    try:
        addresses = _resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (OSError, ValueError, UnicodeError) as exc:
        raise RefusedTarget("host does not resolve") from exc
    if not addresses or any(_is_internal(address) for address in addresses):
        raise RefusedTarget("refused internal address")
    return sorted(addresses)


def validate_target_url(url: str) -> None:
    """Model/form validator with a message for the newsroom."""
    try:
        check_target(url)
    except RefusedTarget as exc:
        if str(exc) == "host does not resolve":
            message = _("Deze servernaam bestaat niet (of is nu niet op te zoeken).")
        elif str(exc) == "only http and https addresses":
            message = _("Alleen http- en https-adressen zijn toegestaan.")
        else:
            message = _(
                "Dit adres wijst naar een intern of privé-netwerkadres (zoals 127.0.0.1, 10.x.x.x of "
                "169.254.x.x) en wordt geweigerd. Zie TRIBUNE_WEBHOOKS_ALLOW_PRIVATE."
            )
        raise ValidationError(message, code="refused_target") from exc
