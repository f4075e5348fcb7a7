"""The Tutor plugin renders our package, settings, beat schedule and init tasks into a Tutor environment."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
TUTOR = [str(Path(sys.executable).parent / "tutor")]


@pytest.fixture(scope="module")
def tutor_env(tmp_path_factory):
    """A Tutor project (no Docker needed) with our plugin enabled and some settings changed."""
    root = tmp_path_factory.mktemp("tutor-root")
    env = {**os.environ, "TUTOR_ROOT": str(root), "TUTOR_PLUGINS_ROOT": str(root / "plugins")}

    def tutor(*args):
        result = subprocess.run([*TUTOR, *args], env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout

    # The commands of docs/operators-guide.md, "Install".
    tutor("plugins", "enable", "cadre_training")
    tutor("config", "save", "--set", "CADRE_TRAINING_YEARLY_CREDITS=100", "--set", "CADRE_TRAINING_YEARLY_HOURS=45",
          "--set", "CADRE_TRAINING_TIME_ZONE=Asia/Urumqi", "--set", "CADRE_TRAINING_RECONCILE_INTERVAL=1800",
          "--set", "CADRE_TRAINING_REMINDER_INTERVAL=43200",
          "--set", "CADRE_TRAINING_CERTIFICATE_ISSUER=山东省总工会",
          "--set", "CADRE_TRAINING_CERTIFICATE_SERIAL_PREFIX=SD",
          "--set", "CADRE_TRAINING_CERTIFICATE_BUCKET=cadre-certificates",
          "--set", "CADRE_TRAINING_PIP_REQUIREMENT=openedx-cadre-training==0.1.0")
    return root / "env", tutor


def read(env_dir: Path, relative: str) -> str:
    return (env_dir / relative).read_text(encoding="utf-8")


def test_the_plugin_is_listed_and_enabled(tutor_env):
    _, tutor = tutor_env
    assert "cadre_training" in tutor("plugins", "list")


def test_the_image_installs_the_configured_package(tutor_env):
    env_dir, _ = tutor_env
    assert 'pip install "openedx-cadre-training==0.1.0"' in read(env_dir, "build/openedx/Dockerfile")


@pytest.mark.parametrize("service", ["lms", "cms"])
def test_settings_come_from_the_tutor_config(tutor_env, service):
    env_dir, _ = tutor_env
    settings = read(env_dir, f"apps/openedx/settings/{service}/production.py")
    assert "CADRE_TRAINING_YEARLY_CREDITS = 100" in settings
    assert "CADRE_TRAINING_YEARLY_HOURS = 45" in settings
    assert 'CADRE_TRAINING_TIME_ZONE = "Asia/Urumqi"' in settings
    assert 'CADRE_TRAINING_CERTIFICATE_ISSUER = "山东省总工会"' in settings
    assert 'CADRE_TRAINING_CERTIFICATE_SERIAL_PREFIX = "SD"' in settings


@pytest.mark.parametrize("service", ["lms", "cms"])
def test_certificates_go_to_the_configured_private_bucket(tutor_env, service):
    env_dir, _ = tutor_env
    source = read(env_dir, f"apps/openedx/settings/{service}/production.py")
    block = source[source.index("# openedx-cadre-training\n"):source.index("# end openedx-cadre-training\n")]
    namespace = {"STORAGES": {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}}
    exec(block, namespace)  # noqa: S102 - our own rendered settings
    assert namespace["STORAGES"]["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert namespace["STORAGES"]["cadre_certificates"]["OPTIONS"]["bucket_name"] == "cadre-certificates"
    assert namespace["STORAGES"]["cadre_certificates"]["OPTIONS"]["default_acl"] == "private"
    private = namespace["STORAGES"]["cadre_private"]["OPTIONS"]  # exports and archive ZIPs name people too
    assert (private["bucket_name"], private["default_acl"], private["location"]) == (
        "cadre-certificates", "private", "private-files")


@pytest.mark.parametrize("service", ["lms", "cms"])
def test_each_platform_gets_its_own_signing_key_outside_the_database(tutor_env, service):
    import base64
    import re

    env_dir, _ = tutor_env
    source = read(env_dir, f"apps/openedx/settings/{service}/production.py")
    seed = re.search(r'CADRE_TRAINING_CERTIFICATE_SIGNING_KEY = "([A-Za-z0-9]+)"', source)[1]
    assert len(base64.urlsafe_b64decode(seed + "=" * (-len(seed) % 4))) == 32
    config = read(env_dir, "../config.yml")
    assert f"CADRE_TRAINING_CERTIFICATE_SIGNING_KEY: {seed}" in config  # kept: the same key on every render


def test_the_lms_settings_schedule_reconcile_and_reminders_on_celery_beat_and_run(tutor_env):
    env_dir, _ = tutor_env
    source = read(env_dir, "apps/openedx/settings/lms/production.py")
    def block(name):
        return source[source.index(f"# {name}\n"):source.index(f"# end {name}\n")]

    our_part = block("openedx-cadre-training") + block("openedx-cadre-training: Celery beat")
    namespace = {"CELERYBEAT_SCHEDULE": {"other.task": {"task": "x", "schedule": 60}}}
    exec(our_part, namespace)  # noqa: S102 - our own rendered settings, run to check they are valid Python
    assert namespace["CELERYBEAT_SCHEDULE"] == {
        "other.task": {"task": "x", "schedule": 60},
        "credit_plugin.reconcile_credits": {"task": "credit_plugin.tasks.reconcile_credits", "schedule": 1800},
        "credit_plugin.send_training_reminders": {
            "task": "credit_plugin.tasks.send_training_reminders", "schedule": 43200,
        },
    }


def test_init_runs_our_migrations_and_enables_the_xblocks_in_studio():
    """``tutor local do init`` runs the init tasks plugins add to this filter (they are not rendered files)."""
    from tutor import hooks
    from tutor.plugins import load

    hooks.Actions.CORE_READY.do()  # discovers installed plugins, as the tutor command does at start
    load("cadre_training")
    tasks = hooks.Filters.CLI_DO_INIT_TASKS.apply([])
    assert ("lms", "./manage.py lms migrate credit_plugin && ./manage.py lms migrate survey_plugin") in tasks
    assert ("cms", "./manage.py cms enable_cadre_xblocks level_challenge demand_survey") in tasks


def test_one_celery_beat_runs_beside_the_lms_workers(tutor_env):
    """Tutor starts LMS Celery workers but no beat; the plugin adds exactly one."""
    import yaml

    env_dir, _ = tutor_env
    services = yaml.safe_load(read(env_dir, "local/docker-compose.prod.yml"))["services"]
    beat = services["cadre-beat"]
    assert beat["command"][:4] == ["celery", "--app=lms.celery", "beat", "--loglevel=info"]
    assert beat["image"] == services["lms-worker"]["image"]
    assert beat["environment"]["DJANGO_SETTINGS_MODULE"] == "lms.envs.tutor.production"

    deployments = [doc for doc in yaml.safe_load_all(read(env_dir, "k8s/deployments.yml")) if doc]
    k8s_beat = next(doc for doc in deployments if doc["metadata"]["name"] == "cadre-beat")
    assert k8s_beat["spec"]["replicas"] == 1
    assert k8s_beat["spec"]["template"]["spec"]["containers"][0]["args"][2] == "beat"


def test_the_beat_can_be_left_to_the_operator(tmp_path):
    env = {**os.environ, "TUTOR_ROOT": str(tmp_path), "TUTOR_PLUGINS_ROOT": str(tmp_path / "plugins")}
    for args in (["plugins", "enable", "cadre_training"], ["config", "save", "--set", "CADRE_TRAINING_RUN_BEAT=false"]):
        subprocess.run([*TUTOR, *args], env=env, capture_output=True, text=True, check=True)
    assert "cadre-beat" not in (tmp_path / "env" / "local" / "docker-compose.prod.yml").read_text(encoding="utf-8")


def test_the_image_puts_the_xblock_catalogs_where_the_i18n_service_looks_after_atlas(tutor_env):
    env_dir, _ = tutor_env
    dockerfile = read(env_dir, "build/openedx/Dockerfile")
    pulled = dockerfile.index("pull_xblock_translations")
    ours = dockerfile.index("python -m xblocks.atlas_catalogs conf/plugins-locale/xblock.v1")
    assert pulled < ours < dockerfile.index("collectstatic")
    step = dockerfile[ours:dockerfile.index("\n\n", ours)]
    for service in ("lms", "cms"):
        assert f"./manage.py {service} --settings=tutor.i18n compile_xblock_translations" in step
