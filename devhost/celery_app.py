"""The devhost's Celery app, configured from Django settings like the LMS's (tasks run eagerly here)."""
from celery import Celery

app = Celery("devhost")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
