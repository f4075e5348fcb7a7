"""
JSON from people, parsed so that a hostile document is a ValueError like any other broken one:
nesting deep enough to exhaust the parser's recursion (20 KB of ``[``) raises RecursionError from
``json.loads``, which no caller expects and which became a 500.
"""
import json


def loads(text):
    """``json.loads(text)``; a document nested too deeply is a ValueError."""
    try:
        return json.loads(text)
    except RecursionError as error:
        raise ValueError("the JSON is nested too deeply") from error
