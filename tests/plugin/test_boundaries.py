"""Annotation boundaries over generated programs, error codes at boundaries, the known limits.

Every generated expression that runs is returned from a function under its true annotation
and under a wrong one, and assigned to an annotated variable (plugin_run.py). The true ones
must be clean (the plugin never reports on a correct program, and mypy's own check passes);
a wrong one reported by mypy must be reported with code ``shape`` in exactly the words
``@tf.shapecheck`` raises when the function runs; and when every dim of the expression's
type is known (as revealed in the random_ops file) the wrong one must be reported.
"""

from __future__ import annotations

import re
import textwrap
import warnings
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest

import typedflux as tf
from plugin_run import BOUNDARIES, BOUNDARY_LINES, RANDOM, Output, boundaries_source, header_lines
from typedflux.shapes.errors import ShapeError

Cases = List[Tuple[str, Tuple[int, ...]]]


def _by_line(mypy_output: Output, name: str) -> Dict[int, List[str]]:
    out: Dict[int, List[str]] = {}
    for line, text in mypy_output[name]:
        out.setdefault(line, []).append(text)
    return out


def _fully_known(revealed: List[str]) -> bool:
    m = re.search(r'Revealed type is "typedflux\.tensor\.Tensor\[(.*)\]"', " ".join(revealed))
    if not m:
        return False
    body = m.group(1)
    return body == "()" or all(re.fullmatch(r"Literal\[\d+\]", p) for p in body.split(", "))


def _runtime_messages(cases: Cases) -> List[Optional[str]]:
    namespace: Dict[str, object] = {}
    out: List[Optional[str]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # 0/0 in zeros / zeros
        exec(boundaries_source(cases), namespace)  # noqa: S102 (the generated program)
        for i in range(len(cases)):
            try:
                namespace[f"bad{i}"]()  # type: ignore[operator]
            except ShapeError as err:
                out.append(err.message)
            else:
                out.append(None)
    return out


def test_true_annotations_are_clean(mypy_output: Output, boundary_cases: Cases) -> None:
    said = _by_line(mypy_output, BOUNDARIES)
    start = header_lines()
    problems = []
    for i, (expr, shape) in enumerate(boundary_cases):
        first = start + BOUNDARY_LINES * i + 1
        for line in (first + 2, first + 6):  # ``return <expr>`` of ok<i>; ``v<i>: ... = <expr>``
            if said.get(line):
                problems.append(f"{expr} as {shape}: {said[line]}")
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} problems)"
    assert len(boundary_cases) > 100  # the generator must give enough programs that run


def test_wrong_annotations_say_what_the_run_time_says(
    mypy_output: Output, boundary_cases: Cases
) -> None:
    said = _by_line(mypy_output, BOUNDARIES)
    revealed = _by_line(mypy_output, RANDOM)
    runtime = _runtime_messages(boundary_cases)
    exprs_line = {e: n for n, e in enumerate(_random_exprs(mypy_output), start=3)}
    start = header_lines()
    problems = []
    reported = 0
    for i, (expr, shape) in enumerate(boundary_cases):
        line = start + BOUNDARY_LINES * i + 6  # ``return <expr>`` of bad<i>
        errors = said.get(line, [])
        static = [e for e in errors if e.startswith("error: ")]
        if any(not e.endswith("  [shape]") for e in static):
            problems.append(f"{expr}: not in shape words: {static}")
            continue
        texts = [e[len("error: "):-len("  [shape]")] for e in static]
        if texts and texts != [runtime[i]]:
            problems.append(f"{expr}: mypy says {texts}, run time says {runtime[i]!r}")
        if runtime[i] is None:
            problems.append(f"{expr}: the wrong annotation {shape} passed at run time")
        known = _fully_known(revealed.get(exprs_line.get(expr, -1), []))
        if known and not texts:
            problems.append(f"{expr}: fully known, yet the wrong annotation was not reported")
        reported += bool(texts)
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} problems)"
    assert reported > 0.5 * len(boundary_cases), reported


def _random_exprs(mypy_output: Output) -> List[str]:
    from random_program import program

    return program()


