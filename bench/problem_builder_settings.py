"""
Settings for bench_level_challenge: the devhost's test settings plus xblock-problem-builder's Django
app, installed as an LMS that runs problem-builder installs it.

Without its tables the peer is not set up as its users run it, and the workbench's scenario
registry, which parses every installed XBlock's scenarios (problem-builder's save answers), fails
on each load: the devhost's course grade, computed from that registry, then fails on every
submit of ours and the figure measures a retried exception.
"""
from devhost.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "problem_builder"]  # noqa: F405

# The learner's request as the LMS serves it: the grade tasks a submit starts (the LMS's
# recalculate_subsection_grade_v3, here the devhost's course-grade task) are queued for a worker,
# not run inside the request. The in-memory broker keeps them; nothing here consumes them.
CELERY_ALWAYS_EAGER = False
