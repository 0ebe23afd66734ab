"""Moved to home.roles, the one module of permission checks; kept for old imports."""

from .roles import (  # noqa: F401
    VILLAGE_COLLECTION_PERMISSIONS,
    VILLAGE_PAGE_PERMISSIONS,
    VillagePagePermissionTester,
    ensure_village_editors,
    grant_collection_permissions,
    grant_page_permissions,
    group_name,
)
