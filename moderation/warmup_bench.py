"""How long a new Celery worker child takes to get ready to scan: forked from a main process that
warmed up (what the prefork pool does), and `detection.warm_up()` in a fresh Python process with
the trained claims model on disk and without it (the model is trained in the process).

    python -m moderation.warmup_bench [--runs 7] [--write docs/benchmarks.md]
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from moderation import benchmarks

COMMAND = "python -m moderation.warmup_bench --write docs/benchmarks.md"
PROBE = (
    "import time; from moderation import detection; t = time.perf_counter(); "
    "detection.warm_up(); print(time.perf_counter() - t)"
)


# What a Celery child does: its parent warmed up before forking it (see moderation/tasks.py).
PROBE_FORKED = (
    "import os, time; from moderation import detection; detection.warm_up(); "
    "r, w = os.pipe(); pid = os.fork()\n"
    "if pid == 0:\n"
    "    t = time.perf_counter(); detection.warm_up(); "
    "detection.scan('My aunt was cured by this tea, call 0803 123 4567'); "
    "os.write(w, str(time.perf_counter() - t).encode()); os._exit(0)\n"
    "os.waitpid(pid, 0); print(os.read(r, 100).decode())"
)


def _one_run(model_path: Path, probe: str = PROBE) -> float:
    env = {**os.environ, "CLAIMS_MODEL_PATH": str(model_path)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def _summary(times: list[float]) -> str:
    return (
        f"{statistics.median(times) * 1000:.0f} ms (median of {len(times)} processes; "
        f"{min(times) * 1000:.0f}–{max(times) * 1000:.0f})"
    )


def report(runs: int) -> str:
    from moderation.detection import classifier

    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "claims-model.pickle"
        classifier.build_model(saved)
        loaded = [_one_run(saved) for _ in range(runs)]
        forked = [_one_run(saved, PROBE_FORKED) for _ in range(runs)]
        # A path with no file yet, new for each process: it trains (and saves) the model.
        trained = [_one_run(Path(folder) / f"missing-{i}.pickle") for i in range(runs)]
    return "\n".join(
        [
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `make bench-warm-up` "
            f"(`{COMMAND}`), Python {platform.python_version()}, {benchmarks._cpu_model()}, "
            f"nproc {os.cpu_count()}.",
            "",
            "| a new worker child | `detection.warm_up()` |",
            "| --- | --- |",
            f"| forked from a main process that warmed up (what Celery's prefork pool does), "
            f"its warm-up and first scan | {_summary(forked)} |",
            f"| loads the trained model from disk (a process that did not inherit it) | "
            f"{_summary(loaded)} |",
            f"| trains the model itself (no file) | {_summary(trained)} |",
            "",
            "Each figure is one fresh Python process timing `detection.warm_up()` alone "
            "(importing the package comes on top, about the same in both rows).",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per row")
    parser.add_argument("--write", type=Path, help="Also write the results into this Markdown file")
    args = parser.parse_args(argv)
    if args.runs < 1:
        print("--runs must be 1 or more", file=sys.stderr)
        return 2
    body = report(args.runs)
    print(body)
    if args.write:
        benchmarks.write_section(
            args.write,
            body,
            name="bench-warm-up",
            heading="Worker start-up (`make bench-warm-up`)",
        )
        print(f"Written to {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
