"""
Existing anonymous responses that no database reader can link to a person (decision 0016).

For every anonymous survey's existing responses: the learners who answered are found once
more by the old keyed hash (HMAC under SECRET_KEY, over every user id) and written down as
participations, so that none can answer twice; then each response gets a random key and a random
id (its answers and topic picks too), the month instead of the day, and the organisation no
deeper than ``CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH``. The category and tenure are kept:
counting how many cadres share them needs the cadre records, which this app does not read; new
responses are coarsened against them (see ``responses.coarse_facts``). Every survey's current
tallies are published, so results shown before stay shown, and every topic pick, so demand counts
what it counted.
"""
import secrets
from datetime import date

from django.conf import settings
from django.db import migrations
from django.utils.crypto import salted_hmac

OLD_KEY_SALT = "survey_plugin.respondent"
CHUNK = 1000


def _random_id():
    return secrets.randbelow(2**63 - 1) + 1


def _month(day):
    return date(day.year, day.month, 1)


def _lineage(text, depth):
    codes = [code for code in text.split("/") if code][:depth]
    return "/" + "".join(f"{code}/" for code in codes) if codes else ""


def unlink_anonymous_responses(apps, schema_editor):
    Survey = apps.get_model("survey_plugin", "Survey")
    SurveyResponse = apps.get_model("survey_plugin", "SurveyResponse")
    Answer = apps.get_model("survey_plugin", "Answer")
    TopicPick = apps.get_model("survey_plugin", "TopicPick")
    Participation = apps.get_model("survey_plugin", "Participation")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    depth = int(getattr(settings, "CADRE_SURVEY_ANONYMOUS_ORGANISATION_DEPTH", 3))
    user_ids = None
    for survey in Survey.objects.filter(anonymous=True, responses__isnull=False).distinct():
        responses = list(SurveyResponse.objects.filter(survey=survey))
        if user_ids is None:
            user_ids = list(User.objects.values_list("id", flat=True))
        keys = {salted_hmac(OLD_KEY_SALT, f"{survey.survey_key}\n{user_id}", algorithm="sha256").hexdigest(): user_id
                for user_id in user_ids}
        Participation.objects.bulk_create(
            [Participation(survey=survey, user_id=keys[response.respondent_key]) for response in responses
             if response.respondent_key in keys],
            ignore_conflicts=True,
        )
        for start in range(0, len(responses), CHUNK):
            _move(responses[start:start + CHUNK], survey, depth, SurveyResponse, Answer, TopicPick)


def _move(responses, survey, depth, SurveyResponse, Answer, TopicPick):
    """New rows under random ids and keys, coarser, for a chunk of old responses; the old ones go (answers too)."""
    new_ids = {old.pk: _random_id() for old in responses}
    lineages = {old.pk: _lineage(old.organisation_lineage, depth) for old in responses}
    SurveyResponse.objects.bulk_create([
        SurveyResponse(id=new_ids[old.pk], survey=survey, respondent_key=secrets.token_hex(32), user=None,
                       submitted_on=_month(old.submitted_on), organisation_lineage=lineages[old.pk],
                       cadre_category=old.cadre_category, tenure=old.tenure)
        for old in responses
    ])
    answers = list(Answer.objects.filter(response_id__in=new_ids))
    picks = list(TopicPick.objects.filter(response_id__in=new_ids))
    Answer.objects.bulk_create([
        Answer(id=_random_id(), response_id=new_ids[answer.response_id], survey=survey,
               question_id=answer.question_id, choices=answer.choices, ranked=answer.ranked, rating=answer.rating,
               text=answer.text, text_start=answer.text_start)
        for answer in answers
    ])
    TopicPick.objects.bulk_create([
        TopicPick(id=_random_id(), response_id=new_ids[pick.response_id], topic_id=pick.topic_id, rank=pick.rank,
                  picked_on=_month(pick.picked_on), organisation_lineage=lineages[pick.response_id],
                  cadre_category=pick.cadre_category, tenure=pick.tenure)
        for pick in picks
    ])
    SurveyResponse.objects.filter(pk__in=list(new_ids)).delete()  # their answers and picks with them


def publish_current_results(apps, schema_editor):
    Survey = apps.get_model("survey_plugin", "Survey")
    Tally = apps.get_model("survey_plugin", "Tally")
    Answer = apps.get_model("survey_plugin", "Answer")
    smallest = int(getattr(settings, "CADRE_SURVEY_MIN_GROUP_SIZE", 5))
    apps.get_model("survey_plugin", "TopicPick").objects.update(published=True)  # demand counts what it counted
    for survey in Survey.objects.all():
        rows = list(Tally.objects.filter(survey=survey, count__gt=0)
                    .values_list("question_id", "option", "count", "rank_total"))
        responses = next((count for question, option, count, _rank in rows if (question, option) == ("", "")), 0)
        if responses < smallest:
            continue
        survey.published = {"responses": responses,
                            "rows": sorted([*row] for row in rows if (row[0], row[1]) != ("", ""))}
        survey.save(update_fields=["published"])
        Answer.objects.filter(survey=survey, text_start__gt="").update(published=True)



class Migration(migrations.Migration):

    dependencies = [
        ("survey_plugin", "0005_anonymous_responses_unlinkable"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(unlink_anonymous_responses, migrations.RunPython.noop),
        migrations.RunPython(publish_current_results, migrations.RunPython.noop),
    ]
