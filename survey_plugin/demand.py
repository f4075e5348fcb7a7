"""
Demand across every survey: topics ranked by how many respondents asked for them, with
filters, and the gaps (topics in demand with little or no linked content) for course authors.
"""
from django.db.models import Count, Q, QuerySet

from survey_plugin import config
from survey_plugin.data import DemandFilter, DemandRanking, TopicData, TopicDemand
from survey_plugin.models import Topic, TopicPick, TopicResource

EVERYONE = DemandFilter()


def demand_ranking(where: DemandFilter = EVERYONE) -> DemandRanking:
    """
    Topics by requests (then by first choices). A group of fewer respondents than
    ``CADRE_SURVEY_MIN_GROUP_SIZE`` is shown as hidden, never as counts, so no filter singles
    anyone out.
    """
    picks = _picks(where)
    respondents = picks.values("response_id").distinct().count()
    if respondents < config.min_group_size():
        return DemandRanking(respondents=respondents, hidden=True, topics=())
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


def _picks(where: DemandFilter) -> QuerySet:
    picks = TopicPick.objects.all()
    if where.within is not None:
        inside = Q(pk__in=[])
        for code in where.within:
            inside |= Q(organisation_lineage__contains=f"/{code}/")
        picks = picks.filter(inside)
    if where.start:
        picks = picks.filter(picked_on__gte=where.start)
    if where.end:
        picks = picks.filter(picked_on__lte=where.end)
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
