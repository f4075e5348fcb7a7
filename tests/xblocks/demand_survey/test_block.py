"""The demand_survey block loads, renders and serves the mobile apps."""
from xblock.core import XBlock
from xblock.test.toy_runtime import ToyRuntime


def test_block_parses_from_olx_and_renders_its_title():
    runtime = ToyRuntime()
    block = runtime.get_block(runtime.parse_xml_string('<demand_survey display_name="新任干部学习需求调查"/>'))
    html = runtime.render(block, "student_view").body_html()
    assert "新任干部学习需求调查" in html
    assert block.student_view_data() == {"display_name": "新任干部学习需求调查"}


def test_fields_are_documented_for_studio():
    block_class = XBlock.load_class("demand_survey")
    for field in block_class.fields.values():
        if field.name in ("display_name",):
            assert field.display_name and field.help
