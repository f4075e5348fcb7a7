"""The one error the survey plugin's API raises: what it refuses, with a code for programs and words for people."""


class SurveyError(Exception):
    """A response or request the plugin refuses; ``code`` for programs, ``message`` for people."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message
