"""One in-process mypy run (plugin on) over every program the plugin tests need."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest
from mypy import api

from plugin_snippets import SNIPPETS
from random_program import program

# The plugin's own view of the op table (it may hold a private copy of typedflux.shapes,
# see mypy_plugin/_shapes_import.py): patch that one.
from mypy_plugin.routing import SPECS

RANDOM = "random_ops"
RANDOM_HEADER = "from typing_extensions import reveal_type\nimport typedflux as tf\n"

Output = Dict[str, List[Tuple[int, str]]]


@pytest.fixture(scope="session")
def random_exprs() -> List[str]:
    """The generated expressions; expression ``i`` is on line ``i + 3`` of its file."""
    return program()


@pytest.fixture(scope="session")
def mypy_output(
    tmp_path_factory: pytest.TempPathFactory, random_exprs: List[str]
) -> Iterator[Output]:
    """File stem -> [(line, "error: ... [code]" / "note: ...")]."""
    tmp = tmp_path_factory.mktemp("plugin_programs")
    sources = {name: textwrap.dedent(body).lstrip() for name, body in SNIPPETS.items()}
    sources[RANDOM] = RANDOM_HEADER + "".join(f"reveal_type({e})\n" for e in random_exprs)
    files: List[Path] = []
    for name, text in sources.items():
        path = tmp / f"{name}.py"
        path.write_text(text)
        files.append(path)
    ini = tmp / "mypy.ini"
    ini.write_text(
        "[mypy]\nplugins = mypy_plugin\nallow_redefinition = True\n"
        "[mypy-typedflux.*]\nfollow_imports = silent\n"
    )
    # The plugin must survive a rule that raises something unexpected (see internal_failure).
    spec = SPECS["softplus"]

    def broken(**kwargs: object) -> object:
        raise RuntimeError("boom")

    original = spec.rule
    object.__setattr__(spec, "rule", broken)
    try:
        stdout, stderr, status = api.run(
            ["--config-file", str(ini), "--no-incremental", "--cache-dir", str(tmp / "cache"),
             "--show-error-codes", "--no-error-summary", *map(str, files)]
        )
    finally:
        object.__setattr__(spec, "rule", original)
    assert status in (0, 1), stdout + stderr
    out: Output = {name: [] for name in sources}
    for line in stdout.splitlines():
        for name in sources:
            prefix = str(tmp / f"{name}.py") + ":"
            if line.startswith(prefix):
                number, _, text = line[len(prefix):].partition(": ")
                out[name].append((int(number), text.strip()))
    yield out
