"""The pattern ops' rules against independent oracles: ``einsum`` against numpy's own einsum
(shapes, and refusals exactly where numpy refuses), ``rearrange`` against a tensor built from
its single axes and moved with plain numpy; symbolic dims solved the way the docs say."""

from __future__ import annotations

import string
from typing import Any, List, Optional, Tuple

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import typedflux.shapes  # noqa: F401  (registers every rule)
from typedflux.shapes.catalog import SPECS
from typedflux.shapes.dims import Star, sym
from typedflux.shapes.errors import CannotTell, ShapeError
from typedflux.shapes.rules_rearrange import recipe

Ints = Tuple[int, ...]
SETTINGS = settings(max_examples=150, deadline=None)


def _rule(name: str, **kw: Any) -> Optional[Ints]:
    try:
        out = SPECS[name].rule(**kw)
    except ShapeError as err:
        assert err.message[:1].isupper() and '"' + name + '"' in err.message, err.message
        return None
    return tuple(out)


# -- einsum ------------------------------------------------------------------------------------
@st.composite
def einsum_case(draw: st.DrawFn) -> Tuple[str, List[Ints]]:
    letters = "abcde"
    size = {c: draw(st.integers(1, 3)) for c in letters}
    n_ops = draw(st.integers(1, 3))
    terms, shapes = [], []
    ell = tuple(draw(st.lists(st.integers(1, 3), max_size=2)))
    use_ell = draw(st.integers(0, 3)) == 0
    for _ in range(n_ops):
        term = draw(st.lists(st.sampled_from(letters), max_size=3))
        shape = [size[c] for c in term]
        if draw(st.integers(0, 4)) == 0 and shape:  # a size that may clash, or broadcast
            shape[draw(st.integers(0, len(shape) - 1))] = draw(st.integers(1, 3))
        text = "".join(term)
        if use_ell:
            k = draw(st.integers(0, len(ell)))
            text = "..." + text
            shape = list(ell[len(ell) - k:]) + shape
        if draw(st.integers(0, 9)) == 0:
            shape = shape + [2]  # a rank that does not fit
        terms.append(text)
        shapes.append(tuple(shape))
    subs = ",".join(terms)
    if draw(st.booleans()):
        present = sorted({c for t in terms for c in t if c.isalpha()})
        out = draw(st.lists(st.sampled_from(present), unique=True)) if present else []
        if draw(st.integers(0, 9)) == 0:
            out.append("z")  # a label no input has
        subs += "->" + ("..." if use_ell and draw(st.booleans()) else "") + "".join(out)
    return subs, shapes


@SETTINGS
@given(einsum_case())
def test_einsum_agrees_with_numpy(case: Tuple[str, List[Ints]]) -> None:
    subs, shapes = case
    try:
        want: Optional[Ints] = np.einsum(subs, *[np.zeros(s) for s in shapes]).shape
    except ValueError:
        want = None
    assert _rule("einsum", subscripts=subs, xs=shapes) == want, (subs, shapes)


def test_einsum_symbolic() -> None:
    B, T, S, D = sym("B"), sym("T"), sym("S"), sym("D")
    rule = SPECS["einsum"].rule
    assert rule(subscripts="bhtd,bhsd->bhts", xs=[(B, 8, T, D), (B, 8, S, D)]) == (B, 8, T, S)
    assert rule(subscripts="...d,de->...e", xs=[(Star("Bs"), D), (D, 4)]) == (Star("Bs"), 4)
    assert rule(subscripts="ij,jk", xs=[(T, 1), (3, 4)]) == (T, 4)  # a literal 1 broadcasts
    with pytest.raises(ShapeError, match=r'need one size for "d" in "btd,bsd->bts" \(D at axis 2 of xs\[0\] vs T at axis 2 of xs\[1\]\)'):
        rule(subscripts="btd,bsd->bts", xs=[(B, T, D), (B, S, T)])
    with pytest.raises(CannotTell):  # a run of unknown length under a named label
        rule(subscripts="ij", xs=[(Star("Bs"), 3)])


