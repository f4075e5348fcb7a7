"""Packaging for openedx-cadre-training: Open edX plugins for workforce compliance training."""
import os
import re

from setuptools import find_namespace_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def load_requirements(path):
    """Read unpinned requirements from a pip-tools ``.in`` file, following ``-r`` includes."""
    requirements = []
    with open(os.path.join(HERE, path), encoding="utf-8") as handle:
        for raw_line in handle:
            line = re.sub(r"\s*#.*$", "", raw_line).strip()
            if not line or line.startswith("-c"):
                continue
            if line.startswith("-r"):
                requirements.extend(load_requirements(os.path.join(os.path.dirname(path), line[2:].strip())))
            else:
                requirements.append(line)
    return requirements


def read(path):
    with open(os.path.join(HERE, path), encoding="utf-8") as handle:
        return handle.read()


def version():
    match = re.search(r'^__version__ = "([^"]+)"', read("credit_plugin/__init__.py"), re.M)
    return match.group(1)


setup(
    name="openedx-cadre-training",
    version=version(),
    description="Open edX plugins for compliance training: level-challenge quizzes, demand surveys, "
    "a yearly credit ledger, cadre records and electronic certificates.",
    long_description=read("README.md"),
    long_description_content_type="text/markdown",
    license="AGPL-3.0-only",
    python_requires=">=3.11",
    # Namespace discovery, so the folders of templates, static files and catalogs are packages too
    # and setuptools ships their files without warning about each.
    packages=find_namespace_packages(
        include=["cadre_common*", "question_bank*", "xblocks*", "credit_plugin*", "survey_plugin*", "course_exports*"]
    ),
    include_package_data=True,
    zip_safe=False,
    install_requires=load_requirements("requirements/base.in"),
    entry_points={
        "xblock.v1": [
            "level_challenge = xblocks.level_challenge.block:LevelChallengeBlock",
            "demand_survey = xblocks.demand_survey.block:DemandSurveyBlock",
        ],
        "lms.djangoapp": [
            "credit_plugin = credit_plugin.apps:CreditPluginConfig",
            "survey_plugin = survey_plugin.apps:SurveyPluginConfig",
        ],
        "console_scripts": [
            "cadre-course = course_exports.cli:main",
        ],
        "cms.djangoapp": [
            "credit_plugin = credit_plugin.apps:CreditPluginConfig",
            "survey_plugin = survey_plugin.apps:SurveyPluginConfig",
        ],
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Natural Language :: Chinese (Simplified)",
        "Natural Language :: English",
    ],
)
