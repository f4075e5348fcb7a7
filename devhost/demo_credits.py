"""Demo credit rules for the devhost: what the demo course and its activities are worth."""
from credit_plugin import api
from devhost.course_structure import DEMO_COURSE_KEY, DEMO_COURSE_NAME

# The level-challenge block of the demo unit; completing it is worth credits of its own.
DEMO_CHALLENGE_USAGE_ID = "level-challenge.level_challenge.d0.u0"


def seed_demo_credit_rules():
    api.save_credit_rule(title=DEMO_COURSE_NAME, course_key=str(DEMO_COURSE_KEY), trigger=api.Trigger.COURSE_PASSED,
                         credits="30", hours="13")
    api.save_credit_rule(title="工会基础知识闯关", trigger=api.Trigger.BLOCK_COMPLETED, credits="2", hours="1",
                         block_key=str(DEMO_COURSE_KEY.make_usage_key("level_challenge", DEMO_CHALLENGE_USAGE_ID)))
