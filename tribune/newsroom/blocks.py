"""The building blocks of an article body, in the order a reporter reaches for them."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# Reporters format prose; layout belongs to the design, so no headings or embeds in here.
PARAGRAPH_FEATURES = ["bold", "italic", "link"]


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


class ReaderQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Vraag aan de lezers"), max_length=200)

    class Meta:
        icon = "help"
        label = _("Vraag aan de lezers")
        template = "newsroom/blocks/reader_question.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Alinea"), template="newsroom/blocks/paragraph.html"
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
