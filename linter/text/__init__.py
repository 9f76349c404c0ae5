"""Vietnamese text helpers that know nothing of drafts: words, syllables, numerals, phrases and old
8-bit encodings."""
