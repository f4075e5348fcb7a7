"""
``compile_xblock_translations``, as edx-platform's command of that name does it: compile the
XBlocks' pulled catalogs (``REPO_ROOT/conf/plugins-locale/xblock.v1``) and write, for each
XBlock class that names an ``i18n_js_namespace``, a namespaced JavaScript catalog per locale at
``STATICI18N_ROOT/js/xblock.v1-i18n/<root module>/<locale>.js`` (from ``djangojs.mo``, else
``django.mo``), which ``XBlockI18nService.get_javascript_i18n_catalog_url`` then finds.

Checked against openedx-platform ``common/djangoapps/xblock_django/translation.py`` and
``management/commands/compile_xblock_translations.py``. Two differences: the .po files are
compiled with polib, not GNU msgfmt, and a root module without a pulled folder is passed over
(atlas creates one for every installed XBlock; the devhost pulls only ours).
"""
import gettext

import polib
from django.core.management.base import BaseCommand
from django.utils.encoding import force_str
from django.utils.translation import override
from django.views.i18n import JavaScriptCatalog
from statici18n.management.commands.compilejsi18n import Command as CompileJsI18nCommand
from xblock.core import XBlock

from devhost.xblock_services.i18n import atlas_locale_root, javascript_catalog_path, root_module_name


def compile_po_files(root) -> None:
    for po_path in sorted(root.rglob("*.po")):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


def javascript_catalog(locale_dir, locale: str, domain: str, namespace: str) -> str:
    """Django's JavaScript catalog of one pulled .mo, wrapped in the block's namespace by django-statici18n."""
    with override(locale):
        view = JavaScriptCatalog()
        view.translation = gettext.translation(domain, localedir=str(locale_dir), languages=[locale])
        rendered = force_str(view.render_to_response(view.get_context_data()).content)
    # The platform calls this private helper too, so that its output is the library's own.
    return CompileJsI18nCommand()._get_namespaced_catalog(rendered_js=rendered, namespace=namespace)


def compile_xblock_js_messages() -> list:
    written = []
    for _tag, block_class in XBlock.load_classes():
        module, namespace = root_module_name(block_class), block_class.get_i18n_js_namespace()
        module_dir = atlas_locale_root() / module
        if module == "xmodule" or not namespace or not module_dir.is_dir():
            continue
        for locale_dir in sorted(path for path in module_dir.iterdir() if path.is_dir()):
            messages = locale_dir / "LC_MESSAGES"
            domain = next((name for name in ("djangojs", "django") if (messages / f"{name}.mo").exists()), None)
            if domain is None:
                continue
            path = javascript_catalog_path(module, locale_dir.name)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(javascript_catalog(module_dir, locale_dir.name, domain, namespace), encoding="utf-8")
            written.append(path)
    return written


class Command(BaseCommand):
    help = "Compile the XBlocks' pulled catalogs and write their JavaScript catalogs, as edx-platform does."

    def handle(self, *args, **options):
        compile_po_files(atlas_locale_root())
        for path in compile_xblock_js_messages():
            self.stdout.write(f"wrote {path}")
