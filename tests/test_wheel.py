"""A wheel built from the repository works in a clean virtualenv, without the source tree."""

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[1]
# A clean environment: nothing on PYTHONPATH (tox puts the source tree there, where pip would find
# the package's egg-info and install nothing).
CLEAN_ENV = {name: value for name, value in os.environ.items() if name not in ("PYTHONPATH", "VIRTUAL_ENV")}

CHECK = """
import django
from django.conf import settings
from edx_django_utils.plugins import get_plugin_apps
settings.configure(
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", *get_plugin_apps("lms.djangoapp")]
)
django.setup()
from xblock.core import XBlock
print(XBlock.load_class("level_challenge").__name__, XBlock.load_class("demand_survey").__name__)
print(sorted(get_plugin_apps("lms.djangoapp")))
print(sorted(get_plugin_apps("cms.djangoapp")))
import credit_plugin.api, survey_plugin.api, course_exports
import gettext, importlib.resources
# Where edx-platform's XBlockI18nService looks when no atlas pull brought a catalog for the module.
bundled = importlib.resources.files(XBlock.load_class("level_challenge").__module__.split(".")[0]) / "translations"
print(gettext.translation("text", str(bundled), ["zh_CN"]).gettext("Points"))
"""


def test_wheel_installs_into_a_clean_venv_and_exposes_the_entry_points(tmp_path):
    # Built from a copy, as from a fresh clone: setuptools' build/ folder in a working tree keeps
    # modules that were moved or deleted, and would ship them.
    source = tmp_path / "source"
    shutil.copytree(REPO_ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv*", ".tox", "build", "dist", "*.egg-info", "__pycache__", "var", "test-output"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp_path / "dist"), str(source)],
        check=True, capture_output=True, text=True,
    )
    # A newcomer's `make demo` shows what setuptools says about the packaging: nothing, it is clean.
    for complaint in ("BuildBackendWarning", "SetuptoolsDeprecationWarning", "is absent from", "no files found"):
        assert complaint not in built.stdout + built.stderr
    wheel = next((tmp_path / "dist").glob("openedx_cadre_training-*.whl"))
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "-c", str(REPO_ROOT / "requirements" / "base.txt"), str(wheel)],
        check=True,
        env=CLEAN_ENV,
    )
    result = subprocess.run(
        [str(python), "-c", CHECK], check=False, cwd=tmp_path, capture_output=True, text=True, env=CLEAN_ENV
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "LevelChallengeBlock DemandSurveyBlock"
    for line in lines[1:3]:
        assert line == "['credit_plugin.apps.CreditPluginConfig', 'survey_plugin.apps.SurveyPluginConfig']"
    assert lines[3] == "积分"
    contents = subprocess.run(
        [sys.executable, "-m", "zipfile", "-l", str(wheel)], capture_output=True, text=True, check=True
    ).stdout
    assert "xblocks/level_challenge/templates/student_view.html" in contents
    assert "credit_plugin/conf/locale/zh_CN/LC_MESSAGES/django.mo" in contents
    for catalog in ("translations/zh_CN/LC_MESSAGES/text.mo", "translations/zh_CN/LC_MESSAGES/text.po",
                    "translations/en/LC_MESSAGES/text.mo", "conf/locale/zh_CN/LC_MESSAGES/djangojs.po"):
        assert f"xblocks/{catalog}" in contents
    assert "devhost/" not in contents
    assert "course_exports/examples/demo_bank.xlsx" in contents
    assert "course_exports/examples/demo_outline.yaml" in contents
    bank = REPO_ROOT / "course_exports" / "examples" / "demo_bank.xlsx"
    script = tmp_path / "venv" / "bin" / "cadre-course"
    assert script.is_file(), "the wheel's console script was not installed"
    checked = subprocess.run(
        [str(script), "check", str(bank)],
        capture_output=True,
        text=True,
        check=False,
        env=CLEAN_ENV,
    )
    assert checked.returncode == 0, checked.stderr
    assert "30 questions" in checked.stdout or "共 30 题" in checked.stdout
