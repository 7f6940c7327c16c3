"""Domain errors, raised by the core and turned into a message and an exit code in one place."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3


class AitermsError(Exception):
    """Base of every error the CLI reports as one line on stderr."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownTermError(AitermsError):
    """A name that matches no entry; carries the closest names for "did you mean"."""

    def __init__(self, name: str, suggestions: list[str], *, lang: str = "en") -> None:
        if lang == "zh":
            hint = f"你要找的是不是：{'、'.join(suggestions)}？" if suggestions else f"试试：aiterms search {name!r}"
            message = f"未知条目 {name!r}。{hint}"
        else:
            hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else f" Try: aiterms search {name!r}"
            message = f"unknown term {name!r}.{hint}"
        super().__init__(message)
        self.name = name
        self.suggestions = suggestions


class AmbiguousTermError(AitermsError):
    """A name that several entries share."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        super().__init__(f"{name!r} names several terms: {', '.join(candidates)}. Use an id.")
        self.name = name
        self.candidates = candidates


class NoResultsError(AitermsError):
    """A search, list or filter that matched nothing."""


class UsageError(AitermsError):
    """A bad option value, such as an unknown category."""

    exit_code = EXIT_USAGE


class CorpusError(AitermsError):
    """An invalid corpus or overlay file, located as precisely as the parser allows."""

    exit_code = EXIT_DATA

    def __init__(
        self,
        file: str,
        message: str,
        *,
        line: int | None = None,
        col: int | None = None,
        key: str | None = None,
    ) -> None:
        where = file
        if line is not None:
            where += f":{line}"
            if col is not None:
                where += f":{col}"
        what = f" {key}:" if key else ""
        super().__init__(f"{where}:{what} {message}")
        self.file = file
        self.line = line
        self.col = col
        self.key = key
        self.detail = message

    def skipped(self) -> str:
        """The one warning line when the file this is about (a user or overlay file) is left out."""
        return f"{self.message} (file skipped; 'aiterms validate {self.file}' lists every problem)"


class ValidationFailed(AitermsError):
    """`validate` found errors; it has printed them, so nothing more is said."""

    exit_code = EXIT_DATA

    def __init__(self, errors: int) -> None:
        super().__init__("")
        self.errors = errors


class AitermsWarning(UserWarning):
    """Something worth knowing that did not stop the answer: a user or overlay file left out, a relation
    to a term that does not exist. The command line prints these on stderr; the Python API warns."""
