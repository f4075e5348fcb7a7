"""A misconfigured credit plugin stops start-up with a system check that names the setting."""
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


def test_default_configuration_passes_the_checks():
    call_command("check")


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("CADRE_TRAINING_YEARLY_CREDITS", "ninety"),
        ("CADRE_TRAINING_YEARLY_CREDITS", -1),
        ("CADRE_TRAINING_YEARLY_HOURS", None),
        ("CADRE_TRAINING_TIME_ZONE", "Asia/Beijing"),
    ],
)
def test_broken_setting_fails_the_check_and_names_it(setting, value):
    with override_settings(**{setting: value}), pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert setting in str(error.value)
    assert repr(value) in str(error.value)


@override_settings(CADRE_TRAINING_YEARLY_CREDITS="120.5", CADRE_TRAINING_YEARLY_HOURS=50)
def test_numeric_strings_and_integers_are_accepted():
    call_command("check")
