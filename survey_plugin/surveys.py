"""
The surveys the plugin knows: each demand_survey block's settings as its learners were last shown
them. The block registers them when the LMS renders it (never from Studio's preview of a draft),
and every submit is held to them in the transaction that stores it: no response outside the
survey's dates, no second one where editing is not allowed, and no user on an anonymous survey's
rows. A submit therefore reads none of the block's settings, each of which costs the runtime a
query, and a learner is held to the terms they were shown.
"""
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from survey_plugin.data import SurveyInfo
from survey_plugin.errors import SurveyError
from survey_plugin.models import Participation, Survey, SurveyResponse


def _fields(info: SurveyInfo) -> dict:
    return {
        "course_key": info.course_key, "title": info.title[:255], "anonymous": info.anonymous,
        "opens_at": info.opens_at, "closes_at": info.closes_at, "editable": info.editable,
        "show_results": info.show_results,
    }


def register_survey(*, survey: SurveyInfo) -> None:
    """Record the survey's settings as its learners are now shown them; nothing is written when they are unchanged."""
    fields = _fields(survey)
    found = Survey.objects.filter(survey_key=survey.survey_key).values("pk", *fields).first()
    if found is None:
        Survey.objects.get_or_create(survey_key=survey.survey_key, defaults=fields)  # two first renders may race
    elif any(found[name] != value for name, value in fields.items()):
        Survey.objects.filter(pk=found["pk"]).update(**fields, updated=timezone.now())


@dataclass(frozen=True)
class LockedSurvey:
    """A survey's row under lock, as a submit needs it."""

    pk: int
    anonymous: bool
    editable: bool
    show_results: bool
    earlier_response: int | None  # the respondent's named response, if they gave one before
    participated: bool  # the respondent answered while the survey was anonymous


def lock_survey(*, survey_key: str, respondent_key: str, learner_id: int) -> LockedSurvey:
    """
    The survey's row, locked until the transaction ends: one survey's responses are stored one at
    a time, so counts stay exact and concurrent submits never deadlock on the tallies they share.
    The respondent's earlier response (named) or participation (anonymous) is read in the same
    query: every submit waits on this one.
    Raises SurveyError for a survey never registered, or one that is not open now.
    """
    earlier = SurveyResponse.objects.filter(survey=OuterRef("pk"), respondent_key=respondent_key).values("pk")[:1]
    participated = Participation.objects.filter(survey=OuterRef("pk"), user_id=learner_id)
    found = (
        Survey.objects.select_for_update().filter(survey_key=survey_key)
        .values_list("pk", "anonymous", "editable", "show_results", "opens_at", "closes_at", Subquery(earlier),
                     Exists(participated))
    )
    if not found:
        raise SurveyError("unknown_survey", _("This survey has not been shown to learners yet."))
    pk, anonymous, editable, show_results, opens_at, closes_at, earlier_response, participation = found[0]
    now = timezone.now()
    if opens_at and now < opens_at:
        raise SurveyError("not_open", _("The survey is not open yet."))
    if closes_at and now > closes_at:
        raise SurveyError("closed", _("The survey is closed."))
    return LockedSurvey(pk=pk, anonymous=anonymous, editable=editable, show_results=show_results,
                        earlier_response=earlier_response, participated=participation)
