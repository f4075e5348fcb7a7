"""
Tutor plugin for openedx-cadre-training: install the suite in the Open edX image, configure it from
``CADRE_TRAINING_*`` Tutor settings, schedule its Celery beat tasks, enable its XBlocks in Studio and
run its migrations in ``tutor … do init``.
"""
from tutor import hooks

# Tutor settings (``tutor config save --set CADRE_TRAINING_YEARLY_CREDITS=100``) and their defaults.
CONFIG_DEFAULTS = {
    "CADRE_TRAINING_YEARLY_CREDITS": 90,
    "CADRE_TRAINING_YEARLY_HOURS": 40,
    "CADRE_TRAINING_TIME_ZONE": "Asia/Shanghai",
    "CADRE_TRAINING_RECONCILE_INTERVAL": 3600,
    "CADRE_TRAINING_REMINDER_INTERVAL": 86400,
    "CADRE_TRAINING_REMINDER_PERIOD": "month",
    "CADRE_TRAINING_CERTIFICATE_ISSUER": "",
    "CADRE_TRAINING_CERTIFICATE_SERIAL_PREFIX": "CT",
    "CADRE_SURVEY_MIN_GROUP_SIZE": 5,
}
# Settings of the Tutor plugin itself, not of the suite (the operator's guide lists them).
TUTOR_ONLY_DEFAULTS = {
    "CADRE_TRAINING_PIP_REQUIREMENT": "openedx-cadre-training",
    # Tutor runs LMS Celery workers but no Celery beat: without one, no schedule fires.
    "CADRE_TRAINING_RUN_BEAT": True,
    # A private S3-compatible bucket for certificate PDFs and seals (empty: the platform's default storage).
    "CADRE_TRAINING_CERTIFICATE_BUCKET": "",
}
XBLOCKS = ("level_challenge", "demand_survey")
# Made once per platform and kept in its config.yml: the Ed25519 seed that signs certificates, outside
# the database (43 base64url characters are 32 bytes), so that whoever reads the database cannot sign.
CONFIG_UNIQUE = {"CADRE_TRAINING_CERTIFICATE_SIGNING_KEY": "{{ 43|random_string }}"}

hooks.Filters.CONFIG_DEFAULTS.add_items([*CONFIG_DEFAULTS.items(), *TUTOR_ONLY_DEFAULTS.items()])
hooks.Filters.CONFIG_UNIQUE.add_items(list(CONFIG_UNIQUE.items()))

# One Celery beat for the whole platform, in the LMS image: several beats would run every task
# as many times over. The schedule file lives where the process may write and is only a cache.
BEAT_COMMAND = '["celery", "--app=lms.celery", "beat", "--loglevel=info", "--schedule={schedule}"]'
LOCAL_BEAT_SERVICE = """{% if CADRE_TRAINING_RUN_BEAT %}
cadre-beat:
  image: {{ DOCKER_IMAGE_OPENEDX }}
  environment:
    SERVICE_VARIANT: lms
    DJANGO_SETTINGS_MODULE: lms.envs.tutor.production
  command: BEAT_COMMAND
  restart: unless-stopped
  volumes:
    - ../apps/openedx/settings/lms:/openedx/edx-platform/lms/envs/tutor:roz
    - ../apps/openedx/settings/cms:/openedx/edx-platform/cms/envs/tutor:roz
    - ../apps/openedx/config:/openedx/config:roz
    - ../../data/lms:/openedx/data:z
  depends_on:
    - lms
{% endif %}""".replace("BEAT_COMMAND", BEAT_COMMAND.format(schedule="/openedx/data/cadre-celerybeat-schedule"))
K8S_BEAT_DEPLOYMENT = """{% if CADRE_TRAINING_RUN_BEAT %}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cadre-beat
  labels:
    app.kubernetes.io/name: cadre-beat
spec:
  replicas: 1
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app.kubernetes.io/name: cadre-beat
  template:
    metadata:
      labels:
        app.kubernetes.io/name: cadre-beat
    spec:
      securityContext:
        runAsUser: 1000
        runAsGroup: 1000
      containers:
        - name: cadre-beat
          image: {{ DOCKER_IMAGE_OPENEDX }}
          args: BEAT_COMMAND
          env:
            - name: SERVICE_VARIANT
              value: lms
            - name: DJANGO_SETTINGS_MODULE
              value: lms.envs.tutor.production
          volumeMounts:
            - mountPath: /openedx/edx-platform/lms/envs/tutor/
              name: settings-lms
            - mountPath: /openedx/edx-platform/cms/envs/tutor/
              name: settings-cms
            - mountPath: /openedx/config
              name: config
      volumes:
        - name: settings-lms
          configMap:
            name: openedx-settings-lms
        - name: settings-cms
          configMap:
            name: openedx-settings-cms
        - name: config
          configMap:
            name: openedx-config
{% endif %}""".replace("BEAT_COMMAND", BEAT_COMMAND.format(schedule="/tmp/cadre-celerybeat-schedule"))

