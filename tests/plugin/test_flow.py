"""Values followed through loops and conditions (mypy_plugin/flow.py): the evaluator computes
what Python does (the snapshot case under ``--strict``: test_boundaries.py's strict cases)."""

from __future__ import annotations

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
