"""A dashboard for each role (issue 11 item 6), made of Wagtail's dashboard panels.

- A **village editor** gets their village's pages, calendar and directory one click away, their
  drafts, and the pages of their village not yet in every language.
- **Regional staff** get the last 30 days of publishing, village by village.
- Both keep Wagtail's own "Awaiting your review": its tasks are the villages' approval tasks
  (home.roles.ensure_village_workflow), whose reviewers are the village's editors and the
  region's staff, so an editor sees their villages' submissions and staff the whole region's.

Everything is scoped by home.roles. Wagtail's page count is left out for everyone but
superusers: it counts the pages below the user's explorable root, which for anyone working in
two languages is the root of the tree, so every page of the installation. Each panel asks a
fixed number of queries, whatever the number of villages, pages or log entries.
"""

from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page, PageLogEntry
from wagtail.permissions import policy_registry

from . import roles
from .admin_lists import (
    shown_row,
    source_row,
    translation_status,
    villages_by_key,
    with_scheduled_revisions,
)

LIST_LENGTH = 10
PUBLISHING_DAYS = 30


def drop_installation_page_count(request, items):
    if not roles.is_unrestricted(request.user):
        items[:] = [item for item in items if not isinstance(item, PagesSummaryItem)]


def add_role_panels(request, panels):
    user = request.user
    if roles.is_unrestricted(user):
        return
    # Wagtail sorts the panels by their order.
    if roles.own_village_keys(user):
        panels += [VillageLinksPanel(), UntranslatedPagesPanel()]
    if roles.region_keys_for_user(user):
        panels.append(RegionPublishingPanel())
    panels.append(DraftsPanel())


class DashboardPanel(Component):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context["request"]
        return context


class VillageLinksPanel(DashboardPanel):
    """Each own village's page, calendar and directory, one click away."""

    name = "village_links"
    template_name = "home/dashboard/village_links.html"
    order = 50

    def get_context_data(self, parent_context):
        from directory.models import ENTRY_MODELS
        from events.models import EventIndexPage

        context = super().get_context_data(parent_context)
        language = get_language()
        villages = []
        for rows in villages_by_key(roles.own_village_keys(context["request"].user)).values():
            villages.append((shown_row(rows, language), source_row(rows)))
        villages.sort(key=lambda pair: pair[0].title.casefold())
        query = Q(pk__in=[])
        for shown, source in villages:
            for village in {shown, source}:
                query |= Q(path__startswith=village.path, depth=village.depth + 1)
        calendars = {
            calendar.path[: -Page.steplen]: calendar
            for calendar in EventIndexPage.objects.filter(query).order_by("path")
        }
        context["villages"] = [
            {
                "page": shown,
                # A calendar not yet translated: the Finnish one, rather than no link.
                "calendar": calendars.get(shown.path) or calendars.get(source.path),
                "directory": [
                    (
                        model._meta.verbose_name_plural,
                        reverse(model.snippet_viewset.get_url_name("list"))
                        + "?"
                        + urlencode({"villages": source.pk}),
                    )
                    for model in ENTRY_MODELS.values()
                ],
            }
            for shown, source in villages
        ]
        return context