def test_boundary_errors_are_covered_by_their_code(output: Dict[str, List[str]]) -> None:
    # Unused ``# type: ignore[shape]`` comments would be reported: each one is needed and
    # each covers its line, so every boundary error there has code shape.
    assert output["ignored_boundaries"] == []
    assert output["disabled_boundaries"] == []


@pytest.mark.parametrize("kind", ["ignored_boundaries"])
def test_the_ignored_boundaries_are_real_errors(
    kind: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Without the ignores, the same program has one [shape] error per ignore comment."""
    import textwrap

    from mypy import api

    from plugin_snippets import SNIPPETS

    source = textwrap.dedent(SNIPPETS[kind]).lstrip()
    tmp = tmp_path_factory.mktemp("unignored")
    bare = source.replace("  # type: ignore[shape]", "")
    path = tmp / "unignored.py"
    path.write_text(bare)
    (tmp / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\nallow_redefinition = True\n")
    stdout, _, _ = api.run(
        ["--config-file", str(tmp / "mypy.ini"), "--cache-dir", str(tmp / "cache"),
         "--show-error-codes", "--no-error-summary", str(path)]
    )
    errors = [line for line in stdout.splitlines() if ": error: " in line]
    assert len(errors) == source.count("# type: ignore[shape]"), stdout
    assert all(line.endswith("  [shape]") and "Literal[" not in line for line in errors), stdout


def test_a_number_on_the_left_is_reworded(output: Dict[str, List[str]]) -> None:
    """``return 2 * x``: mypy tries ``int.__mul__`` first and the plugin's ``__rmul__`` only
    when that fails, inside one error filter, so the hook cannot report there (an error would
    read "Unsupported operand types"); mypy's own ``[return-value]`` error is reworded in
    shape words instead (callbacks/reworded.py)."""
    assert output["number_on_the_left"] == [
        "error: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: "
        "axis 1 is 32, expected 64  [shape]"
    ]


def test_a_bare_name_returned_is_reworded(output: Dict[str, List[str]]) -> None:
    """mypy's plugin API runs no hook for a bare name (``return x``): mypy's own error is
    reworded in shape words, the parameter's annotation giving the type mypy compared."""
    assert output["bare_name"] == [
        "error: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: "
        "axis 1 is 32, expected 64  [shape]"
    ]


def test_a_number_on_the_left_as_a_list_item_is_reworded(output: Dict[str, List[str]]) -> None:
    """``return [2 * x]``: the item's hook cannot report (the operator's filter); it notes the
    item's type, and mypy's ``[list-item]`` error is reworded from it, naming the item."""
    assert output["list_operator"] == [
        "error: Return shape Tensor[B, 32] (list item 0) does not match the annotation "
        "Tensor[B, 64]: axis 1 is 32, expected 64  [shape]"
    ]


def test_a_bare_name_as_a_dict_value_is_reworded(output: Dict[str, List[str]]) -> None:
    """``return {"h": x}``: mypy's ``[dict-item]`` error (reported at the entry's key) is
    reworded, naming the entry, when the key's words are the expected ones."""
    assert output["dict_value"] == [
        "error: Return shape Tensor[B, 32] (dict entry 0) does not match the annotation "
        "Tensor[B, 64]: axis 1 is 32, expected 64  [shape]"
    ]


def test_known_limit_a_type_variable_from_two_arguments(output: Dict[str, List[str]]) -> None:
    """``pick([x], y)`` for ``pick(xs: List[T], y: T) -> T`` at a ``Tensor[4, 64]`` return:
    mypy takes ``T`` from the annotation and reports the list item and the argument in its
    own words (docs/errors.md, "Known limits"), asserted exactly."""
    assert output["known_limit_join"] == [
        'error: List item 0 has incompatible type "Tensor[Literal[4], Literal[32]]"; expected '
        '"Tensor[Literal[4], Literal[64]]"  [list-item]',
        'error: Argument 2 to "pick" has incompatible type "Tensor[Literal[4], Literal[16]]"; '
        'expected "Tensor[Literal[4], Literal[64]]"  [arg-type]',
    ]


def test_a_name_typed_by_mypys_own_inference(output: Dict[str, List[str]]) -> None:
    """``h = next(iter(hs))`` for a local list ``hs``, then ``return h``: no annotation and
    no hook typed ``h``, but mypy's own inferred type for it (the name's ``Var``) is a
    candidate, and mypy's message prints exactly its words: the boundary is reworded."""
    assert output["untracked_name"] == [
        "error: Return shape Tensor[4, 64] does not match the annotation Tensor[4, 32]: "
        "axis 1 is 64, expected 32  [shape]"
    ]


def test_the_rewording_watcher_installs_on_this_mypy() -> None:
    """The watcher goes to the bottom of mypy's stack once per ``Errors`` object, after its
    probe showed mypy's ``ErrorWatcher`` asks the filter function (a watcher that took the
    function for ``True`` would hide every error; ``filters_with``'s doctest covers that)."""
    from mypy.errors import Errors, ErrorWatcher
    from mypy.options import Options

    from mypy_plugin.callbacks import reworded

    errors = Errors(Options())
    with ErrorWatcher(errors) as above:
        assert reworded.install(errors, Options(), {})
        assert reworded.install(errors, Options(), {})  # once
        watchers = errors._watchers
        assert len(watchers) == 2 and watchers[1] is above
        assert reworded.filters_with(watchers[0])


def _mypy(tmp: Path, source: str, *flags: str) -> List[str]:
    from mypy import api

    path = tmp / "program.py"
    path.write_text(textwrap.dedent(source).lstrip())
    (tmp / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\nallow_redefinition = True\n")
    stdout, _, _ = api.run(
        ["--config-file", str(tmp / "mypy.ini"), "--cache-dir", str(tmp / "cache"),
         "--show-error-codes", "--no-error-summary", *flags, str(path)]
    )
    return [line.split(": ", 1)[1] for line in stdout.splitlines() if ": " in line]


_RETURN_ANY = """
    from typing import TypeVar
    import typedflux as tf
    from typedflux import Tensor

    B = TypeVar("B", bound=int)

    def plus_one(y: Tensor[B, 32]) -> Tensor[B, 64]:
        return y + 1

    def scaled(y: Tensor[B, 32]) -> Tensor[B, 64]:
        return y * 0.5

    def projected(x: Tensor[B, 32], w: Tensor[16, 16]) -> Tensor[B, 16]:
        return x @ w

    def projected_fixed(x: Tensor[B, 16], w: Tensor[16, 16]) -> Tensor[B, 16]:
        return x @ w

    def untyped(x: Tensor[B, 32], f: "tf.Any") -> int:
        return f(x)
"""


def test_strict_adds_no_any_return_to_a_shape_error(tmp_path: Path) -> None:
    """Under ``--strict`` (``--warn-return-any``), a ``[shape]`` error in an operator at a
    ``return`` makes the operator ``Any`` (mypy tries the number's reflected method once the
    tensor's reported, and gives up); mypy's ``[no-any-return]`` that follows is dropped, as
    its ``Any`` is the shape error's. A return of ``Any`` with no shape error keeps it."""
    said = _mypy(tmp_path, _RETURN_ANY.replace('"tf.Any"', "Any").replace(
        "from typing import TypeVar", "from typing import Any, TypeVar"), "--strict")
    assert said == [
        "error: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: "
        "axis 1 is 32, expected 64  [shape]",
        "error: Return shape Tensor[B, 32] does not match the annotation Tensor[B, 64]: "
        "axis 1 is 32, expected 64  [shape]",
        'error: Inner dimensions differ for "matmul": x has Tensor[B, 32], w has Tensor[16, 16]; '
        "need x.shape[-1] == w.shape[-2] (32 vs 16)  [shape]",
        'error: Returning Any from function declared to return "int"  [no-any-return]',
    ], said


def _executed(source: str, filename: str) -> Dict[int, str]:
    """Run ``source`` statement by statement: the ShapeError each line raised."""
    import ast

    namespace: Dict[str, object] = {"reveal_type": lambda v: v}
    raised: Dict[int, str] = {}
    for stmt in ast.parse(source).body:
        code = compile(ast.Module(body=[stmt], type_ignores=[]), filename, "exec")
        try:
            exec(code, namespace)  # noqa: S102 (the generated program)
        except ShapeError as err:
            raised[stmt.lineno] = err.message
    return raised


def test_calls_say_what_the_run_time_says(mypy_output: Output) -> None:
    """Concrete calls of shaped functions, every way an argument is passed: mypy's errors
    are all ``[shape]`` and exactly the run's (the first mismatch of a call, as at run time)."""
    from plugin_run import CALLS
    from random_program import calls_source

    source, lines = calls_source()
    said = _by_line(mypy_output, CALLS)
    raised = _executed(source, "random_calls.py")
    problems = []
    for line in lines:
        errors = [t for t in said.get(line, []) if t.startswith("error: ")]
        static = [t[len("error: "):-len("  [shape]")] for t in errors if t.endswith("  [shape]")]
        if len(static) != len(errors):
            problems.append(f"line {line}: not in shape words: {errors}")
        elif static != ([raised[line]] if line in raised else []):
            problems.append(f"line {line}: mypy {static}, run time {raised.get(line)!r}")
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} problems)"
    assert 0.3 * len(lines) < len(raised) < 0.9 * len(lines), len(raised)


