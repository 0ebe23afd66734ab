"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment variables, read
here with defaults that suit the embedded set-up (SQLite, local media, local-memory cache).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "events",
    "directory",
    # Before wagtail.search: our update_index command also rebuilds Wagtail's own index.
    "search",
    "accounts",
    "linkedevents",
    "calendarsources",
    "submissions",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: adds locale synchronisation
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kylatori.csp.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # wagtail-localize's endpoints, checked per object against the role matrix (home.roles).
    "home.localize_scope.LocalizeScopeMiddleware",
    # A translation that wagtail-localize cannot save (its slug is taken) is a message, not a 500.
    "home.integrity.TranslationConflictMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A "not found" in another language's slugs: to the page in this language. Before Wagtail's
    # redirects, so that the editors' own redirects, seen first on the way out, win.
    "home.translated_addresses.TranslatedAddressMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a lockout into accounts/lockout.html.
    "axes.middleware.AxesMiddleware",
]

# Content-Security-Policy (kylatori/csp.py): the public pages need nothing but the site's own
# stylesheets, images and (for the userbar of signed-in editors) Wagtail's scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        # No inline event handlers (onclick=...) anywhere, not even in the admin, whose
        # script-src allows inline <script> elements (kylatori/csp.py says why).
        "script-src-attr": [NONE],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
# What the Wagtail admin adds to those directives under /admin/: its inline <script> elements,
# wagtail-localize's <style> elements, its own previews in a frame, image previews of uploads
# (blob:) and its upgrade check. kylatori/csp.py says why each is needed.
KYLATORI_ADMIN_CSP_SOURCES = {
    "script-src": [UNSAFE_INLINE],
    "style-src-elem": [UNSAFE_INLINE],
    "img-src": ["blob:"],
    "connect-src": ["https://releases.wagtail.org"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}

ROOT_URLCONF = "kylatori.urls"
WSGI_APPLICATION = "kylatori.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL, e.g. postgres://user:pass@host:5432/kylatori; SQLite file by default.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: REDIS_URL selects Redis (shared by every app server); local memory otherwise.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "kylatori",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# django-axes sees every authenticate() call first and refuses it while its client is locked out.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failures lock out both the client address and the username (from any address, so that
# guessing one editor's password from many addresses is throttled too) for 15 minutes, counted
# from the lockout: failures during it do not prolong it, so an attacker cannot keep an editor
# out for longer than that at a time. A successful login clears the failures.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout_response"
# The client address is REMOTE_ADDR unless AXES_IPWARE_META_PRECEDENCE_ORDER names the header
# (request.META key, e.g. HTTP_X_REAL_IP) that the reverse proxy sets to the client's address,
# overwriting whatever the client sent. Never trusted by default: a client could spoof it.
AXES_IPWARE_META_PRECEDENCE_ORDER = (*env_list("AXES_IPWARE_META_PRECEDENCE_ORDER"), "REMOTE_ADDR")
# Two-factor authentication (accounts/two_factor.py): offered to all staff, asked of whoever has
# turned it on, and required of superusers when KYLATORI_REQUIRE_2FA_SUPERUSERS is true.
KYLATORI_REQUIRE_2FA_SUPERUSERS = env_bool("KYLATORI_REQUIRE_2FA_SUPERUSERS", False)
OTP_TOTP_ISSUER = "Kylätori"

# Password reset e-mails per client address and per e-mail address (accounts/throttling.py).
KYLATORI_PASSWORD_RESET_LIMIT = 5
KYLATORI_PASSWORD_RESET_WINDOW = timedelta(hours=1)

# Public event submissions (submissions/, docs/submissions.md): at most this many accepted
# submissions per window from one client address and to one e-mail address; the form must be
# open at least this many seconds; a village takes at most this many submissions awaiting
# confirmation or moderation; an unconfirmed submission (and its link) lasts this long.
KYLATORI_SUBMISSION_LIMIT = 5
KYLATORI_SUBMISSION_WINDOW = timedelta(hours=1)
KYLATORI_SUBMISSION_MIN_SECONDS = 5
KYLATORI_SUBMISSION_PENDING_LIMIT = 30
KYLATORI_SUBMISSION_CONFIRM_WITHIN = timedelta(hours=48)
# The submitter's name, e-mail and phone are deleted this many days after the event's last
# date, or at once when the editors reject it (submissions/privacy.py, run daily).
KYLATORI_SUBMISSION_CONTACT_DAYS = int(os.environ.get("KYLATORI_SUBMISSION_CONTACT_DAYS", "30"))
# The one image a submission may have (submissions/images.py).
KYLATORI_SUBMISSION_IMAGE_MAX_BYTES = 8 * 1024 * 1024
KYLATORI_SUBMISSION_IMAGE_MAX_PIXELS = 25_000_000
KYLATORI_SUBMISSION_IMAGE_MIN_SIDE = 200

# Every e-mail passes through home.mail, e-mail's cleaning step (home.text), which hands it to
# KYLATORI_EMAIL_BACKEND to deliver (dev.py: the console; tests: the in-memory outbox).
EMAIL_BACKEND = "home.mail.EmailBackend"
KYLATORI_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Finnish is the default and source language of all content.
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", "Suomi"),
    ("sv", "Svenska"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin in Finnish, Swedish or English (each user picks theirs in their account settings).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
# Dates and times as they are written in each language, and the Finnish forms read in all of
# them (kylatori/formats/).
FORMAT_MODULE_PATH = ["kylatori.formats"]
USE_TZ = True

# Static files are served by WhiteNoise (compressed, with hashed names outside DEBUG).
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Kylätori"
# The admin's date and time pickers write the Finnish forms, which every language reads
# (kylatori/formats/); the pickers leave typed text alone (kylatori/static/js/admin-dates.js).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_TIME_FORMAT = "%H.%M"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H.%M"
# No Gravatar: staff e-mail hashes stay here, and the admin loads no third-party images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's address in notification e-mails: required in production, defaulted in dev and test.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
# ASCII page slugs (länkipohja → lankipohja): addresses that survive being typed, printed and
# pasted into messages, instead of percent-encoded ä and ö.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Background work (calendar source syncs, Wagtail's search index tasks) is queued in the database
# and run by `manage.py db_worker` (docs/calendar-sources.md); tests run tasks immediately.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Calendar sources (calendarsources.fetch): networks that may be fetched from although they are
# private or local (an intranet's calendar server), as CIDR strings; none by default.
CALENDAR_SOURCES_ALLOWED_NETWORKS = [
    value for value in os.environ.get("CALENDAR_SOURCES_ALLOWED_NETWORKS", "").split(",") if value
]

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# What one upload may cost: a 15 kB PNG can claim 11,000 × 11,000 pixels, and every rendition
# decodes all of them (the default allows 128 million). 50 megapixels admit a photo from a 48 or
# 50 MP phone camera, 20 MB a large camera JPEG; the admin's preview never enlarges an image,
# so these bound its cost too. Wagtail's own messages say the limit in the editor's language.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024

WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Page size of every paginated listing.
KYLATORI_PAGE_SIZE = 12
# The calendar lists more: a page of 25 events, grouped by day, covers a region's week or two.
KYLATORI_CALENDAR_PAGE_SIZE = 25
# Number of items a news feed carries.
KYLATORI_FEED_ITEMS = 30

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own "django" logger has a console handler of its own (DEFAULT_LOGGING) and
        # passes its lines on to the root's too, so each was printed twice: now only the root's.
        "django": {"handlers": []},
        "django.db.backends": {"level": "WARNING"},
    },
}
