"""Domain errors, raised by the core and turned into a message and an exit code in one place.

Each error carries a Message (ai_terms/messages.py), worded in the user's language where it is printed;
`.message` is its English text, what the Python API and the MCP server report.
"""

from __future__ import annotations

from ai_terms.messages import Message, msg, suggestion

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_DATA = 3


class AitermsError(Exception):
    """Base of every error the CLI reports as one line on stderr."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, said: Message, *, lang: str = "en") -> None:
        self.said = said
        self.message = said.text(lang)
        super().__init__(self.message)

    def text(self, lang: str) -> str:
        """The message in `lang` (zh: Chinese, otherwise English)."""
        return self.said.text(lang)

    def in_language(self, lang: str) -> AitermsError:
        """This error with `.message` in `lang` (the API's `lang=`)."""
        self.message = self.said.text(lang)
        self.args = (self.message,)
        return self


class UnknownTermError(AitermsError):
    """A name that matches no entry; carries the closest names for "did you mean"."""

    def __init__(self, name: str, suggestions: list[str], *, lang: str = "en") -> None:
        if suggestions:
            said = msg("unknown_term.suggest", name=name, names=[suggestion(s) for s in suggestions])
        else:
            said = msg("unknown_term.search", name=name)
        super().__init__(said, lang=lang)
        self.name = name
        self.suggestions = suggestions


class AmbiguousTermError(AitermsError):
    """A name that several entries share; `candidates` are "id (Name, source)" strings."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str]]) -> None:
        shown = [
            msg("candidate", id=i, name=n, source=msg("bundled") if s == "bundled" else s) for i, n, s in candidates
        ]
        super().__init__(msg("ambiguous", name=name, candidates=shown))
        self.name = name
        self.candidates = [c.text("en") for c in shown]


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
        detail: Message,
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
        super().__init__(msg("located", at=f"{where}:{what}", detail=detail))
        self.file = file
        self.line = line
        self.col = col
        self.key = key
        self.reason = detail
        self.detail = detail.text("en")

    def skipped(self) -> Message:
        """The one warning when the file this is about (a user or overlay file) is left out."""
        return msg("file_skipped", problem=self.said, file=self.file)


class ValidationFailed(AitermsError):
    """`validate` found errors; it has printed them, so nothing more is said."""

    exit_code = EXIT_DATA

    def __init__(self, errors: int) -> None:
        super().__init__(msg("nothing"))
        self.errors = errors


class AitermsWarning(UserWarning):
    """Something worth knowing that did not stop the answer: a user or overlay file left out, a relation
    to a term that does not exist. The command line prints these on stderr; the Python API warns."""
