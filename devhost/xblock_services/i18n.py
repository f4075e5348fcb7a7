"""
The LMS's and Studio's XBlock ``i18n`` service, as edx-platform implements it.

Checked against openedx-platform ``xmodule/modulestore/django.py`` (``XBlockI18nService``),
``xmodule/modulestore/api.py`` (the paths) and ``xmodule/x_module.py``
(``ModuleStoreRuntime.service`` calls the registered class with each block), see
docs/platform-contract.rst. A block's catalog is found by its class's ROOT module (``xblocks``
for both of ours): first ``REPO_ROOT/conf/plugins-locale/xblock.v1/<module>`` (what atlas pulls;
domain ``django``); if that folder does not exist, ``<module>/translations`` in the installed
package (domain ``text``). If gettext finds no catalog for the language there, the service is
Django's translator, whose catalogs are the platform's and what plugin settings add to
``LOCALE_PATHS``. The JavaScript catalog is a static file that ``compile_xblock_translations``
writes under ``STATICI18N_ROOT``; the service only gives its URL when the file exists.
"""
import contextlib
import gettext
from importlib import resources

import django.utils.translation
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.utils.translation import get_language, to_locale
from xblock.runtime import NullI18nService


def root_module_name(block_class) -> str:
    return block_class.__module__.split(".")[0]


def block_root_module_name(block) -> str:
    """The block's own class, not the class the runtime mixed its mixins into."""
    return root_module_name(getattr(block, "unmixed_class", block.__class__))


def atlas_locale_root():
    """Where ``pull_xblock_translations`` puts the XBlocks' catalogs, one folder per root module."""
    return settings.REPO_ROOT / "conf" / "plugins-locale" / "xblock.v1"


def javascript_catalog_name(module: str, locale: str) -> str:
    """The JavaScript catalog's path under the static root."""
    return f"js/xblock.v1-i18n/{module}/{locale}.js"


def javascript_catalog_path(module: str, locale: str):
    return settings.STATICI18N_ROOT / javascript_catalog_name(module, locale)


class XBlockI18nService:
    """One block's translations, made per block as the platform's runtimes make it."""

    def __init__(self, block=None):
        self.translator = django.utils.translation
        if block is None:
            return
        domain, locale_dir = self.get_python_locale(block)
        language = get_language() or settings.LANGUAGE_CODE
        with contextlib.suppress(OSError):  # no catalog for the language there: Django's translator stays
            self.translator = gettext.translation(domain, str(locale_dir), [to_locale(language)])

    def get_python_locale(self, block) -> tuple[str, object]:
        module = block_root_module_name(block)
        pulled = atlas_locale_root() / module
        if pulled.is_dir():
            return "django", pulled
        with resources.as_file(resources.files(module) / "translations") as bundled:
            return "text", str(bundled)

    def get_javascript_i18n_catalog_url(self, block) -> str | None:
        module, locale = block_root_module_name(block), to_locale(get_language())
        if javascript_catalog_path(module, locale).exists():
            return staticfiles_storage.url(javascript_catalog_name(module, locale))
        return None

    def __getattr__(self, name):
        return getattr(self.translator, "gettext" if name == "ugettext" else name)

    def strftime(self, *args, **kwargs):
        """The platform formats with its own strftime_localized; no block of ours formats dates here."""
        return NullI18nService().strftime(*args, **kwargs)


class LmsI18nServiceMixin:
    """
    A runtime whose ``i18n`` service is an ``XBlockI18nService`` made for the block asking, as
    ``ModuleStoreRuntime.service`` makes the class the LMS and Studio register. Only ``i18n``.
    """

    def service(self, block, service_name):
        service = super().service(block, service_name)  # refuses a service the block did not declare
        return XBlockI18nService(block) if service_name == "i18n" else service
