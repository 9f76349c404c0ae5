"""Vietnamese text helpers that know nothing of drafts: folding for comparison, words and their
bounds, syllables, letter case, numerals, phrases and old 8-bit encodings."""
