"""
STANDS IN FOR the course structure the LMS grades from (the block structure of a published course):
which units make up a devhost course, and which of their blocks carry a score and how much.

The devhost has one course: every scenario of our blocks and of the demo course built by
``cadre-course build`` is a unit of ``DEMO_COURSE_KEY``.
"""
from opaque_keys.edx.keys import CourseKey, UsageKey
from workbench.scenarios import get_scenarios

from devhost.built_course import ensure_built_course_scenarios

DEMO_COURSE_KEY = CourseKey.from_string("course-v1:SDFTU+CADRE101+2026")
DEMO_COURSE_NAME = "工会干部应知应会基础"
OUR_BLOCK_TYPES = ("level_challenge", "demand_survey")


def unit_scenarios() -> list[tuple[str, object]]:
    """(scenario id, scenario) of every unit: our blocks' scenarios and the built demo course's units."""
    ensure_built_course_scenarios()
    return sorted(
        (scenario_id, scenario)
        for scenario_id, scenario in get_scenarios().items()
        if scenario_id.split(".")[0] in OUR_BLOCK_TYPES or scenario_id.startswith("cadre_demo.")
    )


def course_of_scenario(scenario_id: str) -> CourseKey:
    """The course a unit belongs to."""
    return DEMO_COURSE_KEY


def scored_blocks(course_key: CourseKey) -> dict[UsageKey, float]:
    """Every block of the course that has a score, with the points it is worth (its ``max_score()``)."""
    from devhost.runtimes.lms import structure_runtime  # noqa: PLC0415 - the runtimes use this module

    runtime = structure_runtime(course_key)
    found = {}
    for scenario_id, scenario in unit_scenarios():
        if course_of_scenario(scenario_id) == course_key:
            _collect_scored(runtime, runtime.get_block(scenario.usage_id), found)
    return found


def _collect_scored(runtime, block, found: dict):
    if getattr(block, "has_score", False):
        found[block.location] = float(block.max_score() or 0)
    for child_id in getattr(block, "children", None) or ():
        _collect_scored(runtime, runtime.get_block(child_id), found)
