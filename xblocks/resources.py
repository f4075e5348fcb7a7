"""
The blocks' templates and static files, read and compiled once per process.

xblock-utils' ``ResourceLoader.render_django_template`` rescans Django's template libraries,
re-reads the file and re-parses the template on every render; for a survey with a 30-topic menu
that was a third of a learner's page view. Translation still happens at render time, through the
runtime's ``i18n`` service, so one compiled template serves every language.

The scripts' words come from the platform's JavaScript catalog when it has one. The platform
compiles one per root module (``js/xblock.v1-i18n/xblocks/<locale>.js``) in the namespace of
whichever block class it meets last, so both blocks declare the same namespace, and their scripts
read ``window.CadreTrainingI18N``.
"""
import functools

from django.template import Context, Engine, Template
from xblock.utils.resources import ResourceLoader

JS_I18N_NAMESPACE = "CadreTrainingI18N"


@functools.cache
def _engine() -> Engine:
    from django.template.backends.django import get_installed_libraries

    return Engine(libraries={**get_installed_libraries(), "i18n": "xblocks.template_i18n"})


@functools.cache
def text(module_name: str, path: str) -> str:
    """A static file of the block package that ``module_name`` belongs to (CSS, JavaScript)."""
    return ResourceLoader(module_name).load_unicode(path)


@functools.cache
def _template(module_name: str, path: str) -> Template:
    return Template(text(module_name, path), engine=_engine())


def render(module_name: str, path: str, context: dict, *, i18n_service) -> str:
    """Render a Django template of the block package, translated by the runtime's i18n service."""
    return _template(module_name, path).render(Context({**context, "_i18n_service": i18n_service}))


def add_javascript_catalog(fragment, block, i18n_service) -> None:
    """The platform's compiled JavaScript catalog of the blocks' words, where it has one for the language."""
    url = i18n_service.get_javascript_i18n_catalog_url(block)
    if url:
        fragment.add_javascript_url(url)
