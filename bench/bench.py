"""Speed benchmark: hyperfine medians of aiterms beside `python -c pass` and the peer (the official Python
tldr client rendering one page), then the 10,000-term overlay cases. Prints a Markdown report with the
ratios PRODUCT.md sets as bars, and writes bench/results.json.

Usage: python bench/bench.py [--runs N] [--venv DIR]

It builds the wheel, installs it with `tldr` into a fresh venv (what a user runs: no editable install,
bytecode compiled at install time), and runs every command with an empty cache and config dir of its own.
Needs hyperfine (Debian: apt-get install hyperfine).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGE = """# lora

> Low-Rank Adaptation: fine-tune a frozen model by training a small low-rank update.
> More information: <https://arxiv.org/abs/2106.09685>.

- Show the entry:

`aiterms show {{lora}}`

- Print it as JSON:

`aiterms show {{lora}} --json`
"""
BARS = {
    "show": ("aiterms show lora (rendered)", "peer", 0.75),
    "show_json": ("aiterms show lora --json", "peer", 0.6),
    "search_json": ('aiterms search "object detection" --json', "peer", 0.8),
    "overlay_show": ("warm show with a 10,000-term overlay", "show", 1.25),
    "overlay_search": ("warm search with a 10,000-term overlay", "search_json", 2.0),
}


def run(cmd: list[str], **kwargs: object) -> None:
    subprocess.run(cmd, check=True, **kwargs)  # type: ignore[call-overload]


def prepare_venv(venv: Path) -> Path:
    """A fresh venv with the wheel of this checkout and the tldr client."""
    dist = Path(tempfile.mkdtemp(prefix="aiterms-dist-"))
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)], stdout=subprocess.DEVNULL)
    wheel = next(dist.glob("aiterms-*.whl"))
    if venv.exists():
        shutil.rmtree(venv)
    run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    run([*pip, str(wheel), "tldr"])
    return venv / "bin"


def hyperfine(commands: dict[str, str], runs: int, env: dict[str, str], prepare: str | None = None) -> dict[str, float]:
    """Median seconds per named command, all measured side by side in one hyperfine run."""
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    cmd = ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", str(out)]
    if prepare:
        cmd = ["hyperfine", "--warmup", "0", "--runs", str(runs), "--export-json", str(out), "--prepare", prepare]
    for name, command in commands.items():
        cmd += ["--command-name", name, command]
    run(cmd, env=env, stdout=subprocess.DEVNULL)
    data = json.loads(out.read_text())
    return {r["command"]: r["median"] for r in data["results"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--venv", type=Path, default=Path(tempfile.gettempdir()) / "aiterms-bench-venv")
    args = parser.parse_args()
    if not shutil.which("hyperfine"):
        print("bench: hyperfine is not installed (apt-get install hyperfine)", file=sys.stderr)
        return 2
    bindir = prepare_venv(args.venv)
    work = Path(tempfile.mkdtemp(prefix="aiterms-bench-"))
    page = work / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    overlay = work / "overlay.toml"
    run([sys.executable, str(REPO / "bench" / "make_overlay.py"), str(overlay), "10000"])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AITERMS_", "NO_COLOR"))}
    env.update(
        AITERMS_CACHE_DIR=str(work / "cache"),
        XDG_CONFIG_HOME=str(work / "config"),
        AITERMS_LANG="en",
        COLUMNS="100",
    )
    py = str(bindir / "python")
    aiterms = str(bindir / "aiterms")
    tldr = str(bindir / "tldr")
    run([aiterms, "show", "lora", "--json"], env=env, stdout=subprocess.DEVNULL)  # build the index once
    base = hyperfine(
        {
            "python -c pass": f"{py} -c pass",
            "peer": f"{tldr} --render {page}",
            "show": f"{aiterms} show lora",
            "show_json": f"{aiterms} show lora --json",
            "search_json": f"{aiterms} search 'object detection' --json",
        },
        args.runs,
        env,
    )
    with_overlay = dict(env, AITERMS_PATH=str(overlay))
    run([aiterms, "show", "lora", "--json"], env=with_overlay, stdout=subprocess.DEVNULL)
    warm = hyperfine(
        {
            "overlay_show": f"{aiterms} show lora",
            "overlay_search": f"{aiterms} search 'object detection' --json",
        },
        args.runs,
        with_overlay,
    )
    cold_env = dict(with_overlay, AITERMS_CACHE_DIR=str(work / "cold-cache"))
    cold = hyperfine(
        {"cold": f"{aiterms} show lora"},
        max(5, args.runs // 6),
        cold_env,
        prepare=f"rm -rf {work / 'cold-cache'}",
    )
    figures = {**base, **warm, **cold}
    report(figures, overlay)
    (REPO / "bench" / "results.json").write_text(
        json.dumps({"machine": machine(), "overlay_bytes": overlay.stat().st_size, "median_s": figures}, indent=2)
        + "\n",
        encoding="utf-8",
    )
    return (
        0
        if all(figures[c] <= limit * figures[ref] for c, (_, ref, limit) in BARS.items()) and figures["cold"] < 3
        else 1
    )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def report(figures: dict[str, float], overlay: Path) -> None:
    ms = {k: v * 1000 for k, v in figures.items()}
    print(f"Machine: {machine()}")
    print(f"Overlay: 10,000 terms, {overlay.stat().st_size / 1e6:.1f} MB (bench/make_overlay.py)\n")
    print("| case | median | vs | ratio | bar |")
    print("|---|---:|---|---:|---|")
    print(f"| `python -c pass` | {ms['python -c pass']:.1f} ms | | | floor |")
    print(f"| `tldr --render page.md` (peer) | {ms['peer']:.1f} ms | | | |")
    for key, (label, ref, limit) in BARS.items():
        ratio = figures[key] / figures[ref]
        ok = "✓" if ratio <= limit else "✗"
        ref_label = "peer" if ref == "peer" else BARS[ref][0]
        print(f"| {label} | {ms[key]:.1f} ms | {ref_label} | {ratio:.2f} × | ≤ {limit} × {ok} |")
    ok = "✓" if figures["cold"] < 3 else "✗"
    print(f"| first run with a 10,000-term overlay (cold cache) | {figures['cold']:.2f} s | | | < 3 s {ok} |")


if __name__ == "__main__":
    sys.exit(main())
