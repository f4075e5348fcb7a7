"""The blocks' templates translate with the block's catalog and leave Django's own catalogs as they were."""
import pytest
from django.utils import translation

from tests.devhost_blocks import CourseContentRuntime

pytestmark = pytest.mark.django_db


def test_rendering_again_and_again_leaves_the_rest_of_the_lms_its_own_words(learner):
    """xblock.utils' tags left the block's catalog in Django's: "Open" would then read 可闯关 on every page."""
    with translation.override("zh-cn"):
        for _ in range(3):
            html = CourseContentRuntime(learner).get_block("level-challenge.level_challenge.d0.u0").render(
                "studio_view", {}).body_html()
            assert "显示名称" in html
        assert (translation.gettext("Open"), translation.gettext("Points")) == ("Open", "Points")
