"""
The question bank in memory: parsed once per process per bank version, shared by every request.

The bank travels in the block's content field as JSON (so it is in the OLX); its hash lives in a
settings field. A request reads only the small hash, and finds the parsed bank here, so its cost
does not grow with the bank.
"""

import hashlib
import json
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from question_bank.api import Question

MAX_CACHED_BANKS = 64
_cache: "OrderedDict[str, BankIndex]" = OrderedDict()
_lock = Lock()


@dataclass(frozen=True)
class BankIndex:
    questions: tuple[Question, ...]
    by_id: dict
    _pools: dict = field(default_factory=dict, compare=False, repr=False)

    def get(self, question_id: str) -> Question | None:
        return self.by_id.get(question_id)

    def pool(self, tags: tuple[str, ...] = (), difficulty: str = "") -> tuple[Question, ...]:
        """The questions carrying any of ``tags`` (all when none) of ``difficulty`` (any when empty); memoised."""
        key = (tuple(tags), difficulty)
        if key not in self._pools:
            wanted = set(tags)
            self._pools[key] = tuple(
                question
                for question in self.questions
                if (not wanted or wanted & set(question.tags))
                and (not difficulty or question.difficulty.value == difficulty)
            )
        return self._pools[key]


def bank_json(questions) -> str:
    """The canonical JSON of a bank (fixed key order, no spaces), stored in the block."""
    return json.dumps([question.to_dict() for question in questions], ensure_ascii=False, separators=(",", ":"))


def bank_hash(serialized: str) -> str:
    return hashlib.sha256(serialized.encode("utf-8")).hexdigest()[:32]


def index_for(version: str, load_json) -> BankIndex:
    """The parsed bank of ``version``; ``load_json()`` is called only when this process has not seen it."""
    with _lock:
        if version in _cache:
            _cache.move_to_end(version)
            return _cache[version]
    questions = tuple(Question.from_dict(item) for item in json.loads(load_json() or "[]"))
    index = BankIndex(questions=questions, by_id={question.id: question for question in questions})
    with _lock:
        _cache[version] = index
        while len(_cache) > MAX_CACHED_BANKS:
            _cache.popitem(last=False)
    return index
