"""Moved to home.roles, the one module of permission checks; kept for old imports."""

from home.roles import (  # noqa: F401
    DIRECTORY_ACTIONS as VILLAGE_EDITOR_ACTIONS,
)
from home.roles import (  # noqa: F401
    VillagePermissionPolicy,
    village_keys_for_user,
)
