"""Time the discussion's sanitizer per post, over the whole published corpus.

    DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/sanitize.py

The corpus is brs-kb's XSS payloads plus the Big List of Naughty Strings, each
as it is and in the Markdown wrappers of tests/security/corpus.py. For every
source it times, one call at a time: ``markdown_render`` (Markdown, then
bleach, what a post costs on write), the Markdown stage alone,
``sanitize_html`` alone on the Markdown stage's HTML, and ``nh3.clean`` on the
same HTML with the equivalent configuration, and prints the median and p99 in
microseconds. No database. Figures only: nothing here passes or fails.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    index = max(
        0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1)
    )
    return sorted_values[index]


def timed(function, inputs: list[str]) -> list[float]:
    """Microseconds per call, one call per input."""
    clock = time.perf_counter_ns
    times = []
    for value in inputs:
        started = clock()
        function(value)
        times.append((clock() - started) / 1000)
    return sorted(times)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()

    import nh3

    from core.markdown import _markdown, markdown_render
    from core.sanitize import sanitize_html
    from tests.security.corpus import corpus, corpus_variants, xss_payloads
    from tests.security.test_sanitizer_differential import NH3_OPTIONS

    sources = [source.replace("\x00", "") for _t, _h, source in corpus_variants()]
    stage = [_markdown.render(source) for source in sources]
    for source in sources[:200]:  # warm up
        markdown_render(source)

    print(
        f"corpus: {len(xss_payloads())} brs-kb payloads + naughty strings = "
        f"{len(corpus())} texts; {len(sources)} sources with the Markdown wrappers"
    )
    print(
        f"mean source {statistics.mean(map(len, sources)):.0f} characters, "
        f"longest {max(map(len, sources))}"
    )
    rows = [
        ("markdown_render (Markdown + bleach)", markdown_render, sources),
        ("Markdown stage alone (markdown-it)", _markdown.render, sources),
        ("sanitize_html alone (bleach)", sanitize_html, stage),
        ("nh3.clean alone", lambda html: nh3.clean(html, **NH3_OPTIONS), stage),
    ]
    header = f"{'per post':<38} {'median µs':>10} {'p99 µs':>10} {'total s':>8}"
    print(header)
    print("-" * len(header))
    for label, function, inputs in rows:
        times = timed(function, inputs)
        print(
            f"{label:<38} {statistics.median(times):>10.0f} "
            f"{percentile(times, 0.99):>10.0f} {sum(times) / 1e6:>8.2f}"
        )


if __name__ == "__main__":
    main()
