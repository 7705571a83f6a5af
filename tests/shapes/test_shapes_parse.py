"""parse_dim: what it reads, and the words of its refusals."""

from __future__ import annotations

import pytest

from typedflux.shapes.dims import UNKNOWN, sym
from typedflux.shapes.parse import DimSyntaxError, parse_dim

N, H, W = sym("N"), sym("H"), sym("W")


@pytest.mark.parametrize("text, dim", [
    ("784", 784),
    ("  N ", N),
    ("2*N", 2 * N),
    ("N+N", 2 * N),
    ("N + 1", N + 1),
    ("H*W", H * W),
    ("(H-3)//2+1", (H - 3) // 2 + 1),
    ("(2*N)//2", N),
    ("-N + 2*N", N),
    ("-(1 - N)", N - 1),
    ("+N", N),
    ("3 - 5", -2),
    ("7 // 2", 3),
    ("N*N - N*N", 0),
    ("2*(N//2)", 2 * (N // 2)),
])
def test_reads(text: str, dim: object) -> None:
    assert parse_dim(text) == dim


def test_names_in_scope_are_substituted() -> None:
    assert parse_dim("2*N", {"N": 5}) == 10
    assert parse_dim("H*W", {"H": H, "W": 4}) == 4 * H
    assert parse_dim("N + 1", {"N": UNKNOWN}) is UNKNOWN


@pytest.mark.parametrize("text, message", [
    ("2**N", 'Cannot read dim "2**N": "**" is not allowed at column 1; '
             "use ints, names, + - * // and parentheses"),
    ("N/2", 'Cannot read dim "N/2": "/" is not allowed at column 1; '
            "use ints, names, + - * // and parentheses"),
    ("N % 2", 'Cannot read dim "N % 2": "%" is not allowed at column 2; '
              "use ints, names, + - * // and parentheses"),
    ("2.5", 'Cannot read dim "2.5": 2.5 is not an int at column 0; '
            "use ints, names, + - * // and parentheses"),
    ("N +", 'Cannot read dim "N +": it is not an expression at column 3; '
            "use ints, names, + - * // and parentheses"),
    ("", 'Cannot read dim "": it is empty; use ints, names, + - * // and parentheses'),
    ("f(N)", 'Cannot read dim "f(N)": a call is not allowed at column 0; '
             "use ints, names, + - * // and parentheses"),
    ("N // 0", 'Cannot read dim "N // 0": it divides by zero at column 2; '
               "use ints, names, + - * // and parentheses"),
    ("~N", 'Cannot read dim "~N": only unary - and + are allowed at column 0; '
           "use ints, names, + - * // and parentheses"),
    ("'784'", 'Cannot read dim "\'784\'": \'784\' is not an int at column 0; '
              "use ints, names, + - * // and parentheses"),
    ("True", 'Cannot read dim "True": True is not an int at column 0; '
             "use ints, names, + - * // and parentheses"),
    ("(N, 3)", 'Cannot read dim "(N, 3)": a tuple is not allowed at column 0; '
               "use ints, names, + - * // and parentheses"),
    # (a kind whose name starts with a vowel takes "an"; a few are named in words)
    ("cfg.D", 'Cannot read dim "cfg.D": an attribute (x.y) is not allowed at column 0; '
              "use ints, names, + - * // and parentheses"),
    ("sizes[0]", 'Cannot read dim "sizes[0]": a subscript (x[i]) is not allowed at column 0; '
                 "use ints, names, + - * // and parentheses"),
    ("N < 2", 'Cannot read dim "N < 2": a comparison is not allowed at column 0; '
              "use ints, names, + - * // and parentheses"),
])
def test_refusals_say_where_and_what_is_allowed(text: str, message: str) -> None:
    with pytest.raises(DimSyntaxError) as info:
        parse_dim(text)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


def test_unknown_names_list_the_names_in_scope() -> None:
    with pytest.raises(DimSyntaxError) as info:
        parse_dim("B*C", {"B": 1, "N": 2})
    assert str(info.value) == (
        'Cannot read dim "B*C": unknown name "C" at column 2 (names in scope: B, N); '
        "use ints, names, + - * // and parentheses")
    with pytest.raises(DimSyntaxError, match=r"names in scope: none"):
        parse_dim("B", {})


def test_hostile_text_is_refused_not_crashed() -> None:
    for text in ("(" * 5000 + "N" + ")" * 5000, "-" * 100000 + "N", "N\x00"):
        with pytest.raises(DimSyntaxError):
            parse_dim(text)
