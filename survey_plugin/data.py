"""Plain, frozen data objects that cross the survey plugin's public API."""
from dataclasses import dataclass


@dataclass(frozen=True)
class SurveyPrivacyPolicy:
    """How survey results are protected: the smallest group a filtered result may show."""

    min_group_size: int
    max_text_length: int
