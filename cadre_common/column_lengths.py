"""
A value checked against the database column it is going to: what the model says the column holds,
never a number written again here. A dry run that passes must not fail on MySQL for a long value.
"""
from cadre_common.i18n import _


def max_length(model, field_name: str) -> int | None:
    """The ``max_length`` of ``model.field_name`` (None for a column without one, as a TextField)."""
    return model._meta.get_field(field_name).max_length


def length_problem(model, field_name: str, value) -> str | None:
    """What is wrong when ``value`` is longer than its column holds (None when it fits)."""
    most = max_length(model, field_name)
    if most is None or len(str(value)) <= most:
        return None
    return _("%(length)s characters is too long; at most %(most)s fit") % {"length": len(str(value)), "most": most}