def test_generic_returns_are_sound(mypy_output: Output) -> None:
    """A generic function's return against a random annotation. A ``Return shape`` error must
    fail at run time for some sizes of B and N; with the expression's type fully known and no
    error, no size may fail the return check. (A symbol only in the return annotation is
    bound by the run from the value, as mypy never binds it: those are left out.)"""
    from plugin_run import GENERIC_RETURNS
    from random_program import ASSIGNMENTS, generic_returns_source, symbolic_program

    cases = symbolic_program()
    _, meta = generic_returns_source(cases)
    said = _by_line(mypy_output, GENERIC_RETURNS)
    source, _ = generic_returns_source(cases)
    namespace: Dict[str, object] = {"reveal_type": lambda v: v}
    exec(source, namespace)  # noqa: S102 (the generated program)
    problems = []
    reported = 0
    for i, ((a, b, expr), (line, ann)) in enumerate(zip(cases, meta)):
        if set(ann) - set(a) - set(b) - {"1", "2", "3"}:
            continue
        msgs = said.get(line, [])
        if any("plugin failed" in m or (m.startswith("error: ") and not m.endswith("[shape]"))
               for m in msgs):
            problems.append(f"{a} {b} {expr} -> {ann}: {msgs}")
            continue
        static = [m for m in msgs if m.startswith("error: Return shape ")]
        revealed = " ".join(said.get(line - 1, []))
        known = "Revealed type" in revealed and "Any" not in revealed and "*" not in revealed
        failed = []
        for env in ASSIGNMENTS:
            x = tf.zeros(*[env.get(d) or int(d) for d in a])
            y = tf.zeros(*[env.get(d) or int(d) for d in b]) if b else None
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)
                    namespace[f"f{i}"](x, y)  # type: ignore[operator]
            except ShapeError as err:
                if err.message.startswith("Return shape "):
                    failed.append(env)
        if static and not failed:
            problems.append(f"{a} {b} {expr} -> {ann}: {static[0]}, yet every size returns")
        if known and not [m for m in msgs if m.startswith("error: ")] and failed:
            problems.append(f"{a} {b} {expr} -> {ann}: clean, yet {failed[0]} fails the return")
        reported += bool(static)
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} problems)"
    assert reported > 30, reported


