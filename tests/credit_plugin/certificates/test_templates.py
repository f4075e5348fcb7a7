"""Certificate templates: wording and look from a JSON or YAML file or a setting, checked when loaded."""
import json

import pytest

from credit_plugin.certificates.pdf import render_certificate_pdf
from credit_plugin.certificates.templates import (
    CertificateTemplate,
    TemplateError,
    load_template,
    template_from_mapping,
    template_from_setting,
)
from tests.credit_plugin.certificates.helpers import seal_png


def test_the_default_is_chinese_with_a_border_and_the_figures():
    template = CertificateTemplate()

    assert template.title == "{kind_title}"
    assert template.body.startswith("兹证明{holder_name}同志")
    assert template.qr_caption == "扫码验证"
    assert template.border and template.show_figures and template.font == "serif"


def test_a_yaml_file_overrides_only_what_it_names(tmp_path):
    path = tmp_path / "annual.yaml"
    path.write_text("title: 年度学时合格证书\ntitle_colour: '#003366'\nborder: false\n", encoding="utf-8")

    template = load_template(path)

    assert (template.title, template.title_colour, template.border) == ("年度学时合格证书", "#003366", False)
    assert template.body == CertificateTemplate().body


def test_a_json_file_with_a_background_next_to_it(tmp_path, content):
    (tmp_path / "paper.png").write_bytes(seal_png(64))
    path = tmp_path / "exam.json"
    path.write_text(json.dumps({"qr_caption": "扫一扫，验真伪", "background_image": "paper.png"}), encoding="utf-8")

    template = load_template(path)

    assert template.background_image == str(tmp_path / "paper.png")
    assert render_certificate_pdf(content, template=template).startswith(b"%PDF")


def test_a_setting_may_be_empty_a_mapping_or_a_file(tmp_path):
    path = tmp_path / "t.yml"
    path.write_text("subtitle: CERTIFICATE\n", encoding="utf-8")

    assert template_from_setting(None) == CertificateTemplate()
    assert template_from_setting({"subtitle": "证书"}).subtitle == "证书"
    assert template_from_setting(str(path)).subtitle == "CERTIFICATE"
    with pytest.raises(TemplateError, match="mapping or a file path"):
        template_from_setting(42)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"titel": "x"}, "unknown field titel"),
        ({"body": "兹证明{name}同志"}, r"body: unknown placeholder \{name\}"),
        ({"body": "兹证明{holder_name同志"}, "body: .*literal braces"),
        ({"title_colour": "red"}, "title_colour: must be a colour"),
        ({"border": "yes"}, "border: must be true or false"),
        ({"font": "kai"}, "font: must be one of serif, sans"),
        ({"title": 7}, "title: must be text"),
    ],
)
def test_a_bad_template_names_the_field(values, message):
    with pytest.raises(TemplateError, match=message):
        template_from_mapping(values)


def test_a_background_that_is_not_an_image_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")

    with pytest.raises(TemplateError, match="background_image: .* is not a PNG or JPEG"):
        template_from_mapping({"background_image": str(tmp_path / "notes.txt")})
    with pytest.raises(TemplateError, match="background_image: cannot read"):
        template_from_mapping({"background_image": str(tmp_path / "missing.png")})


def test_a_file_that_is_not_json_or_yaml_is_refused_with_its_name(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    listed = tmp_path / "list.yaml"
    listed.write_text("- title\n", encoding="utf-8")

    with pytest.raises(TemplateError, match="broken.json: not valid JSON"):
        load_template(broken)
    with pytest.raises(TemplateError, match="list.yaml: a certificate template must be a mapping"):
        load_template(listed)
    with pytest.raises(TemplateError, match="is a .json, .yaml or .yml file"):
        load_template(tmp_path / "template.toml")
    with pytest.raises(TemplateError, match="cannot read certificate template"):
        load_template(tmp_path / "missing.yaml")
