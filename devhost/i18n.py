"""
Translation catalogs of the suite: compile them and check them, without GNU gettext.

``python -m devhost.i18n compile PACKAGE…`` writes every ``conf/locale/*/LC_MESSAGES/*.mo``
from its ``.po``; ``check`` reports catalogs whose ``.mo`` is stale or whose zh_CN strings are
untranslated. The test suite runs the same checks.
"""
import sys
from pathlib import Path

import polib

REPO_ROOT = Path(__file__).resolve().parents[1]
LOCALE_PACKAGES = (
    "cadre_common",
    "question_bank",
    "credit_plugin",
    "survey_plugin",
    "xblocks/level_challenge",
    "xblocks/demand_survey",
    "course_exports",
    "devhost",
)


def catalogs(packages=LOCALE_PACKAGES):
    """Every .po file of the given packages."""
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


def stale_mo_files(packages=LOCALE_PACKAGES) -> list[str]:
    stale = []
    for po_path in catalogs(packages):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.read_bytes() != compiled_bytes(po_path):
            stale.append(str(mo_path.relative_to(REPO_ROOT)))
    return stale


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


def main(argv):
    command, packages = argv[0], argv[1:] or LOCALE_PACKAGES
    if command == "compile":
        for po_path in catalogs(packages):
            po_path.with_suffix(".mo").write_bytes(compiled_bytes(po_path))
        return 0
    if command == "check":
        problems = [f"stale: {path}" for path in stale_mo_files(packages)]
        problems += [f"untranslated: {item}" for item in untranslated_zh_cn(packages)]
        print("\n".join(problems) or "translations OK")
        return 1 if problems else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
