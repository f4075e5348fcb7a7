"""
STANDS IN FOR where the platform keeps a block's fields in each runtime:

* LMS: ``LmsFieldData`` (``lms/djangoapps/lms_xblock/field_data.py``): authored scopes (content,
  settings, parent, children) read-only, so a learner's handler that writes one fails on
  ``block.save()`` with ``InvalidScopeError``; learner scopes writable.
* Studio editor: the block is the modulestore's copy in memory; ``component_handler`` persists it
  (``modulestore().update_item``) only when the user has author access.
* Studio preview: authored scopes as in the LMS, learner scopes in the Django session
  (``SessionKeyValueStore`` in ``cms/djangoapps/contentstore/views/preview.py``).

The devhost's store behind them is the XBlock SDK workbench's key-value store.
"""
import json

from workbench.runtime import WORKBENCH_KVS
from xblock.field_data import FieldData, ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope
from xblock.runtime import KeyValueStore, KvsFieldData

AUTHORED_SCOPES = (Scope.content, Scope.settings, Scope.parent, Scope.children)
LEARNER_SCOPES = (Scope.user_state_summary, Scope.user_state, Scope.user_info, Scope.preferences)


def stored_field_data() -> KvsFieldData:
    """Every scope, read and written in the devhost's store."""
    return KvsFieldData(CourseKeyValueStore())


def lms_field_data(authored: FieldData, learner: FieldData) -> SplitFieldData:
    """The LMS's split: authored scopes read-only, learner scopes writable."""
    read_only = ReadOnlyFieldData(authored)
    return SplitFieldData({**dict.fromkeys(AUTHORED_SCOPES, read_only),
                           **dict.fromkeys(LEARNER_SCOPES, learner)})


class StudioDraftFieldData(FieldData):
    """
    The block as Studio holds it while a handler runs: reads from the store, writes kept aside
    until ``persist()`` (the ``update_item`` that ``component_handler`` makes for authors only).
    """

    _DELETED = object()

    def __init__(self, source: FieldData):
        self._source = source
        self._pending: dict[tuple, tuple] = {}  # (usage id, field name) -> (block, value or _DELETED)

    def _changed(self, block, name):
        return self._pending.get((block.scope_ids.usage_id, name))

    def get(self, block, name):
        changed = self._changed(block, name)
        if changed is None:
            return self._source.get(block, name)
        if changed[1] is self._DELETED:
            raise KeyError(name)
        return changed[1]

    def set(self, block, name, value):
        self._pending[block.scope_ids.usage_id, name] = (block, value)

    def delete(self, block, name):
        self._pending[block.scope_ids.usage_id, name] = (block, self._DELETED)

    def has(self, block, name):
        changed = self._changed(block, name)
        return self._source.has(block, name) if changed is None else changed[1] is not self._DELETED

    def default(self, block, name):
        return self._source.default(block, name)

    def persist(self):
        """Write what the handler changed to the store (Studio: ``modulestore().update_item``)."""
        for (_usage_id, name), (block, value) in self._pending.items():
            if value is self._DELETED:
                self._source.delete(block, name)
            else:
                self._source.set(block, name, value)
        self._pending.clear()


class SessionKeyValueStore(KeyValueStore):
    """Studio preview's learner state: kept in the author's Django session, never in the course."""

    def __init__(self, session):
        self._session = session

    @staticmethod
    def _session_key(key) -> str:
        return "preview-xblock:" + json.dumps([str(part) for part in key], ensure_ascii=False)

    def get(self, key):
        return self._session[self._session_key(key)]

    def set(self, key, value):
        self._session[self._session_key(key)] = value

    def delete(self, key):
        del self._session[self._session_key(key)]

    def has(self, key):
        return self._session_key(key) in self._session


class CourseKeyValueStore(KeyValueStore):
    """
    The workbench's store under the platform's keys: blocks carry real ``UsageKey``s as their usage
    ids (as in the platform) while the workbench files their fields under its scenario ids, which
    are the keys' block ids.
    """

    def __init__(self, store: KeyValueStore = WORKBENCH_KVS):
        self._store = store

    @staticmethod
    def _workbench_key(key: KeyValueStore.Key) -> KeyValueStore.Key:
        block_scope_id = getattr(key.block_scope_id, "block_id", key.block_scope_id)
        user_id = None if key.user_id is None else str(key.user_id)
        return key._replace(user_id=user_id, block_scope_id=block_scope_id)

    def get(self, key):
        return self._store.get(self._workbench_key(key))

    def set(self, key, value):
        self._store.set(self._workbench_key(key), value)

    def delete(self, key):
        self._store.delete(self._workbench_key(key))

    def has(self, key):
        return self._store.has(self._workbench_key(key))