def test_a_list_to_a_generic_function(output: Dict[str, List[str]]) -> None:
    """``a: Tensor[3, 5] = first([tf.zeros(3, 4)])`` for ``first(xs: Sequence[T]) -> T``:
    mypy would take ``T`` from the annotation and report the list item (``[list-item]``, in
    ``Literal`` words); the type variable comes from the arguments instead, and the boundary
    is one ``[shape]`` error (callbacks/generic_context.py)."""
    assert output["generic_inference"] == [
        'error: Assigned shape Tensor[3, 4] does not match the annotation Tensor[3, 5] of "a": '
        "axis 1 is 4, expected 5  [shape]"
    ]


def test_a_bare_name_returned_from_an_async_def(output: Dict[str, List[str]]) -> None:
    """mypy reports ``return x`` in ``async def f(...) -> Tensor[B, 32]`` against the
    coroutine's result type; it is reworded as in a plain function (static only: the run
    time checks no coroutine). The fixed and the matching coroutines stay clean."""
    assert output["async_bare_return"] == [
        "error: Return shape Tensor[B, 64] does not match the annotation Tensor[B, 32]: "
        "axis 1 is 64, expected 32  [shape]"
    ]


def test_a_function_of_other_shapes_for_a_callable_parameter(output: Dict[str, List[str]]) -> None:
    """``apply(widen, x)`` where ``widen`` returns ``Tensor[B, 9]`` and ``apply`` asks for a
    ``Callable[[Tensor[B, 4]], Tensor[B, 8]]``: one ``[shape]`` error, no ``[arg-type]``."""
    assert output["unhandled_callable_argument"] == [
        'error: Argument "f" of "apply" is a function whose return shape Tensor[B, 9] does not '
        "match the annotation Tensor[B, 8]: axis 1 is 9, expected 8  [shape]"
    ]


