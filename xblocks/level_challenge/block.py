"""The level_challenge XBlock: fields, views and thin JSON handlers. The logic lives in sibling modules."""

import base64
import binascii
import json
import random
from datetime import UTC, datetime

from lxml import etree
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Scope, String

from question_bank import api as bank_api
from xblocks import resources
from xblocks.fields import ChildList, ZonedDateTime, forget_legacy, list_or_legacy, moment_from_form, zoned_text
from xblocks.handlers import json_handler
from xblocks.level_challenge import bank, leaderboard, olx, progress
from xblocks.level_challenge.levels import Level, level_problems

REFUSALS = (progress.ChallengeError,)
# Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB by default) before any handler runs;
# 2 MB carries a bank file of 1.5 MB in base64 (a 5,000-question XLSX is 312 KB).
STUDIO_MAX_BODY = 2 * 1024 * 1024


def _(text):
    """Mark a field string for extraction; the runtime's i18n service translates it on display."""
    return text


def _now():
    return datetime.now(UTC)


@XBlock.needs("i18n")
@XBlock.wants("user", "completion", "studio_user_permissions")
class LevelChallengeBlock(XBlock):
    """A level-challenge quiz: levels of questions drawn at random from the block's question bank."""

    display_name = String(
        display_name=_("Display name"),
        help=_("The name learners see for this challenge."),
        scope=Scope.settings,
        default=_("Level challenge"),
        enforce_type=True,
    )
    level_list = ChildList(
        display_name=_("Levels"),
        help=_("The levels, in order (title, count, tags, quotas, pass mark…); OLX writes each as a <level>."),
        scope=Scope.settings,
        default=[],
        enforce_type=True,
    )
    bank_version = String(
        display_name=_("Bank version"),
        help=_("Hash of the question bank; changes whenever the bank changes."),
        scope=Scope.settings,
        default="",
        enforce_type=True,
    )
    bank_questions = ChildList(
        display_name=_("Question bank"),
        help=_("Every question of the bank; OLX writes them inside <bank>."),
        scope=Scope.content,
        default=[],
        enforce_type=True,
    )
    # Blocks saved before the List fields above kept them as JSON text under these names; they are
    # read only while the List is empty, and Studio's next save empties them.
    levels_json = String(
        display_name=_("Levels (as saved before version 0.2)"),
        help=_("Read only until the block is saved again; the levels now live in level_list."),
        scope=Scope.settings,
        default="",
        enforce_type=True,
    )
    bank_json = String(
        display_name=_("Question bank (as saved before version 0.2)"),
        help=_("Read only until the block is saved again; the bank now lives in bank_questions."),
        scope=Scope.content,
        default="",
        enforce_type=True,
    )
    competition_start = ZonedDateTime(
        display_name=_("Competition opens"),
        help=_("Date and time with its time zone, like 2026-12-01T09:00+08:00; empty for no start."),
        scope=Scope.settings,
        default=None,
        enforce_type=True,
    )
    competition_end = ZonedDateTime(
        display_name=_("Competition closes"),
        help=_("Date and time with its time zone, like 2026-12-31T18:00+08:00; empty for no end."),
        scope=Scope.settings,
        default=None,
        enforce_type=True,
    )
    show_leaderboard = Boolean(
        display_name=_("Show a leaderboard"),
        help=_("Rank the course's learners by points, then by time."),
        scope=Scope.settings,
        default=False,
        enforce_type=True,
    )
    leaderboard_names = String(
        display_name=_("Names on the leaderboard"),
        help=_("full, masked (王*纲) or hidden."),
        scope=Scope.settings,
        default="masked",
        values=("full", "masked", "hidden"),
        enforce_type=True,
    )
    learner_progress = Dict(
        display_name=_("Progress"),
        help=_("This learner's attempts, draws and best scores."),
        scope=Scope.user_state,
        default={},
    )
    standings = Dict(
        display_name=_("Standings"),
        help=_("Points and time of every learner, for the leaderboard."),
        scope=Scope.user_state_summary,
        default={},
    )

    has_score = True
    editable_fields = ("display_name",)

    # --- reading the block's content -------------------------------------------------------
    @property
    def levels(self) -> list[Level]:
        return [Level.from_dict(item) for item in list_or_legacy(self, "level_list", "levels_json")]

    @property
    def index(self):
        return bank.index_for(self.bank_version or "empty", lambda: list_or_legacy(self, "bank_questions", "bank_json"))

    def _state(self) -> dict:
        return self.learner_progress or progress.empty_state()

    def _translate(self, text):
        return self.runtime.service(self, "i18n").gettext(text)

    def max_score(self):
        return sum(level.count * level.points_per_correct for level in self.levels)

    # --- views ---------------------------------------------------------------------------------
    def _public_state(self) -> dict:
        """What the learner's page may know: no question text, no answers."""
        levels, state = self.levels, self._state()
        return {
            "display_name": self._translate(self.display_name),
            "levels": [
                {
                    "number": number,
                    "title": level.title,
                    "count": level.count,
                    "status": progress.level_status(levels, state, number),
                    "best_percent": progress.level_record(state, number)["best_percent"],
                    "attempts": progress.level_record(state, number)["attempts"],
                    "attempts_allowed": level.attempts_allowed,
                    "pass_percent": level.pass_percent,
                    "time_limit_seconds": level.time_limit_seconds,
                }
                for number, level in enumerate(levels)
            ],
            "points": progress.total_points(state),
            "max_points": self.max_score(),
            "wrong_count": len(state["wrong"]),
            "competition_open": self._competition_open(),
            "show_leaderboard": self.show_leaderboard,
            "current": self._current_attempt(levels, state),
        }

    def _current_attempt(self, levels, state):
        """The unsubmitted attempt, so that a reload shows the same questions (never their answers)."""
        current = state.get("current")
        if not current or current["level"] >= len(levels):
            return None
        level = levels[current["level"]]
        left = None
        if level.time_limit_seconds:
            elapsed = (_now() - datetime.fromisoformat(current["started_at"])).total_seconds()
            left = max(0, int(level.time_limit_seconds - elapsed))
        return {
            "attempt_id": current["attempt_id"],
            "level": current["level"],
            **self._attempt_questions(current),
            "time_limit_seconds": level.time_limit_seconds,
            "seconds_left": left,
        }

    def student_view(self, context=None):
        i18n = self.runtime.service(self, "i18n")
        html = resources.render(__name__, "templates/student_view.html", {"block": self}, i18n_service=i18n)
        fragment = Fragment(html)
        fragment.add_css(resources.text(__name__, "static/css/level_challenge.css"))
        fragment.add_javascript(resources.text(__name__, "static/js/level_challenge.js"))
        fragment.initialize_js("LevelChallengeBlock", {"state": self._public_state(), "text": self._ui_text()})
        return fragment

    def _ui_text(self) -> dict:
        t = self._translate
        return {
            key: t(value)
            for key, value in {
                "points": _("Points"),
                "start": _("Start"),
                "retry": _("Try again"),
                "submit": _("Submit answers"),
                "locked": _("Locked"),
                "open": _("Open"),
                "passed": _("Passed"),
                "best": _("Best score"),
                "correct": _("Correct"),
                "wrong": _("Wrong"),
                "answer": _("Correct answer"),
                "explanation": _("Explanation"),
                "score": _("Score"),
                "earned": _("Points earned"),
                "level_passed": _("Level passed! The next level is open."),
                "all_passed": _("All levels passed!"),
                "level_failed": _("Not passed this time."),
                "review": _("Review my wrong questions"),
                "no_wrong": _("No wrong questions to review."),
                "back": _("Back to the levels"),
                "time_left": _("Time left"),
                "attempts_left": _("Attempts left"),
                "question": _("Question"),
                "leaderboard": _("Leaderboard"),
                "my_rank": _("My rank"),
                "closed": _("The competition is closed."),
                "true": _("True"),
                "false": _("False"),
            }.items()
        }

    def student_view_data(self, context=None):
        """For the Open edX mobile apps: the levels and progress, never the questions."""
        return self._public_state()

    # --- handlers --------------------------------------------------------------------------------
    @json_handler(refusals=REFUSALS)
    def get_state(self, data, suffix=""):
        return self._public_state()

    @json_handler(refusals=REFUSALS)
    def start_level(self, data, suffix=""):
        self._check_competition()
        number = data.get("level")
        levels = self.levels
        if isinstance(number, int) and 0 <= number < len(levels):
            self._check_prerequisite(levels[number])
        state, attempt = progress.start_level(
            levels, self.index, self._state(), number, now=_now(), rng=random.SystemRandom(), translate=self._translate
        )
        self.learner_progress = state
        return {
            "attempt_id": attempt["attempt_id"],
            "level": number,
            **self._attempt_questions(attempt),
            "time_limit_seconds": levels[number].time_limit_seconds,
        }

    def _attempt_questions(self, attempt) -> dict:
        """The drawn questions for the browser: stems and options only, never answers or explanations."""
        questions = []
        for item in attempt["draw"]:
            question = self.index.get(item["id"])
            by_id = {option.id: option.text for option in question.options}
            questions.append(
                {
                    "id": question.id,
                    "kind": question.kind.value,
                    "stem": question.stem,
                    "options": [{"id": option_id, "text": by_id[option_id]} for option_id in item["options"]],
                }
            )
        return {"questions": questions}

    @json_handler(refusals=REFUSALS)
    def submit_level(self, data, suffix=""):
        self._check_competition()
        state = self._state()
        current = state.get("current") or {}
        new_state, result = progress.submit_level(
            self.levels,
            self.index,
            state,
            data.get("attempt_id"),
            data.get("answers", {}),
            now=_now(),
            translate=self._translate,
        )
        self.learner_progress = new_state
        self._publish_progress(new_state)
        number = current.get("level", 0)
        return {
            "level": number,
            "percent": result.percent,
            "points": result.points,
            "passed": result.passed,
            "correct_count": result.correct_count,
            "results": [
                {
                    "id": item.question_id,
                    "correct": item.correct,
                    "chosen": list(item.chosen),
                    "answer": list(item.answer),
                    "explanation": item.explanation,
                }
                for item in result.results
            ],
            "next_open": number + 1 < len(self.levels)
            and progress.level_status(self.levels, new_state, number + 1) != "locked",
            "state": self._public_state(),
        }

    def _publish_progress(self, state):
        self.runtime.publish(self, "grade", {"value": progress.total_points(state), "max_value": self.max_score()})
        levels = self.levels
        if levels and all(progress.level_status(levels, state, number) == "passed" for number in range(len(levels))):
            self.runtime.publish(self, "completion", {"completion": 1.0})
        user = self.runtime.service(self, "user")
        current = user.get_current_user() if user else None
        name = current.full_name if current else ""
        user_key = str(self.scope_ids.user_id)
        self.standings = {
            **self.standings,
            user_key: {"name": name, "points": progress.total_points(state), "seconds": progress.total_seconds(state)},
        }

    @json_handler(refusals=REFUSALS)
    def wrong_questions(self, data, suffix=""):
        """The learner's wrong questions with the right answers: they have answered these already."""
        review = []
        for question_id in self._state()["wrong"]:
            question = self.index.get(question_id)
            if question:
                review.append(
                    {
                        "id": question.id,
                        "stem": question.stem,
                        "options": [{"id": option.id, "text": option.text} for option in question.options],
                        "answer": list(question.answer),
                        "explanation": question.explanation,
                    }
                )
        return {"questions": review}

    @json_handler(refusals=REFUSALS)
    def leaderboard(self, data, suffix=""):
        return leaderboard.ranking(self.standings, me=str(self.scope_ids.user_id), names=self.leaderboard_names,
                                   limit=20)

    # --- competition and prerequisites -------------------------------------------------------
    def _competition_open(self) -> bool:
        now, start, end = _now(), self.competition_start, self.competition_end
        return (start is None or now >= start) and (end is None or now <= end)

    def _check_competition(self):
        if not self._competition_open():
            raise progress.ChallengeError("competition_closed", self._translate(_("The competition is closed.")))

    def _check_prerequisite(self, level):
        completion = self.runtime.service(self, "completion")
        if not level.prerequisite_block or completion is None or not completion.completion_tracking_enabled():
            return
        try:
            key = UsageKey.from_string(level.prerequisite_block)
        except InvalidKeyError:
            return
        if completion.get_completions([key]).get(key, 0.0) < 1.0:
            raise progress.ChallengeError(
                "prerequisite_incomplete", self._translate(_("Finish the video in this unit first."))
            )

    # --- authoring -------------------------------------------------------------------------------
    def studio_view(self, context=None):
        """Settings, levels and the bank import (XLSX/CSV template, and every format course_exports registers)."""
        i18n = self.runtime.service(self, "i18n")
        html = resources.render(
            __name__, "templates/studio_view.html",
            {
                "block": self,
                "competition_start": zoned_text(self.competition_start),
                "competition_end": zoned_text(self.competition_end),
                "levels_text": json.dumps([level.to_dict() for level in self.levels], ensure_ascii=False, indent=2),
                "question_count": len(self.index.questions),
                "problems": self.authoring_problems(),
                "formats": ", ".join(bank_api.readable_extensions()),
            },
            i18n_service=i18n,
        )
        fragment = Fragment(html)
        fragment.add_css(resources.text(__name__, "static/css/level_challenge.css"))
        fragment.add_javascript(resources.text(__name__, "static/js/studio.js"))
        t = self._translate
        fragment.initialize_js(
            "LevelChallengeStudio",
            {
                "text": {
                    "checked": t(_("Checked: {count} questions. Nothing is saved yet.")),
                    "saved": t(_("Saved: {count} questions.")),
                    "refused": t(_("Not saved:")),
                }
            },
        )
        return fragment

    @json_handler(max_body=STUDIO_MAX_BODY, authors_only=True, refusals=REFUSALS)
    def studio_submit(self, data, suffix=""):
        """Save settings, levels and (optionally) a new bank, all or nothing; ``dry_run`` only checks."""
        t = self._translate
        try:
            levels = [Level.from_dict(item) for item in json.loads(data.get("levels") or "[]")]
        except (ValueError, TypeError, AttributeError) as error:
            raise progress.ChallengeError(
                "bad_levels", t(_("The levels are not valid: {error}")).format(error=error)
            ) from error
        questions = None
        upload = data.get("bank_file")
        if upload:
            try:
                content = base64.b64decode(upload.get("data", ""), validate=True)
            except (ValueError, binascii.Error) as error:
                raise progress.ChallengeError("bad_file", t(_("The uploaded file could not be read."))) from error
            questions, problems = bank_api.read_bank(content, filename=str(upload.get("name", "")))
            errors = [problem for problem in problems if not problem.skipped]
            if errors or not questions:
                return_problems = [str(problem) for problem in errors] or [t(_("The file holds no questions."))]
                raise progress.ChallengeError("bad_bank", "\n".join(return_problems))
        moments = {}
        for name in ("competition_start", "competition_end"):
            try:
                moments[name] = moment_from_form(data.get(name), label=t(self.fields[name].display_name))
            except ValueError as error:
                raise progress.ChallengeError("bad_date", str(error)) from error
        index = bank.BankIndex.of(questions) if questions else self.index
        report = {"questions": len(index.questions), "problems": level_problems(levels, index), "saved": False}
        if data.get("dry_run"):
            return report
        self.display_name = str(data.get("display_name") or self.display_name)
        self.competition_start, self.competition_end = moments["competition_start"], moments["competition_end"]
        self.show_leaderboard = bool(data.get("show_leaderboard"))
        if data.get("leaderboard_names") in ("full", "masked", "hidden"):
            self.leaderboard_names = data["leaderboard_names"]
        self.set_levels(levels)
        if questions or self.bank_json:  # a bank kept as text before version 0.2 moves to its List
            self.set_bank(questions or self.index.questions)
        return {**report, "saved": True}

    def set_levels(self, levels):
        self.level_list = [level.to_dict() for level in levels]
        forget_legacy(self, "levels_json")

    def set_bank(self, questions):
        items = [question.to_dict() for question in questions]
        self.bank_questions, self.bank_version = items, bank.bank_version(items)
        forget_legacy(self, "bank_json")

    def authoring_problems(self) -> list[str]:
        return level_problems(self.levels, self.index)

    # --- OLX -------------------------------------------------------------------------------------
    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = super().parse_xml(_without_children(node), runtime, keys)
        levels, questions = olx.read_children(node)
        block.set_levels(levels)
        block.set_bank(questions)
        return block

    def add_xml_to_node(self, node):
        levels, questions = self.levels, list(self.index.questions) if self.bank_version else []
        super().add_xml_to_node(node)
        for name in ("level_list", "bank_version", "bank_questions", "levels_json", "bank_json"):
            node.attrib.pop(name, None)
        olx.write_children(node, levels, questions)

    @staticmethod
    def workbench_scenarios():
        from xblocks.level_challenge.demo import demo_unit_xml

        return [("Level challenge (闯关测验)", demo_unit_xml())]


def _without_children(node):
    """The element with its attributes only: levels and bank are not child blocks."""
    return etree.Element(node.tag, node.attrib)
