"""The snapshot cases: mypy with the plugin must say exactly what each case file expects."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest

from typecheck_snapshots import CASES, Expectation, expected_of, rewrite


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(
    case: Path,
    mypy_results: Dict[Path, Dict[int, List[Expectation]]],
    update_snapshots: bool,
) -> None:
    actual = mypy_results[case]
    if update_snapshots:
        rewrite(case, actual)
        return
    expected = expected_of(case)
    problems = []
    source = case.read_text().splitlines()
    for line in sorted(set(actual) | set(expected)):
        want, got = expected.get(line, []), actual.get(line, [])
        if want != got:
            problems.append(
                f"{case.name}:{line}: {source[line - 1].strip()}\n"
                + "".join(f"    expected {k}: {t}\n" for k, t in want)
                + "".join(f"    got      {k}: {t}\n" for k, t in got)
            )
    assert not problems, "mypy output differs from the inline expectations:\n" + "".join(problems)
