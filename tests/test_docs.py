"""Every code block in README.md and docs/ is tested, so documented examples cannot drift.

Conventions (the first word of a fence's info string is the language, so editors still
highlight these blocks as Python):

- ```` ```python ```` runs. Blocks of one file run in order in one namespace, like a notebook.
- ```` ```python check ```` is type-checked with mypy and the plugin, as a file of its own
  (with the runnable blocks before it in the same file as its preamble). The mypy errors it
  produces must be exactly the lines of the ```` ```text mypy ```` block right after it, or
  none when no such block follows. Such a block also runs, unless it shows errors; then each
  line it names must raise ``ShapeError`` with the same message when run on its own.
- ```` ```python needs=torch,onnx ```` runs only where those modules are installed (an
  optional extra): without one, that block and the rest of its file are skipped, with the
  reason. CI installs every extra the docs need.
- Other fences (``console``, ``text``, ``toml``, ``ini``) are shown, not run.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from mypy_run import run_mypy

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\S*)[ \t]*(.*)$")


@dataclass
class Block:
    path: Path
    line: int  # 1-based line of the first code line
    lang: str
    tags: Tuple[str, ...]
    code: str
    expected_errors: List[str] = field(default_factory=list)


def read_blocks(path: Path) -> List[Block]:
    blocks: List[Block] = []
    lines = path.read_text().splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m or not m.group(1):
            i += 1
            continue
        lang, tags = m.group(1), tuple(m.group(2).split())
        start = i + 1
        j = start
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        code = "\n".join(lines[start:j]) + "\n"
        if lang == "text" and tags == ("mypy",) and blocks and "check" in blocks[-1].tags:
            blocks[-1].expected_errors = [ln for ln in lines[start:j] if ln.strip()]
        else:
            blocks.append(Block(path, start + 1, lang, tags, code))
        i = j + 1
    return blocks


def _runnable(block: Block) -> bool:
    return block.lang == "python" and not block.expected_errors


def _needs(block: Block) -> List[str]:
    """The modules a block's ``needs=a,b`` tag names (an optional extra's)."""
    return [m for t in block.tags if t.startswith("needs=") for m in t[6:].split(",") if m]


def _cases() -> List[Tuple[Path, List[Block]]]:
    return [(p, read_blocks(p)) for p in DOCS if p.exists()]


def _ids(case: Tuple[Path, List[Block]]) -> str:
    return str(case[0].relative_to(ROOT))


@pytest.mark.parametrize("case", _cases(), ids=_ids)
def test_runnable_blocks_run(case: Tuple[Path, List[Block]], tmp_path: Path) -> None:
    path, blocks = case
    namespace: Dict[str, object] = {"__name__": f"doc_{path.stem}"}
    cwd = os.getcwd()
    os.chdir(tmp_path)  # blocks that save files write into a scratch directory
    try:
        for block in blocks:
            if not _runnable(block):
                continue
            missing = [m for m in _needs(block) if importlib.util.find_spec(m) is None]
            if missing:
                pytest.skip(f"{path.name} from line {block.line} needs {', '.join(missing)}")
            # dont_inherit: a block runs as the reader would run it, without this file's
            # ``from __future__ import annotations`` (dataclasses in a block need real types).
            code = compile(block.code, f"{path.name}:{block.line}", "exec", dont_inherit=True)
            with redirect_stdout(io.StringIO()):
                try:
                    exec(code, namespace)  # noqa: S102 - our own documentation
                except Exception as err:  # pragma: no cover - reported as the failure
                    raise AssertionError(
                        f"{path.name} block at line {block.line} failed: {err!r}"
                    ) from err
    finally:
        os.chdir(cwd)


def _check_blocks() -> List[Tuple[Block, str]]:
    out = []
    for path, blocks in _cases():
        preamble = ""
        for block in blocks:
            if block.lang != "python":
                continue
            if "check" in block.tags:
                out.append((block, preamble))
            elif _runnable(block):
                preamble += block.code
    return out


CHECKS = _check_blocks()


@pytest.fixture(scope="module")
def mypy_results(tmp_path_factory: pytest.TempPathFactory) -> Dict[int, List[str]]:
    """ONE mypy run over every checked block (each its own file); output lines by block."""
    tmp = tmp_path_factory.mktemp("docblocks")
    offsets = {}
    for n, (block, preamble) in enumerate(CHECKS):
        (tmp / f"doc_block_{n}.py").write_text(preamble + block.code)
        offsets[n] = preamble.count("\n")
    results: Dict[int, List[str]] = {n: [] for n in range(len(CHECKS))}
    for r in run_mypy([f"doc_block_{n}.py" for n in range(len(CHECKS))], tmp):
        n = int(r.file[len("doc_block_") : -len(".py")])
        line = r.line - offsets[n]
        results[n].append(r.shown(line) if line > 0 else f"(preamble) {r.file}:{r.line}: {r.text}")
    return results


@pytest.mark.parametrize(
    "n", range(len(CHECKS)), ids=[f"{b.path.name}:{b.line}" for b, _ in CHECKS]
)
def test_checked_blocks_give_exactly_the_shown_errors(
    n: int, mypy_results: Dict[int, List[str]]
) -> None:
    block = CHECKS[n][0]
    assert not mypy_results.get(-1), "\n".join(mypy_results[-1])
    got = mypy_results[n]
    assert got == block.expected_errors, (
        f"{block.path.name}:{block.line}: mypy output differs from the documentation\n"
        + "\n".join(got)
    )


@pytest.mark.parametrize(
    "block,preamble",
    [(b, p) for b, p in CHECKS if b.expected_errors],
    ids=lambda v: f"{v.path.name}:{v.line}" if isinstance(v, Block) else "",
)
def test_shown_errors_are_raised_at_run_time(block: Block, preamble: str) -> None:
    """Each line a documented mypy error names raises ShapeError with the same message."""
    import typedflux as tf

    namespace: Dict[str, object] = {"__name__": "doc_check"}
    with redirect_stdout(io.StringIO()):
        exec(compile(preamble, "preamble", "exec"), namespace)  # noqa: S102
    lines = block.code.splitlines()
    for err in block.expected_errors:
        m = re.match(r"^example\.py:(\d+): error: (.*)  \[shape\]$", err)
        if not m or m.group(2).startswith("Assigned shape "):
            continue  # (a variable annotation is invisible at run time: static only)
        lineno, message = int(m.group(1)), m.group(2)
        # Run the whole block with every other erroring line replaced by ``pass``, so each
        # error is seen on its own (a line inside a function runs when the block calls it).
        others = {
            int(mm.group(1))
            for e in block.expected_errors
            if (mm := re.match(r"^example\.py:(\d+):", e)) and int(mm.group(1)) != lineno
        }
        kept = [
            ln if i + 1 not in others else ln[: len(ln) - len(ln.lstrip())] + "pass"
            for i, ln in enumerate(lines)
        ]
        scope = dict(namespace)
        with pytest.raises(tf.ShapeError) as raised:
            exec(compile("\n".join(kept) + "\n", f"{block.path.name}:{block.line}", "exec"), scope)  # noqa: S102
        symbolic = set(re.findall(r"(\w+) = TypeVar\(", preamble + block.code))
        if symbolic & set(re.findall(r"\w+", message)):
            # Statically the sizes are symbols (B), at run time numbers: the same builder
            # must still have said what failed and for which op or layer.
            assert raised.value.message.split(":")[0] == message.split(":")[0]
        else:
            assert raised.value.message == message
