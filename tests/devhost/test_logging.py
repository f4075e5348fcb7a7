"""What the devhost prints: each record once, and an expected refusal in one line, without a traceback."""
import copy
import io
import logging.config

import pytest
from django.utils.log import DEFAULT_LOGGING


@pytest.fixture
def console(settings):
    """
    Logging set up as Django sets it at start (its defaults, then the devhost's LOGGING) with DEBUG on,
    as in `make demo`, every console written to one buffer; restored afterwards.
    """
    settings.DEBUG = True
    stream = io.StringIO()
    for config in (DEFAULT_LOGGING, settings.LOGGING):
        configured = copy.deepcopy(config)
        configured["handlers"]["console"]["stream"] = stream
        logging.config.dictConfig(configured)
    try:
        yield stream
    finally:
        logging.config.dictConfig(DEFAULT_LOGGING)
        logging.config.dictConfig(settings.LOGGING)


@pytest.mark.django_db
def test_a_learner_refused_an_administrators_page_is_one_line(console, learner_client):
    response = learner_client.get("/cadre-credits/compliance/")
    assert response.status_code == 403
    lines = console.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Forbidden"), lines
    assert "Traceback" not in console.getvalue()


def test_a_warning_of_the_platforms_code_is_printed_once(console):
    logging.getLogger("django.request").error("Internal Server Error: /x/")
    assert console.getvalue().splitlines() == ["Internal Server Error: /x/"]
