"""Author HTML is made safe on the way in: formatting kept, scripts and event handlers gone, text escaped."""
import pytest

from question_bank.api import clean_html


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("基层工会<b>委员会</b>每届任期为（ ）。", "基层工会<b>委员会</b>每届任期为（ ）。"),
        ("<script>alert(1)</script>选项", "选项"),
        ('<img src="x.png" onerror="alert(1)">', '<img src="x.png">'),
        ('<a href="javascript:alert(1)">链接</a>', '<a rel="noopener noreferrer">链接</a>'),
        ("a < b & c", "a &lt; b &amp; c"),
        ("  前后空白  ", "前后空白"),
    ],
)
def test_what_an_author_writes_is_kept_only_as_far_as_it_is_safe(written, kept):
    assert clean_html(written) == kept
