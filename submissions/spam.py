"""Spam and abuse controls of the submission form, with no third-party CAPTCHA.

- A honeypot field that people never see (hidden by the stylesheet) and bots fill in.
- A minimum time to fill in the form: the form carries a signed timestamp of when it was
  handed out; one sent back within KYLATORI_SUBMISSION_MIN_SECONDS was not typed by a person.
- A limit of accepted submissions per client address and per e-mail address in a window,
  counted in Django's cache with the password reset's counter (accounts.throttling), which
  also gives the client address the way django-axes sees it (behind the configured proxy).
- A cap on a village's pending submissions (awaiting confirmation or moderation).

Each refusal is a message on the form, which keeps what was typed (submissions.views).
"""

import hashlib
import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core import signing

from accounts.throttling import count_in_window

from .models import Submission

STARTED_SALT = "submissions.form-started"
# A form handed out longer ago than this is refused as expired (and handed out again).
STARTED_MAX_AGE = 24 * 60 * 60


def started_token(now=None):
    """The signed time the form is handed out at."""
    return signing.dumps(int(now if now is not None else time.time()), salt=STARTED_SALT)


def seconds_since_started(token, now=None):
    """Seconds since `token` was handed out, or None for a missing, tampered or expired one."""
    try:
        started = signing.loads(token or "", salt=STARTED_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(started, int):
        return None
    seconds = (now if now is not None else time.time()) - started
    return seconds if seconds <= STARTED_MAX_AGE else None


def too_fast(seconds):
    return seconds < settings.KYLATORI_SUBMISSION_MIN_SECONDS


def over_rate_limit(request, email):
    """Count this submission for its client address and e-mail address; whether either has
    now gone over KYLATORI_SUBMISSION_LIMIT in the window."""
    seconds = int(settings.KYLATORI_SUBMISSION_WINDOW.total_seconds())
    # Hashed: bounded key length, and no addresses in the cache.
    email_hash = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    keys = [
        f"submissions:ip:{get_client_ip_address(request)}",
        f"submissions:email:{email_hash}",
    ]
    counts = [count_in_window(key, seconds) for key in keys]  # both count, no short-circuit
    return max(counts) > settings.KYLATORI_SUBMISSION_LIMIT


def village_is_full(village_key):
    """Whether the village already has KYLATORI_SUBMISSION_PENDING_LIMIT pending submissions."""
    pending = Submission.objects.filter(village_key=village_key).pending()
    return pending.count() >= settings.KYLATORI_SUBMISSION_PENDING_LIMIT


def over_change_limit(submission):
    """Count a message to the editors from the submission's status page; whether it went over
    KYLATORI_SUBMISSION_LIMIT in the window."""
    seconds = int(settings.KYLATORI_SUBMISSION_WINDOW.total_seconds())
    count = count_in_window(f"submissions:change:{submission.key}", seconds)
    return count > settings.KYLATORI_SUBMISSION_LIMIT