@pytest.mark.parametrize("subs, why", [
    ("ij,jk->il", 'every output label among the inputs ("l" is not)'),
    ("ij->ii", 'each output label once ("i" is repeated)'),
    ("i->j->k", 'at most one "->"'),
    ("i2->i", "letters, \"...\", \",\" and \"->\" only ('2' in term \"i2\")"),
    ("......i", 'at most one ... per term (term "......i")'),
    ("ij->...", '"..." in the output only when an input has it'),
])
def test_einsum_bad_subscripts(subs: str, why: str) -> None:
    with pytest.raises(ShapeError) as raised:
        SPECS["einsum"].rule(subscripts=subs, xs=[(2, 2)])
    assert str(raised.value) == f'Invalid subscripts for "einsum": subscripts is "{subs}"; need {why}'


# -- rearrange ---------------------------------------------------------------------------------
@st.composite
def rearrange_case(draw: st.DrawFn) -> Tuple[str, Ints, Tuple[Tuple[str, int], ...], Any]:
    """A pattern over single axes a, b, c, ... grouped at random on each side, the input shape
    it implies, the sizes needed to solve it, and the expected output made with numpy."""
    n = draw(st.integers(1, 4))
    names = list(string.ascii_lowercase[:n])
    size = {c: draw(st.integers(1, 4)) for c in names}

    def groups(order: List[str]) -> List[List[str]]:
        out: List[List[str]] = []
        for c in order:
            if out and draw(st.booleans()):
                out[-1].append(c)
            else:
                out.append([c])
        return out

    left = groups(names)
    right_order = draw(st.permutations(names))
    right = groups(list(right_order))
    units = draw(st.booleans())

    def text(side: List[List[str]]) -> str:
        parts = [g[0] if len(g) == 1 else "(" + " ".join(g) + ")" for g in side]
        return " ".join(parts + (["1"] if units else []))

    shape = tuple(int(np.prod([size[c] for c in g])) for g in left) + ((1,) if units else ())
    given = tuple((c, size[c]) for g in left if len(g) > 1 for c in g[1:])
    single = np.arange(int(np.prod([size[c] for c in names]))).reshape([size[c] for c in names])
    moved = single.transpose([names.index(c) for c in right_order])
    want = moved.reshape([int(np.prod([size[c] for c in g])) for g in right]
                         + ([1] if units else []))
    return f"{text(left)} -> {text(right)}", shape, given, want


@SETTINGS
@given(rearrange_case())
def test_rearrange_agrees_with_numpy(case: Tuple[str, Ints, Any, Any]) -> None:
    pattern, shape, given, want = case
    assert _rule("rearrange", x=shape, pattern=pattern, sizes=given) == want.shape
    single, perm, out = recipe(pattern, shape, given)
    x = np.arange(int(np.prod(shape))).reshape(shape)
    got = x.reshape(single).transpose(perm).reshape(out)
    np.testing.assert_array_equal(got, want)


