"""
"Anonymous" holds against whoever has the database and the LMS's settings (issue 16, decision 0016).

Cadres of a union tree answer the demo survey (anonymous) through the block, as in the LMS. Then an
operator with a copy of the database and the settings tries the audit's three ways to put a name
to a response: joining its organisation, category and tenure with the cadre records and the list
of who answered; lining its ids up with the order people answered in; and recomputing its key
from SECRET_KEY and each user id.
"""
import hashlib
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.utils.crypto import salted_hmac

from credit_plugin.organisations.models import CadreProfile
from survey_plugin import api as survey_api
from survey_plugin.models import Answer, Participation, SurveyResponse, TopicPick
from tests.factories import cadre, union_tree
from tests.xblocks.demand_survey.test_block import GOOD, submit
from xblocks.demand_survey.demo import DEMO_TOPICS

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(client):
    """22 cadres answer one after the other: many chairs, a few rare ones (one new vice-chair, one part-timer)."""
    for code, name, description in DEMO_TOPICS:
        survey_api.save_topic(code=code, name=name, description=description)
    orgs = union_tree()
    long_ago, lately = date.today() - timedelta(days=3000), date.today() - timedelta(days=30)
    people = (
        [cadre(orgs["union_a"], took_office_on=long_ago, category="chair") for _number in range(9)]
        + [cadre(orgs["union_a"], took_office_on=lately, category="vice_chair")]
        + [cadre(orgs["union_b"], took_office_on=long_ago, category="chair") for _number in range(7)]
        + [cadre(orgs["district_b"], took_office_on=long_ago, category="part_time")]
        + [cadre(orgs["union_b"], took_office_on=lately, category="chair") for _number in range(4)]
    )
    created = []
    for number, person in enumerate(people):
        client.force_login(person)
        before = set(SurveyResponse.objects.values_list("pk", flat=True))
        status, data = submit(client, {**GOOD, "wish": f"第{number}条建议", "usefulness": number % 5 + 1})
        assert status == 200, data
        created.append((set(SurveyResponse.objects.values_list("pk", flat=True)) - before).pop())
    return people, created


def true_facts(user_id) -> tuple[tuple[str, ...], str, str]:
    """What the operator reads of a cadre in the cadre records: lineage codes, category, tenure."""
    profile = CadreProfile.objects.select_related("organisation").get(user_id=user_id)
    lineage = []
    organisation = profile.organisation
    while organisation is not None:
        lineage.insert(0, organisation.code)
        organisation = organisation.parent
    tenure = survey_api.tenure(took_office_on=profile.took_office_on, today=date.today())
    return tuple(lineage), profile.category, tenure


def test_the_quasi_identifier_join_never_narrows_a_response_below_five_people(answered):
    people, _created = answered
    who_answered = list(Participation.objects.values_list("user_id", flat=True))
    assert sorted(who_answered) == sorted(person.id for person in people)  # the operator knows who answered
    facts = {user_id: true_facts(user_id) for user_id in who_answered}
    # Without coarsening the join would work: the new vice-chair and the part-timer are alone in theirs.
    assert sum(1 for fact in facts.values() if list(facts.values()).count(fact) == 1) >= 2
    for response in SurveyResponse.objects.all():
        assert response.user_id is None
        kept = tuple(code for code in response.organisation_lineage.split("/") if code)
        assert len(kept) <= 3  # never the grassroots union
        fitting = [
            user_id for user_id, (lineage, category, tenure) in facts.items()
            if lineage[:len(kept)] == kept and response.cadre_category in ("", category)
            and response.tenure in ("", tenure)
        ]
        assert len(fitting) >= 5, (response.organisation_lineage, response.cadre_category, response.tenure)


def test_ids_and_dates_do_not_follow_the_order_people_answered_in(answered):
    people, created = answered  # the responses' ids in the order people answered
    assert created != sorted(created) and created != sorted(created, reverse=True)
    for model in (Answer, TopicPick):
        first_ids = [min(model.objects.filter(response_id=pk).values_list("pk", flat=True)) for pk in created]
        assert first_ids != sorted(first_ids) and first_ids != sorted(first_ids, reverse=True), model
    in_answering_order = [Participation.objects.get(user=person).pk for person in people]
    assert in_answering_order != sorted(in_answering_order)
    # No time finer than the month: every response and pick carries the month's first day.
    assert set(SurveyResponse.objects.values_list("submitted_on", flat=True)) == {date.today().replace(day=1)}
    assert set(TopicPick.objects.values_list("picked_on", flat=True)) == {date.today().replace(day=1)}


def test_no_key_the_operator_can_recompute_with_secret_key_leads_to_a_response(answered):
    people, _created = answered
    keys = set(SurveyResponse.objects.values_list("respondent_key", flat=True))
    assert len(keys) == len(people)
    survey_key = SurveyResponse.objects.values_list("survey__survey_key", flat=True).first()
    for person in people:
        for text in (f"{survey_key}\n{person.id}", f"{survey_key}{person.id}", f"{person.id}\n{survey_key}",
                     f"{survey_key}:{person.id}", f"{survey_key}\n{person.username}"):
            for salt in ("survey_plugin.respondent", "survey_plugin", ""):
                assert salted_hmac(salt, text, algorithm="sha256").hexdigest() not in keys
                assert salted_hmac(salt, text, secret=settings.SECRET_KEY, algorithm="sha256").hexdigest() not in keys
            assert hashlib.sha256(text.encode()).hexdigest() not in keys
            assert hashlib.sha256((settings.SECRET_KEY + text).encode()).hexdigest() not in keys
    # And nothing else in the rows names anyone: no user, username or user id beside the answers.
    rows = " ".join(map(str, [*SurveyResponse.objects.values_list(), *Answer.objects.values_list(),
                              *TopicPick.objects.values_list()]))
    assert not any(person.username in rows for person in people)
