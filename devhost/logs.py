"""Logging filters of the devhost: what a newcomer sees scroll past should be worth reading."""
import logging

# Answers the devhost gives on purpose (a learner opening an administrator's page, a form in error).
EXPECTED_REFUSALS = {400, 403, 404, 405}


class RefusalsInOneLine(logging.Filter):
    """Django logs an expected refusal with its traceback; one line says all there is to say."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in EXPECTED_REFUSALS:
            record.exc_info = record.exc_text = None
        return True
