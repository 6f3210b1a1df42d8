"""The newsroom's roles: four groups with exactly the permissions each job needs, kept in sync by code.

Articles, authors and tags are Wagtail snippets (model permissions), images and documents are
permissions per collection (the root collection here), and the reader site is no page tree, so only
the admin role gets page permissions. `sync_roles` takes a model registry so the data migration
(historical models) and `tribune_sync_roles` / post_migrate (current models) run the same code;
it sets each role group's permissions to exactly this table, so running it again repairs drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models

# Group names are stored data that other code and operators look up, so they are plain Dutch strings,
# never translated at run time.


class Role(models.TextChoices):
    REPORTER = "reporter", "Verslaggever"
    EDITOR = "editor", "Eindredacteur"
    # The comment moderators' group existed before the roles (engagement migration 0003, its tests and
    # docs use the name), so the role adopts that group rather than making a second one beside it.
    MODERATOR = "moderator", "Moderatoren"
    ADMIN = "admin", "Beheerder"


# (app_label, model, codename). The model names the content type the permission hangs on.
Perm = tuple[str, str, str]

ACCESS_ADMIN: Perm = ("wagtailadmin", "admin", "access_admin")


def _model(app_label: str, model: str, *actions: str) -> list[Perm]:
    return [(app_label, model, f"{action}_{model}") for action in actions]


@dataclass(frozen=True)
class RoleSpec:
    permissions: list[Perm]
    # Per collection (Wagtail images and documents), granted on the root collection: codenames.
    collection_permissions: list[Perm] = field(default_factory=list)
    # Members approve articles submitted for review (the "Eindredactie" workflow's task).
    reviews: bool = False


ROLES: dict[Role, RoleSpec] = {
    # Writes and edits drafts, uploads images, submits for review. No publish_article: no publishing,
    # unpublishing or scheduling (a schedule takes effect only when published). New tags for new names.
    Role.REPORTER: RoleSpec(
        permissions=[
            ACCESS_ADMIN,
            *_model("newsroom", "article", "add", "change", "view"),
            *_model("taxonomy", "tag", "add", "view"),
            ("newsroom", "author", "view_author"),
        ],
        collection_permissions=[
            # "add" also lets them edit and delete their own uploads (Wagtail's ownership rule).
            *_model("wagtailimages", "image", "add", "choose"),
            *_model("wagtaildocs", "document", "add", "choose"),
        ],
    ),
    # Everything about articles short of deleting them, plus the people around them (authors, tags).
    Role.EDITOR: RoleSpec(
        permissions=[
            ACCESS_ADMIN,
            *_model("newsroom", "article", "add", "change", "view", "publish", "lock", "unlock"),
            *_model("newsroom", "author", "add", "change", "view"),
            *_model("taxonomy", "tag", "add", "change", "delete", "view"),
        ],
        collection_permissions=[
            *_model("wagtailimages", "image", "add", "change", "choose"),
            *_model("wagtaildocs", "document", "add", "change", "choose"),
        ],
        reviews=True,
    ),
    # Reader comments only: the queue, its actions and bans (engagement checks change_comment).
    Role.MODERATOR: RoleSpec(permissions=[ACCESS_ADMIN, ("engagement", "comment", "change_comment")]),
    # Every permission there is (see ALL below), including users, groups, settings and the page tree.
    Role.ADMIN: RoleSpec(permissions=[], reviews=True),
}

# Beheerder gets every permission in the database at sync time, so a new app's permissions reach it at
# the next migrate without editing this table.
ALL_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
ALL_COLLECTION_PERMISSIONS: list[Perm] = [
    # Managing collections themselves is a per-collection permission too.
    *_model("wagtailcore", "collection", "add", "change", "delete"),
    *_model("wagtailimages", "image", "add", "change", "delete", "choose"),
    *_model("wagtaildocs", "document", "add", "change", "delete", "choose"),
]

WORKFLOW_NAME = "Eindredactie"
REVIEW_TASK_NAME = "Nakijken door de eindredactie"


def _permission(apps: Any, perm: Perm) -> Any:
    """The permission, made if missing: on a fresh database Django creates model permissions only after all
    migrations (post_migrate), and the data migration runs before that."""
    app_label, model, codename = perm
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model
    )
    action = codename.removesuffix(f"_{model}").replace("_", " ")
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {action} {model}"[:255]}
    )
    return permission


def _permissions(apps: Any, perms: set[Perm]) -> dict[Perm, Any]:
    """The permissions, looked up in one query (this runs on every migrate and test-database flush)."""
    Permission = apps.get_model("auth", "Permission")
    rows = Permission.objects.filter(codename__in={codename for _app, _model, codename in perms}).select_related(
        "content_type"
    )
    found = {(row.content_type.app_label, row.content_type.model, row.codename): row for row in rows}
    return {perm: found.get(perm) or _permission(apps, perm) for perm in perms}


def sync_roles(apps: Any) -> dict[Role, Any]:
    """Create or repair the four role groups, their permissions and the review workflow; returns the groups."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    page_perms = [("wagtailcore", "page", codename) for codename in ALL_PAGE_PERMISSIONS]
    wanted: set[Perm] = {*ALL_COLLECTION_PERMISSIONS, *page_perms}
    for spec in ROLES.values():
        wanted.update(spec.permissions, spec.collection_permissions)
    lookup = _permissions(apps, wanted)
    collection_root = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    page_root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()

    groups: dict[Role, Any] = {}
    for role, spec in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role.label)
        groups[role] = group
        if role == Role.ADMIN:
            group.permissions.set(Permission.objects.all())
            collection_perms, pages = ALL_COLLECTION_PERMISSIONS, page_perms
        else:
            group.permissions.set([lookup[perm] for perm in spec.permissions])
            collection_perms, pages = spec.collection_permissions, []
        _sync_object_permissions(
            apps.get_model("wagtailcore", "GroupCollectionPermission"),
            group,
            "collection",
            collection_root,
            {lookup[perm].pk for perm in collection_perms},
        )
        _sync_object_permissions(
            apps.get_model("wagtailcore", "GroupPagePermission"),
            group,
            "page",
            page_root,
            {lookup[perm].pk for perm in pages},
        )
    _sync_review_workflow(apps, [groups[role] for role, spec in ROLES.items() if spec.reviews])
    return groups


def _sync_object_permissions(model: Any, group: Any, field: str, root: Any, wanted: set[int]) -> None:
    """Exactly `wanted` on the root collection or page for this group; anything else it holds there goes."""
    if root is None:
        wanted = set()
    model.objects.filter(group=group).exclude(**{field: root, "permission_id__in": wanted}).delete()
    have = set(model.objects.filter(group=group).values_list("permission_id", flat=True))
    model.objects.bulk_create(
        [model(group=group, permission_id=permission_id, **{field: root}) for permission_id in wanted - have]
    )


def _sync_review_workflow(apps: Any, reviewers: list[Any]) -> None:
    """Articles go through "Eindredactie" (one approval task for the reviewing roles) when submitted for review.

    The workflow is assigned to articles only while no other workflow is: an operator who assigns another
    one in the admin keeps it.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=REVIEW_TASK_NAME,
            active=True,
            # The specific type, which a historical model does not fill in itself.
            content_type=ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")[0],
        )
    task.groups.set(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    article_type, _ = ContentType.objects.get_or_create(app_label="newsroom", model="article")
    WorkflowContentType.objects.get_or_create(content_type=article_type, defaults={"workflow": workflow})
