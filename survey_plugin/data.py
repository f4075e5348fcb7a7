"""Plain, frozen data objects that cross the survey plugin's public API."""
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from cadre_common.problems import RowProblem


@dataclass(frozen=True)
class SurveyPrivacyPolicy:
    """How survey results are protected: the smallest group a filtered result may show."""

    min_group_size: int
    max_text_length: int


@dataclass(frozen=True)
class SurveyInfo:
    """
    The survey block's settings as the plugin keeps them: its usage key, course, title, privacy,
    the moments it opens and closes (aware datetimes; None: no limit), whether a learner may
    change their response and whether they see the results after answering.
    """

    survey_key: str
    course_key: str
    title: str
    anonymous: bool
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    editable: bool = True
    show_results: bool = False


@dataclass(frozen=True)
class RecordedResponse:
    """What storing a response did: ``first`` unless it replaced the learner's earlier one."""

    first: bool
    show_results: bool  # the survey shows learners the results after answering


Facts = tuple[tuple[str, ...], str, str]  # organisation lineage (root first), cadre category, tenure


@dataclass(frozen=True)
class Respondent:
    """
    Who answers. ``learner_id`` is the LMS user id; it is kept only on a named survey's
    response. The rest is what filtered demand needs: the codes of the respondent's organisation
    and those above it (root first), cadre category and tenure ("new" or "serving"), when known.

    ``facts_of(user_ids)`` gives those facts for other learners (``{user id: (lineage, category,
    tenure)}``, those it knows): an anonymous response keeps its respondent's facts only as fine as
    ``CADRE_SURVEY_MIN_GROUP_SIZE`` of the survey's respondents share them. Without it only the
    depth limit applies.
    """

    learner_id: int
    organisation_lineage: tuple[str, ...] = ()
    cadre_category: str = ""
    tenure: str = ""
    facts_of: Callable[[Sequence[int]], dict[int, Facts]] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class SubmittedAnswer:
    """
    One validated answer. ``choices`` are option ids or topic codes in the learner's order;
    ``ranked`` says that order is a ranking (1 = first); ``topics`` that they are topic codes.
    """

    question_id: str
    choices: tuple[str, ...] = ()
    rating: int | None = None
    text: str = ""
    ranked: bool = False
    topics: bool = False


@dataclass(frozen=True)
class TopicData:
    code: str
    name: str
    description: str


@dataclass(frozen=True)
class ResourceData:
    """A course or unit linked to a topic, as a learner who asked for the topic sees it."""

    topic_code: str
    topic_name: str
    key: str
    title: str
    url: str


@dataclass(frozen=True)
class OptionTally:
    option: str
    count: int
    average_rank: Decimal | None  # for rankings and ranked topic menus


@dataclass(frozen=True)
class SurveyResults:
    """A survey's results; ``hidden`` when an anonymous survey has too few responses to show any."""

    responses: int
    hidden: bool
    tallies: dict[str, tuple[OptionTally, ...]]  # by question id, most chosen first
    texts: dict[str, tuple[str, ...]]  # by question id: the free text asked for, alphabetically, the first 100
    text_answers: dict[str, int]  # by question id: how many answered the free-text question


@dataclass(frozen=True)
class ExportQuestion:
    """A question as an export writes it: its prompt, and the text of each option id (or topic code)."""

    question_id: str
    prompt: str = ""
    options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class TopicDemand:
    """How many respondents asked for a topic, and whether content for it is missing (a gap)."""

    topic: TopicData
    requests: int
    first_choice: int
    resources: int
    gap: bool


@dataclass(frozen=True)
class DemandFilter:
    """Which respondents to count; empty fields do not filter."""

    start: date | None = None
    end: date | None = None
    organisation_code: str = ""
    cadre_category: str = ""
    tenure: str = ""
    course_key: str = ""
    topic_codes: tuple[str, ...] = ()
    # The viewer's subtrees (root codes): only respondents below one of them count; None: everyone.
    within: tuple[str, ...] | None = None


@dataclass(frozen=True)
class DemandRanking:
    """
    Topics ranked by demand; ``hidden`` when the filtered group is smaller than the privacy
    threshold (``respondents`` is then 0), ``refused`` (and hidden) when the filter cuts a smaller
    group somewhere, so that its result could be subtracted from another's to read it.
    """

    respondents: int
    hidden: bool
    topics: tuple[TopicDemand, ...]
    refused: bool = False


@dataclass(frozen=True)
class CatalogueImportResult:
    """What a topic catalogue import found and did: ``written`` only when it had no problems and was no dry run."""

    topics: int = 0
    resources: int = 0
    problems: tuple[RowProblem, ...] = ()
    written: bool = False
