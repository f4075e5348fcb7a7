"""A bank of 5,000+ questions is imported in Studio as a real file upload, as a province's bank is."""
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from question_bank.api import write_bank
from tests.banks import generated_bank
from tests.devhost_blocks import CourseContentRuntime, studio_handler, usage_key
from xblocks.level_challenge.block import STUDIO_MAX_BODY

pytestmark = pytest.mark.django_db
USAGE = "level-challenge.level_challenge.d0.u0"
LEVELS = json.dumps([{"title": "省级题库第一关", "count": 20, "pass_percent": 60}], ensure_ascii=False)


@pytest.mark.parametrize("filename", ["province.xlsx", "province.csv"])
def test_a_5000_question_bank_file_imports_through_studios_editor(client, staff_user, learner, filename):
    content, _ = write_bank(generated_bank(5200), filename=filename)
    assert len(content) > STUDIO_MAX_BODY  # more than the editor's JSON form may carry: only an upload does
    client.force_login(staff_user)
    response = client.post(studio_handler(USAGE, "studio_submit"), data={
        "json": json.dumps({"levels": LEVELS}), "bank_file": SimpleUploadedFile(filename, content)})
    assert response.status_code == 200, response.content[:500]
    assert (response.json()["saved"], response.json()["questions"], response.json()["problems"]) == (True, 5200, [])
    block = CourseContentRuntime(learner).get_block(usage_key(USAGE))
    assert len(block.index.questions) == 5200 and block.levels[0].title == "省级题库第一关"
