"""Loading corpus files: every source in order, later ids replacing earlier ones, relations resolved.

The one loader serves both callers: `load` stops at the first error (a command needs a corpus it can trust),
`read` keeps every finding (validate reports them all, with the linter's own rules added on top).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ai_terms.corpus import snapshot
from ai_terms.corpus.check import Draft, Report, read_categories, read_term
from ai_terms.corpus.toml import Parsed, parse, read_bytes, read_file
from ai_terms.errors import CorpusError
from ai_terms.messages import Message, literal, msg
from ai_terms.model import RELATION_TYPES, Category, Relation, Term
from ai_terms.sources.paths import Source

TOP_LEVEL = frozenset({"category", "term"})
# Most specific first: the order relations are shown in, and which one wins when a pair is linked twice.
RELATION_ORDER = (
    "is_a", "has_kind", "part_of", "has_part", "variant_of", "has_variant", "successor_of", "succeeded_by",
    "implements", "implemented_by", "uses", "used_by", "see_also",
)  # fmt: skip


@dataclass(slots=True)
class Loaded:
    """What loading all sources gives: categories, terms by id, and warnings worth showing."""

    categories: dict[str, Category] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)  # worth showing once, when the index is built
    skipped: list[Message] = field(default_factory=list)  # files left out: shown on every run
    # Search tokens already made (by the bundled corpus's snapshot), by id, for the entries no file replaced.
    documents: dict[str, list[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Reading:
    """Files read so far: their categories and drafts (a later id replaces an earlier one)."""

    report: Report
    files: list[Parsed] = field(default_factory=list)
    categories: dict[str, Category] = field(default_factory=dict)
    drafts: dict[str, Draft] = field(default_factory=dict)

    def add_file(self, parsed: Parsed, source: str | None) -> list[Draft]:
        """Read one parsed file's tables; `source` is the entries' source (None: the file's label)."""
        self.files.append(parsed)
        report = self.report
        for key in parsed.data:
            if key not in TOP_LEVEL:
                report.add("E101", parsed, msg("unknown_top_level"), key)
        self.categories.update(read_categories(parsed, report))
        terms = parsed.data.get("term", {})
        if not isinstance(terms, dict):
            report.add("E101", parsed, msg("expected_terms"), "term")
            return []
        added = []
        for tid, value in terms.items():
            draft = read_term(tid, value, parsed, report, source or parsed.label)
            if draft is not None:
                self.drafts[tid] = draft
                added.append(draft)
        return added

    def add_snapshot(self, made: snapshot.Snapshot, parsed: Parsed) -> None:
        """The bundled corpus as its snapshot holds it: read and checked when the snapshot was made."""
        self.files.append(parsed)
        self.categories.update((c.id, c) for c in made.categories)
        for entry in made.entries:
            self.drafts[entry.term.id] = Draft(entry.term, entry.relations, parsed)

    def check_categories(self, drafts: list[Draft] | None = None) -> None:
        for draft in self.drafts.values() if drafts is None else drafts:
            category = draft.term.category
            if category not in self.categories:
                from difflib import get_close_matches

                close = get_close_matches(category, list(self.categories), n=1)
                known = sorted(self.categories)
                said = (
                    msg("unknown_term_category.close", category=category, close=close[0], known=known)
                    if close
                    else msg("unknown_term_category", category=category, known=known)
                )
                self.report.add("E110", draft.parsed, said, f"term.{draft.term.id}", "category")

    def check_relations(self, drafts: list[Draft] | None = None) -> list[tuple[str, str, str]]:
        """The (source, type, target) edges whose targets exist; the others are findings (E120, E121),
        warnings when loading for a command (the relation is dropped), errors for validate."""
        severity = "warning" if self.report.stop else "error"
        edges = []
        for draft in self.drafts.values() if drafts is None else drafts:
            tid = draft.term.id
            for rtype, targets in draft.relations.items():
                for target in targets:
                    if target == tid:
                        message = msg("self_relation")
                        self.report.add(
                            "E121", draft.parsed, message, f"term.{tid}", f"relations.{rtype}", severity=severity
                        )
                    elif target not in self.drafts:
                        message = msg("no_such_term", target=target)
                        self.report.add(
                            "E120", draft.parsed, message, f"term.{tid}", f"relations.{rtype}", severity=severity
                        )
                    else:
                        edges.append((tid, rtype, target))
        return edges


def load(sources: list[Source]) -> Loaded:
    """Read every source in order and resolve relations.

    An error in the bundled corpus raises CorpusError. A user or overlay file with an error is skipped as a
    whole (its message, with "file skipped", goes to `skipped`) and everything else is served.
    """
    reading = Reading(Report(stop=True))
    skipped: list[Message] = []
    made: dict[str, tuple[Term, list[str]]] = {}  # id -> (entry, search tokens) from the snapshot
    for source in sources:
        if source.kind == "bundled":
            _load_bundled(reading, source.path, made)
            continue
        trial = Reading(reading.report, list(reading.files), dict(reading.categories), dict(reading.drafts))
        try:
            trial.check_categories(trial.add_file(read_file(source.path), None))
        except CorpusError as exc:
            skipped.append(exc.skipped())
            continue
        reading = trial
    edges = reading.check_relations()
    warnings = [_warning(i.file, i.line, i.key, literal(i.message, i.message_zh)) for i in reading.report.issues]
    documents = {tid: docs for tid, (term, docs) in made.items() if reading.drafts[tid].term is term}
    return Loaded(reading.categories, _link(reading.drafts, edges), warnings, skipped, documents)


def _load_bundled(reading: Reading, path: str, made: dict[str, tuple[Term, list[str]]]) -> None:
    """Read the bundled corpus into `reading`: from its snapshot when that is current, else by parsing it."""
    label = "bundled corpus (" + path + ")"
    raw = read_bytes(path, label, bundled=True)
    found = snapshot.read(raw)
    if found is None:
        reading.add_file(parse(raw, path, label), "bundled")
        reading.check_categories()
        return
    reading.add_snapshot(found, Parsed(path=path, label=label, text="", data={}))
    made.update((e.term.id, (e.term, e.documents)) for e in found.entries)


def _warning(file: str, line: int | None, key: str | None, message: Message) -> Message:
    where = f"{file}:{line}" if line else file
    return msg("relation_ignored", at=f"{where}: {key}:", detail=message)


def _link(drafts: dict[str, Draft], edges: list[tuple[str, str, str]]) -> dict[str, Term]:
    """The terms with their relations, both directions, one link per pair (the more specific wins)."""
    related: dict[str, list[Relation]] = {tid: [] for tid in drafts}
    for src, rtype, dst in edges:
        for a, t, b in ((src, rtype, dst), (dst, RELATION_TYPES[rtype], src)):
            target = drafts[b].term
            related[a].append(Relation(t, b, target.name, target.zh_name))
    order = {t: i for i, t in enumerate(RELATION_ORDER)}
    terms = {}
    for tid, draft in drafts.items():
        best: dict[str, Relation] = {}
        for rel in related[tid]:
            if rel.id not in best or order[rel.type] < order[best[rel.id].type]:
                best[rel.id] = rel
        rels = tuple(sorted(best.values(), key=lambda r: (order[r.type], r.name.casefold())))
        terms[tid] = draft.term._replace(related=rels)
    return terms


def read_into(reading: Reading, path: str, label: str | None = None, *, bundled: bool = False) -> list[Draft]:
    """Read one file into `reading`, a file that cannot be read becoming a finding (E100)."""
    try:
        parsed = read_file(path, label, bundled=bundled)
    except CorpusError as exc:
        reading.report.error("E100", exc)
        return []
    return reading.add_file(parsed, "bundled" if bundled else None)
