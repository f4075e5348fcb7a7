"""
Tutor plugin for openedx-cadre-training: install the suite in the Open edX image, configure it from
``CADRE_TRAINING_*`` Tutor settings, schedule its Celery beat tasks, enable its XBlocks in Studio and
run its migrations in ``tutor … do init``.
"""
from tutor import hooks

# Tutor settings (``tutor config save --set CADRE_TRAINING_YEARLY_CREDITS=100``) and their defaults.
CONFIG_DEFAULTS = {
    "CADRE_TRAINING_PIP_REQUIREMENT": "openedx-cadre-training",
    "CADRE_TRAINING_YEARLY_CREDITS": 90,
    "CADRE_TRAINING_YEARLY_HOURS": 40,
    "CADRE_TRAINING_TIME_ZONE": "Asia/Shanghai",
    "CADRE_TRAINING_RECONCILE_INTERVAL": 3600,
    "CADRE_SURVEY_MIN_GROUP_SIZE": 5,
}
XBLOCKS = ("level_challenge", "demand_survey")

hooks.Filters.CONFIG_DEFAULTS.add_items(list(CONFIG_DEFAULTS.items()))

hooks.Filters.ENV_PATCHES.add_items([
    (
        "openedx-dockerfile-post-python-requirements",
        'RUN --mount=type=cache,target=/openedx/.cache/pip,sharing=shared '
        'pip install "{{ CADRE_TRAINING_PIP_REQUIREMENT }}"',
    ),
    (
        "openedx-common-settings",
        """# openedx-cadre-training
CADRE_TRAINING_YEARLY_CREDITS = {{ CADRE_TRAINING_YEARLY_CREDITS }}
CADRE_TRAINING_YEARLY_HOURS = {{ CADRE_TRAINING_YEARLY_HOURS }}
CADRE_TRAINING_TIME_ZONE = "{{ CADRE_TRAINING_TIME_ZONE }}"
CADRE_TRAINING_RECONCILE_INTERVAL = {{ CADRE_TRAINING_RECONCILE_INTERVAL }}
CADRE_SURVEY_MIN_GROUP_SIZE = {{ CADRE_SURVEY_MIN_GROUP_SIZE }}
# end openedx-cadre-training""",
    ),
    (
        # Tutor's settings are applied after the plugin settings ran, so the schedule follows them here.
        "openedx-lms-common-settings",
        """# openedx-cadre-training: Celery beat
CELERY_BEAT_SCHEDULE = dict(globals().get("CELERY_BEAT_SCHEDULE") or {})
CELERY_BEAT_SCHEDULE.pop("credit_plugin.reconcile_credits", None)
if CADRE_TRAINING_RECONCILE_INTERVAL > 0:
    CELERY_BEAT_SCHEDULE["credit_plugin.reconcile_credits"] = {
        "task": "credit_plugin.tasks.reconcile_credits",
        "schedule": CADRE_TRAINING_RECONCILE_INTERVAL,
    }
# end openedx-cadre-training: Celery beat""",
    ),
])

hooks.Filters.CLI_DO_INIT_TASKS.add_items([
    ("lms", "./manage.py lms migrate credit_plugin && ./manage.py lms migrate survey_plugin"),
    ("cms", "./manage.py cms enable_cadre_xblocks " + " ".join(XBLOCKS)),
])
