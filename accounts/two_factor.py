"""Two-factor authentication for staff: TOTP codes from an authenticator app (django-otp).

Every staff member may turn it on from the admin's account menu; whoever has done so is asked for
a code after the password, and an unverified session reaches nothing but the code page. When
KYLATORI_REQUIRE_2FA_SUPERUSERS is true, a superuser without a device reaches only the set-up
page. wagtail-2fa would do this, but 1.8.0 does not import under Wagtail 8, so this is the small
glue between django-otp and the Wagtail admin. django-otp's TOTP device refuses a reused code and
slows down guessing (each wrong code doubles the wait before the next try).
"""

import base64

import django_otp
import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django_otp.plugins.otp_totp.models import TOTPDevice

# What a signed-in but unverified session may still reach.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_2fa_verify",
}


def must_enrol(user):
    return user.is_superuser and settings.KYLATORI_REQUIRE_2FA_SUPERUSERS


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class TwoFactorMiddleware:
    """After django_otp's OTPMiddleware: send unverified sessions to the code or set-up page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect(request) or self.get_response(request)

    def redirect(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            name = resolve(request.path_info).url_name
        except Resolver404:
            return None
        if name in OPEN_URL_NAMES:
            return None
        if django_otp.user_has_device(user, confirmed=True):
            target = "accounts_2fa_verify"
        elif must_enrol(user) and name != "accounts_2fa_setup":
            target = "accounts_2fa_setup"
        else:
            return None
        return redirect_to_login(request.get_full_path(), reverse(target))


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, **kwargs):
        super().__init__(**kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].replace(" ", "")
        allowed, _extra = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(_("Too many wrong codes. Wait a moment and try again."))
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("The code is wrong or has expired. Try the next one."))
        return token


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else reverse("wagtailadmin_home")


class VerifyView(FormView):
    """The second step of signing in: the code of the user's device."""

    form_class = CodeForm
    template_name = "accounts/two_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        if self.device is None or request.user.is_verified():
            return redirect(next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=next_url(self.request), **kwargs)

    def form_valid(self, form):
        django_otp.login(self.request, self.device)
        return redirect(next_url(self.request))


class SetupView(FormView):
    """Turn two-factor authentication on (QR code, then a code to confirm), or off."""

    form_class = CodeForm
    template_name = "accounts/two_factor_setup.html"

    def dispatch(self, request, *args, **kwargs):
        self.confirmed = confirmed_device(request.user)
        if self.confirmed is None:
            # One pending device per user, kept until confirmed, so a reload shows the same code.
            self.device, _created = TOTPDevice.objects.get_or_create(
                user=request.user, confirmed=False, defaults={"name": "authenticator"}
            )
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.confirmed is not None:  # the "turn off" button; the session is verified
            if must_enrol(request.user):
                raise PermissionDenied
            TOTPDevice.objects.filter(user=request.user).delete()
            messages.success(request, _("Two-step verification is off."))
            return redirect("accounts_2fa_setup")
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": getattr(self, "device", None)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            confirmed=self.confirmed,
            required=must_enrol(self.request.user),
            next=next_url(self.request),
            **kwargs,
        )
        if self.confirmed is None:
            image = qrcode.make(self.device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
            context["qr_code"] = mark_safe(image.to_string(encoding="unicode"))  # our own SVG
            context["secret"] = base64.b32encode(self.device.bin_key).decode()
        return context

    def form_valid(self, form):
        self.device.confirmed = True
        self.device.save(update_fields=["confirmed"])
        django_otp.login(self.request, self.device)
        messages.success(self.request, _("Two-step verification is on."))
        return redirect(next_url(self.request))
