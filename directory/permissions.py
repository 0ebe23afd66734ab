"""Who may edit which directory entry: village editors their own villages', regional staff all.

A user whose permission on an entry model comes only from village editor groups
(home.VillageEditors) may act on entries that belong to at least one of those villages. A user
who holds the permission any other way (a regional staff group, a permission of their own) or is
a superuser may act on every entry. Villages are compared by translation key, so an entry's
translations belong to the same villages as its Finnish source.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

# What a village editor group gets on each entry model.
VILLAGE_EDITOR_ACTIONS = ["add", "change", "delete", "view", "publish"]


def village_keys_for_user(user):
    """The translation keys of the user's villages, or None when the user is not restricted.

    Cached on the user object (one request): the admin asks once per listed row.
    """
    cached = getattr(user, "_directory_village_keys", False)
    if cached is not False:
        return cached
    from home.models import VillageEditors

    if not user.is_active or user.is_anonymous:
        keys = frozenset()
    elif user.is_superuser:
        keys = None
    else:
        editor_groups = dict(
            VillageEditors.objects.filter(group__user=user).values_list("group_id", "village_key")
        )
        from .models import ENTRY_MODELS

        other_sources = Permission.objects.filter(
            content_type__app_label="directory",
            codename__in=[
                f"{action}_{model._meta.model_name}"
                for model in ENTRY_MODELS.values()
                for action in ("change", "delete")
            ],
        ).filter(Q(user=user) | (Q(group__user=user) & ~Q(group__in=list(editor_groups))))
        keys = None if other_sources.exists() else frozenset(editor_groups.values())
    user._directory_village_keys = keys
    return keys


class VillagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, narrowed to the user's villages for village editors."""

    def _in_villages(self, instance, keys):
        return any(village.translation_key in keys for village in instance.villages.all())

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        keys = village_keys_for_user(user)
        return keys is None or self._in_villages(instance, keys)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        keys = village_keys_for_user(user)
        if keys is None:
            return queryset
        through = self.model.villages.through
        return queryset.filter(
            pk__in=through.objects.filter(villagepage__translation_key__in=keys).values(
                f"{self.model._meta.model_name}_id"
            )
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        # Not used by the snippet views; the model-level answer (an over-approximation) suffices
        # for notifications.
        return self.users_with_any_permission(actions)
