"""
The demand_survey XBlock: fields, views and thin JSON handlers.

Questions live in the block (OLX); responses live in survey_plugin's tables, reached only through
``survey_plugin.api``, so demand adds up across courses and an anonymous survey's answers are
never kept with the learner.
"""
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.utils.translation import gettext_noop as _  # marked here, translated by the block's i18n service
from lxml import etree
from web_fragments.fragment import Fragment
from webob import Response
from xblock.core import XBlock
from xblock.fields import Boolean, Scope, String

from survey_plugin import api as survey_api
from xblocks import resources
from xblocks.demand_survey import authoring, olx, presentation
from xblocks.demand_survey.answers import AnswerError, check_answers
from xblocks.demand_survey.exports import ResponseExportHandlers
from xblocks.demand_survey.questions import QuestionKind, SurveyQuestion
from xblocks.demand_survey.respondent import record_response, respondent_for
from xblocks.fields import ChildList, ZonedDateTime, forget_legacy, list_or_legacy, zoned_text
from xblocks.handlers import HandlerError, is_course_staff, json_handler, translate

MAX_BODY = 256 * 1024
REFUSALS = (AnswerError, survey_api.SurveyError)


def _now():
    return datetime.now(UTC)


@XBlock.needs("i18n")
@XBlock.wants("user", "studio_user_permissions")
class DemandSurveyBlock(ResponseExportHandlers, XBlock):
    """A learning-demand survey: learners say which topics they need and are shown matching content."""

    i18n_js_namespace = resources.JS_I18N_NAMESPACE

    display_name = String(
        display_name=_("Display name"),
        help=_("The name learners see for this survey."),
        scope=Scope.settings,
        default=_("Demand survey"),
        enforce_type=True,
    )
    intro = String(
        display_name=_("Introduction"),
        help=_("Plain text shown above the questions: why the survey is asked and what happens next."),
        scope=Scope.settings,
        default="",
        enforce_type=True,
    )
    anonymous = Boolean(
        display_name=_("Anonymous"),
        help=_("Keep answers apart from who gave them; learners are told before answering."),
        scope=Scope.settings,
        default=True,
        enforce_type=True,
    )
    opens_at = ZonedDateTime(
        display_name=_("Opens"),
        help=_("Date and time the survey opens, with its time zone (2026-12-01T09:00+08:00); empty: open now."),
        scope=Scope.settings,
        default=None,
        enforce_type=True,
    )
    closes_at = ZonedDateTime(
        display_name=_("Closes"),
        help=_("Date and time the survey closes, with its time zone (2026-12-31T23:59+08:00); empty: never."),
        scope=Scope.settings,
        default=None,
        enforce_type=True,
    )
    editable = Boolean(
        display_name=_("Answers can be changed"),
        help=_("Learners may change their response until the survey closes (named surveys only: nothing leads "
               "back to an anonymous response)."),
        scope=Scope.settings,
        default=True,
        enforce_type=True,
    )
    show_results = Boolean(
        display_name=_("Show results to learners"),
        help=_("After answering, learners see the aggregate results."),
        scope=Scope.settings,
        default=False,
        enforce_type=True,
    )
    question_list = ChildList(
        display_name=_("Questions"),
        help=_("The questions, in order; OLX writes each as a <question>."),
        scope=Scope.content,
        default=[],
        enforce_type=True,
    )
    # A block saved before the List above kept its questions as JSON text under this name; it is
    # read only while the List is empty, and Studio's next save empties it.
    questions_json = String(
        display_name=_("Questions (as saved before version 0.2)"),
        help=_("Read only until the block is saved again; the questions now live in question_list."),
        scope=Scope.content,
        default="",
        enforce_type=True,
    )

    # --- reading the block's content ---------------------------------------------------------
    @property
    def questions(self) -> list[SurveyQuestion]:
        return [SurveyQuestion.from_dict(item) for item in list_or_legacy(self, "question_list", "questions_json")]

    def _translate(self, text: str) -> str:
        return translate(self, text)

    @property
    def survey_key(self) -> str:
        location = getattr(self, "location", None)
        return str(location) if location is not None else str(self.scope_ids.usage_id)

    def _survey_info(self) -> survey_api.SurveyInfo:
        course = getattr(self, "course_id", None) or getattr(getattr(self, "location", None), "course_key", "")
        return survey_api.SurveyInfo(
            survey_key=self.survey_key, course_key=str(course or ""), title=self.display_name,
            anonymous=self.anonymous, opens_at=self.opens_at, closes_at=self.closes_at,
            editable=self.editable, show_results=self.show_results,
        )

    def _register(self) -> None:
        """
        Tell survey_plugin the settings learners are being shown; their responses are held to them.
        Studio's preview shows a draft, which learners have not seen, so it registers nothing.
        """
        if not getattr(self.runtime, "is_author_mode", False):
            survey_api.register_survey(survey=self._survey_info())

    def _user_id(self) -> int | None:
        user = self.runtime.service(self, "user")
        user_id = user.get_current_user().opt_attrs.get("edx-platform.user_id") if user else None
        return int(user_id) if user_id is not None else None

    def _is_staff(self) -> bool:
        return is_course_staff(self)

    def _topic_names(self) -> dict[str, str]:
        return {topic.code: topic.name for topic in survey_api.topics()}

    # --- views --------------------------------------------------------------------------------
    def student_view(self, context=None):
        i18n = self.runtime.service(self, "i18n")
        self._register()
        questions, topic_names = self.questions, self._topic_names()
        user_id = self._user_id()
        mine = survey_api.my_answers(survey_key=self.survey_key, learner_id=user_id) if user_id is not None else None
        window = presentation.window(self.opens_at, self.closes_at, _now())
        staff = self._is_staff()
        results = None
        if staff or (mine is not None and self.show_results):
            results = self._results_view(questions, topic_names, staff=staff)
        context = {
            "block": self,
            "closes_at": zoned_text(self.closes_at),
            "display_name": i18n.gettext(self.display_name),
            "window": window,
            "answered": mine is not None,
            # An anonymous response leads back to nobody, so it cannot be changed (decision 0016).
            "can_answer": user_id is not None and window == "open" and (
                mine is None or (self.editable and not self.anonymous)),
            "questions": presentation.form_questions(questions, topic_names, mine or {}),
            "max_text_length": survey_api.privacy_policy().max_text_length,
            "resources": self._resources(questions, mine) if mine is not None else [],
            "staff": staff,
            "results": results,
            "results_html": self._results_html(results) if results else "",
            "export_urls": {file_format: self._handler_link("export", format=file_format)
                            for file_format in survey_api.EXPORT_CONTENT_TYPES} if staff else {},
        }
        html = resources.render(__name__, "templates/student_view.html", context, i18n_service=i18n)
        fragment = Fragment(html)
        fragment.add_css(resources.text(__name__, "static/css/demand_survey.css"))
        resources.add_javascript_catalog(fragment, self, i18n)
        fragment.add_javascript(resources.text(__name__, "static/js/demand_survey.js"))
        fragment.initialize_js("DemandSurveyBlock", {"text": presentation.ui_text(self._translate)})
        return fragment

    def student_view_data(self, context=None):
        """For the Open edX mobile apps: the survey's settings and questions (there are no answer keys)."""
        self._register()
        return {
            "display_name": self.display_name,
            "intro": self.intro,
            "anonymous": self.anonymous,
            "opens_at": zoned_text(self.opens_at),
            "closes_at": zoned_text(self.closes_at),
            "editable": self.editable,
            "show_results": self.show_results,
            "questions": [question.to_dict() for question in self.questions],
        }

    def _resources(self, questions, answers: dict) -> list[dict]:
        """The courses and units linked to the topics the learner picked."""
        found = survey_api.resources_for_topics(codes=presentation.picked_topics(questions, answers))
        return [{"topic": resource.topic_name, "title": resource.title, "url": resource.url} for resource in found]

    def _results_html(self, results: dict) -> str:
        """The bar charts (and, for staff, the free-text answers, escaped); one markup for staff and learners."""
        return resources.render(__name__, "templates/results.html", {"results": results},
                                i18n_service=self.runtime.service(self, "i18n"))

    def _results_view(self, questions, topic_names, *, staff: bool) -> dict:
        """The aggregate results; the words of free-text answers are for course staff only (decision 0009)."""
        text_questions = [question.id for question in questions if question.kind is QuestionKind.TEXT] if staff else []
        results = survey_api.survey_results(survey_key=self.survey_key, text_questions=text_questions, live=staff)
        return presentation.results_view(questions, results, topic_names, staff=staff,
                                         min_group=survey_api.privacy_policy().min_group_size)

    # --- handlers -----------------------------------------------------------------------------
    def _error(self, code: str, message: str, status: int = 400) -> Response:
        """A refusal as the handlers answer it: ``{"error": code, "message": message}`` with ``status``."""
        return HandlerError(code, message, status).get_response()

    @json_handler(max_body=MAX_BODY, refusals=REFUSALS)
    def submit(self, data, suffix=""):
        """Store the learner's response (all or nothing) and answer with the resources for their topics."""
        user_id = self._user_id()
        if user_id is None:
            raise HandlerError("not_authenticated", self._translate(_("Log in to answer.")), 403)
        questions = self.questions
        answers = check_answers(
            questions, data.get("answers"),
            topic_codes={topic.code for topic in survey_api.topics()},
            max_text_length=survey_api.privacy_policy().max_text_length,
        )
        shown_anonymous = data.get("anonymous")
        if shown_anonymous is not None and not isinstance(shown_anonymous, bool):
            raise AnswerError("malformed", self._translate(_("“anonymous” must be true or false.")))
        recorded = record_response(survey_key=self.survey_key, respondent=respondent_for(user_id), answers=answers,
                                   shown_anonymous=shown_anonymous, survey_info=self._survey_info)
        mine = {answer.question_id: answer for answer in answers}
        payload = {"saved": True, "first": recorded.first, "resources": self._resources(questions, mine),
                   "results": None}
        if recorded.show_results:
            payload["results"] = self._results_view(questions, self._topic_names(), staff=False)
            payload["results_html"] = self._results_html(payload["results"])
        return payload

    @json_handler(refusals=REFUSALS)
    def results(self, data, suffix=""):
        """The aggregate results: for staff, and for learners who answered when the author allows it."""
        user_id, staff = self._user_id(), self._is_staff()
        allowed = staff or (
            self.show_results and user_id is not None
            and survey_api.has_responded(survey_key=self.survey_key, learner_id=user_id)
        )
        if not allowed:
            raise HandlerError("forbidden", self._translate(_("The results are not shown to you.")), 403)
        return self._results_view(self.questions, self._topic_names(), staff=staff)

    def _handler_link(self, handler: str, **query) -> str:
        return self.runtime.handler_url(self, handler, query=urlencode(query))

    # --- authoring ------------------------------------------------------------------------------
    def studio_view(self, context=None):
        context = authoring.studio_context(questions=self.questions, opens_at=self.opens_at,
                                           closes_at=self.closes_at, topics=survey_api.topics())
        i18n = self.runtime.service(self, "i18n")
        html = resources.render(__name__, "templates/studio_view.html", {"block": self, **context}, i18n_service=i18n)
        fragment = Fragment(html)
        fragment.add_css(resources.text(__name__, "static/css/demand_survey.css"))
        fragment.add_css(resources.text(__name__, "static/css/studio.css"))
        resources.add_javascript_catalog(fragment, self, i18n)
        fragment.add_javascript(resources.text(__name__, "static/js/studio.js"))
        fragment.initialize_js("DemandSurveyStudio", authoring.studio_init(
            questions=self.questions, topics=context["topics"], translate=self._translate))
        return fragment

    @json_handler(max_body=MAX_BODY, authors_only=True, refusals=REFUSALS)
    def studio_submit(self, data, suffix=""):
        """Save the settings and questions, all or nothing; ``dry_run`` only checks them."""
        labels = {name: self._translate(self.fields[name].display_name) for name in authoring.DATE_FIELDS}
        edit = authoring.read_survey_edit(data, translate=self._translate, date_labels=labels,
                                          topic_codes={topic.code for topic in survey_api.topics()})
        report = {"questions": len(edit.questions), "saved": False}
        if edit.dry_run:
            return report
        self.display_name = edit.display_name or self.display_name
        self.intro = self.intro if edit.intro is None else edit.intro
        for name, value in edit.flags.items():
            setattr(self, name, value)
        self.opens_at, self.closes_at = edit.opens_at, edit.closes_at
        self.set_questions(edit.questions)
        return {**report, "saved": True}

    def set_questions(self, questions) -> None:
        self.question_list = [question.to_dict() for question in questions]
        forget_legacy(self, "questions_json")

    # --- OLX -----------------------------------------------------------------------------------
    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = super().parse_xml(etree.Element(node.tag, node.attrib), runtime, keys)
        intro, questions = olx.read_children(node)
        block.intro = intro
        block.set_questions(questions)
        return block

    def add_xml_to_node(self, node):
        questions, intro = self.questions, self.intro
        super().add_xml_to_node(node)
        for name in ("question_list", "questions_json", "intro"):
            node.attrib.pop(name, None)
        olx.write_children(node, intro, questions)

    @staticmethod
    def workbench_scenarios():
        from xblocks.demand_survey.demo import demo_survey_xml

        return [("Demand survey (问卷调查)", demo_survey_xml())]
