"""Where things live: the bundled corpus, the user file, AITERMS_PATH overlays and the cache.

Everything is read from the environment when called, never at import, so tests can point it elsewhere.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple

from ai_terms.errors import CorpusError
from ai_terms.messages import Message, literal, msg

APP = "aiterms"


PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the ai_terms folder


class Source(NamedTuple):
    """One corpus file, in load order; `kind` is bundled, user or overlay."""

    path: str
    kind: str


def _home() -> str:
    return os.path.expanduser("~")


# Per platform: (environment variable, fallback under the home folder) for the config and the cache dir.
_DIRS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "win32": {"config": ("APPDATA", ("AppData", "Roaming")), "cache": ("LOCALAPPDATA", ("AppData", "Local"))},
    "darwin": {"config": ("", ("Library", "Application Support")), "cache": ("", ("Library", "Caches"))},
    "other": {"config": ("XDG_CONFIG_HOME", (".config",)), "cache": ("XDG_CACHE_HOME", (".cache",))},
}


def _user_dir(kind: str) -> str:
    var, fallback = _DIRS.get(sys.platform, _DIRS["other"])[kind]
    base = (os.environ.get(var) if var else None) or os.path.join(_home(), *fallback)
    return os.path.join(base, APP)


def config_dir() -> str:
    """The user config dir for aiterms (XDG on Linux)."""
    return _user_dir("config")


def cache_dir() -> str:
    """The user cache dir for aiterms (XDG on Linux); AITERMS_CACHE_DIR overrides it."""
    return os.environ.get("AITERMS_CACHE_DIR") or _user_dir("cache")


def user_file() -> str:
    return os.path.join(config_dir(), "terms.toml")


def bundled_path() -> str:
    """The bundled corpus: inside the installed package, or data/ beside it in a source checkout."""
    packaged = os.path.join(PACKAGE_DIR, "data", "terms.toml")
    if os.path.exists(packaged):
        return packaged
    return os.path.join(os.path.dirname(PACKAGE_DIR), "data", "terms.toml")


def schema_path() -> str:
    """The JSON Schema of the corpus format, shipped inside the package."""
    return os.path.join(PACKAGE_DIR, "schema", "terms.schema.json")


def bundled_bytes() -> bytes:
    """The bundled corpus, read through importlib.resources (so it works from any install, zipped or not),
    or from data/ in a source checkout. Only rebuilding the index reads it; the hot path only stats it."""
    import importlib.resources

    resource = importlib.resources.files("ai_terms").joinpath("data/terms.toml")
    if resource.is_file():
        return resource.read_bytes()
    with open(bundled_path(), "rb") as fh:
        return fh.read()


def overlay_entries() -> list[str]:
    """The entries of AITERMS_PATH, as given (files or folders), empty ones dropped."""
    raw = os.environ.get("AITERMS_PATH", "")
    return [os.path.expanduser(p) for p in raw.split(os.pathsep) if p.strip()]


def toml_files(path: str, *, origin: Message) -> list[str]:
    """The *.toml files a path names: the file itself or a folder's files, sorted by name."""
    if os.path.isdir(path):
        try:
            names = sorted(n for n in os.listdir(path) if n.endswith(".toml"))
        except OSError as exc:
            raise CorpusError(path, msg("cannot_read_folder", reason=exc.strerror)) from None
        files = [os.path.join(path, n) for n in names if os.path.isfile(os.path.join(path, n))]
        if not files:
            raise CorpusError(path, msg("empty_folder", origin=origin))
        return files
    if not os.path.exists(path):
        raise CorpusError(path, msg("no_such_path", origin=origin))
    return [path]


def sources(skipped: list[CorpusError] | None = None) -> list[Source]:
    """All corpus files in load order: bundled, then the user file, then AITERMS_PATH.

    A user file or AITERMS_PATH entry that cannot be used (a folder, a missing path) raises, or, when a
    `skipped` list is given, is left out and reported there.
    """
    found = [Source(bundled_path(), "bundled")]
    problems: list[CorpusError] = []
    user = user_file()
    if os.path.isdir(user):
        problems.append(CorpusError(user, msg("user_file_is_folder")))
    elif os.path.exists(user):
        found.append(Source(user, "user"))
    for entry in overlay_entries():
        try:
            found.extend(Source(p, "overlay") for p in toml_files(entry, origin=literal("AITERMS_PATH")))
        except CorpusError as exc:
            problems.append(exc)
    if problems and skipped is None:
        raise problems[0]
    if skipped is not None:
        skipped.extend(problems)
    return found
