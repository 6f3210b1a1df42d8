import factory

from tribune.taxonomy.models import Tag, TagKind


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Speler {n}")
    slug = factory.Sequence(lambda n: f"speler-{n}")
    kind = TagKind.PERSON
