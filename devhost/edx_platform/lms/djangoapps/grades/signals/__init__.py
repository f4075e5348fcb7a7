"""STANDS IN FOR edx-platform's lms.djangoapps.grades.signals."""
