"""
STANDS IN FOR ``lms/djangoapps/grades/signals/signals.py``: the grades app's signals, with the
arguments the platform documents and sends.
"""
from django.dispatch import Signal

# Sent by the LMS's publish service when a block publishes a "grade" event:
# block, user, raw_earned, raw_possible, only_if_higher, score_deleted, grader_response.
SCORE_PUBLISHED = Signal()

# Sent once the score is stored in courseware_studentmodule: user_id, course_id, usage_id, raw_earned,
# raw_possible, weight, only_if_higher, modified, score_db_table, score_deleted, grader_response.
PROBLEM_RAW_SCORE_CHANGED = Signal()

# Sent with the weighted score: user_id, course_id, usage_id, weighted_earned, weighted_possible,
# only_if_higher, modified, score_db_table, score_deleted, grader_response. edx-completion listens.
PROBLEM_WEIGHTED_SCORE_CHANGED = Signal()
