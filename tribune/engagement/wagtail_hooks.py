"""Reader comments in the newsroom: the moderation queue (Reacties), its actions, a dashboard panel."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import re_path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from tribune.engagement import admin_views
from tribune.engagement.admin_forms import CommentQueueFilterSet
from tribune.engagement.admin_queue import queue_counts
from tribune.engagement.models import Ban, Comment

ID = r"(?P<pk>[0-9]{1,18})"


class QueueMenuItem(MenuItem):
    """ "Reacties" in the admin menu, for moderators, with the queue size in the label."""

    def is_shown(self, request: Any) -> bool:
        return admin_views.can_moderate(request.user)

    def render_component(self, request: Any) -> LinkMenuItem:
        counts = queue_counts()
        label = f"{self.label} ({counts.total_label})" if counts.total else self.label
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class CommentViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Reacties")
    menu_name = "reacties"
    menu_order = 150  # after Artikels (100), before Structuur (200)
    add_to_admin_menu = True
    list_per_page = 25
    index_view_class = admin_views.CommentQueueView
    filterset_class = CommentQueueFilterSet
    inspect_view_enabled = False
    copy_view_enabled = False
    # Comments are written by readers, not edited here: nothing for Wagtail's reference index.
    add_to_reference_index = False

    @cached_property
    def menu_item_class(self) -> type[MenuItem]:
        return QueueMenuItem

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        # No add, edit, delete, history or usage views: a comment changes only through the moderation actions.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    @property
    def url_finder_class(self) -> type[ModelAdminURLFinder]:
        return type("CommentURLFinder", (ModelAdminURLFinder,), {"edit_url_name": self.get_url_name("detail")})

    def get_permissions_to_register(self) -> Any:
        # Only "change" means anything for comments: it is the moderator's permission.
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Comment), codename="change_comment"
        )

    def get_urlpatterns(self) -> list[Any]:
        return [
            re_path(r"^$", self.index_view, name="index"),
            re_path(r"^results/$", self.index_results_view, name="index_results"),
            re_path(r"^bulk/$", self.construct_view(admin_views.BulkView), name="bulk"),
            re_path(rf"^{ID}/$", self.construct_view(admin_views.CommentDetailView), name="detail"),
            re_path(rf"^{ID}/goedkeuren/$", self.construct_view(admin_views.ApproveView), name="approve"),
            re_path(rf"^{ID}/weigeren/$", self.construct_view(admin_views.RejectView), name="reject"),
            re_path(rf"^{ID}/uitlichten/$", self.construct_view(admin_views.FeatureView), name="feature"),
            re_path(rf"^{ID}/blokkeren/$", self.construct_view(admin_views.BanView), name="ban"),
        ]


comment_viewset = CommentViewSet("reacties")


@hooks.register("register_admin_viewset")
def register_comment_viewset() -> CommentViewSet:
    return comment_viewset


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request: Any, panels: list[Any]) -> None:
    if admin_views.can_moderate(request.user):
        panels.append(admin_views.ModerationPanel())


class BanPermissionPolicy(ModelPermissionPolicy):
    """Moderators may see and lift bans; bans are made only by "Schrijver blokkeren" on a comment."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in {"view", "delete"} and admin_views.can_moderate(user)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Ban, BanPermissionPolicy(Ban), exact_class=True)


class BanViewSet(ModelViewSet):
    model = Ban
    icon = "lock"
    menu_label = _("Blokkeringen")
    menu_name = "blokkeringen"
    add_to_settings_menu = True
    list_display = ["__str__", "reason", "comment", "moderator", "created_at"]
    list_filter = ["kind", "reason"]
    list_per_page = 50
    ordering = ["-created_at"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False

    # Lifting a ban is deleting it; there is nothing to add or edit by hand.
    form_fields = ["reason"]
    ROUTES = frozenset({"index", "index_results", "inspect", "delete"})

    def get_common_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_common_view_kwargs(
            add_url_name=None, edit_url_name=None, usage_url_name=None, history_url_name=None, **kwargs
        )

    def get_urlpatterns(self) -> list[Any]:
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in self.ROUTES]


ban_viewset = BanViewSet("blokkeringen")


@hooks.register("register_admin_viewset")
def register_ban_viewset() -> BanViewSet:
    return ban_viewset
