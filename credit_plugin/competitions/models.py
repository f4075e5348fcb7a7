"""The graded attempts of level challenges and the leaderboards' rows."""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_LENGTH = 255  # as edx-platform's UsageKeyField


class GradedAttempt(models.Model):
    """
    The grade of one level-challenge attempt: written once, by the request that graded it.

    Rules: the unique key (learner, block, attempt id) is the claim. A request that grades an
    attempt inserts its row; a concurrent or repeated request for the same attempt fails that
    insert and answers with the stored row instead, so an attempt is graded, published and shown
    with its answers exactly once. Rows are never updated. ``details`` is the block's account of
    each question as the learner was shown it.

    .. no_pii:
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text=_("The learner.")
    )
    block_key = models.CharField(max_length=KEY_LENGTH, help_text=_("The usage key of the level-challenge block."))
    attempt_id = models.CharField(max_length=64, help_text=_("The attempt's id, as the block drew it."))
    level = models.PositiveSmallIntegerField(help_text=_("The level attempted, counted from 0."))
    percent = models.PositiveSmallIntegerField(help_text=_("Share of the questions answered right."))
    points = models.PositiveIntegerField(help_text=_("Points the attempt earned."))
    passed = models.BooleanField(help_text=_("Whether the attempt passed the level."))
    seconds = models.PositiveIntegerField(help_text=_("Seconds from the draw to the submission."))
    details = models.JSONField(default=dict, help_text=_("Each question's answer as graded, as the learner saw it."))
    graded_at = models.DateTimeField(default=timezone.now, help_text=_("When the attempt was graded (UTC)."))

    class Meta:
        app_label = "credit_plugin"
        constraints = [
            models.UniqueConstraint(fields=["user", "block_key", "attempt_id"], name="credit_attempt_graded_once"),
        ]

    def __str__(self):
        return f"{self.user_id} @ {self.block_key} #{self.attempt_id}"


class LeaderboardRow(models.Model):
    """
    One learner's standing in one competition: their best points and, among equal points, least time.

    Rules: one row per (competition, learner), enforced by a unique key; a row only ever improves
    (a write that is not better changes nothing, in one conditional UPDATE), so learners finishing
    together never overwrite each other and a late write never lowers a best. ``competition_key``
    names the competition: a level-challenge block's usage key for the block's own board; a
    province-wide competition (several blocks) will name its own rows with its own key, beside
    these. ``organisation_code`` is where the learner served when the row last changed, for
    rankings by organisation.

    .. no_pii:
    """

    competition_key = models.CharField(max_length=KEY_LENGTH, help_text=_("The competition the row ranks in."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", help_text=_("The learner.")
    )
    points = models.PositiveIntegerField(default=0, help_text=_("The learner's best points."))
    seconds = models.PositiveIntegerField(default=0, help_text=_("Time taken for those points, in seconds."))
    organisation_code = models.CharField(
        max_length=64, blank=True, db_index=True, help_text=_("The learner's organisation; empty for a non-cadre.")
    )
    updated_at = models.DateTimeField(default=timezone.now, help_text=_("When the standing last changed (UTC)."))

    class Meta:
        app_label = "credit_plugin"
        constraints = [
            models.UniqueConstraint(fields=["competition_key", "user"], name="credit_leaderboard_one_row_each"),
        ]
        indexes = [models.Index(fields=["competition_key", "-points", "seconds"], name="credit_leaderboard_rank")]

    def __str__(self):
        return f"{self.user_id} in {self.competition_key}: {self.points}"
