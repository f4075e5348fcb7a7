"""
Django's own Chinese, and its admin's, under the site's language code.

The devhost speaks the LMS's ``zh-cn``, whose catalogs are ``zh_CN``; Django ships its Chinese as
``zh_Hans``, which gettext never tries for ``zh_CN``, so the admin spoke English. Django's catalogs
are linked under ``zh_CN`` in a folder of the devhost's own, for the end of ``LOCALE_PATHS``, where
the plugins' catalogs still take precedence over them.
"""
from contextlib import suppress
from pathlib import Path

import django

DJANGO_ROOT = Path(django.__file__).parent
PACKAGES = ("conf", "contrib/admin", "contrib/auth", "contrib/contenttypes", "contrib/sessions")


def zh_cn_locale_paths(folder: Path) -> list[str]:
    """Make (once) ``folder/<package>/zh_CN`` links to Django's ``zh_Hans`` catalogs; their parents."""
    paths = []
    for package in PACKAGES:
        link = folder / package.replace("/", "-") / "zh_CN"
        if not link.exists():
            link.parent.mkdir(parents=True, exist_ok=True)
            with suppress(FileExistsError):  # another process made it first
                link.symlink_to(DJANGO_ROOT / package / "locale" / "zh_Hans", target_is_directory=True)
        paths.append(str(link.parent))
    return paths
