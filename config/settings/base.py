"""Settings shared by every environment. Everything that differs between machines comes from the
environment (django-environ); the defaults run on a laptop with nothing installed by hand:
SQLite, and Kombu's filesystem transport as the Celery broker."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-local-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "forum",
    "moderation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: its 400 page shows the header of a logged-in member.
    "config.middleware.UnreadableRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "forum.context_processors.site",
                "moderation.context_processors.queue",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "forum.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "forum:home"
LOGOUT_REDIRECT_URL = "forum:home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Calcinosis forum <forum@localhost>")
SITE_NAME = env("SITE_NAME", default="Calcinosis community")
# Absolute links in e-mails (a worker has no request to build them from). Without SITE_URL they
# point at the port `make run` serves (PORT), so a link in an e-mail opens the running site.
SITE_URL = env("SITE_URL", default="") or f"http://127.0.0.1:{env.int('PORT', default=8000)}"

# Celery: Redis when REDIS_URL is set, otherwise Kombu's filesystem transport in var/, which needs
# no server, so `make run` works on a machine with nothing installed.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    # The transport does not create its folders; the web process may enqueue before a worker starts.
    for _folder in (_broker_dir, VAR_DIR / "broker-processed"):
        _folder.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "processed_folder": str(VAR_DIR / "broker-processed"),
        "store_processed": False,
    }
else:
    # A task that is not acknowledged within an hour is given to another worker.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_WORKER_PREFETCH_MULTIPLIER = env.int("CELERY_WORKER_PREFETCH_MULTIPLIER", default=1)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing gives up quickly when the broker is down: the page must answer, not wait.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}

REST_FRAMEWORK = {
    # Token first: an anonymous write then gets 401 with a WWW-Authenticate header, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # DRF's parsers, refusing with a 400 what cannot be stored: too deep JSON, NUL, lone surrogates.
    "DEFAULT_PARSER_CLASSES": [
        "forum.api.parsers.JSONParser",
        "forum.api.parsers.FormParser",
        "forum.api.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "forum.api.errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"report": env("REPORT_THROTTLE_RATE", default="10/hour")},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Calcinosis community API",
    "DESCRIPTION": (
        "Read the article and its discussion, post, vote and report to the moderators. "
        "Anonymous clients read; members write their own posts. Authenticate with a session or "
        "with `Authorization: Token <token>` from POST /api/auth/token/."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI served from the installed package, not a CDN: the docs work offline.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Posts longer than this are refused with a message naming the limit (documented in the API).
FORUM_POST_MAX_LENGTH = 20_000
FORUM_PAGE_SIZE = 20
# Decides the state of a new or edited post until it is scanned (see moderation.policy).
FORUM_MODERATION_POLICY = env(
    "FORUM_MODERATION_POLICY", default="moderation.policy.state_before_scan"
)

# Moderation policy knobs (admins set rules in the database; these are site-wide).
MODERATION_NEW_MEMBER_DAYS = env.int("MODERATION_NEW_MEMBER_DAYS", default=7)
MODERATION_NEW_MEMBER_POSTS = env.int("MODERATION_NEW_MEMBER_POSTS", default=3)
MODERATION_AUTO_HIDE_REPORTS = env.int("MODERATION_AUTO_HIDE_REPORTS", default=3)
MODERATION_REPORTS_PER_HOUR = env.int("MODERATION_REPORTS_PER_HOUR", default=10)
# A post whose scan has not run this long after it was written is picked up by the sweep.
MODERATION_SWEEP_GRACE_SECONDS = env.int("MODERATION_SWEEP_GRACE_SECONDS", default=60)
MODERATION_CLAIM_MINUTES = env.int("MODERATION_CLAIM_MINUTES", default=30)

CELERY_BEAT_SCHEDULE = {
    "sweep-unscanned-posts": {"task": "moderation.tasks.sweep_unscanned", "schedule": 60.0},
    "refresh-case-priorities": {"task": "moderation.tasks.refresh_priorities", "schedule": 600.0},
    "email-moderators-digest": {"task": "moderation.tasks.moderators_digest", "schedule": 300.0},
    # Sends what is due in the e-mail outbox: retries, and e-mails whose kick was lost.
    "drain-email-outbox": {"task": "forum.tasks.outbox_drain", "schedule": 60.0},
}
