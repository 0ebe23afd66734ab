"""The StreamField blocks shared by every page type.

A deliberately small set: volunteer editors get headings, text, images with alt text and quotes,
which covers village news and information pages without inviting layout experiments.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# Rich text features: no headings (use the heading block, which keeps the outline in order),
# no inline images (use the image block, which asks for alt text).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
        help_text=_("Use level 2 for sections, level 3 for parts of a section."),
        # Its label ("Heading 2") is no word of the text: keep it out of search excerpts.
        search_index=False,
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="components/blocks/paragraph.html"
    )
    image = FigureBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
