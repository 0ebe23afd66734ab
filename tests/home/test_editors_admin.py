"""Regional staff manage their villages' editors ("Kylien toimittajat", home.editors_admin).

Himoksen seutu (`region`) has Länkipohja and Kuorevesi, Iitin kylät (`second_region`) Kausala
and Radansuu. Himos staff add, move, remove and deactivate Himos editors over HTTP; a village
editor and Iitti's staff are refused, see none of it, and the database shows nothing changed;
forged ids (another region's, a superuser's, the staff member's own) change nothing either.
"""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.helpers import denied, editors_group, staff_group


def person(username, *groups, **fields):
    user = User.objects.create_user(username, password="x", **fields)
    user.groups.add(*groups)
    return user


def people_state():
    """Every account and its groups, as the database holds them."""
    return sorted(
        (
            user.username,
            user.is_active,
            user.is_superuser,
            *sorted(user.groups.values_list("name", flat=True)),
        )
        for user in User.objects.all()
    )


INDEX = "/admin/village-editors/"


def add_url(group):
    return reverse("kylatori_editors_add", args=[group.pk])


def add_existing_url(group):
    return reverse("kylatori_editors_add_existing", args=[group.pk])


def remove_url(group, user):
    return reverse("kylatori_editors_remove", args=[group.pk, user.pk])


def deactivate_url(user):
    return reverse("kylatori_editors_deactivate", args=[user.pk])


def not_found(client, response):
    """A 404, which LocaleMiddleware first redirects to the same address under /fi/ (as for
    every missing admin object)."""
    if response.status_code == 302 and response["Location"].startswith("/fi/admin/"):
        response = client.get(response["Location"])
    return response.status_code == 404


@pytest.fixture
def people(region, second_region):
    """Himos staff and editors, an Iitti editor, someone in both regions, and a superuser in a
    Himos village group."""
    lankipohja, kuorevesi = (editors_group(village) for village in region.villages)
    kausala = editors_group(second_region.villages[0])
    return {
        "staff": person("seutu", staff_group(region), first_name="Sari", last_name="Seutu"),
        "lankipohja": lankipohja,
        "kuorevesi": kuorevesi,
        "kausala": kausala,
        "maija": person("maija", lankipohja, first_name="Maija", last_name="Mäki", email="m@x.fi"),
        "iitti": person("iitti", kausala, first_name="Ilkka", last_name="Iittiläinen"),
        "both": person("kaksi", lankipohja, kausala, first_name="Kaisa", last_name="Kahdessa"),
        "root": person(
            "root", lankipohja, first_name="Pää", last_name="Käyttäjä", is_superuser=True
        ),
        "other_staff": person("iitin-seutu", staff_group(second_region)),
    }


@pytest.fixture
def staff_client(client, people):
    client.force_login(people["staff"])
    return client


# What regional staff do -------------------------------------------------------------------------


def test_staff_see_their_villages_and_the_editors_they_manage(staff_client, people):
    dashboard = staff_client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX in dashboard and "Kylien toimittajat" in dashboard  # the menu item

    html = staff_client.get(INDEX).content.decode()

    assert "Länkipohja" in html and "Kuorevesi" in html and "Maija Mäki" in html
    for hidden in ("Kausala", "Ilkka", "Kaisa", "Pää Käyttäjä"):
        assert hidden not in html
    # Kaisa (also in Iitti) and the superuser are counted, not named or offered.
    assert "Lisäksi 2 toimittajaa" in html
    assert "Lisää toimittaja" in html


