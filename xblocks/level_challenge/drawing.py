"""Drawing a level's questions for one learner: random, no repeats, least-seen first, options shuffled."""
import random

from xblocks.level_challenge.questions import QuestionKind


def _least_seen_first(pool, wanted, seen, rng):
    rng.shuffle(pool)  # random among equals
    pool.sort(key=lambda question: seen.get(question.id, 0))  # stable: keeps the shuffle within a count
    return pool[:wanted]


def draw_questions(level, index, seen: dict, rng: random.Random) -> list[dict]:
    """
    ``[{"id": question id, "options": [option ids in display order]}, ...]`` for one attempt.

    Per-difficulty quotas are honoured; questions the learner has seen least come first.
    """
    pool = [question for question in index.questions if level.eligible(question)]
    if level.quotas:
        chosen = []
        for difficulty, wanted in level.quotas.items():
            part = [question for question in pool if question.difficulty.value == difficulty]
            chosen += _least_seen_first(part, wanted, seen, rng)
        rng.shuffle(chosen)
    else:
        chosen = _least_seen_first(pool, level.count, seen, rng)
    draw = []
    for question in chosen:
        option_ids = [option.id for option in question.options]
        if question.kind != QuestionKind.TRUE_FALSE:
            rng.shuffle(option_ids)
        draw.append({"id": question.id, "options": option_ids})
    return draw
