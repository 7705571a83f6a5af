"""Static/runtime agreement on generated programs: a mypy error on a line <=> a ShapeError there.

Hypothesis writes small programs (layer stacks, matmuls, broadcasts, reshapes, concats,
reductions) with concrete sizes, or with a symbolic batch dim inside a generic function that is
then called with a concrete batch. Each batch of programs is checked by ONE mypy run (with the
plugin) and executed statement by statement. For every program the lines mypy reports with
``[shape]`` must be exactly the lines that raise ``ShapeError`` at run time, with the same
message (for the symbolic form: the same op and failure, since the sizes differ).

The symbolic form uses a run-time batch (3) that no literal size equals, so rigid symbols
(``B`` is never ``5``) and concrete sizes agree on every generated program.
"""

from __future__ import annotations

import ast
import re
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from mypy_run import run_mypy
from typedflux.shapes.errors import ShapeError

BATCH = 3  # the run-time size of the symbolic batch dim B
SIZES = st.sampled_from([1, 2, 4, 5, 6])  # never BATCH


@dataclass
class Program:
    symbolic: bool
    input_shape: Tuple[int, ...]  # without the batch dim
    lines: List[str]

    def numbered(self) -> List[str]:
        """Each step assigns a fresh name (``h1 = h0 @ ...``): a new shape, a new variable."""
        out = []
        for i, line in enumerate(self.lines):
            expr = line.split(" = ", 1)[1]
            out.append(f"h{i + 1} = " + re.sub(r"\bh\b", f"h{i}", expr))
        return out

    def source(self) -> str:
        head = [
            "from typing import TypeVar",
            "import typedflux as tf",
            "from typedflux import Tensor",
            'B = TypeVar("B", bound=int)',
        ]
        dims = ", ".join(str(d) for d in self.input_shape)
        if not self.symbolic:
            shape = ", ".join(str(d) for d in (BATCH, *self.input_shape))
            return "\n".join([*head, f"h0 = tf.zeros({shape})", *self.numbered()]) + "\n"
        body = [f"    {ln}" for ln in self.numbered()] or ["    pass"]
        call = ", ".join(str(d) for d in (BATCH, *self.input_shape))
        return (
            "\n".join(
                [*head, f"def prog(h0: Tensor[B, {dims}]) -> None:", *body, f"prog(tf.zeros({call}))"]
            )
            + "\n"
        )


@st.composite
def programs(draw: st.DrawFn) -> Program:
    symbolic = draw(st.booleans())
    rank = draw(st.integers(1, 3))
    shape = [BATCH] + [draw(SIZES) for _ in range(rank)]
    start = tuple(shape[1:])
    lines: List[str] = []
    for _ in range(draw(st.integers(1, 5))):
        ok = draw(st.integers(0, 9)) < 7  # mostly valid steps, so programs go somewhere
        line, shape_after = _step(draw, shape, ok, symbolic)
        lines.append(line)
        if not shape_after:
            break  # an invalid step (or a scalar) ends the program: nothing after it runs
        shape = shape_after
    return Program(symbolic, start, lines)


def _other(draw: st.DrawFn, size: int) -> int:
    return draw(SIZES.filter(lambda s: s != size and s != 1))


def _lit(value: int, shape: List[int], symbolic: bool) -> str:
    """A size as code. In the symbolic form the batch size (the only size equal to BATCH) is
    read from ``h`` (``h.shape[i]``, typed ``B``), so no literal ever equals the batch."""
    if symbolic and value == BATCH:
        return f"h.shape[{shape.index(BATCH)}]"
    return str(value)


def _dims(values: List[int], shape: List[int], symbolic: bool) -> str:
    return ", ".join(_lit(v, shape, symbolic) for v in values)


