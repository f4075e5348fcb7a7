"""Signals the credit plugin sends to its own parts (certificates listen to them); sent after commit."""
from django.dispatch import Signal

# kwargs: user_id, year — the learner's year totals first reached both targets.
YEAR_TARGET_MET = Signal()

# kwargs: user_id, year — a reversal took a year that had reached both targets below one of them.
YEAR_TARGET_LOST = Signal()

# kwargs: user_id, exam_name, exam_date, score, entry_id — an imported offline exam was passed.
OFFLINE_EXAM_PASSED = Signal()
