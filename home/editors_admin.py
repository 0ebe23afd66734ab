"""Regional staff manage their villages' editors: "Kylien toimittajat" in the admin menu.

Wagtail's own user and group admin sees every user and group of the installation, so it stays
the superuser's. This small area shows regional staff the villages of their region and each
village's editors, and lets them add a new person to a village (who chooses a password through
a link sent by e-mail, never typed by staff), add someone already working in the region to
another village, take a person out of a village, and deactivate a person's account.

Who and what may be chosen is decided by home.roles (`managed_village_editors`,
`managed_users`): every id in an address or a form is looked up within those, so an id from
another region is a 404 or a form error and changes nothing.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from . import roles
from .models import VillagePage
from .site_urls import absolute_url
from .text import one_line


def staff_view(view):
    """Admin access, and regional staff or a superuser; nothing is cached."""

    def checked(request, *args, **kwargs):
        if not roles.can_manage_editors(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(require_admin_access(checked))


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.can_manage_editors(request.user)


def menu_item():
    return EditorsMenuItem(
        gettext_lazy("Village editors"), reverse("kylatori_editors"), icon_name="group", order=650
    )


# Lookups within the user's scope ----------------------------------------------------------------


def village_titles(editors_list):
    """{village key: title} in the default language (Finnish), or the first there is."""
    keys = [editors.village_key for editors in editors_list]
    titles = {}
    default = Locale.get_default()
    for key, title, locale_id in VillagePage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "locale_id"
    ):
        if key not in titles or locale_id == default.pk:
            titles[key] = title
    return titles


def village_editors_or_404(request, group_id):
    editors = get_object_or_404(
        roles.managed_village_editors(request.user).select_related("group"), group_id=group_id
    )
    editors.title = village_titles([editors]).get(editors.village_key, editors.group.name)
    return editors


def person_or_404(request, user_id, **filters):
    return get_object_or_404(roles.managed_users(request.user), pk=user_id, **filters)


def full_name(person):
    return person.get_full_name() or person.get_username()


# Forms ------------------------------------------------------------------------------------------


class NewEditorForm(forms.Form):
    username = forms.CharField(
        label=gettext_lazy("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=gettext_lazy(
            "Used to sign in. Letters, digits and the characters @ . + - _ only, no spaces."
        ),
    )
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150)
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        help_text=gettext_lazy("A link for choosing a password is sent to this address."),
    )

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise ValidationError(_("This username is already taken. Choose another one."))
        return username

    def _name(self, field):
        name = one_line(self.cleaned_data[field]).strip()
        if not name:
            raise ValidationError(self.fields[field].error_messages["required"])
        return name

    def clean_first_name(self):
        return self._name("first_name")

    def clean_last_name(self):
        return self._name("last_name")


class ExistingEditorForm(forms.Form):
    person = forms.ModelChoiceField(
        label=gettext_lazy("Person"),
        queryset=get_user_model().objects.none(),
        error_messages={
            "invalid_choice": gettext_lazy("Choose a person from the list."),
            "required": gettext_lazy("Choose a person from the list."),
        },
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = choices
        self.fields["person"].label_from_instance = full_name


def send_password_link(request, person, village_title):
    """Django's password-reset token, in a welcome message: the person chooses their password."""
    context = {
        "person": person,
        "village": village_title,
        "invited_by": full_name(request.user),
        "site_name": request.get_host(),
        "login_url": absolute_url(request, reverse("wagtailadmin_login")),
        "password_url": absolute_url(
            request,
            reverse(
                "wagtailadmin_password_reset_confirm",
                args=[
                    urlsafe_base64_encode(force_bytes(person.pk)),
                    default_token_generator.make_token(person),
                ],
            ),
        ),
    }
    PasswordResetForm().send_mail(
        "home/editors_admin/welcome_subject.txt",
        "home/editors_admin/welcome_email.txt",
        context,
        from_email=None,
        to_email=person.email,
    )


# Views ------------------------------------------------------------------------------------------


