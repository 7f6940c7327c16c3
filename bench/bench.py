"""Speed benchmark: hyperfine medians of aiterms beside `python -c pass` and the peer (the official Python
tldr client rendering one page), then the 10,000-term overlay cases. Prints a Markdown report with the
ratios PRODUCT.md sets as bars, and writes bench/results.json.

Usage: python bench/bench.py [--runs N] [--venv DIR] [--against GIT-REF]

With --against, the wheel of that commit (say, the previous release) is installed in a second venv and each
aiterms case is measured beside its twin in the same hyperfine run, so that a noisy machine slows both alike;
the report adds the twin's median and the ratio of the two.

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
import statistics
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


def prepare_venv(venv: Path, source: Path = REPO) -> Path:
    """A fresh venv with the wheel of a checkout (this one by default) and the tldr client."""
    dist = Path(tempfile.mkdtemp(prefix="aiterms-dist-"))
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(source)], stdout=subprocess.DEVNULL)
    wheel = next(dist.glob("aiterms-*.whl"))
    if venv.exists():
        shutil.rmtree(venv)
    run([sys.executable, "-m", "venv", str(venv)])
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    run([*pip, str(wheel), "tldr"])
    return venv / "bin"


def export(ref: str) -> Path:
    """The tree of a commit of this repository, in a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="aiterms-ref-"))
    archive = subprocess.run(["git", "-C", str(REPO), "archive", ref], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def hyperfine(
    commands: dict[str, str], runs: int, env: dict[str, str], prepare: str | None = None, rounds: int = 1
) -> dict[str, float]:
    """Median seconds per named command, measured side by side with hyperfine. With several rounds, the runs
    are split into that many hyperfine calls, the commands' order turning each time, and the median is
    taken over all of them: a burst of load on a shared machine then falls on every command alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    names = list(commands)
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        out = Path(tempfile.mkstemp(suffix=".json")[1])
        each = max(1, runs // rounds)
        cmd = ["hyperfine", "-N", "--warmup", "3", "--runs", str(each), "--export-json", str(out)]
        if prepare:
            cmd = ["hyperfine", "--warmup", "0", "--runs", str(each), "--export-json", str(out), "--prepare", prepare]
        for name in order:
            cmd += ["--command-name", name, commands[name]]
        run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for result in json.loads(out.read_text())["results"]:
            times[result["command"]] += result["times"]
        out.unlink()
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--venv", type=Path, default=Path(tempfile.gettempdir()) / "aiterms-bench-venv")
    parser.add_argument("--against", metavar="GIT-REF", help="measure that commit's wheel side by side")
    parser.add_argument("--rounds", type=int, default=5, help="hyperfine calls per case group, order turning")
    args = parser.parse_args()
    if not shutil.which("hyperfine"):
        print("bench: hyperfine is not installed (apt-get install hyperfine)", file=sys.stderr)
        return 2
    bindir = prepare_venv(args.venv)
    work = Path(tempfile.mkdtemp(prefix="aiterms-bench-"))
    # Each build of aiterms gets a cache dir of its own (both may carry the same version number).
    builds = {"": (bindir, work / "cache")}
    if args.against:
        other = prepare_venv(args.venv.with_name(args.venv.name + "-against"), export(args.against))
        builds["prev:"] = (other, work / "cache-against")
    page = work / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    overlay = work / "overlay.toml"
    run([sys.executable, str(REPO / "bench" / "make_overlay.py"), str(overlay), "10000"])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AITERMS_", "NO_COLOR"))}
    env.update(XDG_CONFIG_HOME=str(work / "config"), AITERMS_LANG="en", COLUMNS="100")
    py = str(bindir / "python")
    tldr = str(bindir / "tldr")

    def cases(commands: dict[str, str]) -> dict[str, str]:
        """Each aiterms command for every build, run with that build's cache dir."""
        out = {}
        for prefix, (bins, cache) in builds.items():
            for name, command in commands.items():
                out[prefix + name] = f"env AITERMS_CACHE_DIR={cache} {bins / 'aiterms'} {command}"
        return out

    def warm_up(environ: dict[str, str]) -> None:  # build each index once
        for command in cases({"": "show lora --json"}).values():
            run(command.split(), env=environ, stdout=subprocess.DEVNULL)

    warm_up(env)
    base = hyperfine(
        {
            "python -c pass": f"{py} -c pass",
            "peer": f"{tldr} --render {page}",
            **cases(
                {
                    "show": "show lora",
                    "show_json": "show lora --json",
                    "search_json": "search 'object detection' --json",
                }
            ),
        },
        args.runs,
        env,
        rounds=args.rounds,
    )
    with_overlay = dict(env, AITERMS_PATH=str(overlay))
    warm_up(with_overlay)
    warm = hyperfine(
        cases({"overlay_show": "show lora", "overlay_search": "search 'object detection' --json"}),
        args.runs,
        with_overlay,
        rounds=args.rounds,
    )
    caches = " ".join(str(cache) for _, cache in builds.values())  # cold: every run starts without them
    cold_runs = max(args.rounds, args.runs // 3)
    cold = hyperfine(cases({"cold": "show lora"}), cold_runs, with_overlay, f"rm -rf {caches}", rounds=args.rounds)
    figures = {**base, **warm, **cold}
    report(figures, overlay, args.against)
    (REPO / "bench" / "results.json").write_text(
        json.dumps(
            {
                "machine": machine(),
                "overlay_bytes": overlay.stat().st_size,
                "against": args.against,
                "median_s": figures,
            },
            indent=2,
        )
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


def report(figures: dict[str, float], overlay: Path, against: str | None) -> None:
    ms = {k: v * 1000 for k, v in figures.items()}
    print(f"Machine: {machine()}")
    print(f"Overlay: 10,000 terms, {overlay.stat().st_size / 1e6:.1f} MB (bench/make_overlay.py)\n")
    twin = f" | {against} | ratio" if against else ""
    print(f"| case | median | vs | ratio | bar{twin} |")
    print("|---|---:|---|---:|---|" + ("---:|---:|" if against else ""))
    print(f"| `python -c pass` | {ms['python -c pass']:.1f} ms | | | floor{' | | ' if against else ''}|")
    print(f"| `tldr --render page.md` (peer) | {ms['peer']:.1f} ms | | | {' | | ' if against else ''}|")

    def beside(key: str, unit: float = 1000, fmt: str = "{:.1f} ms") -> str:
        if not against:
            return ""
        return f" {fmt.format(figures['prev:' + key] * unit)} | {figures[key] / figures['prev:' + key]:.2f} × |"

    for key, (label, ref, limit) in BARS.items():
        ratio = figures[key] / figures[ref]
        ok = "✓" if ratio <= limit else "✗"
        ref_label = "peer" if ref == "peer" else BARS[ref][0]
        print(f"| {label} | {ms[key]:.1f} ms | {ref_label} | {ratio:.2f} × | ≤ {limit} × {ok} |{beside(key)}")
    ok = "✓" if figures["cold"] < 3 else "✗"
    cold = f"| first run with a 10,000-term overlay (cold cache) | {figures['cold']:.2f} s | | | < 3 s {ok} |"
    print(cold + beside("cold", 1, "{:.2f} s"))


if __name__ == "__main__":
    sys.exit(main())
