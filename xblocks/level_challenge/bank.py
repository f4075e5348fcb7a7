"""
The question bank in memory: parsed once per process per bank version, shared by every request.

The bank travels in the block's content-scoped List field (and so in its OLX); its hash lives in a
settings field. A request reads only the small hash and finds the parsed bank here, so its cost
does not grow with the bank: the list itself is read only when this process has not seen it.
"""

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from threading import Lock

from cadre_common.canonical_json import canonical_json
from question_bank.api import Question

MAX_CACHED_BANKS = 64
_cache: "OrderedDict[str, BankIndex]" = OrderedDict()
_lock = Lock()


@dataclass(frozen=True)
class BankIndex:
    questions: tuple[Question, ...]
    by_id: dict
    _pools: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, questions: Iterable[Question]) -> "BankIndex":
        questions = tuple(questions)
        return cls(questions=questions, by_id={question.id: question for question in questions})

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


def bank_version(items: list[dict]) -> str:
    """The version of a bank (its questions as stored): a hash of their canonical JSON."""
    return hashlib.sha256(canonical_json(items)).hexdigest()[:32]


def index_for(version: str, load_items: Callable[[], list[dict]]) -> BankIndex:
    """The parsed bank of ``version``; ``load_items()`` is called only when this process has not seen it."""
    with _lock:
        if version in _cache:
            _cache.move_to_end(version)
            return _cache[version]
    index = BankIndex.of(Question.from_dict(item) for item in load_items() or ())
    with _lock:
        _cache[version] = index
        while len(_cache) > MAX_CACHED_BANKS:
            _cache.popitem(last=False)
    return index
