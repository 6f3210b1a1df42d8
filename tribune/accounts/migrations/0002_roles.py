"""The newsroom roles as groups (Verslaggever, Eindredacteur, Moderatoren, Beheerder) and the review workflow.

The table lives in tribune/accounts/roles.py; post_migrate and `tribune_sync_roles` run the same function, so a
later change to the table reaches existing databases without another data migration.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from tribune.accounts.roles import sync_roles

    sync_roles(apps)


def remove_roles(apps, schema_editor):
    from tribune.accounts.roles import REVIEW_TASK_NAME, WORKFLOW_NAME, Role

    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=REVIEW_TASK_NAME).delete()
    # The moderators' group belongs to engagement's migration 0003.
    names = [role.label for role in Role if role != Role.MODERATOR]
    apps.get_model("auth", "Group").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("engagement", "0003_moderators_group"),
        ("newsroom", "0006_article_comments_mode_reader_poll"),
        ("taxonomy", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # After Wagtail's own data migrations, which hand image and document rights to every admin group.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
