"""
What a certificate says and how it looks, as data: a :class:`CertificateTemplate`, loaded from a
JSON or YAML file or a mapping (a Django setting), checked when it is loaded, so an operator
changes wording, colours, border and background without changing code.
"""
import dataclasses
import json
import re
import string
from dataclasses import dataclass
from pathlib import Path

import yaml

from credit_plugin.certificates.fonts import FACES

# The placeholders texts may use, filled from the certificate's content.
PLACEHOLDERS = (
    "holder_name", "organisation_name", "kind_title", "year", "credits", "hours", "serial_number", "issued_on",
    "issuer_name", "reference", "exam_date", "score",
)
TEXT_FIELDS = ("title", "subtitle", "year_line", "body", "reference_body", "result_body", "credits_label",
               "hours_label", "serial_label", "date_label", "qr_caption", "url_label")
COLOUR_FIELDS = ("title_colour", "text_colour", "accent_colour")
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class TemplateError(ValueError):
    """A certificate template that cannot be used; the message names the field."""


@dataclass(frozen=True)
class CertificateTemplate:
    """
    A certificate's wording and look. Texts may use ``{placeholders}`` from :data:`PLACEHOLDERS`
    (``{{`` and ``}}`` for literal braces); values are emphasised where the body uses them.
    """

    title: str = "{kind_title}"
    subtitle: str = ""
    year_line: str = "（{year}年度）"
    body: str = (
        "兹证明{holder_name}同志（{organisation_name}）参加{year}年度工会干部教育培训，"
        "累计取得{credits}学分、{hours}学时，达到年度学习要求，特发此证。"
    )
    # The body for a certificate that names what it was issued for (an exam): content.reference.
    reference_body: str = "兹证明{holder_name}同志（{organisation_name}）参加{reference}，成绩合格，特发此证。"
    # ... and for an exam certificate that knows the exam's day and score.
    result_body: str = (
        "兹证明{holder_name}同志（{organisation_name}）于{exam_date}参加{reference}，成绩{score}分，考试合格，特发此证。"
    )
    show_figures: bool = True
    credits_label: str = "学分"
    hours_label: str = "学时"
    serial_label: str = "证书编号："
    date_label: str = ""
    qr_caption: str = "扫码验证"
    url_label: str = "验证网址："
    font: str = "serif"
    title_colour: str = "#B3261E"
    text_colour: str = "#222222"
    accent_colour: str = "#9A7B2F"
    border: bool = True
    # A PNG or JPEG drawn under everything, stretched to the A4 page; empty for none.
    background_image: str = ""

    def __post_init__(self):
        for name in TEXT_FIELDS:
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TemplateError(f"{name}: must be text")
            _check_placeholders(name, value)
        for name in COLOUR_FIELDS:
            if not isinstance(getattr(self, name), str) or not _COLOUR.match(getattr(self, name)):
                raise TemplateError(f"{name}: must be a colour like #B3261E, not {getattr(self, name)!r}")
        for name in ("show_figures", "border"):
            if not isinstance(getattr(self, name), bool):
                raise TemplateError(f"{name}: must be true or false")
        if self.font not in FACES:
            raise TemplateError(f"font: must be one of {', '.join(FACES)}, not {self.font!r}")
        if self.background_image:
            _check_image("background_image", Path(self.background_image))


def _check_placeholders(name: str, text: str) -> None:
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError as error:
        raise TemplateError(f"{name}: {error} (write {{{{ and }}}} for literal braces)") from error
    for field in fields:
        if field not in PLACEHOLDERS:
            raise TemplateError(f"{name}: unknown placeholder {{{field}}}; known: {', '.join(PLACEHOLDERS)}")


def _check_image(name: str, path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise TemplateError(f"{name}: cannot read {path}: {error.strerror}") from error
    if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
        raise TemplateError(f"{name}: {path} is not a PNG or JPEG image")


def template_from_mapping(values: dict, *, base: CertificateTemplate | None = None) -> CertificateTemplate:
    """A template from ``values`` (field name → value); fields not given keep ``base``'s (the default's)."""
    if not isinstance(values, dict):
        raise TemplateError("a certificate template must be a mapping of field names to values")
    known = {field.name for field in dataclasses.fields(CertificateTemplate)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise TemplateError(f"unknown field {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return dataclasses.replace(base or CertificateTemplate(), **values)


def load_template(path: str | Path, *, base: CertificateTemplate | None = None) -> CertificateTemplate:
    """
    A template from a ``.json``, ``.yaml`` or ``.yml`` file. A relative ``background_image`` is
    read relative to the file.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise TemplateError(f"{path}: a certificate template is a .json, .yaml or .yml file")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TemplateError(f"cannot read certificate template {path}: {error.strerror}") from error
    try:
        values = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as error:
        raise TemplateError(f"{path}: not valid {'JSON' if suffix == '.json' else 'YAML'}: {error}") from error
    if isinstance(values, dict) and values.get("background_image"):
        values = {**values, "background_image": str(path.parent / values["background_image"])}
    try:
        return template_from_mapping(values, base=base)
    except TemplateError as error:
        raise TemplateError(f"{path}: {error}") from error


def template_from_setting(value) -> CertificateTemplate:
    """
    The template a setting names: empty for the default, a mapping of fields, or the path of a
    JSON/YAML file.
    """
    if not value:
        return CertificateTemplate()
    if isinstance(value, dict):
        return template_from_mapping(value)
    if isinstance(value, str | Path):
        return load_template(value)
    raise TemplateError(f"a certificate template setting is a mapping or a file path, not {type(value).__name__}")


_configured: dict[str, CertificateTemplate] = {}


def configured_template(value) -> CertificateTemplate:
    """The template ``CADRE_TRAINING_CERTIFICATE_TEMPLATE`` names, loaded and checked once per process."""
    key = json.dumps(value, sort_keys=True, default=str)
    if key not in _configured:
        _configured[key] = template_from_setting(value)
    return _configured[key]