def test_the_daemon_reads_a_changed_file_again(tmp_path: Path) -> None:
    """mypy's daemon merges a file parsed again into the same tree object: what the plugin
    read from the tree (the boundary index, plain module constants) is read again, so a
    changed constant is not a stale false alarm and a `[2 * x]` item is still reworded."""
    import subprocess
    import sys

    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\n")
    program = tmp_path / "prog.py"
    source = (
        "from typing import List, TypeVar\n"
        "import typedflux as tf\n"
        "from typedflux import Tensor\n"
        "B = TypeVar('B', bound=int)\n"
        "N = 5\n"
        "def f() -> Tensor[3, 4]:\n"
        "    return tf.zeros(3, N)\n"
        "def widen(x: Tensor[B, 32]) -> List[Tensor[B, 64]]:\n"
        "    return [2 * x]\n"
    )
    program.write_text(source)
    dmypy = [sys.executable, "-m", "mypy.dmypy", "--status-file", str(tmp_path / "status.json")]
    run = dmypy + ["run", "--", "--config-file", str(tmp_path / "mypy.ini"),
                   "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", "prog.py"]
    try:
        first = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=600)
        program.write_text(source.replace("N = 5", "N = 4"))
        second = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    finally:
        subprocess.run(dmypy + ["stop"], cwd=tmp_path, capture_output=True, timeout=60)
    widen = ("prog.py:9: error: Return shape Tensor[B, 32] (list item 0) does not match the "
             "annotation Tensor[B, 64]: axis 1 is 32, expected 64  [shape]")
    assert [line for line in first.stdout.splitlines() if ": error: " in line] == [
        "prog.py:7: error: Return shape Tensor[3, 5] does not match the annotation "
        "Tensor[3, 4]: axis 1 is 5, expected 4  [shape]",
        widen,
    ], first.stdout + first.stderr
    assert [line for line in second.stdout.splitlines() if ": error: " in line] == [widen], (
        second.stdout + second.stderr)


# Case files whose fixes must also be clean under ``--strict`` (each bug sits beside its fix).
# case_flow_loops.py: the loop-following cases (mypy_plugin/flow*.py) under --strict too.
_STRICT_CASES = ["case_boundaries_built.py", "case_flow_loops.py"]


@pytest.mark.parametrize("name", _STRICT_CASES)
def test_strict_adds_nothing_to_a_case(name: str, tmp_path: Path) -> None:
    """Under ``--strict`` a case gives exactly the errors its ``# E:`` marks say: the fixed
    versions are clean there too, and no strict-only error joins a ``[shape]`` one."""
    from mypy import api

    from program_lines import marks_of, parse_mypy_output

    case = Path(__file__).resolve().parents[1] / "typecheck" / name
    stdout, _, _ = api.run(["--config-file", str(case.parent / "mypy.ini"), "--strict",
                            "--cache-dir", str(tmp_path / "cache"), "--no-error-summary",
                            str(case)])
    said = parse_mypy_output(stdout, [case])[case]
    errors = {(n, t) for n, marks in said.items() for k, t in marks if k == "E"}
    expected = {(n, t) for n, marks in marks_of(case).items() for k, t in marks if k == "E"}
    assert errors == expected and errors, stdout


