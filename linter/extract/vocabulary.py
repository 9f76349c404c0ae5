"""The vocabulary a draft's citations are read against: the document types and issuers of the data
tables, extended by a configuration's own and by the office's lexicon."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..data import DocumentType, Issuer, document_types, issuers
from ..text.fold import fold, fold_same_length

if TYPE_CHECKING:
    from .lexicon import Lexicon

LOCAL_DEPARTMENT = "S*"  # what authority() says for "Sở …": any department's own code (SNV, SLĐTBXH)
_LEGISLATURE = re.compile(r"(?:QH|UBTVQH)\d{1,2}\Z")
_LOCAL = re.compile(r"S[A-ZĐ]{2,}\Z")  # a provincial department: SNV, SLĐTBXH, SKHĐT


class Vocabulary:
    """The document types and issuers a draft's citations are read against."""

    def __init__(self, types: tuple[DocumentType, ...], issuer_list: tuple[Issuer, ...],
                 acronyms: dict[str, list[str]] | None = None) -> None:
        self.types = types
        self.issuers = issuer_list
        self.acronyms = dict(acronyms or {})  # the configuration's own: abbreviation → expansions
        self.lexicon_pairs: dict[tuple[str, str], int] = {}  # syllable-pair counts of the office's drafts
        self.units: tuple[str, ...] = ()  # unit names the office's drafts use
        self.type_by_name = {fold(t.name): t for t in types}
        self.type_codes = {code for t in types for code in t.codes}
        self.issuer_by_code = {i.code: i for i in issuer_list}
        self._names_by_word: dict[str, list[str]] | None = None
        self._authority_cache: dict[str, str | None] = {}
        self._same_cache: dict[str, set[str]] = {}
        self._authorities = sorted(
            ((fold(name), i.code) for i in issuer_list for name in i.names),
            key=lambda item: len(item[0]),
            reverse=True,
        )

    def extended(self, extra_types: dict[str, list[str]], extra_issuers: dict[str, list[str]],
                 extra_acronyms: dict[str, list[str]] | None = None) -> "Vocabulary":
        """This vocabulary plus a configuration's own types (name → codes), issuers (code → names)
        and acronyms (abbreviation → expansions).

        An entry that is already known gains the configured codes or names and keeps what it
        was (a Party issuer stays one, a Nghị định stays normative).
        """
        if not extra_types and not extra_issuers and not extra_acronyms:
            return self
        types = {fold(t.name): t for t in self.types}
        for name, codes in extra_types.items():
            known = types.get(fold(name))
            if known is None:
                types[fold(name)] = DocumentType(name=" ".join(name.split()), codes=tuple(codes), short=True)
            else:
                types[fold(name)] = replace(known, codes=tuple(dict.fromkeys((*known.codes, *codes))))
        issuer_list = {i.code: i for i in self.issuers}
        for code, names in extra_issuers.items():
            names = [*names, *(f"Bộ trưởng {n}" for n in names if n.startswith("Bộ "))]
            known = issuer_list.get(code)
            if known is None:
                issuer_list[code] = Issuer(code=code, names=tuple(names))
            else:
                issuer_list[code] = replace(known, names=tuple(dict.fromkeys((*known.names, *names))))
        return Vocabulary(tuple(types.values()), tuple(issuer_list.values()), {**self.acronyms, **(extra_acronyms or {})})

    def with_lexicon(self, lexicon: Lexicon, word_list_pairs: dict | None = None) -> "Vocabulary":
        """This vocabulary plus a lexicon's pairs, units and acronyms (the configuration's win)."""
        copy = Vocabulary(self.types, self.issuers, {**lexicon.acronyms, **self.acronyms})
        copy.lexicon_pairs = {**(word_list_pairs or {}), **lexicon.pairs}
        copy.units = lexicon.units
        return copy

    @staticmethod
    def is_local(code: str) -> bool:
        return bool(_LOCAL.match(code))

    def is_known_issuer(self, code: str) -> bool:
        return code in self.issuer_by_code or bool(_LEGISLATURE.match(code) or _LOCAL.match(code))

    def is_party_issuer(self, code: str) -> bool:
        issuer = self.issuer_by_code.get(code)
        return bool(issuer and issuer.party)

    def is_state_issuer(self, code: str) -> bool:
        issuer = self.issuer_by_code.get(code)
        if issuer is not None:
            return not issuer.party
        return bool(_LEGISLATURE.match(code) or _LOCAL.match(code))

    def _name_index(self) -> dict[str, list[str]]:
        """Known authority names (folded), by their first word, longest first."""
        if self._names_by_word is None:
            names = {fold(n) for i in self.issuers for n in i.names}
            # A province's department carries its ministry's name: "Sở Kế hoạch và Đầu tư".
            names |= {"sở " + n[3:] for n in names if n.startswith("bộ ") and not n.startswith("bộ trưởng")}
            index: dict[str, list[str]] = {}
            for name in sorted(names, key=lambda n: (-len(n), n)):
                index.setdefault(name.split(" ", 1)[0], []).append(name)
            self._names_by_word = index
        return self._names_by_word

    def match_authority(self, text: str, pos: int) -> int | None:
        """Where a known authority's name starting at ``pos`` ends ("Thủ tướng Chính phủ", "UBND"), or None."""
        head = fold_same_length(text[pos:pos + 90])
        for name in self._name_index().get(head.split(" ", 1)[0], ()):
            if head.startswith(name) and (len(head) == len(name) or not head[len(name)].isalnum()):
                return pos + len(name)
        return None

    def find_authority(self, text: str) -> bool:
        """Whether a known authority is named anywhere in ``text``."""
        folded = fold_same_length(text)
        index = self._name_index()
        for m in re.finditer(r"\S+", folded):
            for name in index.get(m.group(), ()):
                if folded.startswith(name, m.start()):
                    return True
        return False

    def authority(self, text: str) -> str | None:
        """The issuer code whose name ``text`` (what follows "của") starts with, the longest name first."""
        if text in self._authority_cache:
            return self._authority_cache[text]
        key = fold(text)
        found = None
        for name, code in self._authorities:
            if key.startswith(name) and (len(key) == len(name) or not key[len(name)].isalnum()):
                found = code
                break
        if found is None and key.startswith("sở "):
            found = LOCAL_DEPARTMENT  # "Sở Nội vụ": a department, whose code is its own (SNV)
        self._authority_cache[text] = found
        return found

    @staticmethod
    def base_code(code: str) -> str:
        """QH15 → QH, UBTVQH14 → UBTVQH: the legislature's number is not part of the body's code."""
        m = _LEGISLATURE.match(code)
        return code.rstrip("0123456789") if m else code

    def codes_for_authority(self, code: str) -> set[str]:
        """Codes that name the same authority as ``code`` (LĐTBXH and BLĐTBXH)."""
        cached = self._same_cache.get(code)
        if cached is not None:
            return cached
        issuer = self.issuer_by_code.get(code)
        result = {code}
        if issuer is not None:
            names = {fold(n) for n in issuer.names}
            result |= {i.code for i in self.issuers if names & {fold(n) for n in i.names}}
        self._same_cache[code] = result
        return result


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The built-in vocabulary: the document types and issuers of the data tables."""
    return Vocabulary(document_types(), issuers())
