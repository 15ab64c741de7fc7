"""Django settings, all from environment variables with safe defaults.

With nothing set, crex runs on SQLite in ``$CREX_DATA_DIR`` (default ``./var``) with a
secret key and an encryption key generated there on first start; DEBUG is off.
Set ``DATABASE_URL`` (e.g. ``postgres://postgres@127.0.0.1:5432/test``) for PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from django.utils.translation import gettext_lazy as _

from crex.config.env import env_bool, env_int, env_list, env_str, generated_secret

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("CREX_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("CREX_DEBUG")
SECRET_KEY = generated_secret("CREX_SECRET_KEY", DATA_DIR, "secret_key")
# Fernet keys for reporter contact details, newest first (comma-separated to rotate).
CREX_ENCRYPTION_KEYS = env_list(
    "CREX_ENCRYPTION_KEYS",
    generated_secret(
        "CREX_ENCRYPTION_KEY", DATA_DIR, "encryption_key", lambda: Fernet.generate_key().decode()
    ),
)
# Keyed hash of payment card numbers: the same card links reports without being stored.
# Changing it breaks the links between reports received before and after the change.
CREX_CARD_HASH_KEY = generated_secret("CREX_CARD_HASH_KEY", DATA_DIR, "card_hash_key")
ALLOWED_HOSTS = env_list("CREX_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CREX_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",  # serves the bundled Swagger UI for /api/docs (no CDN)
    "crex.accounts",
    "crex.audit",
    "crex.reports",
    "crex.cases",
    "crex.correlation",
    "crex.intake",
    "crex.sharing",
    "crex.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "crex.config.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "crex.intake.api.middleware.ApiProblemMiddleware",
    "crex.intake.api.middleware.ApiBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "crex.config.urls"
WSGI_APPLICATION = "crex.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'crex.sqlite3'}"),
        conn_max_age=env_int("CREX_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Wait for a concurrent writer instead of failing at once with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reports:queue"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German")), ("fr", _("French"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env_str("CREX_TIME_ZONE", "UTC")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve from the package too, before collectstatic ran

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("CREX_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
CREX_CONTENT_SECURITY_POLICY = env_str(
    "CREX_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'self'; object-src 'none'",
)
CREX_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"

# Uploads: reporters may add files (screenshots, e-mails) to their report.
CREX_MAX_UPLOAD_BYTES = env_int("CREX_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("CREX_MAX_BODY_BYTES", 1024 * 1024)
# The REST API refuses bodies above this size with 413 problem+json.
CREX_API_MAX_BODY_BYTES = env_int("CREX_API_MAX_BODY_BYTES", 256 * 1024)

# The contact point that runs this instance: the public portal files reports to it.
CREX_OPERATOR_NAME = env_str("CREX_OPERATOR_NAME", "Cybercrime contact point")
CREX_OPERATOR_COUNTRY = env_str("CREX_OPERATOR_COUNTRY", "")

# Follow-up with reference + receipt code: failed attempts allowed per hour.
CREX_FOLLOWUP_MAX_FAILURES_PER_REFERENCE = env_int("CREX_FOLLOWUP_MAX_FAILURES_PER_REFERENCE", 5)
CREX_FOLLOWUP_MAX_FAILURES_PER_CLIENT = env_int("CREX_FOLLOWUP_MAX_FAILURES_PER_CLIENT", 20)

# Enrichment of IP addresses: optional MaxMind-format (.mmdb) files, e.g. GeoLite2-Country
# and GeoLite2-ASN, DB-IP lite or IPinfo lite. Without them IPs get the RIR country only.
CREX_COUNTRY_MMDB = env_str("CREX_COUNTRY_MMDB", "")
CREX_ASN_MMDB = env_str("CREX_ASN_MMDB", "")

# Offences proposed from a report's text with less confidence than this go to triage.
CREX_CLASSIFY_THRESHOLD = float(env_str("CREX_CLASSIFY_THRESHOLD", "0.6"))

# TAXII 2.1 server at /taxii2/: what discovery says, the largest POST body it accepts,
# and how many objects one page holds (by default, and at most whatever the client asks).
CREX_TAXII_TITLE = env_str("CREX_TAXII_TITLE", f"{CREX_OPERATOR_NAME} (TAXII 2.1)")
CREX_TAXII_DESCRIPTION = env_str(
    "CREX_TAXII_DESCRIPTION", "Cybercrime observables and reports shared under TLP 2.0."
)
CREX_TAXII_CONTACT = env_str("CREX_TAXII_CONTACT", "")
CREX_TAXII_MAX_CONTENT_LENGTH = env_int("CREX_TAXII_MAX_CONTENT_LENGTH", 10 * 1024 * 1024)
CREX_TAXII_PAGE_SIZE = env_int("CREX_TAXII_PAGE_SIZE", 1000)
CREX_TAXII_MAX_PAGE_SIZE = env_int("CREX_TAXII_MAX_PAGE_SIZE", 10000)

# Correlation's over-correlation guard: a value held by more reports than this, or by
# more than the burst limit within a day, is held for review instead of linking them.
CREX_CORRELATION_HOLD_TOTAL = env_int("CREX_CORRELATION_HOLD_TOTAL", 100)
CREX_CORRELATION_HOLD_BURST = env_int("CREX_CORRELATION_HOLD_BURST", 30)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("CREX_LOG_LEVEL", "INFO")},
}
