"""Trigram GIN indexes so `headline__icontains` / `title__icontains` can use an index.

Django renders icontains on PostgreSQL as UPPER(col::text) LIKE UPPER('%q%'), so the
indexed expression is UPPER(col::text). The page-title index is created on Wagtail's own
table wagtailcore_page: the best Variant A can do for ORM title search.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("mc", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm",
            migrations.RunSQL.noop,
        ),
        migrations.RunSQL(
            "CREATE INDEX mc_article_headline_trgm ON mc_article "
            "USING gin (UPPER(headline::text) gin_trgm_ops)",
            "DROP INDEX IF EXISTS mc_article_headline_trgm",
        ),
        migrations.RunSQL(
            "CREATE INDEX mc_page_title_trgm ON wagtailcore_page "
            "USING gin (UPPER(title::text) gin_trgm_ops)",
            "DROP INDEX IF EXISTS mc_page_title_trgm",
        ),
    ]
