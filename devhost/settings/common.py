"""
Settings shared by the devhost's development server and its tests.

Our apps reach INSTALLED_APPS, settings and URLs only through edx-django-utils' plugin
framework, as in the LMS (see ``devhost.plugins``).
"""
import os
import sys
from pathlib import Path

import dj_database_url
from edx_django_utils.plugins import add_plugins, get_plugin_apps

from devhost.django_catalogs import zh_cn_locale_paths
from devhost.plugins import LMS, load_only_lms_plugins

SOURCE_ROOT = Path(__file__).resolve().parents[2]  # this repository
# edx-platform's modules that installed Open edX packages import by path (devhost/edx_platform/README.rst).
sys.path.append(str(SOURCE_ROOT / "devhost" / "edx_platform"))
VAR_DIR = Path(os.environ.get("DEVHOST_VAR_DIR", SOURCE_ROOT / "devhost" / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
# What edx-platform's settings call REPO_ROOT (its checkout) and STATICI18N_ROOT (lms/static): where
# its translation commands leave the XBlocks' pulled catalogs (conf/plugins-locale/xblock.v1/<module>)
# and their JavaScript catalogs (js/xblock.v1-i18n/<module>/<locale>.js). The devhost's are files it
# makes (`make demo`), as an LMS image build makes them.
REPO_ROOT = VAR_DIR / "edx-platform"
STATICI18N_ROOT = REPO_ROOT / "lms" / "static"
STATICI18N_ROOT.mkdir(parents=True, exist_ok=True)

SECRET_KEY = os.environ.get("DEVHOST_SECRET_KEY", "devhost-only-not-a-production-secret")
DEBUG = os.environ.get("DEVHOST_DEBUG", "true").lower() == "true"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver", os.environ.get("DEVHOST_HOST", "127.0.0.1")]

# The LMS names itself to openedx-events; without this events say SERVICE_NAME_UNSET.
EVENTS_SERVICE_NAME = "lms"

load_only_lms_plugins(LMS)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "waffle",
    "djpyfs",
    "workbench",
    "sample_xblocks.basic",  # templates of the SDK's vertical_demo, which holds a built course's unit
    "openedx_events",  # as in the LMS: publishes the events EVENT_BUS_PRODUCER_CONFIG names; consume_events
    "user_tasks",  # django-user-tasks, installed in the LMS and Studio: user-started tasks and their files
    # The LMS's own tables the suite reads, under the platform's app labels (devhost/platform_tables).
    "devhost.platform_tables.student.apps.StudentConfig",
    "devhost.platform_tables.courseware.apps.CoursewareConfig",
    "devhost.platform_tables.grades.apps.GradesConfig",
    "devhost.platform_tables.certificates.apps.CertificatesConfig",
    "eventtracking.django.apps.EventTrackingConfig",
    "devhost.apps.DevhostConfig",
    *get_plugin_apps(LMS),
]

MIDDLEWARE = [
    # As in the LMS: per-request caches (edx-toggles' waffle switches among them) start empty each request.
    "edx_django_utils.cache.middleware.RequestCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "waffle.middleware.WaffleMiddleware",
]

ROOT_URLCONF = "devhost.urls"
WSGI_APPLICATION = "devhost.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'devhost.sqlite3'}", conn_max_age=0
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction begins and wait for it, instead of failing
    # with "database is locked" when two processes write at once.
    # WAL lets readers work while one process writes, and commits without rewriting a journal.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.mysql":
    # Open edX runs MySQL with utf8mb4; Chinese text needs it, and so do the test databases.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"charset": "utf8mb4"})
    DATABASES["default"]["TEST"] = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}

# As the LMS: apps without their own default (user_tasks) keep the migrations they ship.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = []
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "devhost:home"
LOGOUT_REDIRECT_URL = "devhost:home"

# Chinese first, English second, as the users read it. Open edX spells the locale zh_CN.
LANGUAGE_CODE = "zh-cn"
LANGUAGES = [("zh-cn", "简体中文"), ("en", "English")]
# The devhost's own pages; plugin apps add their catalogs through their settings. The blocks'
# catalogs are not here: the XBlock i18n service finds them, as in the LMS (decision 0014).
LOCALE_PATHS = [str(SOURCE_ROOT / "devhost" / "conf" / "locale")]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [STATICI18N_ROOT]  # the LMS collects lms/static too

# Workbench runtime: services it loads for blocks, and where its scenarios keep state.
WORKBENCH = {
    "reset_state_on_restart": False,
    "services": {"fs": "xblock.reference.plugins.FSService", "settings": "workbench.services.SettingsService"},
}
DJFS = {"type": "osfs", "directory_root": str(VAR_DIR / "djpyfs"), "url_root": "/static/djpyfs"}
EXCLUDED_XBLOCKS = set()

