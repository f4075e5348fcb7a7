"""The devhost as separate processes (workers, consumers, an LMS sending events) on one SQLite file."""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
SET_UP = """
from tests.factories import UserFactory, credit_rule
credit_rule()
print(UserFactory(username="process-learner").id)
"""


def devhost_env(folder: Path, **extra) -> dict:
    """Settings for every process of one test: its own database and files, Redis as broker."""
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "devhost.settings.test",
            "DATABASE_URL": f"sqlite:///{folder / 'devhost.sqlite3'}", "DEVHOST_VAR_DIR": str(folder / "var"),
            **extra}


def manage(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "devhost/manage.py", *args], cwd=REPO_ROOT, env=env, check=True,
                          capture_output=True, text=True, **kwargs)


def start(env: dict, command: list[str], log: Path) -> subprocess.Popen:
    """A long-running devhost process (a worker, a consumer), its output in ``log``."""
    with open(log, "w") as output:
        return subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)


def migrated_with_a_learner(env: dict) -> int:
    """Migrate the database, add the demo course's credit rule and a learner; the learner's id."""
    manage(env, "migrate", "--run-syncdb", "-v0")
    return int(manage(env, "shell", "-c", SET_UP).stdout.strip().splitlines()[-1])


def stop(process: subprocess.Popen):
    process.terminate()
    process.wait(timeout=30)


def rows(env: dict, sql: str) -> list[tuple]:
    with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as connection:
        return connection.execute(sql).fetchall()
