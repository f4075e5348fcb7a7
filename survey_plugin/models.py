"""
Database tables of the survey plugin. Only the plugin's own modules use them; everyone else goes
through ``survey_plugin.api``.

Responses live here, not in XBlock user state, so that demand adds up across surveys, courses
and organisations. For an anonymous survey no row links an answer to a person, even for whoever
holds the database and the LMS's settings (decision 0016): a ``Participation`` says who answered
but not what, the response holds a random key, the month it came and the respondent's
organisation, category and tenure only as coarse as a group of ``CADRE_SURVEY_MIN_GROUP_SIZE``,
and responses, answers and topic picks are known by random ids that say nothing of their order.
"""
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

TEXT_START_LENGTH = 100


def random_id() -> int:
    """A primary key drawn at random (1 … 2⁶³-1): unlike an auto-increment, it tells no order."""
    return secrets.randbelow(2**63 - 1) + 1


class Topic(models.Model):
    """
    A learning topic of the institution's catalogue, e.g. 工会基础知识.

    .. no_pii:
    """

    code = models.SlugField(
        max_length=64, unique=True, allow_unicode=True, help_text=_("Stable code, e.g. union-basics.")
    )
    name = models.CharField(max_length=255, help_text=_("The name learners see."))
    description = models.TextField(blank=True, help_text=_("What the topic covers (plain text)."))
    active = models.BooleanField(default=True, help_text=_("Offered in new survey answers."))

    class Meta:
        app_label = "survey_plugin"
        ordering = ["code"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class TopicResource(models.Model):
    """
    A course or unit that teaches a topic: what a learner who asks for the topic is shown.

    .. no_pii:
    """

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="resources", help_text=_("The topic."))
    key = models.CharField(max_length=255, help_text=_("Course key or usage key of the unit."))
    title = models.CharField(max_length=255, help_text=_("What learners read as the link."))
    url = models.CharField(max_length=500, blank=True, help_text=_("Where the link goes; empty: the LMS's page."))

    class Meta:
        app_label = "survey_plugin"
        ordering = ["topic", "title"]
        constraints = [models.UniqueConstraint(fields=["topic", "key"], name="survey_resource_once_per_topic")]

    def __str__(self):
        return f"{self.topic.code} → {self.key}"


class Survey(models.Model):
    """
    One demand_survey block, known by its usage key, with the settings its learners were last shown
    (registered when the LMS renders it); every response is held to them.

    .. no_pii:
    """

    survey_key = models.CharField(max_length=255, unique=True, help_text=_("The block's usage key."))
    course_key = models.CharField(max_length=255, db_index=True, help_text=_("The course the block is in."))
    title = models.CharField(max_length=255, help_text=_("The survey's display name."))
    anonymous = models.BooleanField(help_text=_("Whether answers are kept apart from who gave them."))
    opens_at = models.DateTimeField(null=True, blank=True, help_text=_("When answers open (UTC); empty: now."))
    closes_at = models.DateTimeField(null=True, blank=True, help_text=_("When answers stop (UTC); empty: never."))
    editable = models.BooleanField(default=True, help_text=_("Whether a learner may change their response."))
    show_results = models.BooleanField(default=False, help_text=_("Whether learners see the results after answering."))
    updated = models.DateTimeField(auto_now=True, help_text=_("When its settings last changed (UTC)."))
    published = models.JSONField(
        default=dict, blank=True,
        help_text=_("The results as last published: tallies recounted only after a batch of new responses."),
    )

    class Meta:
        app_label = "survey_plugin"

    def __str__(self):
        return self.title


class Participation(models.Model):
    """
    That a learner answered an anonymous survey, and nothing of what: it keeps them to one
    response without any key that leads to it. Its random id says nothing of who came when.

    .. pii: the user who answered. .. pii_types: id. .. pii_retirement: local_api
    """

    id = models.BigIntegerField(primary_key=True, default=random_id, editable=False, help_text=_("A random id."))
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="participations", help_text=_("The survey.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text=_("Who answered.")
    )

    class Meta:
        app_label = "survey_plugin"
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="survey_one_participation")]

    def __str__(self):
        return f"{self.user_id} answered {self.survey_id}"


