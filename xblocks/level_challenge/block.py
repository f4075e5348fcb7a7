"""The level_challenge XBlock: fields, views and thin JSON handlers. The logic lives in sibling modules."""

import random
from datetime import UTC, datetime

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service
from lxml import etree
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from web_fragments.fragment import Fragment
from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Scope, String

from credit_plugin import api as credit_api
from xblocks import block_credits, resources
from xblocks.fields import ChildList, ZonedDateTime, forget_legacy, list_or_legacy
from xblocks.handlers import HandlerError, current_user_id, json_handler, translate
from xblocks.level_challenge import (
    authoring,
    bank,
    bank_changes,
    leaderboard,
    olx,
    presentation,
    progress,
    submission,
)
from xblocks.level_challenge.bank_import_handlers import STUDIO_MAX_BODY, STUDIO_MAX_UPLOAD, BankImportHandlers
from xblocks.level_challenge.levels import Level
from xblocks.level_challenge.wrong_questions import REFUSALS, WrongQuestionHandlers


def _now():
    return datetime.now(UTC)


@XBlock.needs("i18n")
@XBlock.wants("user", "completion", "studio_user_permissions")
class LevelChallengeBlock(WrongQuestionHandlers, BankImportHandlers, XBlock):
    """A level-challenge quiz: levels of questions drawn at random from the block's question bank."""

    i18n_js_namespace = resources.JS_I18N_NAMESPACE

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
    completion_credits = String(
        display_name=_("Credits for completing this block"),
        help=_("Empty: none. Written as the ledger's credit rule for this block when the author saves."),
        scope=Scope.settings,
        default="",
        enforce_type=True,
    )
    completion_hours = String(
        display_name=_("Class hours for completing this block"),
        help=_("Empty: none. Written as the ledger's credit rule for this block when the author saves."),
        scope=Scope.settings,
        default="",
        enforce_type=True,
    )
    learner_progress = Dict(
        display_name=_("Progress"),
        help=_("This learner's attempts, draws and best scores."),
        scope=Scope.user_state,
        default={},
        enforce_type=True,
    )
    # Before the leaderboard became the plugin's rows (credit_plugin.api), every learner's points and
    # time were kept here; they are imported into the rows once, and the field emptied.
    standings = Dict(
        display_name=_("Standings (as kept before the leaderboard table)"),
        help=_("Read once into the leaderboard table, then emptied."),
        scope=Scope.user_state_summary,
        default={},
        enforce_type=True,
    )

    has_score = True
    # Complete only when every level is passed (``_publish_progress``): without this, edx-completion's
    # receiver of PROBLEM_WEIGHTED_SCORE_CHANGED would mark the block complete on any score, a failed one too.
    has_custom_completion = True
    completion_mode = XBlockCompletionMode.COMPLETABLE

    # --- the block's content and the learner's state -----------------------------------------------
    @property
    def levels(self) -> list[Level]:
        return [Level.from_dict(item, number=number)
                for number, item in enumerate(list_or_legacy(self, "level_list", "levels_json"), start=1)]

    @property
    def index(self) -> bank.BankIndex:
        """The parsed bank, from this process's cache: a request reads only the bank's version."""
        return bank.index_for(self.bank_version or "empty", lambda: list_or_legacy(self, "bank_questions", "bank_json"))

    @property
    def block_key(self) -> str:
        """The block's usage key (the LMS's ``location``), which names its attempts and its leaderboard."""
        location = getattr(self, "location", None)
        return str(location) if location is not None else str(self.scope_ids.usage_id)

    def _state(self) -> dict:
        """The learner's state, checked against the bank and levels they may have changed under it."""
        state = self.learner_progress or progress.empty_state()
        checked = bank_changes.reconcile(self.levels, self.index, self.bank_version, state)
        if checked is not state:
            self.learner_progress = checked  # saved by the next handler; a view only shows it
        return checked

    def _translate(self, text: str) -> str:
        return translate(self, text)

    def max_score(self):
        return presentation.max_score(self.levels)

    def _public_state(self) -> dict:
        return presentation.public_state(
            self.levels, self._state(), self.index, display_name=self._translate(self.display_name),
            competition_is_open=self._competition_open(), show_leaderboard=self.show_leaderboard, now=_now(),
            notice=bank_changes.closed_message(self._state(), self._translate),
        )

    # --- views ---------------------------------------------------------------------------------------
    def student_view(self, context=None):
        i18n = self.runtime.service(self, "i18n")
        html = resources.render(__name__, "templates/student_view.html", {"block": self}, i18n_service=i18n)
        fragment = Fragment(html)
        fragment.add_css(resources.text(__name__, "static/css/level_challenge.css"))
        resources.add_javascript_catalog(fragment, self, i18n)
        fragment.add_javascript(resources.text(__name__, "static/js/level_challenge.js"))
        fragment.initialize_js("LevelChallengeBlock", {
            "state": self._public_state(), "text": presentation.ui_text(self._translate)})
        return fragment

    def student_view_data(self, context=None):
        """For the Open edX mobile apps: the levels and progress, never the questions."""
        return self._public_state()

    def studio_view(self, context=None):
        """Settings, levels and the bank import (every format question_bank reads)."""
        context = authoring.studio_context(levels=self.levels, index=self.index,
                                           competition_start=self.competition_start,
                                           competition_end=self.competition_end)
        i18n = self.runtime.service(self, "i18n")
        html = resources.render(__name__, "templates/studio_view.html", {"block": self, **context}, i18n_service=i18n)
        fragment = Fragment(html)
        fragment.add_css(resources.text(__name__, "static/css/level_challenge.css"))
        fragment.add_css(resources.text(__name__, "static/css/studio.css"))
        resources.add_javascript_catalog(fragment, self, i18n)
        fragment.add_javascript(resources.text(__name__, "static/js/studio.js"))
        fragment.initialize_js("LevelChallengeStudio", authoring.studio_init(
            levels=self.levels, index=self.index, translate=self._translate))
        return fragment

    # --- learners' handlers ------------------------------------------------------------------------
    @json_handler(refusals=REFUSALS)
    def get_state(self, data, suffix=""):
        return self._public_state()

    @json_handler(refusals=REFUSALS)
    def start_level(self, data, suffix=""):
        self._check_competition()
        number, levels = data.get("level"), self.levels
        if isinstance(number, int) and 0 <= number < len(levels):
            self._check_prerequisite(levels[number])
        state, attempt = progress.start_level(
            levels, self.index, self._state(), number, now=_now(), rng=random.SystemRandom(), translate=self._translate
        )
        self.learner_progress = state
        return presentation.started_attempt(levels, self.index, attempt)

    @json_handler(refusals=REFUSALS)
    def submit_level(self, data, suffix=""):
        """Grade the attempt once; a repeated or concurrent submission of it gets the same stored grade."""
        self._check_competition()
        levels = self.levels
        graded = submission.submit(levels, self.index, self._state(), data, learner_id=current_user_id(self),
                                   block_key=self.block_key, now=_now(), translate=self._translate)
        if graded.new_state is not None:
            self.learner_progress = graded.new_state
        if graded.stored.newly_graded:
            self._publish_progress(self._state())
        return {**presentation.graded_attempt(levels, graded.stored.grade.level, graded.result, self._state()),
                "already_graded": not graded.stored.newly_graded, "state": self._public_state()}

    @json_handler(refusals=REFUSALS)
    def leaderboard(self, data, suffix=""):
        if not self.show_leaderboard:
            raise HandlerError("no_leaderboard", self._translate(_("This challenge shows no leaderboard.")), 403)
        self._import_legacy_standings()
        me = current_user_id(self)
        board = credit_api.leaderboard(competition_key=self.block_key, user_id=me, limit=20)
        return leaderboard.shown_board(board, me=me, names=self.leaderboard_names)

    def _import_legacy_standings(self):
        """Standings kept in the block before the leaderboard table: into the table once, then emptied."""
        if self.standings:
            credit_api.import_standings(competition_key=self.block_key,
                                        standings=leaderboard.legacy_standings(self.standings))
            self.standings = {}

    def _publish_progress(self, state):
        """The grade and, once every level is passed, completion to the LMS; the learner's leaderboard row."""
        levels = self.levels
        self.runtime.publish(self, "grade", {"value": progress.total_points(state), "max_value": self.max_score()})
        if levels and all(progress.level_status(levels, state, number) == "passed" for number in range(len(levels))):
            self.runtime.publish(self, "completion", {"completion": 1.0})
        self._import_legacy_standings()
        credit_api.record_standing(competition_key=self.block_key, user_id=current_user_id(self),
                                   points=progress.total_points(state), seconds=progress.total_seconds(state))

    def _competition_open(self) -> bool:
        return presentation.competition_open(self.competition_start, self.competition_end, _now())

    def _check_competition(self):
        if not self._competition_open():
            raise progress.ChallengeError("competition_closed", self._translate(_("The competition is closed.")))

    def _check_prerequisite(self, level):
        """The unit's video (or another block) must be complete first, where the LMS tracks completion."""
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

    # --- authoring -------------------------------------------------------------------------------------
    @json_handler(max_body=STUDIO_MAX_BODY, authors_only=True, refusals=REFUSALS, uploads=("bank_file",),
                  max_upload=STUDIO_MAX_UPLOAD)
    def studio_submit(self, data, suffix=""):
        """Save settings, levels and (optionally) a new bank, all or nothing; ``dry_run`` only checks."""
        labels = {name: self._translate(self.fields[name].display_name) for name in authoring.DATE_FIELDS}
        edit = authoring.read_studio_edit(data, translate=self._translate, date_labels=labels, index=self.index)
        credits, credit_problems = block_credits.read_credits(data, translate=self._translate)
        report = authoring.edit_report(edit)
        report["fields"] += [problem.to_dict() for problem in credit_problems]
        if edit.dry_run:
            return report
        if edit.field_problems or credit_problems:  # nothing is saved while a level cannot draw its questions
            authoring.refuse_levels([*edit.field_problems, *credit_problems], translate=self._translate)
        self.display_name = edit.display_name or self.display_name
        self.competition_start, self.competition_end = edit.competition_start, edit.competition_end
        self.show_leaderboard = edit.show_leaderboard
        self.leaderboard_names = edit.leaderboard_names or self.leaderboard_names
        self.set_levels(edit.levels)
        if edit.questions or self.bank_json:  # a bank kept as text before version 0.2 moves to its List
            self.set_bank(edit.questions or self.index.questions)
        if "credits" in data or "hours" in data:
            self.completion_credits, self.completion_hours = credits["credits"], credits["hours"]
            block_credits.save_rule(block_key=self.block_key, title=self._translate(self.display_name),
                                    credits=self.completion_credits, hours=self.completion_hours)
        return {**report, "saved": True}

    def set_levels(self, levels):
        self.level_list = [level.to_dict() for level in levels]
        forget_legacy(self, "levels_json")

    def set_bank(self, questions):
        items = [question.to_dict() for question in questions]
        self.bank_questions, self.bank_version = items, bank.bank_version(items)
        forget_legacy(self, "bank_json")

    # --- OLX -----------------------------------------------------------------------------------------
    @classmethod
    def parse_xml(cls, node, runtime, keys):
        """Settings from the attributes (a time without a zone is a ValueError), levels and bank from the children."""
        block = super().parse_xml(etree.Element(node.tag, node.attrib), runtime, keys)
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
