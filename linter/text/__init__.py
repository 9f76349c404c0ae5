"""Vietnamese text helpers that know nothing of drafts: folding for comparison, words, syllables,
numerals, phrases and old 8-bit encodings."""
