"""The level_challenge XBlock: fields, views and thin handlers."""
from web_fragments.fragment import Fragment
from xblock.core import XBlock
from xblock.fields import Scope, String
from xblock.utils.resources import ResourceLoader

loader = ResourceLoader(__name__)


def _(text):
    """Mark a field string for extraction; the runtime's i18n service translates it on display."""
    return text


@XBlock.needs("i18n")
class LevelChallengeBlock(XBlock):
    """A level-challenge quiz: levels of questions drawn at random from the block's question bank."""

    display_name = String(
        display_name=_("Display name"),
        help=_("The name learners see for this challenge."),
        scope=Scope.settings,
        default=_("Level challenge"),
        enforce_type=True,
    )

    def student_view(self, context=None):
        """The learner's view: the challenge's title and its levels."""
        i18n = self.runtime.service(self, "i18n")
        html = loader.render_django_template(
            "templates/student_view.html",
            {"display_name": i18n.gettext(self.display_name)},
            i18n_service=i18n,
        )
        fragment = Fragment(html)
        fragment.add_css(loader.load_unicode("static/css/level_challenge.css"))
        return fragment

    def student_view_data(self, context=None):
        """What the Open edX mobile apps need to show the block."""
        return {"display_name": self.display_name}

    @staticmethod
    def workbench_scenarios():
        return [
            ("Level challenge (闯关测验)", '<level_challenge display_name="工会基础知识闯关"/>'),
        ]
