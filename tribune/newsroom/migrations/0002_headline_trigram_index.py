"""Trigram index for the newsroom's headline search on PostgreSQL.

Django's `icontains` compiles to `UPPER(headline::text) LIKE UPPER('%q%')`, so the
index is on that expression. SQLite has no such index; a scan of headlines there
stays well under the newsroom's one-second budget (see bench/).
"""

from django.db import migrations

CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS article_headline_trgm ON newsroom_article "
    "USING gin (UPPER(headline::text) gin_trgm_ops)",
)
DROP = ("DROP INDEX IF EXISTS article_headline_trgm",)


def _run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_initial")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
