"""
The question-bank library: the question model, sanitising author HTML, and every bank file format
(the XLSX/CSV template, GIFT, Aiken, Moodle XML, the level_challenge block's OLX) read and written.

Pure Python below the blocks and ``course_exports`` (docs/decisions/0010): no XBlock runtime, no
models; Django only for the active language. ``question_bank.api`` is the one way in.
"""
