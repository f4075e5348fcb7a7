"""
Translation catalogs of the suite: compile them and check them, without GNU gettext.

``python -m devhost.i18n compile PACKAGE…`` writes every ``conf/locale/*/LC_MESSAGES/*.mo``
from its ``.po``, and for the XBlocks' root package also the bundled catalog the platform's
XBlockI18nService falls back to, ``translations/<locale>/LC_MESSAGES/text.{po,mo}`` (a copy of
``conf/locale``'s ``django.po`` and its compiled form; decision 0014). ``check`` reports
compiled files that are stale, zh_CN strings that are untranslated, catalogs Python's gettext
cannot load, and words the blocks' Python and JavaScript catalogs translate differently. The
test suite runs the same checks.
"""
import gettext
import io
import sys
from pathlib import Path

import polib

REPO_ROOT = Path(__file__).resolve().parents[1]
LOCALE_PACKAGES = (
    "cadre_common",
    "question_bank",
    "credit_plugin",
    "survey_plugin",
    "xblocks",
    "course_exports",
    "devhost",
)
# Root packages of XBlocks: XBlockI18nService looks up a block's catalog by its root module.
XBLOCK_PACKAGES = ("xblocks",)
BUNDLED_DIR, BUNDLED_DOMAIN = "translations", "text"


def catalogs(packages=LOCALE_PACKAGES):
    """Every source .po file of the given packages."""
    for package in packages:
        yield from sorted((REPO_ROOT / package / "conf" / "locale").glob("*/LC_MESSAGES/*.po"))


def compiled_bytes(po_path: Path) -> bytes:
    """The .mo bytes a .po compiles to (deterministic, so a stale .mo can be detected)."""
    catalog = polib.pofile(str(po_path))
    mo_path = po_path.with_suffix(".mo.tmp")
    catalog.save_as_mofile(str(mo_path))
    try:
        return mo_path.read_bytes()
    finally:
        mo_path.unlink()


def _bundled_copy(po_path: Path) -> Path | None:
    """Where an XBlock package's django.po is bundled as text.po (None for every other catalog)."""
    package_dir, locale = po_path.parents[4], po_path.parts[-3]
    if package_dir.name not in XBLOCK_PACKAGES or po_path.stem != "django":
        return None
    return package_dir / BUNDLED_DIR / locale / "LC_MESSAGES" / f"{BUNDLED_DOMAIN}.po"


def compiled_files(packages=LOCALE_PACKAGES):
    """(path, the bytes it must hold) for every file compiled from the packages' sources."""
    for po_path in catalogs(packages):
        mo_bytes = compiled_bytes(po_path)
        yield po_path.with_suffix(".mo"), mo_bytes
        bundled = _bundled_copy(po_path)
        if bundled is not None:
            yield bundled, po_path.read_bytes()
            yield bundled.with_suffix(".mo"), mo_bytes


def stale_mo_files(packages=LOCALE_PACKAGES) -> list[str]:
    return [
        str(path.relative_to(REPO_ROOT))
        for path, expected in compiled_files(packages)
        if not path.exists() or path.read_bytes() != expected
    ]


def untranslated_zh_cn(packages=LOCALE_PACKAGES) -> list[str]:
    """'file: msgid' for every zh_CN entry without a translation (or marked fuzzy)."""
    missing = []
    for po_path in catalogs(packages):
        if po_path.parts[-3] != "zh_CN":
            continue
        catalog = polib.pofile(str(po_path))
        for entry in catalog.untranslated_entries() + catalog.fuzzy_entries():
            missing.append(f"{po_path.relative_to(REPO_ROOT)}: {entry.msgid!r}")
    return missing


def unloadable_catalogs(packages=LOCALE_PACKAGES) -> list[str]:
    """Catalogs Python's gettext refuses (XBlockI18nService would raise, not fall back): 'file: why'."""
    broken = []
    for po_path in catalogs(packages):
        try:
            gettext.GNUTranslations(io.BytesIO(compiled_bytes(po_path)))
        except (ValueError, OSError) as error:
            broken.append(f"{po_path.relative_to(REPO_ROOT)}: {error}")
    return broken


def js_words_translated_twice(packages=LOCALE_PACKAGES) -> list[str]:
    """
    Words an XBlock package translates one way for the server (django.po) and another for its
    JavaScript catalog (djangojs.po): the page would change wording with the platform's route.
    """
    differing = []
    for po_path in catalogs([package for package in packages if package in XBLOCK_PACKAGES]):
        if po_path.stem != "djangojs":
            continue
        server = {entry.msgid: entry.msgstr for entry in polib.pofile(str(po_path.with_stem("django")))}
        for entry in polib.pofile(str(po_path)):
            if entry.msgid in server and server[entry.msgid] != entry.msgstr:
                differing.append(f"{po_path.relative_to(REPO_ROOT)}: {entry.msgid!r}")
    return differing


def problems(packages=LOCALE_PACKAGES) -> list[str]:
    return (
        [f"stale: {path}" for path in stale_mo_files(packages)]
        + [f"untranslated: {item}" for item in untranslated_zh_cn(packages)]
        + [f"unloadable: {item}" for item in unloadable_catalogs(packages)]
        + [f"translated differently in JavaScript: {item}" for item in js_words_translated_twice(packages)]
    )


def main(argv):
    command, packages = argv[0], argv[1:] or LOCALE_PACKAGES
    if command == "compile":
        for path, content in compiled_files(packages):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        return 0
    if command == "check":
        found = problems(packages)
        print("\n".join(found) or "translations OK")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
