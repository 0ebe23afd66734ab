"""Login and password reset throttling.

django-axes counts failed logins (its backend sees every authenticate() call, so it covers the
Wagtail admin login) and locks out after AXES_FAILURE_LIMIT failures; lockout_response() answers
that lockout in the visitor's language. A password reset does not authenticate, so axes never
sees it: throttle_password_reset() counts reset requests in the cache, per client address and
per e-mail address, so nobody can flood a staff member's inbox. Both take the client address
from axes, so the proxy header configured for axes (AXES_IPWARE_META_PRECEDENCE_ORDER) applies to
both.
"""

import hashlib
import math
from functools import wraps

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None, *, cooloff=None):
    """The page a locked-out visitor gets (AXES_LOCKOUT_CALLABLE): 429, in their language."""
    cooloff = cooloff or settings.AXES_COOLOFF_TIME
    minutes = math.ceil(cooloff.total_seconds() / 60)
    return render(request, "accounts/lockout.html", {"minutes": minutes}, status=429)


def count_in_window(key, window_seconds):
    """Count one request under `key` in a fixed window; return the count so far."""
    cache.add(key, 0, timeout=window_seconds)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window_seconds)
        return 1


def throttle_password_reset(view):
    """Refuse more than KYLATORI_PASSWORD_RESET_LIMIT reset requests per window and client."""

    @wraps(view)
    def throttled(request, *args, **kwargs):
        if request.method == "POST":
            window = settings.KYLATORI_PASSWORD_RESET_WINDOW
            seconds = int(window.total_seconds())
            keys = [f"password-reset:ip:{get_client_ip_address(request)}"]
            email = request.POST.get("email", "").strip().lower()
            if email:
                # Hashed: bounded key length, and no addresses in the cache.
                keys.append("password-reset:email:" + hashlib.sha256(email.encode()).hexdigest())
            # Every counter counts this request (a list, not a short-circuiting generator).
            counts = [count_in_window(key, seconds) for key in keys]
            if max(counts) > settings.KYLATORI_PASSWORD_RESET_LIMIT:
                return lockout_response(request, cooloff=window)
        return view(request, *args, **kwargs)

    return throttled
