"""Errors that name the file, the place and the reason, and say what to do."""

from __future__ import annotations


class LoadError(Exception):
    """A report could not be loaded. Nothing of it was written."""

    def __init__(self, source: str, reason: str, line: int | None = None, hint: str | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        self.hint = hint
        place = f"{source}:{line}" if line is not None else source
        message = f"{place}: {reason}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)

    def __reduce__(self):
        # Rebuilt from its own fields when it crosses from a worker process to the parent
        # (Exception's default pickles only the message, which __init__ cannot take alone).
        return (type(self), (self.source, self.reason, self.line, self.hint))


class BuildError(Exception):
    """The dbt build failed; the previous warehouse was left in place."""


class UsageError(ValueError):
    """A flag or setting has a value juesuan cannot use; the message names it."""


def os_error_line(err: OSError) -> str:
    """An operating system's refusal as one line: the file, and the reason in words (a full disk,
    a read-only folder, a permission)."""
    name = err.filename if err.filename is not None else ""
    reason = err.strerror or str(err) or type(err).__name__
    return f"{name}: {reason}" if name else reason
