"""The Chinese UI: under --lang zh or a zh* locale every message on stderr is Chinese; English stays the default,
JSON keeps English, and the message table is complete and well typeset."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from ai_terms.corpus.lint import _ASCII_PUNCT, _NO_SPACE
from ai_terms.messages import MESSAGES
from ai_terms.text import has_cjk

from .conftest import REPO, invoke, run_process

ZH_LOCALE: dict[str, str | None] = {"AITERMS_LANG": None, "LANG": "zh_CN.UTF-8"}

# (arguments, exit code, English stderr, Chinese stderr): each kind of message a user meets.
CASES = [
    (["show", "lorra"], 1, "unknown term 'lorra'. Did you mean: LoRA (低秩自适应)",
     "aiterms: 未知条目 'lorra'。你要找的是不是：LoRA（低秩自适应）、"),
    (["show", "xqzvw"], 1, "unknown term 'xqzvw'. Try: aiterms search 'xqzvw'",
     "aiterms: 未知条目 'xqzvw'。试试：aiterms search 'xqzvw'"),
    (["search", "dumpling recipe"], 1, "nothing about 'dumpling recipe'.", "aiterms: 没有与 'dumpling recipe' 相关的条目。"),
    (["list", "--category", "foo"], 2, "unknown category 'foo'. Known: framework",
     "aiterms: 未知类别 'foo'。已有类别：framework、library、"),
    (["search", "x", "--tag", "nope"], 2, "unknown tag 'nope'. Did you mean: nlp",
     "aiterms: 未知标签 'nope'。你要找的是不是：nlp"),
    (["compare", "lora"], 2, "compare takes 2 to 4 terms, got 1", "aiterms: compare 需要 2 到 4 个条目，收到 1 个"),
    (["compare", "lora", "LoRA"], 2, "two of the names given reach the same entry",
     "aiterms: compare 需要不同的条目；给出的名称中有两个指向同一条目"),
    (["related", "lora", "--depth", "9"], 2, "--depth takes 1 to 5", "aiterms: --depth 只能取 1 到 5"),
    (["list", "--sort", "x"], 2, "--sort takes name or year, not 'x'", "aiterms: --sort 只能取 name 或 year，收到的是 'x'"),
    (["graph", "--format", "png"], 2, "--format takes dot or mermaid, not 'png'",
     "aiterms: --format 只能取 dot 或 mermaid，收到的是 'png'"),
    (["show", "lora", "--format", "html"], 2, "--format takes text, markdown, brief or json, not 'html'",
     "aiterms: --format 只能取 text、markdown、brief 或 json，收到的是 'html'"),
    (["search", " "], 2, "the search query is empty", "aiterms: 搜索内容为空"),
    (["search", "lora", "--limit", "0"], 2, "--limit must be at least 1", "aiterms: --limit 至少为 1"),
    (["show", "."], 2, "'.' is not a term name", "aiterms: '.' 不是条目名称"),
    (["completion", "tcsh"], 2, "completion scripts exist for bash, zsh and fish", "aiterms: 只有 bash、zsh 和 fish 的补全脚本"),
    (["show", "lora", "--fields", "nope"], 2, "unknown field 'nope'. Valid fields: id: ",
     "aiterms: 未知字段 'nope'。可用字段：id、name（名称）、"),
    (["show", "lora", "--bogus"], 2, "aiterms: error: No such option: --bogus (see 'aiterms show --help')",
     "aiterms: 错误：No such option: --bogus（参见 'aiterms show --help'）"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "code", "en", "zh"), CASES, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_each_message_in_english_by_default_and_in_chinese_under_zh(
    args: list[str], code: int, en: str, zh: str
) -> None:
    english = invoke(*args)
    assert english.exit_code == code and en in english.stderr, english
    assert not has_cjk(re.sub(r"\([^)]*\)", "", english.stderr)), english  # Chinese names of suggestions aside
    for chinese in (invoke("--lang", "zh", *args), invoke(*args, "-L", "zh"), invoke(*args, env=ZH_LOCALE)):
        assert chinese.exit_code == code and zh in chinese.stderr, chinese


@pytest.mark.parametrize("locale", ["C.UTF-8", "en_US.UTF-8", "POSIX"])
def test_english_stays_the_default_outside_a_chinese_locale(locale: str) -> None:
    out = invoke("show", "lorra", env={"AITERMS_LANG": None, "LANG": locale})
    assert out.stderr.startswith("aiterms: unknown term 'lorra'. Did you mean:"), out
    both = invoke("--lang", "both", "show", "lorra", env=ZH_LOCALE)
    assert both.stderr.startswith("aiterms: unknown term 'lorra'."), both  # both: English messages


def test_a_chinese_locale_in_a_real_process() -> None:
    proc = run_process("search", "量子计算菜谱", env={"AITERMS_LANG": "", "LANG": "zh_CN.UTF-8"})
    assert proc.returncode == 1
    assert proc.stderr.decode("utf-8").startswith("aiterms: 没有与 '量子计算菜谱' 相关的条目。")
    proc = run_process("search", "dumpling recipe", env={"AITERMS_LANG": "", "LANG": "en_US.UTF-8"})
    assert proc.stderr.decode("utf-8").startswith("aiterms: nothing about 'dumpling recipe'.")


def test_json_keeps_english_and_the_message_follows_the_language() -> None:
    out = invoke("--lang", "zh", "search", "dumpling recipe", "--json")
    assert out.exit_code == 1 and json.loads(out.stdout)["results"] == []
    assert out.stderr.startswith("aiterms: 没有与"), out


def test_a_bad_lang_value_is_reported_in_the_locale_language() -> None:
    assert "--lang takes en, zh or both, not 'fr'" in invoke("--lang", "fr", "show", "lora").stderr
    out = invoke("--lang", "fr", "show", "lora", env=ZH_LOCALE)
    assert out.exit_code == 2 and "--lang 只能取 en、zh 或 both，收到的是 'fr'" in out.stderr, out


def test_an_ambiguous_name_lists_the_candidates_in_chinese(overlay: Path) -> None:
    (overlay / "twins.toml").write_text(
        '[term.zorb-a]\nname = "Zorblax"\ncategory = "model"\nsummary = "A."\n'
        '[term.zorb-b]\nname = "Zorblax"\ncategory = "model"\nsummary = "B."\n',
        encoding="utf-8",
    )
    where = overlay / "twins.toml"
    en = invoke("show", "zorblax")
    assert en.exit_code == 1 and f"'zorblax' names several terms: zorb-a (Zorblax, {where})" in en.stderr, en
    zh = invoke("-L", "zh", "show", "zorblax")
    assert (
        f"'zorblax' 对应多个条目：zorb-a（Zorblax，{where}）、zorb-b（Zorblax，{where}）。请改用 id。" in zh.stderr
    ), zh


def test_the_note_for_a_name_taken_as_the_entry_it_begins() -> None:
    assert "'diffusion' is taken as Diffusion model" in invoke("show", "diffusion", "--brief").stderr
    out = invoke("show", "diffusion", "--brief", env=ZH_LOCALE)
    assert out.exit_code == 0 and "aiterms: 'diffusion' 视为 Diffusion model（唯一以此开头的名称）" in out.stderr, out


def test_a_skipped_overlay_file_is_a_chinese_warning(overlay: Path) -> None:
    bad = overlay / "bad.toml"
    bad.write_text('[term.x]\nname = "X"\ncategory = "mdel"\nsummary = "x"\n', encoding="utf-8")
    en = invoke("show", "lora", "--brief")
    assert en.exit_code == 0 and "aiterms: warning: " in en.stderr and "(file skipped; " in en.stderr, en
    zh = invoke("-L", "zh", "show", "lora", "--brief")  # the warning stored in the index, worded in Chinese
    expected = (
        f"aiterms: 警告：{bad}:3:1: term.x.category: 未知类别 'mdel'；你要找的是不是 'model'？（已有：architecture、"
    )
    assert zh.exit_code == 0 and expected in zh.stderr, zh
    assert f"（已跳过该文件；'aiterms validate {bad}' 会列出全部问题）" in zh.stderr, zh


@pytest.mark.parametrize(
    ("content", "zh"),
    [
        ('[term.x]\nname = "X\n', "TOML 语法错误："),
        (b"\xff\xfe", "不是有效的 UTF-8"),
        ('[term.x]\nname = 3\ncategory = "model"\nsummary = "x"\n', "term.x.name: 应为字符串，实际是整数"),
        ('[term.x]\ncategory = "model"\nsummary = "x"\n', "term.x: 缺少必填字段 'name'"),
    ],
)
def test_unreadable_overlays_are_explained_in_chinese(overlay: Path, content: str | bytes, zh: str) -> None:
    path = overlay / "broken.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    out = invoke("show", "lora", "--brief", env=ZH_LOCALE)
    assert out.exit_code == 0 and zh in out.stderr and "已跳过该文件" in out.stderr, out


def test_a_missing_overlay_path_is_a_chinese_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AITERMS_PATH", str(tmp_path / "nowhere"))
    out = invoke("-L", "zh", "show", "lora", "--brief")
    assert f"aiterms: 警告：{tmp_path / 'nowhere'}: 没有这个文件或文件夹（由 AITERMS_PATH 指定）" in out.stderr, out


def test_a_dangling_relation_is_a_chinese_warning(overlay: Path) -> None:
    (overlay / "rel.toml").write_text(
        '[term.y]\nname = "Y"\ncategory = "model"\nsummary = "y"\nrelations.uses = ["nonexist"]\n', encoding="utf-8"
    )
    out = invoke("-L", "zh", "show", "y", "--brief")  # the first run builds the index and says it
    assert out.exit_code == 0
    assert (
        "aiterms: 警告：" in out.stderr and "term.y.relations.uses: 不存在条目 'nonexist'；已忽略这条关系" in out.stderr
    )


def test_paths_labels_in_chinese() -> None:
    en = invoke("paths").stdout
    assert "bundled corpus" in en and "(not present)" in en and "(not set)" in en
    zh = invoke("-L", "zh", "paths").stdout
    for word in ("内置词库", "用户文件", "缓存目录", "缓存文件", "JSON Schema", "（不存在）", "（未设置）"):
        assert word in zh, zh
    assert not {"bundled corpus", "user file", "cache dir"} & set(re.findall(r"[a-z]+ [a-z]+", zh))


def test_validate_in_chinese_keeps_codes_locations_and_english_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[term.x]\nname = "X"\ncategory = "mdel"\nsummary = "x"\nrelations.uses = ["nonexist"]\n', encoding="utf-8"
    )
    wide: dict[str, str | None] = {"COLUMNS": "1000"}
    en = invoke("validate", str(bad), env=wide)
    assert en.exit_code == 3 and "2 error(s), 0 warning(s) in 1 file(s), 1 term(s)" in en.stdout, en
    zh = invoke("-L", "zh", "validate", "--strict", str(bad), env=wide)
    assert zh.exit_code == 3 and f"{bad}:3:1: E110 未知类别 'mdel'；你要找的是不是 'model'？" in zh.stdout, zh
    assert f"{bad}:5:1: E120 不存在条目 'nonexist' [term.x.relations.uses]" in zh.stdout
    assert re.search(r"1 个文件、1 个条目：\d+ 个错误，\d+ 个警告（严格模式）", zh.stdout), zh
    issues = json.loads(invoke("-L", "zh", "validate", str(bad), "--json").stdout)["issues"]
    assert [i["message"] for i in issues][1] == "no term 'nonexist'"
    assert all(not has_cjk(i["message"]) for i in issues)


def test_an_internal_error_is_one_chinese_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from ai_terms.query import actions

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(actions, "show", boom)
    out = invoke("-L", "zh", "show", "lora")
    assert out.exit_code == 70 and out.stderr == "aiterms: 内部错误：RuntimeError: boom（这是程序缺陷，请报告）\n", out


def test_the_api_keeps_english_and_speaks_chinese_when_asked() -> None:
    from ai_terms import api

    with pytest.raises(api.UsageError, match=r"^unknown category 'nope'\.") as error:
        api.search("lora", category="nope")
    assert error.value.text("zh").startswith("未知类别 'nope'。")
    with pytest.raises(api.UnknownTermError, match=r"^未知条目 'lorra'。你要找的是不是：LoRA（低秩自适应）"):
        api.show("lorra", lang="zh")


# -- the table itself ------------------------------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_fields(key: str) -> None:
    en, zh = MESSAGES[key]
    assert _fields(en) == _fields(zh) or key == "literal", key
    bare = re.sub(r"\{[^}]*\}", "", zh)
    if bare.strip() and any(c.isalpha() for c in re.sub(r"[A-Za-z_.\-\[\]<>*]+", "", bare)):
        assert has_cjk(bare), f"{key}: {zh!r} is not Chinese"
    assert not _ASCII_PUNCT.search(bare.replace("{{", "").replace("}}", "")), f"{key}: ASCII punctuation in {zh!r}"
    assert not _NO_SPACE.search(zh), f"{key}: no space between Chinese and Latin in {zh!r}"


def test_every_message_id_in_the_code_is_in_the_table_and_every_entry_is_used() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "ai_terms").rglob("*.py"))
    used = set(re.findall(r"""\bmsg\(\s*["']([\w.]+)["']""", source))
    assert used - set(MESSAGES) == set()
    dynamic = {"unknown_category", "unknown_tag", "ascii_punctuation", "no_space", "literal", "one_of"}
    dynamic |= {k for k in MESSAGES if k.startswith(("type.", "paths."))}
    assert set(MESSAGES) - used - dynamic == set()