_LOOP_REBOUND = """
    from typing import TypeVar
    import typedflux as tf
    from typedflux import Dense, Tensor, relu

    B = TypeVar("B", bound=int)

    class MLP:
        def __init__(self) -> None:
            self.layers = [Dense(784, 256, relu), Dense(256, 10)]

        def __call__(self, x: Tensor[B, 784]) -> Tensor[B, 10]:
            for layer in self.layers:
                x = layer(x)
            return x

        def hidden(self, x: Tensor[B, 784]) -> Tensor[B, 10]:
            h = x
            for layer in self.layers:
                h = layer(h)
            return h

    def shifted(x: Tensor[B, 784]) -> Tensor[B, 10]:
        h = x
        for _ in range(3):
            h = h + 1
        return h
"""


def test_a_name_a_loop_rebinds_through_its_variable_is_no_proof(tmp_path: Path) -> None:
    # Under allow_redefinition (the README's configuration) mypy types the returned name as a
    # union with its first type (``Tensor[B, Literal[784]] | Tensor[B, Any]``) and reported
    # [return-value] in Literal words on these correct models. A loop that rebinds the name
    # by other means (``h + 1`` keeps the shape) is still an error, in shape words.
    lines = _mypy(tmp_path, _LOOP_REBOUND)
    assert lines == [
        "error: Return shape Tensor[B, 784] does not match the annotation Tensor[B, 10]: "
        "axis 1 is 784, expected 10  [shape]"
    ], lines


_MODELS = """
    from typedflux import Chain, Dense, Tensor, relu

    class Net:
        def __init__(self) -> None:
            self.body = Chain(Dense(8, 32, relu), Dense(32, 32, relu))
            self.head = Dense(32, 10)

        def __call__(self, x: Tensor) -> Tensor:
            return self.head(self.body(x))

    class Frozen:
        def __init__(self) -> None:
            self.head: Dense[32, 10] = Dense(32, 10)
"""

_FINE_TUNE = """
    import typedflux as tf
    from typedflux import Dense
    from typing_extensions import reveal_type
    import models
    from models import Frozen, Net

    net = models.Net()
    net.head = Dense(32, 5)
    reveal_type(net.head)
    print(tf.losses.logitcrossentropy(net.head(tf.randn(4, 32)), tf.onehot([0, 1, 2, 3], 5)).item())

    other = Net()
    setattr(other, "head", Dense(32, 3))
    print(tf.losses.mse(other.head(tf.randn(2, 32)), tf.randn(2, 3)).item())

    class Big(Net):
        def __init__(self) -> None:
            super().__init__()
            self.head = Dense(32, 100)

    print(tf.losses.mse(Big().head(tf.randn(2, 32)), tf.randn(2, 100)).item())
    print(net.body(tf.randn(2, 6)))
    frozen = Frozen()
    frozen.head = Dense(32, 7)
"""


