from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts import two_factor


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("2fa/", two_factor.VerifyView.as_view(), name="accounts_2fa_verify"),
        path("2fa/setup/", two_factor.SetupView.as_view(), name="accounts_2fa_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("accounts_2fa_setup"),
        "label": _("Two-step verification"),
        "help_text": _("A code from an authenticator app on your phone, asked at every sign-in."),
    }
