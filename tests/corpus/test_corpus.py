"""The bug/fix corpus: every bug caught on its line in the run time's words, every fix clean.

One mypy run covers the whole corpus (bug and fix files) and two copies of every bug file:
one with ``# type: ignore[shape]`` on each line mypy reported a shape error on, one with the
module's ``disable-error-code`` set to ``shape``. Each pair is then judged by
``corpus.judge`` (see corpus.py for the tags): it fails when its bug is not caught as tagged,
mypy's output differs from the ``# E:``/``# N:`` marks, the run time disagrees (no ShapeError
on the BUG line, other words), or its fix is not clean under mypy or fails to run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from corpus import (
    HERE, Mark, Pair, Verdict, code_of, judge, pairs, run_mypy, run_program, table,
    variant_problems, variants,
)
from program_lines import mypy_cache

PAIRS = pairs()
Static = Dict[Path, Dict[int, List[Mark]]]


@pytest.fixture(scope="session")
def runs() -> Tuple[Static, Static, Dict[Path, Tuple[str, Pair]]]:
    """mypy's messages for every corpus file and every variant (one run: the variants are
    written from the marks, which the per-pair test holds to mypy's output). The variants
    live at a fixed place next to mypy's cache: its incremental cache knows modules by name
    and would report a stale path for a module whose file moved."""
    import shutil

    from corpus import marks_of

    root = mypy_cache("corpus-variants")
    shutil.rmtree(root, ignore_errors=True)
    written = {p.bug: marks_of(p.bug) for p in PAIRS}
    copies = variants(PAIRS, written, root)
    static = run_mypy([p.bug for p in PAIRS] + [p.fix for p in PAIRS] + list(copies),
                      bases=(Path(__file__).parent, root))
    return static, written, copies


def test_corpus_is_large_and_spread() -> None:
    classes = {p.cls for p in PAIRS}
    assert len(PAIRS) >= 80 and len(classes) >= 8, (len(PAIRS), sorted(classes))


@pytest.fixture(scope="session")
def verdicts(runs: Tuple[Static, Static, Dict[Path, Tuple[str, Pair]]]) -> Dict[str, Verdict]:
    """Every pair judged once (each program runs once per session)."""
    static = runs[0]
    return {p.id: judge(p, static[p.bug], static[p.fix], run_program(p.bug),
                        run_program(p.fix)) for p in PAIRS}


@pytest.mark.parametrize("pair", PAIRS, ids=[p.id for p in PAIRS])
def test_pair(pair: Pair, verdicts: Dict[str, Verdict]) -> None:
    verdict = verdicts[pair.id]
    assert not verdict.problems, f"{pair.id} ({verdict.status}):\n  " + "\n  ".join(
        verdict.problems)


def test_ignore_and_disable_silence_every_shape_error(
    runs: Tuple[Static, Static, Dict[Path, Tuple[str, Pair]]]
) -> None:
    static, written, copies = runs
    problems = [msg for path, (kind, pair) in copies.items()
                for msg in variant_problems(kind, pair, written[pair.bug], static[path])]
    assert not problems, "\n".join(problems)


def test_no_literal_in_shape_messages(
    runs: Tuple[Static, Static, Dict[Path, Tuple[str, Pair]]]
) -> None:
    static = runs[0]
    leaks = [f"{path}:{n}: {t}" for path, lines in static.items() for n, marks in lines.items()
             for _, t in marks if code_of(t) == "shape" and "Literal[" in t]
    assert not leaks, "\n".join(leaks)


def test_readme_numbers_are_current(verdicts: Dict[str, Verdict]) -> None:
    readme = (HERE / "README.md").read_text()
    now = table([(p, verdicts[p.id]) for p in PAIRS])
    assert now in readme, "tests/corpus/README.md's table is out of date; now:\n" + now
