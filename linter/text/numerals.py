"""Section numerals: Roman numbers and the Vietnamese sequence of point letters."""

from __future__ import annotations

# The letters for points (điểm), in order: a b c d đ e g h i k l m n o p q r s t u v x y (no f, j, w, z).
VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy"

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN_NUMERALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                   (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman_value(numeral: str) -> int:
    """Value of a Roman numeral, additive-subtractive; malformed ones (IIII) still get a value."""
    total = 0
    for i, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        if i + 1 < len(numeral) and _ROMAN_VALUES[numeral[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def to_roman(value: int) -> str:
    out = []
    for number, numeral in _ROMAN_NUMERALS:
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out)


def letter_value(letter: str) -> int:
    """Position in the Vietnamese sequence (a=1, đ=5); letters outside it come after y."""
    index = VIETNAMESE_LETTERS.find(letter)
    return index + 1 if index >= 0 else 100 + ord(letter)


def previous_letter(letter: str) -> str:
    index = VIETNAMESE_LETTERS.find(letter)
    return VIETNAMESE_LETTERS[index - 1] if index > 0 else ""


def next_letter(letter: str) -> str:
    index = VIETNAMESE_LETTERS.find(letter)
    return VIETNAMESE_LETTERS[index + 1] if 0 <= index < len(VIETNAMESE_LETTERS) - 1 else ""
