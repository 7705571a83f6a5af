"""Values followed through loops and conditions (mypy_plugin/flow.py): the snapshot case's
fixed programs are clean under ``--strict`` too, and the evaluator computes what Python does."""

from __future__ import annotations

from pathlib import Path

from mypy.nodes import ARG_POS, CallExpr, IndexExpr, IntExpr, ListExpr, NameExpr, OpExpr, SliceExpr

from mypy_plugin.flow_values import NOT_STATIC, Seq, evaluate, iterate


def _builtin(name: str) -> NameExpr:
    n = NameExpr(name)
    n.fullname = f"builtins.{name}"
    return n


def test_zip_of_a_list_and_its_tail_pairs_neighbours() -> None:
    sizes = ListExpr([IntExpr(784), IntExpr(256), IntExpr(10)])
    tail = IndexExpr(sizes, SliceExpr(IntExpr(1), None, None))
    pairs = evaluate(CallExpr(_builtin("zip"), [sizes, tail], [ARG_POS, ARG_POS], [None, None]), {},
                     lambda e: NOT_STATIC, set())
    assert pairs == ((784, 256), (256, 10))
    assert iterate(pairs) == pairs


def test_what_is_not_known_stays_unknown() -> None:
    unknown = NameExpr("n")
    assert evaluate(OpExpr("+", unknown, IntExpr(1)), {}, lambda e: NOT_STATIC, set()) is NOT_STATIC
    r = CallExpr(_builtin("range"), [unknown], [ARG_POS], [None])
    assert iterate(evaluate(r, {}, lambda e: NOT_STATIC, set())) is None
    assert evaluate(OpExpr("//", IntExpr(1), IntExpr(0)), {}, lambda e: NOT_STATIC, set()) is NOT_STATIC


def test_a_list_grows_by_concatenation() -> None:
    v = evaluate(OpExpr("+", ListExpr([IntExpr(1)]), ListExpr([IntExpr(2)])), {},
                 lambda e: NOT_STATIC, set())
    assert v == Seq((1, 2))


def test_strict_adds_nothing_to_the_case(tmp_path: Path) -> None:
    """Under ``--strict`` the case gives exactly the errors its ``# E:`` marks say."""
    from mypy import api

    from program_lines import marks_of, parse_mypy_output

    case = Path(__file__).resolve().parents[1] / "typecheck" / "case_flow_loops.py"
    stdout, _, _ = api.run(["--config-file", str(case.parent / "mypy.ini"), "--strict",
                            "--cache-dir", str(tmp_path / "cache"), "--no-error-summary",
                            str(case)])
    said = parse_mypy_output(stdout, [case])[case]
    errors = {(n, t) for n, marks in said.items() for k, t in marks if k == "E"}
    expected = {(n, t) for n, marks in marks_of(case).items() for k, t in marks if k == "E"}
    assert errors == expected and errors, stdout
