"""What draftlint agrees to read: every cap on its input in one place.

A draft, its Word package, the configuration and the lexicon may come from anyone (e-mail, a
shared repository), so each reader bounds what it reads by these values, and a file past one is
refused with one line (INP001 for a draft, a configuration error for a configuration or lexicon).
The README's "Limits" section lists the same values; a test checks they agree.
"""

from __future__ import annotations

MB = 1024 * 1024

# A draft: a .txt or .md file, standard input, and the text a .docx expands to (in characters).
MAX_TEXT_BYTES = 16 * MB

# A Word package (.docx).
DOCX_MAX_ENTRIES = 10_000  # entries in the zip
DOCX_MAX_TOTAL = 200 * MB  # uncompressed size of all its entries, as the zip declares it
DOCX_MAX_PART = 32 * MB  # uncompressed size of each XML part read (document, numbering, styles, comments)
DOCX_MAX_RATIO = 200  # uncompressed / compressed size of a part over 1 MB: beyond it, a zip bomb
DOCX_MAX_NUMBER = 32_767  # a list's start value (Word's own dialog stops there)
DOCX_MAX_TABLE_ROWS = 100_000
DOCX_MAX_TABLE_COLUMNS = 1_000  # Word itself makes at most 63
DOCX_MAX_NESTING = 64  # tables in tables, content controls in content controls

# Configuration and the files it names.
CONFIG_MAX_BYTES = 1 * MB  # a .draftlint.toml or pyproject.toml
LEXICON_MAX_BYTES = 32 * MB  # the file `lexicon` names (written by draftlint learn)
WORD_LIST_MAX_BYTES = 32 * MB  # an installed word list's data file
CACHE_MAX_FILE_BYTES = 64 * MB  # a file of the cache folder (the largest written is under 1 MB)
