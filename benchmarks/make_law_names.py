"""Write linter/data/law_names.txt: how the names of laws, codes and ordinances begin.

Nghị định 30/2020/NĐ-CP, Phụ lục II, V.6 capitalises the first syllable of a named document's
title: ``Luật Bảo vệ môi trường``, ``Bộ luật Lao động``. CAP006 reports ``Luật bảo vệ môi trường``
where the lower-case words are how a known name begins. The known beginnings are the first two
syllables after ``Luật``, ``Bộ luật`` or ``Pháp lệnh`` written with a capital in the public-domain
official texts of ``../shared/lexicon`` (see its README), at least MIN_COUNT times, and more often
with the capital than without (``Luật sửa đổi, bổ sung …`` is written both ways and stays out).
Only these beginnings and their counts leave the texts.

    python benchmarks/make_law_names.py [path/to/official-texts.tar.xz [output]]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lexicon_texts import official_texts, paths  # noqa: E402

MIN_COUNT = 3
_NAME = re.compile(r"(?<![^\W\d_])(?:Luật|Bộ luật|Pháp lệnh) ([^\W\d_]+)(,? [^\W\d_]+)")


def main(argv: list[str]) -> int:
    archive, out = paths(argv, "law_names.txt")
    capital: Counter = Counter()
    lower: Counter = Counter()
    for text in official_texts(archive):
        for m in _NAME.finditer(text):
            first, second = m[1], m[2]
            if first.isupper() and len(first) > 1 or second.strip(", ").isupper():
                continue  # a title in capitals says nothing of case
            start = first[:1].upper() + first[1:] + second
            (capital if first[0].isupper() else lower)[start] += 1
    starts = sorted(s for s, n in capital.items() if n >= MIN_COUNT and n > lower[s])
    header = (f"# How the names of laws, codes and ordinances begin: the first two syllables after the type,\n"
              f"# capitalised at least {MIN_COUNT} times (and more often than not) in the official texts of\n"
              "# shared/lexicon. Written by benchmarks/make_law_names.py, read by CAP006.\n")
    out.write_text(header + "\n".join(starts) + "\n", encoding="utf-8")
    print(f"{len(starts)} name beginnings written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
