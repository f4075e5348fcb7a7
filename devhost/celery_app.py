"""The devhost's Celery app, made as the LMS makes its own (openedx/core/lib/celery/__init__.py).

No namespace: Celery reads the old-style setting names (CELERY_ALWAYS_EAGER, BROKER_URL,
CELERYBEAT_SCHEDULE), exactly the keys the plugins' settings write, so a task or a periodic
entry that works here works under the LMS's app. ``celery -A devhost.celery_app worker`` starts
a worker on the devhost's settings, as lms/celery.py names the LMS's for its workers.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devhost.settings")

app = Celery("proj")
app.config_from_object("django.conf:settings")
app.autodiscover_tasks()
