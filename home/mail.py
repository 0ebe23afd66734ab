"""E-mail's cleaning step (home.text): every message the site sends is cleaned here, once.

Mail is written by Wagtail (moderation notifications), Django (password reset) and our own code
(public-submission confirmations) from user text: page titles, workflow task names, people's
names. `EMAIL_BACKEND` names `EmailBackend` below in every environment, so all of it passes
through one place whatever sent it. It cleans each message, then hands it to the backend that
really delivers mail, `KYLATORI_EMAIL_BACKEND` (SMTP, the console in development, the in-memory
outbox in tests).

Without it, a line break in a task name or a title reaching a subject makes Django refuse the
message (BadHeaderError), and Wagtail, which sends each notification in a try, logs that and
sends nothing: no reviewer hears of the submission.
"""

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailAlternative, EmailMultiAlternatives

from . import text


def clean_message(message):
    """Clean `message` in place: the subject and other headers on one line without control or
    invisible characters, the text body and HTML alternatives without controls. Addresses are
    left as they are: changing one could send the mail to someone else, and Django refuses a
    malformed one."""
    message.subject = text.header_text(message.subject)
    message.extra_headers = {
        name: text.header_text(value) for name, value in message.extra_headers.items()
    }
    message.body = text.plain(message.body)
    if isinstance(message, EmailMultiAlternatives):
        # Only text parts are user text; anything else is kept whole.
        message.alternatives = [
            EmailAlternative(text.plain(content), mimetype)
            if isinstance(content, str) and mimetype.startswith("text/")
            else EmailAlternative(content, mimetype)
            for content, mimetype in message.alternatives
        ]
    return message


class EmailBackend(BaseEmailBackend):
    """Cleans every outgoing message (`clean_message`), then sends it with the backend that
    `KYLATORI_EMAIL_BACKEND` names, given the same options."""

    def __init__(self, fail_silently=False, **kwargs):
        super().__init__(fail_silently=fail_silently)
        self.delivery = get_connection(
            settings.KYLATORI_EMAIL_BACKEND, fail_silently=fail_silently, **kwargs
        )

    def open(self):
        return self.delivery.open()

    def close(self):
        return self.delivery.close()

    def send_messages(self, email_messages):
        return self.delivery.send_messages([clean_message(m) for m in email_messages])
