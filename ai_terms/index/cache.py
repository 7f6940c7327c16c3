"""Where a compiled index lives and when it is stale: the cache file's name, the fingerprint of the
sources and code it was built from, and the pruning of indexes no longer used."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence

from ai_terms import __version__
from ai_terms.sources.paths import Source, cache_dir

FORMAT = 10  # bump when the schema or the tokenizer changes


# The modules whose code decides what an entry reads as and its search tokens: the key of the bundled
# corpus's snapshot (corpus/snapshot.py), and part of every index's fingerprint.
READERS = (
    "corpus/toml.py", "corpus/check.py", "corpus/snapshot.py", "index/tokens.py", "model.py", "normalize.py",
    "text.py", "sources/sanitize.py",
)  # fmt: skip
# The modules whose code decides what goes into the index: an edited checkout rebuilds without a version bump.
_BUILDERS = (*READERS, "index/store.py", "index/cache.py", "corpus/load.py", "messages.py")


def fingerprint(found: Sequence[Source]) -> str:
    """What the index depends on: each source's path, size and mtime, the package version and its builders."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    code = []
    for name in _BUILDERS:
        try:
            code.append(os.stat(os.path.join(here, name)).st_mtime_ns)
        except OSError:
            code.append(-1)
    stats: list[object] = [code]
    for source in found:
        try:
            st = os.stat(source.path)
            stats.append([source.path, source.kind, st.st_size, st.st_mtime_ns])
        except OSError:
            stats.append([source.path, source.kind, -1, -1])
    return json.dumps([FORMAT, __version__, stats])


def cache_file(found: Sequence[Source]) -> str:
    import zlib  # a name, not a checksum: the fingerprint inside the file decides whether it is current

    ident = json.dumps([FORMAT, __version__, [(s.path, s.kind) for s in found]]).encode("utf-8")
    digest = f"{zlib.crc32(ident):08x}{zlib.adler32(ident):08x}"
    return os.path.join(cache_dir(), f"index-{digest}.sqlite")


PRUNE_AFTER_S = 30 * 24 * 3600  # an index of another set of sources, unused this long, is deleted


def prune(folder: str, *, keep: str) -> None:
    """Delete indexes of other source sets not used for a month, and temp files of builds that died."""
    import time

    now = time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith("index-") and name.endswith(".sqlite") and path != keep:
            limit = PRUNE_AFTER_S
        elif name.startswith(".index-") and name.endswith(".tmp"):
            limit = 3600
        else:
            continue
        try:
            st = os.stat(path)
            if now - max(st.st_atime, st.st_mtime) > limit:
                os.unlink(path)
        except OSError:
            continue