# Heavy work runs as Celery tasks in the LMS. The devhost runs them eagerly in-process unless it is
# given a broker (`make worker` and DEVHOST_BROKER_URL=redis://127.0.0.1:6379/0 for the web side),
# then on real workers. The names are the old-style ones the LMS's namespace-less Celery app reads
# (openedx/envs/test.py sets the same CELERY_ALWAYS_EAGER); "CELERY_TASK_*" would be ignored there.
# The in-memory broker names its host, or kombu warns "No hostname was supplied" whenever a task is sent.
IN_PROCESS_BROKER = "memory://localhost/"
BROKER_URL = os.environ.get("DEVHOST_BROKER_URL", IN_PROCESS_BROKER)
CELERY_RESULT_BACKEND = os.environ.get("DEVHOST_RESULT_BACKEND") or None
CELERY_ALWAYS_EAGER = os.environ.get("DEVHOST_CELERY_EAGER", str(BROKER_URL == IN_PROCESS_BROKER)).lower() in (
    "1", "true")
# Not propagating lets eager tasks retry as they would on a worker (callers use .get() for the result).
CELERY_EAGER_PROPAGATES_EXCEPTIONS = False

# The Open edX event bus on Redis Streams, when DEVHOST_EVENT_BUS_URL names a Redis (`make consumers`):
# the devhost publishes the events the ledger takes as the LMS's EVENT_BUS_PRODUCER_CONFIG does
# (topics and keys of openedx/envs/common.py), and the ledger records them from `consume_events`.
EVENT_BUS_URL = os.environ.get("DEVHOST_EVENT_BUS_URL", "")
if EVENT_BUS_URL:
    EVENT_BUS_PRODUCER = "edx_event_bus_redis.create_producer"
    EVENT_BUS_CONSUMER = "edx_event_bus_redis.RedisEventConsumer"
    EVENT_BUS_REDIS_CONNECTION_URL = EVENT_BUS_URL
    EVENT_BUS_TOPIC_PREFIX = os.environ.get("DEVHOST_EVENT_BUS_TOPIC_PREFIX", "dev")
    # Blocking reads shorter than redis-py 8's socket timeout, which ends a 60 s poll with an error.
    EVENT_BUS_REDIS_CONSUMER_POLL_TIMEOUT = 1
    _PASSING = {"learning-badges-lifecycle": {"event_key_field": "course_passing_status.course.course_key",
                                              "enabled": True}}
    _CERTIFICATES = {"learning-certificate-lifecycle": {"event_key_field": "certificate.course.course_key",
                                                        "enabled": True}}
    EVENT_BUS_PRODUCER_CONFIG = {
        "org.openedx.learning.course.passing.status.updated.v1": _PASSING,
        "org.openedx.learning.ccx.course.passing.status.updated.v1": _PASSING,
        "org.openedx.learning.certificate.created.v1": _CERTIFICATES,
        "org.openedx.learning.certificate.revoked.v1": _CERTIFICATES,
    }
    CADRE_TRAINING_EVENT_INTAKE = "bus"

# The LMS's tracking log: edx-completion emits to it. Here it goes to the "tracking" logger.
EVENT_TRACKING_ENABLED = True
EVENT_TRACKING_BACKENDS = {
    "logger": {"ENGINE": "eventtracking.backends.logger.LoggerBackend", "OPTIONS": {"name": "tracking"}},
}

# The plugin's pages appear inside the devhost's header (language switch, login), as inside the LMS's.
CADRE_TRAINING_BASE_TEMPLATE = "devhost/base.html"
MEDIA_ROOT = VAR_DIR / "media"
# The LMS's own data folder (openedx/envs/common.py DATA_DIR); plugins keep server-local files under it.
DATA_DIR = VAR_DIR / "data"
# Training reminders are written to files here instead of being sent (one file per run).
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "emails"
DEFAULT_FROM_EMAIL = "培训管理 <training@example.com>"
# The public address: where `make demo HOST=… PORT=…` serves the devhost (certificates' QR codes and
# e-mailed links point here), or DEVHOST_LMS_ROOT_URL behind a proxy.
LMS_ROOT_URL = os.environ.get("DEVHOST_LMS_ROOT_URL") or (
    f"http://{os.environ.get('DEVHOST_HOST', '127.0.0.1')}:{os.environ.get('DEVHOST_PORT', '8000')}")

REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals_in_one_line": {"()": "devhost.logs.RefusalsInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["refusals_in_one_line"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DEVHOST_LOG_LEVEL", "WARNING")},
    # Django's own console handler would print each of its records a second time through the root's.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}

# As lms/envs/common.py ends: every LMS plugin's common settings (the variants add theirs after).
add_plugins(__name__, LMS, "common")

# Django's and its admin's Chinese for zh-cn, after every plugin's catalogs (devhost/django_catalogs.py).
LOCALE_PATHS = [*LOCALE_PATHS, *zh_cn_locale_paths(VAR_DIR / "django-locale")]
