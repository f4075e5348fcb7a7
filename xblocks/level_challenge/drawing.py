"""Drawing a level's questions for one learner: random, no repeats, least-seen first, options shuffled."""
import random

from question_bank.api import QuestionKind


def _least_seen_first(pool, wanted, seen, rng):
    """``wanted`` questions, never-seen ones first, random among equals; cheap when the pool is large."""
    if len(pool) > 4 * wanted + len(seen):
        # Most of a large pool is unseen: a random sample a little larger than needed holds enough.
        unseen = [question for question in rng.sample(pool, 2 * wanted + len(seen)) if not seen.get(question.id)]
        if len(unseen) >= wanted:
            return unseen[:wanted]
    ordered = list(pool)
    rng.shuffle(ordered)  # random among equals
    ordered.sort(key=lambda question: seen.get(question.id, 0))  # stable: keeps the shuffle within a count
    return ordered[:wanted]


def draw_questions(level, index, seen: dict, rng: random.Random) -> list[dict]:
    """
    ``[{"id": question id, "options": [option ids in display order]}, ...]`` for one attempt.

    Per-difficulty quotas are honoured; questions the learner has seen least come first.
    """
    if level.quotas:
        chosen = []
        for difficulty, wanted in level.quotas.items():
            chosen += _least_seen_first(index.pool(level.tags, difficulty), wanted, seen, rng)
        rng.shuffle(chosen)
    else:
        chosen = _least_seen_first(index.pool(level.tags), level.count, seen, rng)
    draw = []
    for question in chosen:
        option_ids = [option.id for option in question.options]
        if question.kind != QuestionKind.TRUE_FALSE:
            rng.shuffle(option_ids)
        draw.append({"id": question.id, "options": option_ids})
    return draw
