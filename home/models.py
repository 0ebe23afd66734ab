"""The editorial tree: regions, villages, news and standard pages, plus the shared Topic taxonomy.

Page tree (docs/design.md): HomePage (a region, the root of one Wagtail Site) → VillagePage →
sections.
Every index page lists what lies below its own parent, so one NewsIndexPage model serves both a
village's news and the region-wide aggregate.
"""

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Collection, Page, TranslatableMixin, Workflow
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .blocks import BodyBlock
from .forms import PageForm, VillagePageForm
from .pagination import paginate
from .text import CleanTextMixin
from .visibility import AliasSourceRestrictionsMixin, public


class Topic(CleanTextMixin, TranslatableMixin, models.Model):
    """One shared taxonomy for news, events and the directory (culture, sports, ...)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in filter addresses; the same in every language."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PageImageMixin(models.Model):
    """A lead image with alt text that belongs to the page (and so is translated with it)."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Left empty, the image's own "
            "description is used."
        ),
    )

    image_panels = [MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], _("Image"))]
    # Every page with an image (and a body) checks what its fields refer to (home.references).
    base_form_class = PageForm

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            # The description given at upload is the alt text, unless the page says otherwise:
            # nobody should have to type it twice.
            self.image_alt = self.image.description.strip()
        if self.image_id and not self.image_alt:
            raise ValidationError({"image_alt": _("Describe the image for screen reader users.")})


class ContentPage(AliasSourceRestrictionsMixin, CleanTextMixin, PageImageMixin, Page):
    """The fields every ordinary page has: an introduction, a lead image and a body."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(ContentPage):
    """A region: the root page of one Wagtail Site, e.g. "Himoksen seutu" or "Iitin kylät"."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.VillagePage",
        "home.NewsIndexPage",
        "events.EventIndexPage",
        "home.StandardPage",
        "directory.DirectoryPage",
    ]

    class Meta:
        verbose_name = _("region home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["villages"] = public(VillagePage.objects.child_of(self)).select_related("image")
        context["latest_news"] = news_listing(self, limit=6)
        context["news_index"] = public(NewsIndexPage.objects.child_of(self)).first()
        return context


class VillagePage(ContentPage):
    """One village. Its editor group's permissions start here (see home.roles)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "home.NewsIndexPage",
        "events.EventIndexPage",
        "home.StandardPage",
        "directory.DirectoryPage",
    ]

    base_form_class = VillagePageForm

    class Meta:
        verbose_name = _("village page")

    def permissions_for_user(self, user):
        # Only regional staff may unpublish, restrict, delete or move a village (home.roles).
        from .roles import VillagePagePermissionTester

        return VillagePagePermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = news_listing(self, limit=4)
        context["news_index"] = public(NewsIndexPage.objects.child_of(self)).first()
        return context


class StandardPage(ContentPage):
    """About pages, the accessibility statement, the privacy notice, a village's history."""

    parent_page_types = ["home.HomePage", "home.VillagePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ScopedIndexPage(AliasSourceRestrictionsMixin, CleanTextMixin, RoutablePageMixin, Page):
    """An index of everything below its own parent: one village's, or a whole region's.

    The news index and the event calendar are both this kind of page.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "home.VillagePage"]

    class Meta:
        abstract = True

    @cached_property
    def scope(self):
        """The page whose descendants this index lists: the village or the region."""
        return self.get_parent().specific

    @property
    def is_region_index(self):
        return isinstance(self.scope, HomePage)

    def villages(self):
        return public(VillagePage.objects.child_of(self.scope)).order_by("title")


class NewsIndexPage(ScopedIndexPage):
    """News of everything below this page's parent: one village, or a whole region."""

    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    @path("")
    def index_view(self, request):
        from .params import VillageFilterForm

        villages = list(self.villages()) if self.is_region_index else None
        form = VillageFilterForm(request.GET or None, villages=villages)
        village = form.selected(villages)
        page_obj = paginate(request, news_queryset(village or self.scope))
        attach_villages(page_obj.object_list, village or self.scope)
        attach_topics(page_obj.object_list)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "news_items": page_obj.object_list,
                "selected_village": village,
                "village_choices": villages,
                "filter_form": form,
            },
        )

    @path("feed/", name="feed")
    def feed_view(self, request):
        from .feeds import NewsFeed

        return NewsFeed(self)(request)


