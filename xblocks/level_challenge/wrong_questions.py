"""
The learner's 错题本 handlers, kept beside the block: the review, a practice round (重练错题) that is
never graded and uses no attempt, and 已掌握 (decision 0023). Mixed into LevelChallengeBlock.
"""
from xblocks.handlers import json_handler
from xblocks.level_challenge import presentation, progress

REFUSALS = (progress.ChallengeError,)


class WrongQuestionHandlers:
    """Handlers over the learner's wrong questions; the block supplies index, _state and _translate."""

    @json_handler(refusals=REFUSALS)
    def wrong_questions(self, data, suffix=""):
        return presentation.wrong_question_review(self.index, self._state())

    @json_handler(refusals=REFUSALS)
    def practice_questions(self, data, suffix=""):
        """A practice round (重练错题) from the learner's wrong questions: not graded, no attempt used."""
        return presentation.practice_questions(self.index, self._state())

    @json_handler(refusals=REFUSALS)
    def check_practice(self, data, suffix=""):
        """The answers of a practice round checked: right or wrong and why; no points, nothing saved."""
        answers = progress.check_practice(self._state(), data.get("answers"), translate=self._translate)
        return presentation.practice_checked(self.index, answers)

    @json_handler(refusals=REFUSALS)
    def mark_mastered(self, data, suffix=""):
        """已掌握: the question leaves the learner's 错题本."""
        self.learner_progress = progress.mark_mastered(self._state(), data.get("id"), translate=self._translate)
        return presentation.wrong_question_review(self.index, self._state())
