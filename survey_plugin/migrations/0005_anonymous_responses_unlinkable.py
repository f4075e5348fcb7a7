"""
Anonymous responses that no database reader can link to a person (decision 0016): random primary
keys for responses, answers and topic picks; a ``Participation`` per learner and anonymous survey;
the published results of each survey; whether an answer is counted in them. 0006 moves the
existing rows over.
"""
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import survey_plugin.models


class Migration(migrations.Migration):

    dependencies = [
        ('survey_plugin', '0004_response_exports_in_user_tasks'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='answer',
            name='published',
            field=models.BooleanField(default=False, help_text="Counted in the survey's published results: its words may be shown to staff."),
        ),
        migrations.AddField(
            model_name='topicpick',
            name='published',
            field=models.BooleanField(default=False, help_text="Counted in demand: its survey's results were published since it came."),
        ),
        migrations.AddField(
            model_name='survey',
            name='published',
            field=models.JSONField(blank=True, default=dict, help_text='The results as last published: tallies recounted only after a batch of new responses.'),
        ),
        migrations.AlterField(
            model_name='answer',
            name='id',
            field=models.BigIntegerField(default=survey_plugin.models.random_id, editable=False, help_text='A random id.', primary_key=True, serialize=False),
        ),
        migrations.AlterField(
            model_name='surveyresponse',
            name='id',
            field=models.BigIntegerField(default=survey_plugin.models.random_id, editable=False, help_text='A random id.', primary_key=True, serialize=False),
        ),
        migrations.AlterField(
            model_name='surveyresponse',
            name='respondent_key',
            field=models.CharField(help_text='Named: keyed hash of learner and survey. Anonymous: random, leads to nobody.', max_length=64),
        ),
        migrations.AlterField(
            model_name='surveyresponse',
            name='submitted_on',
            field=models.DateField(db_index=True, help_text="The day (UTC) of the latest answer; anonymous: its month's first day."),
        ),
        migrations.AlterField(
            model_name='topicpick',
            name='id',
            field=models.BigIntegerField(default=survey_plugin.models.random_id, editable=False, help_text='A random id.', primary_key=True, serialize=False),
        ),
        migrations.AlterField(
            model_name='topicpick',
            name='picked_on',
            field=models.DateField(help_text="The response's day (anonymous: its month's first day)."),
        ),
        migrations.CreateModel(
            name='Participation',
            fields=[
                ('id', models.BigIntegerField(default=survey_plugin.models.random_id, editable=False, help_text='A random id.', primary_key=True, serialize=False)),
                ('survey', models.ForeignKey(help_text='The survey.', on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='survey_plugin.survey')),
                ('user', models.ForeignKey(help_text='Who answered.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('survey', 'user'), name='survey_one_participation')],
            },
        ),
    ]
