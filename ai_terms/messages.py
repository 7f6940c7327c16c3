"""Every sentence aiterms says to a person (errors, warnings, notes, summaries) in English and Chinese, by id.

The core raises and records a Message (an id and its arguments), never a finished sentence, and the one
place that prints it (ai_terms/__main__.py, or a view) words it in the language of the command line: `--lang
zh` (or a zh* locale) gives Chinese, en and both give English. JSON, the Python API's `.message` and the MCP
server keep English. Chinese is written as a Chinese engineer writes it: full-width punctuation, a space
between Chinese and Latin words or numbers; options, code, file locations and quoted names stay as typed.
Importing this module costs one dict (the fast path imports it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

# id: (English, Chinese). Arguments are str.format fields; a list argument is joined with ", " or "、", a
# Message argument is worded in the same language.
MESSAGES: dict[str, tuple[str, str]] = {
    "literal": ("{en}", "{zh}"),
    "one_of": ("{first} or {last}", "{first} 或 {last}"),
    # The handler's own words (ai_terms/__main__.py).
    "error": ("error: {text}", "错误：{text}"),
    "warning": ("warning: {text}", "警告：{text}"),
    "see_help": ("{text} (see '{command} --help')", "{text}（参见 '{command} --help'）"),
    "internal_error": ("internal error: {text} (please report this)", "内部错误：{text}（这是程序缺陷，请报告）"),
    "cannot_write": ("cannot write output: {reason}", "无法写出输出：{reason}"),
    # Names that reach no entry, or several.
    "unknown_term.suggest": (
        "unknown term {name!r}. Did you mean: {names}?",
        "未知条目 {name!r}。你要找的是不是：{names}？",
    ),
    "unknown_term.search": (
        "unknown term {name!r}. Try: aiterms search {name!r}",
        "未知条目 {name!r}。试试：aiterms search {name!r}",
    ),
    "ambiguous": (
        "{name!r} names several terms: {candidates}. Use an id.",
        "{name!r} 对应多个条目：{candidates}。请改用 id。",
    ),
    "candidate": ("{id} ({name}, {source})", "{id}（{name}，{source}）"),
    "bundled": ("bundled", "内置"),
    "not_a_name": ("{name!r} is not a term name", "{name!r} 不是条目名称"),
    "taken_as": (
        "{name!r} is taken as {term}, the one name that begins with it",
        "{name!r} 视为 {term}（唯一以此开头的名称）",
    ),
    "nothing_about": ("nothing about {query!r}.", "没有与 {query!r} 相关的条目。"),
    "nothing_about.closest": (
        "nothing about {query!r}. Closest names: {names}.",
        "没有与 {query!r} 相关的条目。最接近的名称：{names}。",
    ),
    "unknown_category": (
        "unknown category {value!r}.{hint} Known: {known}",
        "未知类别 {value!r}。{hint}已有类别：{known}",
    ),
    "unknown_tag": ("unknown tag {value!r}.{hint} Known: {known}", "未知标签 {value!r}。{hint}已有标签：{known}"),
    "did_you_mean": (" Did you mean: {names}?", "你要找的是不是：{names}？"),
    "nothing": ("", ""),
    # Filters and option values.
    "no_match": ("no terms match these filters", "没有符合这些筛选条件的条目"),
    "no_dated_match": ("no dated terms match these filters", "没有符合这些筛选条件且标有年份的条目"),
    "nothing_to_export": ("no terms to export", "没有可导出的条目"),
    "option_takes": ("{option} takes {choices}, not {value!r}", "{option} 只能取 {choices}，收到的是 {value!r}"),
    "empty_query": ("the search query is empty", "搜索内容为空"),
    "limit_too_small": ("--limit must be at least 1", "--limit 至少为 1"),
    "api_limit": ("limit must be 1 or more, not {limit}", "limit 至少为 1，收到的是 {limit}"),
    "depth_range": ("--depth takes 1 to 5", "--depth 只能取 1 到 5"),
    "compare_count": ("compare takes 2 to 4 terms, got {count}", "compare 需要 2 到 4 个条目，收到 {count} 个"),
    "compare_same": (
        "compare needs different terms; two of the names given reach the same entry",
        "compare 需要不同的条目；给出的名称中有两个指向同一条目",
    ),
    "completion_shell": (
        "completion scripts exist for bash, zsh and fish, not {shell!r}",
        "只有 bash、zsh 和 fish 的补全脚本，没有 {shell!r} 的",
    ),
    "unknown_field": ("unknown field {field!r}. Valid fields: {valid}", "未知字段 {field!r}。可用字段：{valid}"),
    "mcp_missing": (
        "aiterms mcp needs the MCP SDK: pip install 'aiterms[mcp]'",
        "aiterms mcp 需要 MCP SDK：pip install 'aiterms[mcp]'",
    ),
    "mcp_list_filter": (
        "give a category or a tag (the whole glossary is too long to list)",
        "请给出类别或标签（整个词库太长，无法全部列出）",
    ),
    # Corpus files: reading them, and leaving out a user or overlay file that cannot be used.
    "located": ("{at} {detail}", "{at} {detail}"),
    "file_skipped": (
        "{problem} (file skipped; 'aiterms validate {file}' lists every problem)",
        "{problem}（已跳过该文件；'aiterms validate {file}' 会列出全部问题）",
    ),
    "relation_ignored": ("{at} {detail}; relation ignored", "{at} {detail}；已忽略这条关系"),
    "is_folder": ("is a folder, expected a TOML file", "是文件夹，应为 TOML 文件"),
    "user_file_is_folder": (
        "is a folder; the user glossary must be a TOML file",
        "是文件夹；用户词汇表必须是 TOML 文件",
    ),
    "cannot_read": ("cannot read ({reason})", "无法读取（{reason}）"),
    "cannot_read_folder": ("cannot read folder ({reason})", "无法读取文件夹（{reason}）"),
    "invalid_utf8": ("invalid UTF-8", "不是有效的 UTF-8"),
    "invalid_toml": ("invalid TOML: {reason}", "TOML 语法错误：{reason}"),
    "empty_folder": ("folder named in {origin} holds no *.toml files", "{origin} 指定的文件夹里没有 *.toml 文件"),
    "no_such_path": ("no such file or folder (named in {origin})", "没有这个文件或文件夹（由 {origin} 指定）"),
    "the_command_line": ("the command line", "命令行"),
    # Findings of the loader (corpus/check.py, corpus/load.py); their codes are in docs/validate.md.
    "type.dict": ("a table", "表"),
    "type.list": ("a list", "列表"),
    "type.str": ("a string", "字符串"),
    "type.bool": ("a boolean", "布尔值"),
    "type.int": ("an integer", "整数"),
    "type.float": ("a float", "浮点数"),
    "type.date": ("a date", "日期"),
    "type.datetime": ("a date and time", "日期时间"),
    "type.time": ("a time", "时间"),
    "unknown_top_level": (
        "unknown top-level key (expected [category.<id>] or [term.<id>] tables)",
        "未知的顶层键（应为 [category.<id>] 或 [term.<id>] 表）",
    ),
    "expected_terms": ("expected [term.<id>] tables", "应为 [term.<id>] 表"),
    "expected_categories": ("expected [category.<id>] tables", "应为 [category.<id>] 表"),
    "unknown_key": ("unknown key {key!r} (expected {allowed})", "未知的键 {key!r}（应为 {allowed} 之一）"),
    "expected_string": ("expected a string, got {got}", "应为字符串，实际是{got}"),
    "expected_strings": ("expected a list of strings, got {got}", "应为字符串列表，实际是{got}"),
    "expected_table": ("expected a table, got {got}", "应为表，实际是{got}"),
    "expected_year": ("expected an integer year, got {got}", "年份应为整数，实际是{got}"),
    "expected_paper": (
        "expected a table {{title, arxiv, url}}, got {got}",
        "应为 {{title, arxiv, url}} 表，实际是{got}",
    ),
    "expected_bitext": ("expected a table with en and zh, got {got}", "应为含 en 和 zh 的表，实际是{got}"),
    "expected_bilist": ("expected a table with en and zh lists, got {got}", "应为含 en 和 zh 列表的表，实际是{got}"),
    "expected_snippet": ("expected a table with code (and lang)", "应为含 code（及 lang）的表"),
    "expected_date": ("expected a date such as 2026-11-30, got {got}", "应为日期（如 2026-11-30），实际是{got}"),
    "expected_relations": ("expected a table of relation lists, got {got}", "应为由关系列表组成的表，实际是{got}"),
    "not_web_link": ("link {link!r} is not an http or https URL", "链接 {link!r} 不是 http 或 https 网址"),
    "paper_url": ("paper.url is not an http or https URL", "paper.url 不是 http 或 https 网址"),
    "bad_term_id": (
        "a term id is a lowercase slug (letters, digits, hyphens)",
        "条目 id 须为小写 slug（字母、数字、连字符）",
    ),
    "bad_category_id": (
        "a category id is a lowercase slug (letters, digits, hyphens)",
        "类别 id 须为小写 slug（字母、数字、连字符）",
    ),
    "category_label": ("a category needs a label (en or zh)", "类别需要标签（en 或 zh）"),
    "unknown_term_field": ("unknown field", "未知字段"),
    "unknown_term_field.close": ("unknown field (did you mean {close!r}?)", "未知字段（你要找的是不是 {close!r}？）"),
    "missing_field": ("missing required field {key!r}", "缺少必填字段 {key!r}"),
    "empty_name": ("name is empty", "name 为空"),
    "needs_summary": ("needs a summary in English or Chinese", "需要英文或中文的 summary"),
    "unknown_term_category": (
        "unknown category {category!r} (known: {known})",
        "未知类别 {category!r}（已有：{known}）",
    ),
    "unknown_term_category.close": (
        "unknown category {category!r}; did you mean {close!r}? (known: {known})",
        "未知类别 {category!r}；你要找的是不是 {close!r}？（已有：{known}）",
    ),
    "self_relation": ("a term cannot relate to itself", "条目不能与自身相关"),
    "no_such_term": ("no term {target!r}", "不存在条目 {target!r}"),
    # Findings only the linter makes (corpus/lint.py).
    "replaces": ("replaces {id!r} from {where}", "替换了 {where} 中的 {id!r}"),
    "replaces.bundled": ("replaces {id!r} from the bundled corpus", "替换了内置词库中的 {id!r}"),
    "year_range": ("year {year} is out of range", "年份 {year} 超出范围"),
    "bad_arxiv": ("{arxiv!r} is not an arXiv id such as 2106.09685", "{arxiv!r} 不是 arXiv id（形如 2106.09685）"),
    "arxiv_url": ("paper.url does not point at arXiv {arxiv}", "paper.url 没有指向 arXiv {arxiv}"),
    "summary_length": ("{key} has {count} characters (at most {limit})", "{key} 有 {count} 个字符（最多 {limit} 个）"),
    "stale": ("checked {date}, {months} months ago", "核实于 {date}，已过去 {months} 个月"),
    "future": ("checked {date} is in the future", "核实日期 {date} 在未来"),
    "missing_language": ("missing {key}", "缺少 {key}"),
    "key_point_counts": (
        "key_points has {en} English and {zh} Chinese bullets",
        "key_points 有 {en} 条英文要点、{zh} 条中文要点",
    ),
    "ascii_punctuation": ("ASCII punctuation next to Chinese: “{context}”", "中文旁用了 ASCII 标点：“{context}”"),
    "no_space": (
        "no space between Chinese and Latin/digit: “{context}”",
        "中文与拉丁字母或数字之间缺少空格：“{context}”",
    ),
    "shared_name": ("{key} {text!r} also names {others}", "{key} {text!r} 也是 {others} 的名称"),
    "shared_alias": ("alias {alias!r} also names {others}", "别名 {alias!r} 也是 {others} 的名称"),
    # Views: the validate summary, the timeline's note, the paths table.
    "validate_summary": (
        "{errors} error(s), {warnings} warning(s) in {files} file(s), {terms} term(s)",
        "{files} 个文件、{terms} 个条目：{errors} 个错误，{warnings} 个警告",
    ),
    "strict": (" (strict)", "（严格模式）"),
    "undated": ("{count} more entries have no year and are not shown.", "另有 {count} 个条目没有年份，未列出。"),
    "paths.bundled": ("bundled corpus", "内置词库"),
    "paths.user_file": ("user file", "用户文件"),
    "paths.overlays": ("AITERMS_PATH", "AITERMS_PATH"),
    "paths.cache_dir": ("cache dir", "缓存目录"),
    "paths.cache_file": ("cache file", "缓存文件"),
    "paths.schema": ("JSON Schema", "JSON Schema"),
    "paths.absent": ("{path}  (not present)", "{path}（不存在）"),
    "paths.not_set": ("(not set)", "（未设置）"),
    "paths.unreadable": ("(sources unreadable)", "（无法读取来源）"),
}


class Message(NamedTuple):
    """Something to tell the user, worded when it is shown."""

    key: str
    args: dict[str, object]

    def text(self, lang: str) -> str:
        """The message in `lang`: Chinese for zh, English otherwise (both included)."""
        chinese = lang == "zh"
        en, zh = MESSAGES[self.key]
        return (zh if chinese else en).format(**{k: _shown(v, lang) for k, v in self.args.items()})


def msg(key: str, /, **args: object) -> Message:
    return Message(key, args)


def literal(en: str, zh: str | None = None) -> Message:
    """Text that is not ours to word (an OS or parser message, a name), the same in both languages unless given."""
    return Message("literal", {"en": en, "zh": en if zh is None else zh})


def one_of(values: Sequence[str]) -> Message:
    """ "a, b or c" / "a、b 或 c"."""
    return msg("one_of", first=list(values[:-1]), last=values[-1])


def suggestion(name: str) -> Message:
    """A "did you mean" name, "LoRA (低秩自适应)", written in Chinese text as "LoRA（低秩自适应）"."""
    head, paren, tail = name.rpartition(" (")
    return literal(name, f"{head}（{tail[:-1]}）" if paren and tail.endswith(")") else name)


def _shown(value: object, lang: str) -> object:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return ("、" if lang == "zh" else ", ").join(str(_shown(v, lang)) for v in value)
    return value
