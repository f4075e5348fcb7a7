"""The devhost's Celery app, made as the LMS makes its own (openedx/core/lib/celery/__init__.py).

No namespace: Celery reads the old-style setting names (CELERY_ALWAYS_EAGER, BROKER_URL,
CELERYBEAT_SCHEDULE), exactly the keys the plugins' settings write, so a task or a periodic
entry that works here works under the LMS's app.
"""
from celery import Celery

app = Celery("proj")
app.config_from_object("django.conf:settings")
app.autodiscover_tasks()
