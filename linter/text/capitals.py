"""What a text's capital letters say: written all in capitals, starting in lower case, or a name."""

from __future__ import annotations


def is_caps(text: str) -> bool:
    """Every letter is upper case (and there are at least two letters)."""
    letters = 0
    for char in text:
        if char.isalpha():
            if not char.isupper():
                return False
            letters += 1
    return letters >= 2


def is_namelike(text: str) -> bool:
    """2–5 capitalised words, such as a signer's name."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    return all(w[0].isupper() and w.isalpha() and (len(w) == 1 or w[1:].islower()) for w in words)


def starts_lower(text: str) -> bool:
    """The first letter of the text is lower case."""
    for char in text:
        if char.isalpha():
            return char.islower()
        if not char.isspace():
            return False
    return False
