"""The "Moderatoren" group: into the newsroom (wagtailadmin.access_admin) and allowed to moderate
reader comments (engagement.change_comment), nothing else."""

from django.db import migrations

GROUP = "Moderatoren"
PERMISSIONS = [("wagtailadmin", "admin", "access_admin"), ("engagement", "comment", "change_comment")]


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        # On a fresh database Django creates model permissions only after all migrations
        # (post_migrate), so make the ones this group needs now; post_migrate then finds them.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": "Can access Wagtail admin" if codename == "access_admin" else "Can change reactie"},
        )
        group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0002_comments_polls_moderation"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # After Wagtail grants "choose image/document" to every group with admin access,
        # so this group keeps only what moderating needs.
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