@SETTINGS
@given(st.lists(st.integers(1, 4), min_size=2, max_size=5).map(tuple), st.integers(1, 4))
def test_rearrange_ellipsis_and_bad_split(shape: Ints, h: int) -> None:
    assert _rule("rearrange", x=shape, pattern="b ... -> ... b", sizes=()) == shape[1:] + shape[:1]
    assert _rule("rearrange", x=shape, pattern="... (h d) -> ... h d", sizes=(("h", h),)) == (
        shape[:-1] + (h, shape[-1] // h) if shape[-1] % h == 0 else None)


def test_rearrange_symbolic() -> None:
    B, T, D, N = sym("B"), sym("T"), sym("D"), sym("N")
    rule = SPECS["rearrange"].rule
    split = "b t (h d) -> b h t d"
    assert rule(x=(B, T, 512), pattern=split, sizes=(("h", 8),)) == (B, 8, T, 64)
    assert str(rule(x=(B, T, D), pattern=split, sizes=(("h", 8),))[-1]) == "D//8"
    assert rule(x=(B, T, 8 * N), pattern=split, sizes=(("h", 8),)) == (B, 8, T, N)
    assert rule(x=(B, 8, T, N), pattern="b h t d -> b t (h d)", sizes=()) == (B, T, 8 * N)
    with pytest.raises(ShapeError, match=r"need 2\*N \+ 1 divisible by 2 .* \(\(2\*N \+ 1\) % 2 = 1\)"):
        rule(x=(B, T, 2 * N + 1), pattern=split, sizes=(("h", 2),))
    assert rule(x=(Star("Bs"), 3, 4), pattern="... h w -> ... (h w)", sizes=()) == (Star("Bs"), 12)
    with pytest.raises(CannotTell):
        rule(x=(Star("Bs"), 3), pattern="a b c -> c b a", sizes=())


@SETTINGS
@given(st.data(), st.lists(st.integers(1, 4), min_size=1, max_size=4).map(tuple))
def test_reduce_agrees_with_numpy(data: st.DataObject, shape: Ints) -> None:
    names = list(string.ascii_lowercase[:len(shape)])
    kept = [c for c in names if data.draw(st.booleans())]
    kept = list(data.draw(st.permutations(kept)))
    merge = len(kept) >= 2 and data.draw(st.booleans())
    right = (["(" + " ".join(kept[:2]) + ")"] + kept[2:]) if merge else kept
    pattern = " ".join(names) + " -> " + " ".join(right)
    x = np.arange(int(np.prod(shape)), dtype=float).reshape(shape)
    gone = tuple(i for i, c in enumerate(names) if c not in kept)
    want = x.sum(axis=gone).transpose([sorted(kept, key=names.index).index(c) for c in kept])
    if merge:
        want = want.reshape((-1,) + want.shape[2:])
    assert _rule("reduce", x=shape, pattern=pattern, reduction="sum", sizes=()) == want.shape


@pytest.mark.parametrize("pattern, why", [
    ("a b -> a c", "every name on the right also on the left (c only on the right)"),
    ("a ... -> a", "... on both sides or neither"),
])
def test_reduce_bad_patterns(pattern: str, why: str) -> None:
    with pytest.raises(ShapeError) as raised:
        SPECS["reduce"].rule(x=(4, 6), pattern=pattern, reduction="sum", sizes=())
    assert str(raised.value) == f'Invalid pattern for "reduce": pattern is "{pattern}"; need {why}'


@pytest.mark.parametrize("pattern, sizes, why", [
    ("a b -> a", (), "the same names on both sides (b only on the left)"),
    ("a b", (), 'one "->" between the input and output sides'),
    ("a (b (c)) -> a b c", (), "no nested parentheses (on the left)"),
    ("a b) -> a b", (), 'balanced parentheses (a ")" without "(" on the left)'),
    ("a a -> a", (), 'each name and ... at most once per side ("a" twice on the left)'),
    ("(a ...) -> a ...", (), "... outside parentheses on the left"),
    ("a 2 -> a", (), "axis names, 1, (...) and ... only (2 on the left: give a size as a keyword, h=2)"),
    ("(a b) -> a b", (), 'the sizes of all but one name in a group ("(a b)": give a= or b=)'),
    ("a b -> b a", (("c", 2),), "every size to name an axis of the pattern (c=2 is not in it)"),
])
def test_rearrange_bad_patterns(pattern: str, sizes: Any, why: str) -> None:
    with pytest.raises(ShapeError) as raised:
        SPECS["rearrange"].rule(x=(4, 6), pattern=pattern, sizes=sizes)
    assert str(raised.value) == f'Invalid pattern for "rearrange": pattern is "{pattern}"; need {why}'