def test_staff_add_a_new_editor_who_chooses_their_own_password(staff_client, people):
    kuorevesi = people["kuorevesi"]
    response = staff_client.post(
        add_url(kuorevesi),
        {"username": "veikko", "first_name": "Veikko", "last_name": "Vesi", "email": "v@kylä.fi"},
        follow=True,
    )

    assert "Kuorevesi: Veikko Vesi on nyt toimittaja." in response.content.decode()
    veikko = User.objects.get(username="veikko")
    assert list(veikko.groups.all()) == [kuorevesi] and not veikko.has_usable_password()
    (message,) = mail.outbox
    assert message.to == ["v@kylä.fi"] and "Kuorevesi" in message.subject
    assert "Käyttäjätunnuksesi on veikko" in message.body
    link = re.search(r"https?://\S+/password_reset/confirm/\S+", message.body)[0]

    # Veikko follows the link (Django's password-reset view) and chooses a password.
    client = Client()
    form = client.get(link, follow=True)
    assert form.status_code == 200 and "new_password1" in form.content.decode()
    password = "Kylänraitti-2027"
    client.post(form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    veikko.refresh_from_db()
    assert veikko.check_password(password)


def test_the_new_editor_form_keeps_what_was_typed_and_says_what_is_wrong(staff_client, people):
    before = people_state()
    data = {"username": "Maija", "first_name": "\u200b", "last_name": "Vesi", "email": "ei osoite"}
    response = staff_client.post(add_url(people["kuorevesi"]), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tämä käyttäjätunnus on jo käytössä. Valitse toinen." in html
    assert "Tämä kenttä on pakollinen." in html  # a first name of invisible characters only
    assert "Syötä kelvollinen sähköpostiosoite." in html
    assert 'value="Vesi"' in html and 'value="ei osoite"' in html
    assert people_state() == before and not mail.outbox


def test_staff_add_an_editor_of_their_region_to_another_village(staff_client, people):
    form = staff_client.get(add_existing_url(people["kuorevesi"])).content.decode()
    assert "Maija Mäki" in form
    for hidden in ("Ilkka", "Kaisa", "Pää Käyttäjä"):
        assert hidden not in form

    response = staff_client.post(
        add_existing_url(people["kuorevesi"]), {"person": people["maija"].pk}, follow=True
    )

    assert "Kuorevesi: Maija Mäki on nyt toimittaja." in response.content.decode()
    assert set(people["maija"].groups.all()) == {people["lankipohja"], people["kuorevesi"]}


def test_staff_remove_an_editor_from_a_village(staff_client, people):
    maija, lankipohja = people["maija"], people["lankipohja"]
    confirm = staff_client.get(remove_url(lankipohja, maija)).content.decode()
    assert "Länkipohja: poista toimittaja Maija Mäki" in confirm

    response = staff_client.post(remove_url(lankipohja, maija), follow=True)

    assert "Länkipohja: Maija Mäki ei ole enää toimittaja." in response.content.decode()
    assert not maija.groups.exists() and User.objects.get(pk=maija.pk).is_active


def test_staff_deactivate_an_editors_account(staff_client, people):
    maija = people["maija"]
    maijas_browser = Client()
    maijas_browser.force_login(maija)  # she is signed in on her own computer
    assert maijas_browser.get(reverse("wagtailadmin_home")).status_code == 200

    response = staff_client.post(deactivate_url(maija), follow=True)

    assert "Henkilön Maija Mäki käyttäjätili on poistettu käytöstä." in response.content.decode()
    assert not User.objects.get(pk=maija.pk).is_active
    assert "tili poistettu käytöstä" in staff_client.get(INDEX).content.decode()
    signed_out = maijas_browser.get(reverse("wagtailadmin_home"))
    assert signed_out.status_code == 302 and "/admin/login/" in signed_out["Location"]


def test_swedish_speaking_staff_get_the_area_in_swedish(staff_client, people):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(people["staff"])
    profile.preferred_language = "sv"
    profile.save()

    html = staff_client.get(INDEX).content.decode()
    assert "Byarnas redaktörer" in html and "Lägg till redaktör" in html
    response = staff_client.post(add_url(people["kuorevesi"]), {"username": "maija"})
    assert "Användarnamnet är redan upptaget. Välj ett annat." in response.content.decode()


# Who is refused ---------------------------------------------------------------------------------


def every_address(people):
    group, user = people["lankipohja"], people["maija"]
    return [
        INDEX,
        add_url(group),
        add_existing_url(group),
        remove_url(group, user),
        deactivate_url(user),
    ]


def test_a_village_editor_is_refused_everywhere(client, people):
    client.force_login(people["maija"])
    before = people_state()

    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in every_address(people):
        assert denied(client.get(url)), url
        assert denied(client.post(url, {"person": people["maija"].pk, "username": "uusi"})), url

    assert people_state() == before and not mail.outbox


def test_other_regions_staff_see_nothing_of_it_and_change_nothing(client, people):
    client.force_login(people["other_staff"])
    before = people_state()

    html = client.get(INDEX).content.decode()
    assert "Kausala" in html and "Ilkka Iittiläinen" in html
    for hidden in ("Länkipohja", "Kuorevesi", "Maija"):
        assert hidden not in html
    for url in every_address(people)[1:]:
        assert not_found(client, client.get(url)), url
        response = client.post(
            url,
            {
                "person": people["maija"].pk,
                "username": "uusi",
                "first_name": "U",
                "last_name": "U",
                "email": "u@x.fi",
            },
        )
        assert not_found(client, response), url

    assert people_state() == before and not mail.outbox


@pytest.mark.parametrize("who", ["iitti", "both", "root", "staff", "other_staff"])
def test_a_forged_id_changes_nothing(staff_client, people, who):
    """Himos staff post ids they were never offered: someone of the other region, someone also
    in it, a superuser, themselves, another region's staff."""
    target = people[who]
    before = people_state()

    response = staff_client.post(add_existing_url(people["kuorevesi"]), {"person": target.pk})
    assert response.status_code == 200
    assert "Valitse henkilö luettelosta." in response.content.decode()
    assert not_found(staff_client, staff_client.post(remove_url(people["lankipohja"], target)))
    assert not_found(staff_client, staff_client.post(deactivate_url(target)))

    assert people_state() == before


def test_a_forged_group_changes_nothing(staff_client, people):
    """Another region's village group, and the staff group itself, are not villages to fill."""
    before = people_state()
    for group in (people["kausala"], staff_group_of(people["staff"])):
        move = staff_client.post(add_existing_url(group), {"person": people["maija"].pk})
        assert not_found(staff_client, move)
        new = {"username": "uusi", "first_name": "U", "last_name": "U", "email": "u@x.fi"}
        assert not_found(staff_client, staff_client.post(add_url(group), new))
    assert not_found(
        staff_client, staff_client.post(remove_url(people["kausala"], people["iitti"]))
    )
    assert people_state() == before and not mail.outbox


def staff_group_of(user):
    return user.groups.get()
