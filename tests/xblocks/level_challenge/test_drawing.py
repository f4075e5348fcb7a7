"""Drawing questions: quotas honoured, no repeats, never-seen questions first, options shuffled."""

import random

from xblocks.level_challenge.bank import bank_version, index_for
from xblocks.level_challenge.demo import demo_questions
from xblocks.level_challenge.drawing import draw_questions
from xblocks.level_challenge.levels import Level

QUESTIONS = demo_questions()
ITEMS = [question.to_dict() for question in QUESTIONS]
INDEX = index_for(bank_version(ITEMS), lambda: ITEMS)


def test_quotas_and_tags_are_honoured_without_repeats():
    level = Level(title="x", count=6, tags=("劳动法",), quotas={"easy": 2, "medium": 4})
    draw = draw_questions(level, INDEX, {}, random.Random(1))
    ids = [item["id"] for item in draw]
    assert len(ids) == len(set(ids)) == 6
    drawn = [INDEX.get(question_id) for question_id in ids]
    assert all("劳动法" in question.tags for question in drawn)
    assert sorted(question.difficulty.value for question in drawn) == ["easy", "easy"] + ["medium"] * 4


def test_questions_the_learner_has_seen_least_come_first():
    pool = INDEX.pool(("工会经费",))
    seen = {question.id: 1 for question in pool[:-3]}  # all but three already seen once
    draw = draw_questions(Level(title="x", count=3, tags=("工会经费",)), INDEX, seen, random.Random(2))
    assert {item["id"] for item in draw} == {question.id for question in pool[-3:]}


def test_choice_options_are_shuffled_and_true_false_keeps_its_order():
    draws = [draw_questions(Level(title="x", count=40), INDEX, {}, random.Random(seed)) for seed in range(5)]
    orders = {tuple(item["options"]) for draw in draws for item in draw if len(item["options"]) == 4}
    assert len(orders) > 1
    assert all(item["options"] == ["T", "F"] for draw in draws for item in draw if len(item["options"]) == 2)


def test_the_parsed_bank_is_shared_by_version():
    assert index_for(bank_version(ITEMS), lambda: []) is INDEX  # not re-read: same version