def _step(
    draw: st.DrawFn, shape: List[int], ok: bool, symbolic: bool
) -> Tuple[str, Optional[List[int]]]:
    """One statement on ``h`` (whose true shape is ``shape``): its code and the shape after
    it, or ``None`` when it is a shape bug."""
    kind = draw(
        st.sampled_from(["matmul", "add", "dense", "chain", "reshape", "sum", "concat", "T"])
    )
    last = shape[-1]
    if kind in ("matmul", "dense", "chain") and len(shape) >= 1:
        n = draw(SIZES)
        k = last if ok or last == 1 and kind == "matmul" else _other(draw, last)
        ok = k == last
        after = shape[:-1] + [n] if ok else None
        ks = _lit(k, shape, symbolic)
        if kind == "matmul":
            return f"h = h @ tf.zeros({ks}, {n})", after
        if kind == "dense":
            return f"h = tf.Dense({ks}, {n})(h)", after
        m = draw(SIZES)
        m2 = m if ok else _other(draw, m)
        first = _lit(last, shape, symbolic)
        return f"h = tf.Chain(tf.Dense({first}, {m}, tf.relu), tf.Dense({m2}, {n}))(h)", (
            shape[:-1] + [n] if ok else None
        )
    if kind == "add" and shape:
        k = draw(st.integers(1, len(shape)))
        offset = len(shape) - k
        other = [1 if draw(st.booleans()) else d for d in shape[offset:]]
        bad = [i for i in range(k) if shape[offset + i] != 1]
        if not ok and bad:
            i = draw(st.sampled_from(bad))
            other[i] = _other(draw, shape[offset + i])
        else:
            ok = True
        return f"h = h + tf.zeros({_dims(other, shape, symbolic)})", (shape if ok else None)
    if kind == "reshape" and len(shape) >= 1:
        numel = 1
        for d in shape[1:]:
            numel *= d
        if ok:
            return "h = h.reshape(h.shape[0], -1)", [shape[0], numel]
        return f"h = h.reshape(h.shape[0], {numel + draw(st.integers(1, 3))})", None
    if kind == "sum" and shape:
        if not ok:
            return f"h = h.sum(axis={len(shape) + draw(st.integers(0, 2))})", None
        axis = draw(st.integers(0, len(shape) - 1))
        return f"h = h.sum(axis={axis})", shape[:axis] + shape[axis + 1 :]
    if kind == "concat" and len(shape) >= 2:
        n = draw(SIZES)
        other = shape[:-1] + [n]
        bad = [i for i in range(len(shape) - 1)]
        if not ok:
            i = draw(st.sampled_from(bad))
            other[i] = _other(draw, shape[i])
        return (
            f"h = tf.concat([h, tf.zeros({_dims(other, shape, symbolic)})], axis=-1)",
            shape[:-1] + [last + n] if ok else None,
        )
    return "h = h.T", list(reversed(shape))


def _mypy(paths: List[Path], workdir: Path) -> Dict[Tuple[str, int], List[str]]:
    found: Dict[Tuple[str, int], List[str]] = {}
    for r in run_mypy([str(p) for p in paths], workdir):
        assert r.kind == "error" and r.code == "shape", f"unexpected mypy report: {r}"
        found.setdefault((r.file, r.line), []).append(r.text)
    return found


def _run(path: Path) -> Dict[int, str]:
    source = path.read_text()
    namespace: Dict[str, object] = {"__name__": path.stem}
    tree = ast.parse(source)
    for stmt in tree.body:
        try:
            exec(compile(ast.Module(body=[stmt], type_ignores=[]), str(path), "exec"), namespace)
        except ShapeError as err:
            frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == str(path)]
            return {frames[-1].lineno or stmt.lineno: err.message}
    return {}


def _same_failure(static: str, runtime: str, symbolic: bool) -> bool:
    if not symbolic:
        return static == runtime
    # Statically the batch is B (or an expression of it: 10*B, B + 6), at run time a number,
    # so each dim mentioning B matches any size (or itself: a Chain's construction check runs
    # on a symbolic batch at run time too). Everything else must be the same text.
    parts = re.split(r"(\[|\]|, |\(|\)| vs |got )", static)
    pattern = "".join(
        rf"(?:-?\d+|{re.escape(p)})" if re.search(r"\bB\b", p) else re.escape(p) for p in parts
    )
    return re.fullmatch(pattern, runtime) is not None


CACHE: List[Path] = []


@settings(
    max_examples=4,
    derandomize=True,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: each example is a mypy run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(batch=st.lists(programs(), min_size=50, max_size=50))
def test_static_errors_are_exactly_the_runtime_errors(batch: List[Program]) -> None:
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="agreement-"))
    if not CACHE:
        CACHE.append(Path(tempfile.mkdtemp(prefix="agreement-cache-")))
    paths = []
    for i, prog in enumerate(batch):
        path = root / f"gen_{i:03d}.py"
        path.write_text(prog.source())
        paths.append(path)
    static = _mypy(paths, CACHE[0])
    failures = []
    for prog, path in zip(batch, paths):
        runtime = _run(path)
        mine = {line: msgs for (name, line), msgs in static.items() if name == path.name}
        if set(mine) != set(runtime) or any(
            not _same_failure(mine[line][0], runtime[line], prog.symbolic) for line in runtime
        ):
            failures.append(
                f"--- {path.name}\n{prog.source()}static: {mine}\nruntime: {runtime}"
            )
    assert not failures, f"{len(failures)} disagreements:\n" + "\n".join(failures[:5])
