#!/usr/bin/env python
"""Run Django management commands against the devhost (``python devhost/manage.py …``)."""
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devhost.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