def test_a_layer_attribute_of_another_modules_class_takes_any_size(tmp_path: Path) -> None:
    # Fine-tuning a model defined in another module (its head replaced by assignment, by
    # setattr, by a subclass's __init__): the attribute has no annotation, so any size fits
    # (plain mypy is silent) and reads in this module have unknown sizes; they were a false
    # 'Assigned layer ... does not match the annotation Dense[32, 10]' and false loss
    # mismatches. An annotated attribute keeps its annotation; an attribute never replaced
    # keeps its sizes. The program runs up to the two lines the checker reports.
    import subprocess
    import sys

    (tmp_path / "models.py").write_text(textwrap.dedent(_MODELS).lstrip())
    lines = _mypy(tmp_path, _FINE_TUNE)
    assert lines == [
        'note: Revealed type is "typedflux.layers.basic.Dense[Any, Any]"',
        "error: Chain layer 1 Dense(8 => 32, relu) expects input Tensor[..., 8], got Tensor[2, 6]; "
        "need size 8 at axis -1 (got 6)  [shape]",
        'error: Assigned layer Dense(32 => 7) does not match the annotation Dense[32, 10] of '
        '"frozen.head": out_features is 7, expected 10  [shape]',
    ], lines
    run = subprocess.run([sys.executable, "program.py"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 1 and run.stderr.rstrip().endswith(
        "Error: Chain layer 1 Dense(8 => 32, relu) expects input Tensor[..., 8], got "
        "Tensor[2, 6]; need size 8 at axis -1 (got 6)"), run.stdout + run.stderr
    assert len(run.stdout.splitlines()) == 3, run.stdout


def test_one_replacement_of_another_modules_layer_attribute(tmp_path: Path) -> None:
    # The same with one replacement in the module (the redteam's probe: nothing else here
    # counts as a second binding of ``head``).
    (tmp_path / "models.py").write_text(textwrap.dedent(_MODELS).lstrip())
    lines = _mypy(tmp_path, """
        import typedflux as tf
        from typedflux import Dense
        import models

        net = models.Net()
        net.head = Dense(32, 5)
        print(tf.losses.mse(net.head(tf.randn(2, 32)), tf.randn(2, 5)).item())
    """)
    assert lines == [], lines
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "program.py"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr  # (it runs)


def test_a_tensor_of_another_module_rebound_through_it(tmp_path: Path) -> None:
    # ``lib.TABLE = tf.randn(10, 5)`` where lib bound ``TABLE = tf.randn(10, 16)`` with no
    # annotation: plain mypy is silent; it was [assignment] in Literal words (redteam's fa40).
    # An annotated one keeps its annotation.
    (tmp_path / "lib.py").write_text(
        "from typedflux import Tensor\nimport typedflux as tf\n"
        "TABLE = tf.randn(10, 16)\nFIXED: Tensor[10, 16] = tf.randn(10, 16)\n")
    lines = _mypy(tmp_path, """
        import typedflux as tf
        import lib

        lib.TABLE = tf.randn(10, 5)
        lib.FIXED = tf.randn(10, 5)
    """)
    assert lines == [
        'error: Assigned shape Tensor[10, 5] does not match the annotation Tensor[10, 16] of '
        '"lib.FIXED": axis 1 is 5, expected 16  [shape]'], lines


_FEATURES_LIB = """
    import typedflux as tf
    from typedflux import Chain, Dense, relu

    model = Chain(Dense(8, 16, relu), Dense(16, 4))
    feature = tf.randn(3, 8)
    TABLE = tf.randn(10, 16)
"""


def test_an_imported_tensor_or_layer_rebound_in_the_importing_module(tmp_path: Path) -> None:
    # ``from lib import feature, model`` then ``feature = feature[:, :4]`` and ``model =
    # Chain(model, Dense(4, 2))`` (redteam's s5main): mypy keeps lib's types for imported
    # names (allow_redefinition does not reach them), so the new values were mypy's
    # [assignment] in Literal words and the layer calls after them false [shape] errors
    # ('got Tensor[3, 8]'); so was a read of ``lib.TABLE`` after ``lib.TABLE = ...`` (fa40).
    # A name this module does not bind again keeps its shape: the last line's error stays.
    import subprocess
    import sys

    (tmp_path / "lib.py").write_text(textwrap.dedent(_FEATURES_LIB).lstrip())
    lines = _mypy(tmp_path, """
        import typedflux as tf
        from typedflux import Chain, Dense
        import lib
        from lib import feature, model

        model = Chain(model, Dense(4, 2))
        print(model(feature).shape)
        feature = feature[:, :4]
        print(Dense(4, 1)(feature).shape)
        lib.TABLE = tf.randn(10, 5)
        print(Dense(5, 2)(lib.TABLE).shape)
        print(Dense(4, 1)(lib.feature).shape)
    """)
    assert lines == [
        "error: Dense(4 => 1) expects input Tensor[..., 4], got Tensor[3, 8]; need size 4 at "
        "axis -1 (got 8)  [shape]"], lines
    run = subprocess.run([sys.executable, "program.py"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 1 and run.stderr.rstrip().endswith(
        "Error: Dense(4 => 1) expects input Tensor[..., 4], got Tensor[3, 8]; need size 4 at "
        "axis -1 (got 8)"), run.stdout + run.stderr
    assert len(run.stdout.splitlines()) == 3, run.stdout
