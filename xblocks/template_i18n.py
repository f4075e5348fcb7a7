"""
``{% trans %}`` and ``{% blocktrans %}`` for the blocks' templates: Django's own tags, rendered
with the block's catalog (from its i18n service) in front of Django's, for that render only.

xblock.utils' tags of the same names merge the block's catalog into the translation Django keeps
for the whole process and, from a template's second render on, leave it there: every page of the
LMS would then take the blocks' words for the same English ("Open" would read 可闯关 everywhere).
"""
import functools
import gettext

from django.template import Library, Node
from django.templatetags import i18n
from django.utils.translation import get_language, trans_real

register = Library()


@functools.lru_cache(maxsize=16)
def _with_block_catalog(language: str, catalog: gettext.NullTranslations) -> trans_real.DjangoTranslation:
    """A translation of its own for the language: Django's catalogs with the block's merged in front."""
    translation = trans_real.DjangoTranslation(language)
    translation.merge(catalog)
    return translation


class BlockCatalogNode(Node):
    def __init__(self, node):
        self.node = node

    def render(self, context):
        # The platform's XBlockI18nService keeps the block's gettext catalog as ``translator``
        # (Django's translation module when it found none: then Django's catalogs already answer).
        catalog = getattr(context.get("_i18n_service"), "translator", None)
        language = get_language()
        if not isinstance(catalog, gettext.NullTranslations) or language is None:
            return self.node.render(context)
        active = trans_real._active  # what translation.override() sets; the value is put back below
        previous = getattr(active, "value", None)
        active.value = _with_block_catalog(language, catalog)
        try:
            return self.node.render(context)
        finally:
            active.value = previous
            if previous is None:
                del active.value


@register.tag("trans")
def translate(parser, token):
    return BlockCatalogNode(i18n.do_translate(parser, token))


@register.tag("blocktrans")
def translate_block(parser, token):
    return BlockCatalogNode(i18n.do_block_translate(parser, token))