# After the image's translation steps, pull_xblock_translations has left conf/plugins-locale/xblock.v1/xblocks
# empty (openedx-translations holds nothing for our root module), and XBlockI18nService reads that
# folder instead of the catalogs in the package: the blocks would speak English. Our catalogs go
# there (unless the operator's translations repository brought some), and the platform compiles
# them and writes the JavaScript catalogs, before the assets are collected (decision 0014).
XBLOCK_CATALOGS_STEP = """# openedx-cadre-training: the XBlocks' catalogs where XBlockI18nService looks after atlas
RUN python -m xblocks.atlas_catalogs conf/plugins-locale/xblock.v1 \\
    && ./manage.py lms --settings=tutor.i18n compile_xblock_translations \\
    && ./manage.py cms --settings=tutor.i18n compile_xblock_translations"""

hooks.Filters.ENV_PATCHES.add_items([
    ("openedx-dockerfile-pre-assets", XBLOCK_CATALOGS_STEP),
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
CADRE_TRAINING_REMINDER_INTERVAL = {{ CADRE_TRAINING_REMINDER_INTERVAL }}
CADRE_TRAINING_REMINDER_PERIOD = "{{ CADRE_TRAINING_REMINDER_PERIOD }}"
CADRE_TRAINING_CERTIFICATE_ISSUER = "{{ CADRE_TRAINING_CERTIFICATE_ISSUER }}"
CADRE_TRAINING_CERTIFICATE_SERIAL_PREFIX = "{{ CADRE_TRAINING_CERTIFICATE_SERIAL_PREFIX }}"
CADRE_TRAINING_CERTIFICATE_SIGNING_KEY = "{{ CADRE_TRAINING_CERTIFICATE_SIGNING_KEY }}"
{% if CADRE_TRAINING_CERTIFICATE_BUCKET %}# Files that name people (certificates, exports, archives) are
# served through the LMS only: the bucket is private. Without one they go to a folder beside
# MEDIA_ROOT that Caddy does not serve.
STORAGES = {**globals().get("STORAGES", {}), **{alias: {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {"bucket_name": "{{ CADRE_TRAINING_CERTIFICATE_BUCKET }}", "default_acl": "private",
                "querystring_auth": True, "file_overwrite": False, "location": location},
} for alias, location in (("cadre_certificates", ""), ("cadre_private", "private-files"))}}
{% endif %}CADRE_SURVEY_MIN_GROUP_SIZE = {{ CADRE_SURVEY_MIN_GROUP_SIZE }}
# end openedx-cadre-training""",
    ),
    (
        # Tutor's settings are applied after the plugin settings ran, so the schedule follows them here.
        "openedx-lms-common-settings",
        """# openedx-cadre-training: Celery beat
CELERYBEAT_SCHEDULE = dict(globals().get("CELERYBEAT_SCHEDULE") or {})
for _entry, _task, _interval in (
    ("credit_plugin.reconcile_credits", "credit_plugin.tasks.reconcile_credits", CADRE_TRAINING_RECONCILE_INTERVAL),
    ("credit_plugin.send_training_reminders", "credit_plugin.tasks.send_training_reminders",
     CADRE_TRAINING_REMINDER_INTERVAL),
):
    CELERYBEAT_SCHEDULE.pop(_entry, None)
    if _interval > 0:
        CELERYBEAT_SCHEDULE[_entry] = {"task": _task, "schedule": _interval}
# end openedx-cadre-training: Celery beat""",
    ),
    ("local-docker-compose-prod-services", LOCAL_BEAT_SERVICE),
    ("k8s-deployments", K8S_BEAT_DEPLOYMENT),
])

hooks.Filters.CLI_DO_INIT_TASKS.add_items([
    ("lms", "./manage.py lms migrate credit_plugin && ./manage.py lms migrate survey_plugin"),
    ("cms", "./manage.py cms enable_cadre_xblocks " + " ".join(XBLOCKS)),
])
