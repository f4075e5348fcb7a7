"""
``python -m xblocks.atlas_catalogs LOCALE_ROOT``: put the blocks' catalogs where the platform's
atlas pull would have put them, when it put none there.

edx-platform's ``pull_xblock_translations`` creates ``conf/plugins-locale/xblock.v1/xblocks`` for
every installed XBlock root module, empty when the translations repository holds nothing for it
(ours is not in openedx-translations), and XBlockI18nService then reads that empty folder instead
of the catalogs bundled in the package: the blocks would speak English. This copies the sources
(``xblocks/conf/locale/<locale>/LC_MESSAGES/{django,djangojs}.po``, the layout atlas pulls) into
``LOCALE_ROOT/xblocks``; the platform's ``compile_xblock_translations`` then compiles them and
writes the JavaScript catalogs. A folder that already holds catalogs (an operator's own
translations repository) is left as it is. The Tutor plugin runs it (decision 0014).
"""
import shutil
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES = PACKAGE_DIR / "conf" / "locale"


def install(locale_root: Path) -> list[Path]:
    """The .po files copied into ``locale_root/xblocks`` (none when it already holds catalogs)."""
    target = Path(locale_root) / PACKAGE_DIR.name
    if any(target.rglob("*.po")):
        return []
    copied = []
    for source in sorted(SOURCES.glob("*/LC_MESSAGES/*.po")):
        destination = target / source.relative_to(SOURCES)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        copied.append(destination)
    return copied


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    copied = install(Path(argv[0]))
    print(f"{len(copied)} catalogs copied" if copied else "the folder already holds catalogs: left as it is")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
