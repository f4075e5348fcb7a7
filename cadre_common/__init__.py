"""
What every app and block of the suite shares, and nothing else: the lowest layer.

Spreadsheets in and out (formula guard always on), the "problem in row 17, column 答案" every
import reports, masking of names and phone numbers, the typed organisation scope that reports
across apps consume, plugin-settings glue, translation for code outside Django's catalogs,
canonical JSON, zoned date-times and the user-task exports. Nothing here imports an app or a block.
"""
