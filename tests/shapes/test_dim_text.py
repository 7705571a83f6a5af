"""The one printer of symbolic dims (typedflux/shapes/dim_text.py): a product of sums reads
factored (``8*(H' - 2)*(W' - 2)``), and whatever it prints reads back as the same polynomial.
"""

from __future__ import annotations

from functools import reduce
from typing import List, Tuple

from hypothesis import given, settings
from hypothesis import strategies as st

from typedflux.shapes.dims import Dim, Expr, evaluate, fresh, sym
from typedflux.shapes.parse import parse_dim

NAMES = ("B", "C", "H", "W", "N")

# A linear sum over a few symbols: coefficients and a constant (possibly a plain int).
linear = st.builds(
    lambda coeffs, const: sum((c * sym(n) for n, c in coeffs), const),
    st.lists(st.tuples(st.sampled_from(NAMES), st.integers(-3, 3)), max_size=3),
    st.integers(-5, 5),
)


def _product(parts: List[Dim]) -> Dim:
    return reduce(lambda a, b: a * b, parts, 1)


products = st.builds(
    lambda k, parts, div: _product(parts) * k if div is None else (_product(parts) * k) // div,
    st.integers(-4, 8).filter(lambda k: k != 0),
    st.lists(linear, min_size=1, max_size=3),
    st.one_of(st.none(), st.integers(2, 4)),
)
dims = st.one_of(products, st.builds(lambda a, b: a + b, products, products))


@settings(max_examples=300, deadline=None)
@given(dims)
def test_the_printed_form_reads_back_as_the_same_polynomial(d: Dim) -> None:
    assert parse_dim(str(d)) == d, str(d)


@settings(max_examples=150, deadline=None)
@given(dims)
def test_fresh_sizes_print_back_as_the_same_polynomial(d: Dim) -> None:
    # Put fresh sizes (H', W': no program can name them) where H and W were, print, and read
    # the text back with H' and W' renamed to names a program can write.
    with_fresh = evaluate(d, {"H": fresh("H"), "W": fresh("W")})
    text = str(with_fresh).replace("H'", "Hf").replace("W'", "Wf")
    assert parse_dim(text) == evaluate(d, {"H": sym("Hf"), "W": sym("Wf")}), text


def test_products_read_factored() -> None:
    H, W, C, N, M, B = (sym(n) for n in "HWCNMB")
    Hf, Wf = fresh("H"), fresh("W")
    cases: List[Tuple[Dim, str]] = [
        (8 * (Hf - 2) * (Wf - 2), "8*(H' - 2)*(W' - 2)"),
        (16 * ((Hf - 2) // 2) * ((Wf - 2) // 2), "16*(H'//2 - 1)*(W'//2 - 1)"),
        (C * (H - 2), "C*(H - 2)"),
        (N * M + N, "N*(M + 1)"),
        (-(H - 2) * (W - 2), "-(H - 2)*(W - 2)"),
        (3 * B * (H + 1) * (W + 1) * (C - 1), "3*B*(C - 1)*(H + 1)*(W + 1)"),
        (B * (H * W + 1), "B*(H*W + 1)"),
    ]
    for d, text in cases:
        assert isinstance(d, Expr) and str(d) == text


def test_sums_that_are_not_products_of_two_read_as_before() -> None:
    H, W, N = sym("H"), sym("W"), sym("N")
    cases: List[Tuple[Dim, str]] = [
        (2 * N + 2, "2*N + 2"),  # one factor that is a sum and a number: no parentheses
        (16 * H - 32, "16*H - 32"),
        (H * W + 1, "H*W + 1"),
        ((H - 2) * (H - 2), "H*H - 4*H + 4"),  # one symbol: not split
        ((H - 3) // 2 + 1, "(H + 1)//2 - 1"),
        (H * W, "H*W"),
    ]
    for d, text in cases:
        assert str(d) == text
