"""
A survey keeps the dates and editing its learners were shown, so a submit is held to them without
reading the block. Results without counting rows: a survey's response count and each free-text
question's answer count are tallies kept as responses come, and an answer names its survey so
that one question's answers are one index range. Existing rows are filled in from what is stored.
"""
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Substr


def fill_in(apps, schema_editor):
    SurveyResponse = apps.get_model("survey_plugin", "SurveyResponse")
    Answer = apps.get_model("survey_plugin", "Answer")
    Tally = apps.get_model("survey_plugin", "Tally")
    Answer.objects.update(
        survey_id=Subquery(SurveyResponse.objects.filter(pk=OuterRef("response_id")).values("survey_id")[:1]),
        text_start=Substr("text", 1, 100),
    )
    responses = SurveyResponse.objects.values("survey_id").annotate(n=Count("id")).values_list("survey_id", "n")
    texts = Answer.objects.exclude(text="").values_list("survey_id", "question_id").annotate(n=Count("id"))
    Tally.objects.bulk_create(
        [Tally(survey_id=survey_id, question_id="", option="", count=count) for survey_id, count in responses]
        + [Tally(survey_id=survey_id, question_id=question_id, option="", count=count)
           for survey_id, question_id, count in texts]
    )


class Migration(migrations.Migration):

    dependencies = [
        ("survey_plugin", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="answer",
            name="survey",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+",
                to="survey_plugin.survey", help_text="The response's survey.",
            ),
        ),
        migrations.AddField(
            model_name="survey",
            name="opens_at",
            field=models.DateTimeField(blank=True, null=True, help_text="When answers open (UTC); empty: now."),
        ),
        migrations.AddField(
            model_name="survey",
            name="closes_at",
            field=models.DateTimeField(blank=True, null=True, help_text="When answers stop (UTC); empty: never."),
        ),
        migrations.AddField(
            model_name="survey",
            name="editable",
            field=models.BooleanField(default=True, help_text="Whether a learner may change their response."),
        ),
        migrations.AddField(
            model_name="survey",
            name="show_results",
            field=models.BooleanField(default=False, help_text="Whether learners see the results after answering."),
        ),
        migrations.AlterField(
            model_name="survey",
            name="updated",
            field=models.DateTimeField(auto_now=True, help_text="When its settings last changed (UTC)."),
        ),
        migrations.AddField(
            model_name="answer",
            name="text_start",
            field=models.CharField(
                blank=True, max_length=100,
                help_text="The free text's first characters, indexed: staff read answers in this order.",
            ),
        ),
        migrations.RunPython(fill_in, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="answer",
            name="survey",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="survey_plugin.survey",
                help_text="The response's survey.",
            ),
        ),
        migrations.AddIndex(
            model_name="answer",
            index=models.Index(fields=["survey", "question_id", "text_start"], name="survey_answer_question"),
        ),
    ]
