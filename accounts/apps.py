from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Staff sign-in hardening: login lockout answers and password reset throttling."""

    name = "accounts"
    verbose_name = "Accounts"