class NewsPage(AliasSourceRestrictionsMixin, CleanTextMixin, PageImageMixin, Page):
    # Indexed: every news listing is ordered by it.
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    lead = models.TextField(
        _("lead"), max_length=400, help_text=_("One or two sentences shown in listings and feeds.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        *PageImageMixin.image_panels,
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news page")

    @cached_property
    def village(self):
        """The village this news belongs to, from its place in the tree (None at region level)."""
        return VillagePage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attach_topics([self])
        return context


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Per-region settings: the pages the footer links to on every page, and a contact address."""

    accessibility_statement = models.ForeignKey(
        Page,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_notice = models.ForeignKey(
        Page,
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    panels = [
        FieldPanel("accessibility_statement"),
        FieldPanel("privacy_notice"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("site settings")


class VillageEditors(models.Model):
    """The editor group and media collection of one village, shared by all its translations.

    Keyed by the village's translation key rather than stored on the page, so that publishing an
    old revision of the page can never detach a village from its editors.
    """

    village_key = models.UUIDField(unique=True, editable=False)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="village_editors")
    collection = models.ForeignKey(Collection, on_delete=models.PROTECT, related_name="+")
    # The village's moderation workflow (home.roles.ensure_village_workflow); kept here so that
    # renaming it in the admin does not make a second one.
    workflow = models.ForeignKey(
        Workflow, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("village editors")
        verbose_name_plural = _("village editors")

    def __str__(self):
        return self.group.name


class RegionStaff(models.Model):
    """The staff group and media collection of one region (a HomePage and its translations).

    Made with the region's home page (home.roles.ensure_region_staff), as VillageEditors is made
    with a village, and keyed the same way, by the home page's translation key.
    """

    region_key = models.UUIDField(unique=True, editable=False)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="region_staff")
    collection = models.ForeignKey(Collection, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("regional staff")
        verbose_name_plural = _("regional staff")

    def __str__(self):
        return self.group.name


# Listings ---------------------------------------------------------------------------------------


def news_queryset(scope):
    """Public news (home.visibility) below `scope`, newest first, loaded for listing without
    fan-out."""
    return (
        public(NewsPage.objects.descendant_of(scope))
        .defer_streamfields()
        .select_related("image", "locale")
        .prefetch_related("image__renditions", "topics")
        .order_by("-date", "-first_published_at", "-pk")
    )


def news_listing(scope, limit):
    items = list(news_queryset(scope)[:limit])
    attach_villages(items, scope)
    attach_topics(items)
    return items


def attach_villages(pages, scope):
    """Set `village` on each page below `scope` (a region or a village) with at most one query.

    A village is an ancestor, so its tree path is a prefix of the page's path.
    """
    if isinstance(scope, VillagePage):
        villages = [scope]
    else:
        villages = list(VillagePage.objects.child_of(scope)) if pages else []
    for page in pages:
        page.village = next((v for v in villages if page.path.startswith(v.path)), None)


def attach_topics(pages):
    """Set `topic_list` on each page: its topics in the page's own language, with one query.

    A translated page may still point at the Finnish topics it was copied from, so topics are
    matched to the page's locale through their translation key (falling back to the original).
    """
    topics_by_page = {page.pk: list(page.topics.all()) for page in pages}
    keys = {topic.translation_key for topics in topics_by_page.values() for topic in topics}
    localized = {}
    if keys:
        for topic in Topic.objects.filter(translation_key__in=keys):
            localized[topic.translation_key, topic.locale_id] = topic
    for page in pages:
        page.topic_list = sorted(
            (
                localized.get((t.translation_key, page.locale_id), t)
                for t in topics_by_page[page.pk]
            ),
            key=lambda topic: topic.name,
        )
