"""Whole-process timings for inspectcheck. Prints its figures; asserts nothing.

python bench/bench.py            # --help, the seed diff, and 200/2,000/10,000 sentences
python bench/bench.py --quick    # skip the 10,000-sentence pair
"""

from __future__ import annotations

import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOUNS = [
    "priority incidents", "child protection cases", "missing child reports", "open incidents",
    "safeguarding referrals", "public protection notices", "emergency calls", "home visits",
    "custody records", "domestic abuse cases", "strategy meetings", "welfare checks",
]  # fmt: skip
PLACES = ["Northmarch", "Eastwold", "Wyebridge", "Lunefield", "Penmarsh", "Severnside"]
TEMPLATES = [
    "Inspectors found {pct} per cent of {noun} in {place} were dealt with within {days} days.",
    "The force recorded {count} {noun} in {place} during the year to March {year}.",
    "A review in {place} found {count} {noun} had not been allocated after {days} days.",
    "The service said {pct}% of {noun} met the target, against {pct2}% the year before.",
    "Officers in {place} completed {count} {noun} over {days} weeks, the report said.",
]


SYLLABLES = ["ar", "bel", "cor", "den", "ev", "fal", "gor", "hin", "ist", "jun", "kel", "lor",
             "mer", "nor", "ost", "pel", "quin", "ros", "sal", "tor", "ul", "ven", "wil", "yar"]  # fmt: skip


def _topic(rng: random.Random) -> str:
    """A clause of made-up words, so that each fact has a context of its own."""
    words = ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(3)]
    return f"in the {words[0]} and {words[1]} {words[2]} area"


def _sentence(rng: random.Random, i: int) -> str:
    template = TEMPLATES[i % len(TEMPLATES)].replace(" in {place}", " {topic}")
    return template.format(
        topic=_topic(rng),
        pct=rng.randint(10, 95), pct2=rng.randint(10, 95), count=rng.randint(20, 5000),
        days=rng.randint(2, 30), year=rng.randint(2015, 2024), noun=rng.choice(NOUNS),
        place=rng.choice(PLACES),
    )  # fmt: skip


def make_pair(folder: Path, sentences: int) -> tuple[Path, Path]:
    """Two articles with the same facts in shuffled order, a few of them changed."""
    rng = random.Random(sentences)
    facts = [_sentence(rng, i) for i in range(sentences)]
    other = facts[:]
    rng.shuffle(other)
    for k in range(0, len(other), 25):
        other[k] = other[k].replace("per cent", "%", 1)
    a, b = folder / f"a-{sentences}.txt", folder / f"b-{sentences}.txt"
    a.write_text("\n\n".join(" ".join(facts[i : i + 3]) for i in range(0, len(facts), 3)))
    b.write_text("\n\n".join(" ".join(other[i : i + 2]) for i in range(0, len(other), 2)))
    return a, b


def timed(args: list[str], runs: int) -> float:
    """Median wall time of a whole process, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def check_after_extraction(report_sentences: int = 5000, draft_sentences: int = 60) -> float:
    """Seconds for `check` once text is extracted: a report-sized source, a draft-sized one."""
    from inspectcheck.check import check_sources
    from inspectcheck.extract import read_source
    from inspectcheck.load import from_text
    from inspectcheck.records import Settings

    rng = random.Random(7)
    facts = [_sentence(rng, i) for i in range(report_sentences)]
    report = "\n\n".join(" ".join(facts[i : i + 4]) for i in range(0, len(facts), 4))
    draft = "\n\n".join(rng.sample(facts, draft_sentences))
    start = time.perf_counter()
    source = read_source(from_text(report, "source"))
    check_sources(read_source(from_text(draft, "draft")), [source], Settings())
    return time.perf_counter() - start


def main() -> None:
    exe = shutil.which("inspectcheck")
    base = [exe] if exe else [sys.executable, "-m", "inspectcheck"]
    seeds = ROOT / "seeds"
    print(f"{'what':<44}{'median':>10}")
    print(f"{'inspectcheck --help':<44}{timed([*base, '--help'], 7) * 1000:>8.0f} ms")
    seed = [*base, "diff", str(seeds / "local-paper.txt"), str(seeds / "bbc.txt")]
    print(f"{'inspectcheck diff (seeds)':<44}{timed(seed, 7) * 1000:>8.0f} ms")
    sizes = [200, 2000] if "--quick" in sys.argv else [200, 2000, 10000]
    results: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            a, b = make_pair(Path(tmp), n)
            runs = 3 if n <= 2000 else 1
            results[n] = timed([*base, "diff", str(a), str(b), "--format", "json"], runs)
            print(f"{f'inspectcheck diff ({n:,} sentences each)':<44}{results[n]:>8.2f} s")
    if 200 in results and 2000 in results:
        print(f"growth 200 -> 2,000 sentences (10x): {results[2000] / results[200]:.1f}x time")
    if 2000 in results and 10000 in results:
        print(f"growth 2,000 -> 10,000 sentences (5x): {results[10000] / results[2000]:.1f}x time")
    seconds = check_after_extraction()
    print(
        f"{'check: 60-sentence draft vs 5,000-sentence report':<44}{seconds:>8.2f} s  (after extraction)"
    )


if __name__ == "__main__":
    main()
