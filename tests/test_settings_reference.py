"""The README's settings reference lists every setting the code reads, with the code's default."""
import re
from pathlib import Path

from credit_plugin.config import DEFAULTS as CREDIT_DEFAULTS
from survey_plugin.config import DEFAULTS as SURVEY_DEFAULTS

README = Path(__file__).resolve().parents[1] / "README.md"
ROW = re.compile(r"^\| `(CADRE_[A-Z_]+)` \| `(.+?)` \| (.+) \|$")


def documented():
    section = README.read_text(encoding="utf-8").split("## Settings reference", 1)[1].split("\n## ", 1)[0]
    return {match[1]: (match[2], match[3]) for match in map(ROW.match, section.splitlines()) if match}


def test_every_setting_is_documented_with_its_default_and_nothing_else_is():
    code = {**CREDIT_DEFAULTS, **SURVEY_DEFAULTS}
    reference = documented()
    assert sorted(reference) == sorted(code)
    for name, default in code.items():
        shown = reference[name][0]
        expected = f'"{default}"' if isinstance(default, str) else str(default)
        assert shown == expected, f"{name}: README says {shown}, the code's default is {expected}"
        assert len(reference[name][1]) > 20, f"{name}: say what the setting does"


def test_the_tutor_plugin_sets_only_documented_settings():
    from tutorcadre_training.plugin import CONFIG_DEFAULTS

    reference = documented()
    for name, value in CONFIG_DEFAULTS.items():
        assert name in reference, name
        assert str(value).strip('"') == reference[name][0].strip('"'), name


def test_the_operators_guide_lists_the_tutor_plugins_own_settings_with_their_defaults():
    from tutorcadre_training.plugin import TUTOR_ONLY_DEFAULTS

    guide = (README.parent / "docs" / "operators-guide.md").read_text(encoding="utf-8")
    for name, value in TUTOR_ONLY_DEFAULTS.items():
        assert f"| `{name}` | `{value}` |" in guide, name
