"""Every user-facing string ships in Simplified Chinese, and the compiled catalogs are current."""
from devhost import i18n


def test_every_package_ships_zh_cn_and_en_catalogs():
    for package in i18n.LOCALE_PACKAGES:
        languages = {path.parts[-3] for path in i18n.catalogs([package])}
        assert {"zh_CN", "en"} <= languages, package


def test_no_zh_cn_string_is_left_untranslated():
    assert i18n.untranslated_zh_cn() == []


def test_compiled_catalogs_match_their_sources():
    assert i18n.stale_mo_files() == []
