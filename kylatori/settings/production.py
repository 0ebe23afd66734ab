"""Production: everything from the environment; refuses to start without a secret key.

Environment variables (see README): SECRET_KEY, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, DATABASE_URL,
REDIS_URL, AWS_STORAGE_BUCKET_NAME (+ AWS_S3_ENDPOINT_URL, AWS_S3_CUSTOM_DOMAIN, credentials),
FRONTEND_CACHE_PURGE_URL, WAGTAILADMIN_BASE_URL, SECURE_SSL_REDIRECT, SECURE_PROXY_SSL_HEADER,
SECURE_HSTS_SECONDS, SECURE_HSTS_INCLUDE_SUBDOMAINS, SECURE_HSTS_PRELOAD,
AXES_IPWARE_META_PRECEDENCE_ORDER, EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD,
EMAIL_USE_TLS, EMAIL_USE_SSL, DEFAULT_FROM_EMAIL.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
if not WAGTAILADMIN_BASE_URL:  # noqa: F405
    # Otherwise every notification e-mail links to a wrong address, silently.
    raise ImproperlyConfigured(
        "Set the WAGTAILADMIN_BASE_URL environment variable, e.g. https://himos.example.fi."
    )
if not os.environ.get("REDIS_URL"):
    # Every app server process (three gunicorn workers in the README) needs one shared cache:
    # with local memory each keeps its own, so the password reset throttle
    # (accounts.throttling) would give each worker its own allowance, and every cached feed and
    # route would be built and held once per worker. Feeds and their 304s stay correct either
    # way: events.models.CalendarGeneration keys them from the database.
    raise ImproperlyConfigured(
        "Set the REDIS_URL environment variable to a cache all app servers share, "
        "e.g. redis://redis:6379/0."
    )

# Outgoing mail (password resets, moderation notifications, new editors' invitations) goes to
# this SMTP server; unset, to a relay on the machine itself (localhost:25, Django's default).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# STARTTLS on the submission port unless told otherwise; a local relay speaks plain SMTP.
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # noqa: F405
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_HOST != "localhost" and not EMAIL_USE_SSL)  # noqa: F405
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    # Django would only say so when the first message is sent.
    raise ImproperlyConfigured("Set EMAIL_USE_TLS or EMAIL_USE_SSL, not both.")
EMAIL_PORT = int(
    os.environ.get("EMAIL_PORT", "465" if EMAIL_USE_SSL else "587" if EMAIL_USE_TLS else "25")
)
EMAIL_TIMEOUT = 30  # a hung mail server must not hold a request for ever
if os.environ.get("DEFAULT_FROM_EMAIL"):
    DEFAULT_FROM_EMAIL = SERVER_EMAIL = os.environ["DEFAULT_FROM_EMAIL"]

STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
)

# Media on S3-compatible storage when a bucket is configured (app servers then keep no files).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL")
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    # Images are then served from the bucket's address, which the CSP must allow.
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGIN = f"https://{AWS_S3_CUSTOM_DOMAIN}"
    else:
        MEDIA_ORIGIN = AWS_S3_ENDPOINT_URL or f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(MEDIA_ORIGIN)  # noqa: F405

# The CDN in front of the site is purged by Wagtail when a page is published.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]  # noqa: F405
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
    WAGTAILFRONTENDCACHE_LANGUAGES = [code for code, _name in LANGUAGES]  # noqa: F405

# Trust a forwarded-protocol header only when told which one the proxy sets (and strips from
# clients), e.g. SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO: a client could send it too.
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# Off unless set: they bind every subdomain, and preload lists are hard to leave.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)  # noqa: F405
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)  # noqa: F405
if SECURE_SSL_REDIRECT:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
