"""The building blocks of an article body, in the order a reporter reaches for them."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# Reporters format prose; layout belongs to the design, so no headings or embeds in here.
PARAGRAPH_FEATURES = ["bold", "italic", "link"]
# Characters of text in one paragraph (markup not counted). A long paragraph is a few hundred; a
# megabyte pasted by mistake took over a second to store on PostgreSQL, so the form refuses it.
PARAGRAPH_MAX_LENGTH = 10_000

# Wagtail's stored rich text escapes every "<" in the text, so a tag is exactly "<...>" and an
# entity ("&lt;", "&#x27;") is one character of text.
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


@deconstructible
class RichTextLengthValidator(MaxLengthValidator):
    """Wagtail's RichTextMaxLengthValidator, counting the same text in linear time.

    Wagtail's strips tags with html.parser and unescapes entity by entity: a megabyte of typed
    "<" (four megabytes of "&lt;") took seconds. Two regular-expression passes give the same count.
    """

    def clean(self, x: Any) -> int:
        return len(_ENTITY.sub("_", _TAG.sub("", str(getattr(x, "source", x)))))


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Afbeelding"))
    caption = blocks.CharBlock(label=_("Bijschrift"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = "newsroom/blocks/image.html"


class ExternalLinkBlock(blocks.StructBlock):
    """A link card for an outside page (Strava, YouTube, a club site...).

    Rendered from what the editor typed only: a page render never contacts the
    outside world, so a slow or hostile third party cannot slow or track readers.
    """

    url = blocks.URLBlock(label=_("URL"))
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    description = blocks.TextBlock(label=_("Omschrijving"), required=False, max_length=400)

    class Meta:
        icon = "link-external"
        label = _("Externe link")
        template = "newsroom/blocks/external_link.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        host = urlsplit(value["url"]).hostname or ""
        context["domain"] = host.removeprefix("www.")
        return context


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"))
    attribution = blocks.CharBlock(label=_("Bron"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Citaat")
        template = "newsroom/blocks/quote.html"


class QuestionKind(models.TextChoices):
    OPEN = "open", _("Open vraag: lezers antwoorden met een reactie")
    POLL = "poll", _("Peiling: lezers kiezen een antwoord")


POLL_MIN_OPTIONS = 2
POLL_MAX_OPTIONS = 6


class ReaderQuestionBlock(blocks.StructBlock):
    """The closing question to readers: answered in the comments, or by a poll.

    Publishing the article keeps its Poll row in step (tribune.engagement.services.poll_sync).
    """

    question = blocks.CharBlock(label=_("Vraag aan de lezers"), max_length=200)
    kind = blocks.ChoiceBlock(choices=QuestionKind.choices, default=QuestionKind.OPEN, label=_("Soort"))
    options = blocks.ListBlock(
        blocks.CharBlock(max_length=100, label=_("Antwoord")),
        default=[],
        max_num=POLL_MAX_OPTIONS,
        label=_("Antwoorden (peiling: 2 tot 6)"),
    )
    closed = blocks.BooleanBlock(
        required=False, label=_("Peiling gesloten"), help_text=_("Lezers zien dan alleen nog de uitslag.")
    )

    class Meta:
        icon = "help"
        label = _("Vraag aan de lezers")
        template = "newsroom/blocks/reader_question.html"

    def clean(self, value):
        value = super().clean(value)
        options = [option.strip() for option in value.get("options") or [] if option and option.strip()]
        if value.get("kind") == QuestionKind.POLL and not POLL_MIN_OPTIONS <= len(options) <= POLL_MAX_OPTIONS:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "options": ValidationError(
                        _("Een peiling heeft %(min)s tot %(max)s antwoorden."),
                        params={"min": POLL_MIN_OPTIONS, "max": POLL_MAX_OPTIONS},
                    )
                }
            )
        return value


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        validators=[RichTextLengthValidator(PARAGRAPH_MAX_LENGTH)],
        label=_("Alinea"),
        template="newsroom/blocks/paragraph.html",
    )
    subheading = blocks.CharBlock(
        max_length=120, label=_("Tussenkop"), icon="title", template="newsroom/blocks/subheading.html"
    )
    read_also = SnippetChooserBlock(
        "newsroom.Article", label=_("Lees ook"), icon="doc-full", template="newsroom/blocks/read_also.html"
    )
    image = ImageBlock()
    external_link = ExternalLinkBlock()
    quote = QuoteBlock()
    reader_question = ReaderQuestionBlock()

    class Meta:
        block_counts = {"reader_question": {"max_num": 1}}
