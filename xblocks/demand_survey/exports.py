"""The header of a survey's response export; the file itself is written by survey_plugin."""
from xblocks.demand_survey.i18n import _


def header(questions, *, anonymous: bool, translate) -> list[str]:
    who = [] if anonymous else [translate(_("Username")), translate(_("Name"))]
    return [*who, translate(_("Date")), *(question.prompt for question in questions)]
