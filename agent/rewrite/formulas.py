"""Pass `formulas`: equations typed the way people type them, and the questions about them.

`3x + 5 = 20`, `x^2-9x+14=0`, `2(x+3) = 10` become ACE formulas: variables are capital
letters (`X`), multiplication is written (`3 * X`), operators are spaced. A question about
the unknown (`Solve ... for x.`, `What value of x satisfies ...?`, `Find x if ...`, `If ...,
what is x?`) becomes ladder's query construction (pattern Q3):
`Calculate the number X such that 3 * X + 5 = 20.` (`the numbers X` when the question asks
for all values: `values`, `solutions`, `roots`).
"""

from __future__ import annotations

import re

_TERM = r"(?:\d+(?:\.\d+)?|(?<![A-Za-z])[a-zA-Z](?![a-zA-Z]))"
_FORMULA = re.compile(rf"(?:[-(]\s*)?{_TERM}(?:\s*(?:\*\*|[-+*/^=()<>]|(?<=[\d)])(?=[a-zA-Z(]))\s*[-(]*\s*{_TERM}?\)*)+")
_SOLVE = re.compile(
    r"^(?:solve\s+(?P<f1>.+?)(?:\s+for\s+(?P<v1>[a-z]))?|(?:what|which)\s+(?P<many>values?|numbers?)\s+of\s+(?P<v2>[a-z])\s+(?:satisf(?:y|ies)|solves?)\s+(?P<f2>.+?)"
    r"|find\s+(?:all\s+)?(?:the\s+)?(?:values?\s+of\s+)?(?P<v3>[a-z])\s+(?:if|such\s+that|given\s+that|when|where)\s+(?P<f3>.+?)"
    r"|(?:if|given\s+that)\s+(?P<f4>.+?),\s*(?:what\s+is|find)\s+(?P<v4>[a-z])"
    r"|for\s+(?:which|what)\s+(?:numbers?|values?)\s+(?P<v5>[a-z])\s+is\s+(?P<f5>.+?)\s+equal\s+to\s+(?P<z5>zero|-?\d+))[.?!]$",
    re.I,
)
_PLURAL = re.compile(r"\b(?:values|solutions|roots|numbers|all)\b", re.I)


def formula_to_ace(formula: str, variable: str | None = None) -> str | None:
    """`3x+5=20` -> `3 * X + 5 = 20`; None when it is not an equation in letters and numbers."""
    text = formula.strip().replace("**", "^").replace("\u2212", "-")
    if "=" not in text or re.search(r"[a-zA-Z]{2,}", text):
        return None
    text = re.sub(r"(\d)\s*([a-zA-Z(])", r"\1 * \2", text)
    text = re.sub(r"\)\s*([a-zA-Z\d(])", r") * \1", text)
    text = re.sub(r"\b([a-z])\b", lambda m: _capital(m.group(1)), text)
    text = re.sub(r"\s*([-+*/^=()<>])\s*", r" \1 ", text)
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))
    text = " ".join(text.split())
    return re.sub(r"(^|[=(*/^+] )- (\d)", r"\1-\2", text)  # keep negative literals together


def _capital(letter: str) -> str:
    """ACE variables are capital letters other than `A` (which is the article)."""
    return "X" if letter.lower() == "a" else letter.upper()


def solve_question(text: str) -> str | None:
    """The Q3 query for a question that asks to solve an equation, or None."""
    m = _SOLVE.match(text.strip())
    if m is None:
        return None
    formula = next(g for g in (m.group("f1"), m.group("f2"), m.group("f3"), m.group("f4"), m.group("f5")) if g)
    if m.group("f5"):
        formula = f"{formula} = {'0' if m.group('z5') == 'zero' else m.group('z5')}"
    ace = formula_to_ace(formula)
    if ace is None:
        return None
    letters = re.findall(r"\b([A-Z])\b", ace)
    variable = next((g for g in (m.group("v1"), m.group("v2"), m.group("v3"), m.group("v4"), m.group("v5")) if g), None)
    name = _capital(variable) if variable else (letters[0] if letters else None)
    if name is None:
        return None
    noun = "numbers" if _PLURAL.search(text) or "^ 2" in ace else "number"
    return f"Calculate the {noun} {name} such that {ace}."


def normalize_formulas(text: str) -> str:
    """Formulas inside a sentence in ACE spelling (the sentence's words stay as they are)."""
    return _FORMULA.sub(lambda m: formula_to_ace(m.group(0)) or m.group(0) if "=" in m.group(0) else m.group(0), text)