class SurveyResponse(models.Model):
    """
    One learner's response to one survey. A named survey's keeps the user and the day; an
    anonymous one's keeps no user, a random ``respondent_key``, the month (its first day) rather
    than the day, and who-they-are columns only as fine as a group of the privacy threshold.

    .. pii: the user of a named survey's response. .. pii_types: id. .. pii_retirement: local_api
    """

    id = models.BigIntegerField(primary_key=True, default=random_id, editable=False, help_text=_("A random id."))
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses", help_text=_("The survey."))
    respondent_key = models.CharField(
        max_length=64, help_text=_("Named: keyed hash of learner and survey. Anonymous: random, leads to nobody."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        help_text=_("Who answered; empty for an anonymous survey."),
    )
    submitted_on = models.DateField(
        db_index=True, help_text=_("The day (UTC) of the latest answer; anonymous: its month's first day."),
    )
    organisation_lineage = models.CharField(
        max_length=510, blank=True, help_text=_("Codes of the respondent's organisation and those above, /-separated.")
    )
    cadre_category = models.CharField(max_length=16, blank=True, help_text=_("The respondent's cadre category."))
    tenure = models.CharField(max_length=8, blank=True, help_text=_("new (newly appointed) or serving."))

    class Meta:
        app_label = "survey_plugin"
        constraints = [
            models.UniqueConstraint(fields=["survey", "respondent_key"], name="survey_one_response_per_learner"),
        ]

    def __str__(self):
        return f"response {self.pk} to {self.survey_id}"


class Answer(models.Model):
    """
    The answer to one question: chosen option ids, a rating, a ranking, or free text. The survey
    is copied from the response, and free text's first characters kept beside it, so that the
    free text staff read, in alphabetical order, is one index range: no join through every
    response, no sort of every answer.

    .. no_pii:
    """

    id = models.BigIntegerField(primary_key=True, default=random_id, editable=False, help_text=_("A random id."))
    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="answers", help_text=_("The response.")
    )
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="+", help_text=_("The response's survey.")
    )
    question_id = models.CharField(max_length=64, help_text=_("The question's id in the block."))
    choices = models.JSONField(default=list, help_text=_("Option ids or topic codes, in the learner's order."))
    ranked = models.BooleanField(default=False, help_text=_("Whether the choices' order is a ranking."))
    rating = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("A rating-scale answer."))
    text = models.TextField(blank=True, help_text=_("A free-text answer, stored as text."))
    text_start = models.CharField(
        max_length=TEXT_START_LENGTH, blank=True,
        help_text=_("The free text's first characters, indexed: staff read answers in this order."),
    )
    published = models.BooleanField(
        default=False, help_text=_("Counted in the survey's published results: its words may be shown to staff."),
    )

    class Meta:
        app_label = "survey_plugin"
        constraints = [models.UniqueConstraint(fields=["response", "question_id"], name="survey_one_answer_each")]
        indexes = [models.Index(fields=["survey", "question_id", "text_start"], name="survey_answer_question")]

    def __str__(self):
        return f"answer to {self.question_id}"


class Tally(models.Model):
    """
    Running counts per survey, question and option (a rating value, a topic code), kept with
    each response so that a survey's results are one small read however many answered.
    ``rank_total`` sums the positions given in rankings (1 = first), for the average rank. A
    free-text question has one row, option "", that counts the answers given (not their words),
    and the row with an empty question id and option counts the survey's responses.

    .. no_pii:
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="tallies", help_text=_("The survey."))
    question_id = models.CharField(max_length=64, help_text=_("The question's id in the block."))
    option = models.CharField(max_length=64, help_text=_("Option id, rating value or topic code."))
    count = models.PositiveIntegerField(default=0, help_text=_("Responses that chose it."))
    rank_total = models.PositiveIntegerField(default=0, help_text=_("Sum of the ranks it was given."))

    class Meta:
        app_label = "survey_plugin"
        constraints = [
            models.UniqueConstraint(fields=["survey", "question_id", "option"], name="survey_tally_once"),
        ]

    def __str__(self):
        return f"{self.question_id}={self.option}: {self.count}"


class TopicPick(models.Model):
    """
    A topic a respondent asked for, with who-they-are columns copied from the response so that
    demand across every survey is one grouped query with its filters.

    .. no_pii:
    """

    id = models.BigIntegerField(primary_key=True, default=random_id, editable=False, help_text=_("A random id."))
    response = models.ForeignKey(
        SurveyResponse, on_delete=models.CASCADE, related_name="topic_picks", help_text=_("The response.")
    )
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="picks", help_text=_("The topic."))
    rank = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("1 = wanted most; empty: unranked."))
    picked_on = models.DateField(help_text=_("The response's day (anonymous: its month's first day)."))
    organisation_lineage = models.CharField(max_length=510, blank=True, help_text=_("As on the response."))
    cadre_category = models.CharField(max_length=16, blank=True, help_text=_("As on the response."))
    tenure = models.CharField(max_length=8, blank=True, help_text=_("As on the response."))
    published = models.BooleanField(
        default=False, help_text=_("Counted in demand: its survey's results were published since it came."),
    )

    class Meta:
        app_label = "survey_plugin"
        indexes = [models.Index(fields=["picked_on", "topic"], name="survey_pick_day_topic")]

    def __str__(self):
        return f"{self.topic_id} (rank {self.rank})"