@staff_view
def index(request):
    village_editors = list(roles.managed_village_editors(request.user).select_related("group"))
    titles = village_titles(village_editors)
    managed = set(roles.managed_users(request.user).values_list("pk", flat=True))
    villages = []
    for editors in village_editors:
        members = editors.group.user_set.order_by("last_name", "first_name", "username")
        shown = [person for person in members if person.pk in managed]
        villages.append(
            {
                "title": titles.get(editors.village_key, editors.group.name),
                "group_id": editors.group_id,
                "people": shown,
                "others": len(members) - len(shown),
            }
        )
    villages.sort(key=lambda village: village["title"])
    return TemplateResponse(request, "home/editors_admin/index.html", {"villages": villages})


@staff_view
def add_new(request, editors_group_id):
    editors = village_editors_or_404(request, editors_group_id)
    form = NewEditorForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            person = get_user_model().objects.create_user(
                form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )  # no password: an unusable one until they choose theirs
            person.groups.add(editors.group)
        send_password_link(request, person, editors.title)
        messages.success(
            request,
            _(
                "%(name)s is now an editor of %(village)s. A link for choosing a password was "
                "sent to %(email)s."
            )
            % {"name": full_name(person), "village": editors.title, "email": person.email},
        )
        return redirect("kylatori_editors")
    return TemplateResponse(
        request,
        "home/editors_admin/form.html",
        {"form": form, "title": _("Add an editor to %(village)s") % {"village": editors.title}},
    )


@staff_view
def add_existing(request, editors_group_id):
    editors = village_editors_or_404(request, editors_group_id)
    choices = (
        roles.managed_users(request.user)
        .filter(is_active=True)
        .exclude(groups=editors.group)
        .order_by("last_name", "first_name", "username")
    )
    form = ExistingEditorForm(request.POST if request.method == "POST" else None, choices=choices)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        person.groups.add(editors.group)
        messages.success(
            request,
            _("%(name)s is now an editor of %(village)s.")
            % {"name": full_name(person), "village": editors.title},
        )
        return redirect("kylatori_editors")
    return TemplateResponse(
        request,
        "home/editors_admin/form.html",
        {
            "form": form,
            "title": _("Add an editor of another village to %(village)s")
            % {"village": editors.title},
        },
    )


@staff_view
def remove(request, editors_group_id, editor_id):
    editors = village_editors_or_404(request, editors_group_id)
    person = person_or_404(request, editor_id, groups=editors.group)
    names = {"name": full_name(person), "village": editors.title}
    if request.method == "POST":
        person.groups.remove(editors.group)
        messages.success(request, _("%(name)s is no longer an editor of %(village)s.") % names)
        return redirect("kylatori_editors")
    return TemplateResponse(
        request,
        "home/editors_admin/confirm.html",
        {
            "title": _("Remove %(name)s from %(village)s") % names,
            "question": _(
                "%(name)s will no longer edit the pages of %(village)s. Their account and "
                "their work stay."
            )
            % names,
            "button": _("Remove from the village"),
        },
    )


@staff_view
def deactivate(request, editor_id):
    person = person_or_404(request, editor_id, is_active=True)
    names = {"name": full_name(person)}
    if request.method == "POST":
        person.is_active = False
        person.save(update_fields=["is_active"])
        messages.success(request, _("The account of %(name)s is deactivated.") % names)
        return redirect("kylatori_editors")
    return TemplateResponse(
        request,
        "home/editors_admin/confirm.html",
        {
            "title": _("Deactivate the account of %(name)s") % names,
            "question": _(
                "%(name)s can no longer sign in. Their pages and other work stay. Only the "
                "administrator can turn the account back on."
            )
            % names,
            "button": _("Deactivate the account"),
        },
    )


# Registered by home/wagtail_hooks.py (register_admin_urls), under /admin/.
urlpatterns = [
    path("village-editors/", index, name="kylatori_editors"),
    path("village-editors/<int:editors_group_id>/add/", add_new, name="kylatori_editors_add"),
    path(
        "village-editors/<int:editors_group_id>/add-existing/",
        add_existing,
        name="kylatori_editors_add_existing",
    ),
    path(
        "village-editors/<int:editors_group_id>/remove/<int:editor_id>/",
        remove,
        name="kylatori_editors_remove",
    ),
    path(
        "village-editors/people/<int:editor_id>/deactivate/",
        deactivate,
        name="kylatori_editors_deactivate",
    ),
]
