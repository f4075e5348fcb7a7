"""
Demand across every survey: topics ranked by how many respondents asked for them, with
filters, and the gaps (topics in demand with little or no linked content) for course authors.

No sequence of filters may show a group of fewer than ``CADRE_SURVEY_MIN_GROUP_SIZE``
respondents, not even by subtracting one answer from another (decision 0016). A filter is
therefore allowed only when every cell of the partition it cuts has none or at least that many
respondents: the partition of the viewer's respondents by the filtered category, tenure, month and
course, and, for an organisation, by each level of the tree from the top down to it (its siblings
and what sits at its parent itself, at every level). Any two allowed results then differ by whole
cells, never by fewer people; a filter that cuts a smaller cell is refused as a whole. Periods are
whole months, the finest an anonymous response keeps.
"""
import calendar
from collections import Counter
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from survey_plugin import config
from survey_plugin.data import DemandFilter, DemandRanking, TopicData, TopicDemand
from survey_plugin.models import Topic, TopicPick, TopicResource

EVERYONE = DemandFilter()


def demand_ranking(where: DemandFilter = EVERYONE) -> DemandRanking:
    """
    Topics by requests (then by first choices). A group of fewer respondents than
    ``CADRE_SURVEY_MIN_GROUP_SIZE`` is shown as hidden, never as counts (``respondents`` is 0);
    a filter that cuts the viewer's respondents into a smaller cell is ``refused`` (and hidden).
    """
    if small_cell(where):
        return DemandRanking(respondents=0, hidden=True, topics=(), refused=True)
    picks = _picks(where)
    respondents = picks.values("response_id").distinct().count()
    if respondents < config.min_group_size():
        return DemandRanking(respondents=0, hidden=True, topics=())
    counted = {
        row["topic_id"]: row
        for row in picks.values("topic_id").annotate(requests=Count("id"), first=Count("id", filter=Q(rank=1)))
    }
    resources = dict(
        TopicResource.objects.values("topic_id").annotate(n=Count("id")).values_list("topic_id", "n")
    )
    below = config.gap_below_resources()
    topics = Topic.objects.filter(id__in=list(counted))
    ranked = sorted(
        (
            TopicDemand(
                topic=TopicData(code=topic.code, name=topic.name, description=topic.description),
                requests=counted[topic.id]["requests"], first_choice=counted[topic.id]["first"],
                resources=resources.get(topic.id, 0), gap=resources.get(topic.id, 0) < below,
            )
            for topic in topics
        ),
        key=lambda demand: (-demand.requests, -demand.first_choice, demand.topic.code),
    )
    return DemandRanking(respondents=respondents, hidden=False, topics=tuple(ranked))


def refusal_message() -> str:
    """What a viewer whose filter was refused reads."""
    return _(
        "This selection is refused: a group it separates (by organisation, category, tenure or month) has fewer "
        "than %(n)s respondents, and comparing it with other selections could tell who answered what. "
        "Choose a wider selection."
    ) % {"n": config.min_group_size()}


def small_cell(where: DemandFilter) -> bool:
    """Whether ``where`` cuts the viewer's respondents into a cell of 1 to ``CADRE_SURVEY_MIN_GROUP_SIZE`` - 1."""
    smallest = config.min_group_size()
    cuts = [name for name, value in (("cadre_category", where.cadre_category), ("tenure", where.tenure),
                                     ("picked_on", where.start or where.end),
                                     ("response__survey__course_key", where.course_key)) if value]
    if not cuts and not where.organisation_code:
        return False
    groups = [
        (tuple(code for code in row["organisation_lineage"].split("/") if code),
         tuple(_month(row[name]) if name == "picked_on" else row[name] for name in cuts), row["n"])
        for row in _population(where).values("organisation_lineage", *cuts)
        .annotate(n=Count("response_id", distinct=True))  # a response's picks share all of these
    ]
    path = _path_to(where.organisation_code, groups)
    for level in range(len(path) + 1):
        cells: Counter = Counter()
        for lineage, values, count in groups:
            if level == 0 or lineage[:level - 1] == path[:level - 1]:
                cells[lineage[level - 1] if level and len(lineage) >= level else "", values] += count
        if any(0 < count < smallest for count in cells.values()):
            return True
    return False


def _path_to(code: str, groups) -> tuple[str, ...]:
    """The codes from the top of the tree down to ``code``, as respondents' lineages hold it (empty: none below it)."""
    if not code:
        return ()
    for lineage, _values, _count in groups:
        if code in lineage:
            return lineage[:lineage.index(code) + 1]
    return ()


def _month(day: date) -> date:
    return date(day.year, day.month, 1)


def _population(where: DemandFilter) -> QuerySet:
    """
    Every pick the viewer may count, before any filter: those published with their survey's
    results, so that demand too moves only by batches of responses, never by one.
    """
    picks = TopicPick.objects.filter(published=True)
    if where.within is not None:
        inside = Q(pk__in=[])
        for code in where.within:
            inside |= Q(organisation_lineage__contains=f"/{code}/")
        picks = picks.filter(inside)
    return picks


def _picks(where: DemandFilter) -> QuerySet:
    picks = _population(where)
    if where.start:
        picks = picks.filter(picked_on__gte=_month(where.start))
    if where.end:
        picks = picks.filter(picked_on__lte=where.end.replace(day=calendar.monthrange(where.end.year,
                                                                                         where.end.month)[1]))
    if where.organisation_code:
        picks = picks.filter(organisation_lineage__contains=f"/{where.organisation_code}/")
    if where.cadre_category:
        picks = picks.filter(cadre_category=where.cadre_category)
    if where.tenure:
        picks = picks.filter(tenure=where.tenure)
    if where.course_key:
        picks = picks.filter(response__survey__course_key=where.course_key)
    if where.topic_codes:
        picks = picks.filter(topic__code__in=where.topic_codes)
    return picks
