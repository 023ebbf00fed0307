"""The one exception the ACE layer raises: where the text left the fragment, and what would fit."""

from __future__ import annotations


class AceError(ValueError):
    """ACE text outside ladder's fragment.

    Attributes:
        line (int): 1-based line of the offending word.
        column (int): 1-based column of the offending word.
        word (str): the offending word as written ("" at the end of the text).
        expected (list[str]): what the grammar would have accepted there, in words.
        reason (str): why the word was rejected (unexpected here, unknown word, bad character).
        hint (str): how to fix it, when there is more to say than `expected`.
    """

    def __init__(self, line: int, column: int, word: str, expected: list[str], reason: str,
                 hint: str = ""):
        self.line = line
        self.column = column
        self.word = word
        self.expected = list(expected)
        self.reason = reason
        self.hint = hint
        super().__init__(self._message())

    def __reduce__(self):
        """Pickle by fields, so the error survives worker processes (evals runs in parallel)."""
        return (type(self), (self.line, self.column, self.word, self.expected, self.reason,
                             self.hint))

    def _message(self) -> str:
        where = f"line {self.line}, column {self.column}"
        what = f"'{self.word}'" if self.word else "at the end of the text"
        wanted = f"; expected {_join(self.expected)}" if self.expected else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.reason} {what}{wanted}{hint}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
