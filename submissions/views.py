"""The submission form's pages, routes of the calendar (events.models.EventIndexPage):
<calendar>submit/, submit/sent/ and submit/confirm/.

The form's page, its "check your e-mail" page and the confirmation are rendered with the calendar
as the page, so the header, breadcrumbs and language switcher are the calendar's.
"""

import datetime

from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.models import SiteSettings

from . import moderation, spam
from .forms import ChangeRequestForm, SubmissionForm
from .models import Submission


def privacy_notice(request):
    """The region's privacy notice in the visitor's language, or None."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    page = SiteSettings.for_site(site).privacy_notice if site else None
    return page.localized if page else None


def render(index, request, template, status=200, **context):
    response = index.render(
        request,
        template=template,
        context_overrides={
            "privacy_notice": privacy_notice(request),
            "confirm_hours": moderation.confirm_hours(),
            **context,
        },
    )
    response.status_code = status
    # The form carries its CSRF token and the time it was handed out: never from a cache.
    add_never_cache_headers(response)
    return response


def submit_view(index, request):
    if not index.takes_submissions:
        raise Http404
    if request.method == "POST":
        form = SubmissionForm(request.POST, request.FILES, index=index)
        if form.is_valid():
            refusal = refuse(request, form)
            if refusal:
                form.add_error(None, refusal)
            else:
                submission = save(request, form)
                moderation.send_confirmation(request, submission)
                return redirect(index.get_url(request) + index.reverse_subpage("submit_sent"))
    else:
        form = SubmissionForm(index=index)
    return render(
        index,
        request,
        "submissions/submit_page.html",
        form=form,
    )


def refuse(request, form):
    """Why the valid `form` is not taken (the village's queue is full, too many submissions
    from this address or to this e-mail address), or None."""
    calendar = form.cleaned_data["calendar"]
    village_key = calendar.get_parent().translation_key
    if spam.village_is_full(village_key):
        return _(
            "The village's editors already have many events waiting to be checked, so no more "
            "can be taken just now. Please try again in a few days."
        )
    if spam.over_rate_limit(request, form.cleaned_data["email"]):
        return _(
            "Many events have been sent from here or with this e-mail address in the last "
            "hour. Please try again later."
        )
    return None


def save(request, form):
    calendar = form.cleaned_data["calendar"]
    return Submission.objects.create(
        calendar=calendar,
        village_key=calendar.get_parent().translation_key,
        language=get_language(),
        event=form.event_data(),
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        phone=form.cleaned_data["phone"],
        image=form.cleaned_data.get("image") or "",
        image_alt=form.cleaned_data["image_alt"] if form.cleaned_data.get("image") else "",
    )


def sent_view(index, request):
    return render(index, request, "submissions/sent_page.html")


def from_link(index, request, lookup):
    """(token, submission) of a signed link from the submitter's e-mail, for this calendar in any
    of its languages (the language links keep the token); the submission is None when the link
    was tampered with, has expired or is another calendar's."""
    if not index.takes_submissions:
        raise Http404
    token = request.POST.get("token") if request.method == "POST" else request.GET.get("token")
    submission = lookup(token)
    if submission is not None and submission.calendar.translation_key != index.translation_key:
        submission = None
    return token, submission


def invalid_link(index, request, token, template):
    # A link that was tampered with or has expired is a 400; the address alone, without any
    # link, says the same as a page (a person who typed it in, a crawler).
    status = 400 if token is not None else 200
    return render(index, request, template, status=status, invalid=True)


def confirm_view(index, request):
    """GET: what is about to be sent, with a button; POST: confirmed, to the editors.

    Confirming takes a press of a button, not only opening the link: mail scanners and link
    previews open links by themselves, and would confirm addresses nobody checked.
    """
    token, submission = from_link(index, request, moderation.submission_for_token)
    if submission is None:
        return invalid_link(index, request, token, "submissions/confirm_page.html")
    if request.method == "POST" and submission.status == Submission.Status.UNCONFIRMED:
        moderation.confirm(submission)
        submission.refresh_from_db()
    return render(
        index,
        request,
        "submissions/confirm_page.html",
        submission=submission,
        start_date=datetime.date.fromisoformat(submission.event["start_date"]),
        token=token,
        confirmed=submission.status != Submission.Status.UNCONFIRMED,
    )


def status_view(index, request):
    """The submitter's private page (a signed link from the e-mail): where the event stands;
    a button to withdraw it while it is not published, to ask the editors to cancel it once
    it is, and a message to the editors asking for a change."""
    token, submission = from_link(index, request, moderation.submission_for_status_token)
    if submission is None:
        return invalid_link(index, request, token, "submissions/status_page.html")
    action = request.POST.get("action") if request.method == "POST" else None
    change_form = ChangeRequestForm(request.POST if action == "change" else None)
    done = None
    if action == "withdraw" and moderation.withdraw(submission):
        return render(index, request, "submissions/status_page.html", withdrawn=True)
    state = moderation.status_of(submission)
    if action == "cancel" and state == "published":
        if moderation.request_cancellation(submission):
            moderation.tell_reviewers(request, submission, "cancel")
            done = "cancel"
            submission.refresh_from_db()
            state = moderation.status_of(submission)
    elif action == "change" and submission.page_id is not None and change_form.is_valid():
        if spam.over_change_limit(submission):
            change_form.add_error(
                "message",
                _("You have sent many messages in the last hour. Please try again later."),
            )
        else:
            message = change_form.cleaned_data["message"]
            moderation.tell_reviewers(request, submission, "change", message)
            done = "change"
            change_form = ChangeRequestForm()
    return render(
        index,
        request,
        "submissions/status_page.html",
        submission=submission,
        start_date=datetime.date.fromisoformat(submission.event["start_date"]),
        state=state,
        token=token,
        change_form=change_form,
        done=done,
        editors_comment=moderation.editors_comment(submission),
    )
