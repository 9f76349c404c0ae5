"""Vietnamese text helpers that know nothing of drafts: words, syllables, letter case, numerals, phrases
and old 8-bit encodings."""
