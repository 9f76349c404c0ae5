"""Write linter/data/word_counts.txt: how often official Vietnamese texts use each syllable and
each syllable pair.

SPL001 reads a syllable written twice ("… công công trình") as two words meeting, not a typo,
when the syllable before and the doubled one form a word and the doubled one and the syllable
after form another ("giao thông | thông minh", "quy định | định mức"). The hand-kept list in
words.toml holds the commonest; this file adds every pair that the public-domain official texts
of ``../shared/lexicon`` (laws, decrees, decisions, plans, công văn: see its README) use at
least MIN_COUNT times within a clause. Only counts leave the texts; no sentence is copied.

    python benchmarks/make_word_pairs.py [path/to/official-texts.tar.xz [output]]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lexicon_texts import official_texts, paths  # noqa: E402

MIN_COUNT = 5
_CLAUSE = re.compile(r"[.;:,!?()\[\]“”\"\n\t|]")
_SYLLABLE = re.compile(r"[^\W\d_]+")


def main(argv: list[str]) -> int:
    from draftlint.text.fold import fold

    archive, out = paths(argv, "word_counts.txt")
    counts: Counter = Counter()
    syllables: Counter = Counter()
    for text in official_texts(archive):
        for clause in _CLAUSE.split(text):
            words = [fold(w) for w in _SYLLABLE.findall(clause)]
            syllables.update(words)
            counts.update((a, b) for a, b in zip(words, words[1:]) if a != b)
    lines = [f"{w} {n}" for w, n in sorted(syllables.items())]
    lines += [f"{a} {b} {n}" for (a, b), n in sorted(counts.items()) if n >= MIN_COUNT]
    header = ("# How often the official texts of shared/lexicon use each syllable (\"syllable count\") and each\n"
              f"# syllable pair used at least {MIN_COUNT} times within a clause (\"first second count\"), folded;\n"
              "# written by benchmarks/make_word_pairs.py, read by draftlint.text.words and draftlint.extract.tone_slips.\n")
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(syllables)} syllables and {len(lines) - len(syllables)} pairs written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
