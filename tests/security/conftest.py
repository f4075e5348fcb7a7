"""What the security tests share: learners who play the demo challenge from threads of their own."""
import json
import threading

import pytest
from django.db import connection
from django.test import Client

from tests.devhost_blocks import lms_handler
from xblocks.level_challenge.demo import demo_questions

USAGE = "level-challenge.level_challenge.d0.u0"
ANSWERS = {question.id: list(question.answer) for question in demo_questions()}


def call(client, handler, body=None, usage=USAGE):
    response = client.post(lms_handler(usage, handler), data=json.dumps(body or {}), content_type="application/json")
    return response.status_code, response.json()


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def answers_for(attempt, right: int) -> dict:
    """The first ``right`` questions answered right and the others wrong."""
    answers = {}
    for number, question in enumerate(attempt["questions"]):
        correct = ANSWERS[question["id"]]
        answers[question["id"]] = correct if number < right else [
            option["id"] for option in question["options"] if option["id"] not in correct][:1]
    return answers


def together(jobs):
    """
    Run every job in a thread of its own (each with its own database connection), released at the
    same moment; their results in order. An exception in a job is its result.
    """
    barrier, results = threading.Barrier(len(jobs)), [None] * len(jobs)

    def run(number, job):
        try:
            barrier.wait(30)
            results[number] = job()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test reports
            results[number] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number, job)) for number, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


@pytest.fixture
def concurrent_db(transactional_db):
    """Committed rows, as concurrent requests need; the threads' connections are closed by ``together``."""
    return transactional_db
