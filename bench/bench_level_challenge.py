"""
The level challenge in the devhost's LMS runtime (the XBlock SDK's WorkbenchRuntime, fields through
the Django ORM, with a logged-in user), one fresh runtime and ``get_block`` per request as an LMS
request would do:

- ``student_view``, ``start_level`` and ``submit_level`` with a 5,000-question bank and a
  50-question bank, levels of 10 questions (goal: ≤ 30 / 20 / 20 ms median, 5,000 within 1.5x of 50);
- side by side: xblock-problem-builder with the same 10 questions as ``pb-mcq`` blocks in one
  mentoring block — render, and grade all 10 (goal: ours ≥ 10x faster);
- peak Python memory of parsing and first rendering the 5,000-question block.
"""

import json
import sys
from xml.sax.saxutils import escape, quoteattr

from bench.common import markdown_table, measure_in_subprocess, median_ms, peak_memory_mb, setup_django, timings_ms

REQUESTS = 60


def bank_of(size):
    from question_bank.api import Question
    from xblocks.level_challenge.demo import demo_questions

    base = demo_questions()
    return [
        Question(**{**question.__dict__, "id": f"{question.id}-{number}"})
        for number in range(size // len(base) + 1)
        for question in base
    ][:size]


def challenge_xml(size):
    from lxml import etree

    from xblocks.level_challenge import olx
    from xblocks.level_challenge.levels import Level

    node = etree.Element("level_challenge", display_name=f"bench {size}")
    levels = [Level(title=f"第{number}关", count=10, requires_previous=False) for number in range(1, 4)]
    olx.write_children(node, levels, bank_of(size))
    return etree.tostring(node, encoding="unicode")


def problem_builder_xml(questions):
    parts = ['<problem-builder display_name="bench" enforce_dependency="false" max_attempts="0">']
    for question in questions:
        parts.append(
            f"<pb-mcq name={quoteattr(question.id)} question={quoteattr(question.stem)} "
            f"correct_choices='{json.dumps(list(question.answer))}'>"
        )
        parts += [f"<pb-choice value={quoteattr(o.id)}>{escape(o.text)}</pb-choice>" for o in question.options]
        parts.append("</pb-mcq>")
    parts.append("</problem-builder>")
    return "".join(parts)


def _load(xml, scenario):
    from workbench.runtime import WorkbenchRuntime

    runtime = WorkbenchRuntime("author")
    runtime.id_generator.set_scenario(scenario)
    return runtime.parse_xml_string(xml)


def _request(body):
    import webob

    return webob.Request.blank("/", method="POST", body=json.dumps(body).encode())


def measure_ours(size):
    from django.contrib.auth import get_user_model

    from devhost.course_structure import DEMO_COURSE_KEY
    from devhost.runtimes.lms import LmsRuntime

    usage = _load(challenge_xml(size), f"bench-{size}")
    # A logged-in LMS user: the grade is claimed in the plugin's table under their id, and published.
    student = get_user_model().objects.get_or_create(username="bench-learner")[0]

    def render():
        runtime = LmsRuntime(student, DEMO_COURSE_KEY)
        return runtime.render(runtime.get_block(usage), "student_view", {})

    state = {}

    def start():
        runtime = LmsRuntime(student, DEMO_COURSE_KEY)
        block = runtime.get_block(usage)
        state["attempt"] = json.loads(runtime.handle(block, "start_level", _request({"level": 0})).body)

    def submit():
        runtime = LmsRuntime(student, DEMO_COURSE_KEY)
        block = runtime.get_block(usage)
        attempt = state["attempt"]
        answers = {question["id"]: [question["options"][0]["id"]] for question in attempt["questions"]}
        response = runtime.handle(
            block, "submit_level", _request({"attempt_id": attempt["attempt_id"], "answers": answers})
        )
        assert response.status_code == 200, response.body

    def start_then_submit():
        start()
        submit()

    render_ms = timings_ms(render, REQUESTS)
    start_samples, submit_samples = [], []
    for _ in range(REQUESTS):
        start_samples += timings_ms(start, 1, warmup=0)
        submit_samples += timings_ms(submit, 1, warmup=0)
    return {"render": median_ms(render_ms), "start": median_ms(start_samples), "submit": median_ms(submit_samples)}


def measure_peer():
    from workbench.runtime import WorkbenchRuntime

    questions = [question for question in bank_of(300) if question.kind.value == "single"][:10]
    usage = _load(problem_builder_xml(questions), "bench-pb")
    answers = {question.id: {"value": question.options[0].id} for question in questions}

    def render():
        runtime = WorkbenchRuntime("learner-1")
        return runtime.render(runtime.get_block(usage), "student_view", {})

    def grade():
        runtime = WorkbenchRuntime("learner-1")
        block = runtime.get_block(usage)
        response = runtime.handle(block, "submit", _request(answers))
        assert response.status_code == 200, response.body

    return {"render": median_ms(timings_ms(render, REQUESTS)), "grade": median_ms(timings_ms(grade, REQUESTS))}


def measure(database_url):
    setup_django(database_url, settings_module="bench.problem_builder_settings")
    figures = {"ours_5000": measure_ours(5000), "ours_50": measure_ours(50), "peer": measure_peer()}
    from xblock.test.toy_runtime import ToyRuntime

    xml = challenge_xml(5000)

    def parse_and_render():
        runtime = ToyRuntime("memory")
        block = runtime.get_block(runtime.parse_xml_string(xml))
        return runtime.render(block, "student_view")

    _, figures["peak_mb"] = peak_memory_mb(parse_and_render)
    return figures


def run() -> str:
    f = measure_in_subprocess("bench.bench_level_challenge", None)
    big, small, peer = f["ours_5000"], f["ours_50"], f["peer"]
    grade_ours = big["start"] + big["submit"]
    rows = [
        [
            "student_view",
            f"{big['render']:.1f}",
            f"{small['render']:.1f}",
            f"{big['render'] / small['render']:.2f}",
            f"{peer['render']:.1f}",
            f"{peer['render'] / big['render']:.1f}",
        ],
        ["start_level", f"{big['start']:.1f}", f"{small['start']:.1f}", f"{big['start'] / small['start']:.2f}", "", ""],
        [
            "submit_level (grade 10)",
            f"{big['submit']:.1f}",
            f"{small['submit']:.1f}",
            f"{big['submit'] / small['submit']:.2f}",
            f"{peer['grade']:.1f}",
            f"{peer['grade'] / big['submit']:.1f}",
        ],
    ]
    print(
        f"ours (5,000 questions): render {big['render']:.1f} ms, start {big['start']:.1f} ms, submit "
        f"{big['submit']:.1f} ms; problem-builder: render {peer['render']:.1f} ms, grade {peer['grade']:.1f} ms; "
        f"peak memory {f['peak_mb']:.0f} MB"
    )
    return (
        f"The devhost's LMS runtime (the SDK's WorkbenchRuntime with a logged-in user; grades claimed once in "
        f"the plugin's table and published) on SQLite, a fresh runtime and `get_block` per request, {REQUESTS} "
        "requests each, "
        "medians in ms. Goals: render ≤ 30, start ≤ 20, submit ≤ 20; 5,000 within 1.5x of 50; ≥ 10x "
        "xblock-problem-builder (10 `pb-mcq` in one mentoring block).\n\n"
        + markdown_table(
            ["request", "5,000 questions", "50 questions", "5,000/50", "problem-builder", "problem-builder/ours"], rows
        )
        + f"\n\nStarting a level and grading it together: {grade_ours:.1f} ms. Peak Python heap for parsing and "
        f"first rendering the 5,000-question block: {f['peak_mb']:.0f} MB."
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2] if len(sys.argv) > 2 else None)))
    else:
        print(run())