class DraftsPanel(DashboardPanel):
    """Pages and directory entries with changes not yet published, last saved by the user."""

    name = "own_drafts"
    template_name = "home/dashboard/drafts.html"
    order = 150

    def get_context_data(self, parent_context):
        from directory.models import ENTRY_MODELS

        context = super().get_context_data(parent_context)
        user = context["request"].user
        editable = policy_registry.get_by_type(Page).instances_user_has_permission_for(
            user, "change"
        )
        pages = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
            .filter(pk__in=editable.values("pk"))
            .select_related("latest_revision", "locale")
            .annotate_approved_schedule()
            .prefetch_workflow_states()
            .order_by("-latest_revision__created_at")[:LIST_LENGTH]
        )
        drafts = [
            (page.latest_revision.created_at, page.get_admin_display_title(), page, None)
            for page in pages
        ]
        for model in ENTRY_MODELS.values():
            entries = roles.narrow_entries(
                model.objects.filter(has_unpublished_changes=True, latest_revision__user=user),
                user,
            ).select_related("latest_revision", "locale")
            edit = model.snippet_viewset.get_url_name("edit")
            drafts += [
                (
                    entry.latest_revision.created_at,
                    entry.latest_revision.object_str,
                    entry,
                    reverse(edit, args=[entry.pk]),
                )
                for entry in with_scheduled_revisions(
                    entries.order_by("-latest_revision__created_at")[:LIST_LENGTH]
                )
            ]
        drafts.sort(key=lambda draft: draft[0], reverse=True)
        context["drafts"] = [
            {
                "saved_at": saved_at,
                "title": title,
                "object": obj,
                "url": url or reverse("wagtailadmin_pages:edit", args=[obj.pk]),
                "language": obj.locale.language_code,
            }
            for saved_at, title, obj, url in drafts[:LIST_LENGTH]
        ]
        return context


class UntranslatedPagesPanel(DashboardPanel):
    """Pages of the user's villages that some content language lacks (an alias is not a
    translation: it only mirrors the Finnish page)."""

    name = "untranslated_pages"
    template_name = "home/dashboard/untranslated.html"
    order = 160

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = context["request"].user
        others = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        others.remove(settings.LANGUAGE_CODE)
        query = Q(pk__in=[])
        for rows in villages_by_key(roles.own_village_keys(user)).values():
            query |= Q(path__startswith=source_row(rows).path)
        translated = {
            code: Exists(
                Page.objects.filter(
                    translation_key=OuterRef("translation_key"),
                    locale__language_code=code,
                    alias_of__isnull=True,
                )
            )
            for code in others
        }
        missing = Q(pk__in=[])
        for code in others:
            missing |= Q(**{f"in_{code}": False})
        pages = (
            Page.objects.filter(query, locale__language_code=settings.LANGUAGE_CODE)
            .filter(alias_of__isnull=True)
            .annotate(**{f"in_{code}": exists for code, exists in translated.items()})
            .filter(missing)
            .order_by("-latest_revision_created_at", "path")
        )
        context["total"] = pages.count()
        context["pages"] = [
            {
                "page": page,
                "status": translation_status(
                    {settings.LANGUAGE_CODE}
                    | {code for code in others if getattr(page, f"in_{code}")}
                ),
            }
            for page in pages[:LIST_LENGTH]
        ]
        return context


class RegionPublishingPanel(DashboardPanel):
    """What each village of the user's regions published in the last 30 days, in any language."""

    name = "region_publishing"
    template_name = "home/dashboard/region_publishing.html"
    order = 40

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = context["request"].user
        keys = roles.village_keys_of_regions(roles.region_keys_for_user(user))
        villages = villages_by_key(keys)
        prefixes = {}
        for key, rows in villages.items():
            for row in rows:
                prefixes[row.path] = key
        counts, latest = defaultdict(int), {}
        since = timezone.now() - timedelta(days=PUBLISHING_DAYS)
        # One aggregate per depth at which villages lie (in practice one: below the region).
        for length in {len(path) for path in prefixes}:
            query = Q(pk__in=[])
            for path in prefixes:
                if len(path) == length:
                    query |= Q(page__path__startswith=path)
            published = (
                PageLogEntry.objects.filter(query, action="wagtail.publish", timestamp__gte=since)
                .annotate(village_path=Substr("page__path", 1, length))
                .values("village_path")
                .annotate(count=Count("pk"), latest=Max("timestamp"))
            )
            for row in published:
                key = prefixes[row["village_path"]]
                counts[key] += row["count"]
                latest[key] = max(filter(None, [latest.get(key), row["latest"]]))
        language = get_language()
        context["days"] = PUBLISHING_DAYS
        context["villages"] = sorted(
            (
                {
                    "page": shown_row(rows, language),
                    "count": counts[key],
                    "latest": latest.get(key),
                }
                for key, rows in villages.items()
            ),
            key=lambda village: village["page"].title.casefold(),
        )
        return context
