"""Malformed Tensor[...] annotations get a shape-annotation error with a hint."""

from typing import Literal, TypeVar

from typing_extensions import reveal_type

from typedflux import Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
T = TypeVar("T")
S = TypeVar("S", bound=str)


def quoted_int(x: Tensor[B, "784"]) -> None: ...  # E: A dim in quotes is an expression; for a plain size write 784, not "784"  [shape-annotation]
def quoted_int_fixed(x: Tensor[B, 784]) -> None: ...
def a_float(x: Tensor[B, 1.5]) -> None: ...  # E: A Tensor dim must be an int, Literal[int], a Final int constant, a TypeVar bound to int, a string expression or int/Any; got a float or an expression mypy keeps no value of (arithmetic outside quotes, an f-string, strings joined by +, an int too large; write arithmetic on sizes in quotes: Tensor[B, "2*D"], D a TypeVar or a Final int constant)  [shape-annotation]
def a_none(x: Tensor[None, 3]) -> None: ...  # E: A Tensor dim cannot be None; for a size not known statically write int (or Any)  [shape-annotation]
def str_bound(x: Tensor[S, 3]) -> None: ...  # E: Type variable "S" is used as a dim but is not bound to int; declare it as S = TypeVar("S", bound=int)  [shape-annotation]
def unbounded(x: Tensor[T, 3]) -> Tensor[T, 3]:  # (unbounded, as pyright's samples write it: a dim)
    reveal_type(x)  # N: Revealed type is "typedflux.tensor.Tensor[T, Literal[3]]"
    return x
def bad_expr(x: Tensor[B, "2**N"]) -> None: ...  # E: Cannot read dim "2**N": "**" is not allowed at column 1; use ints, names, + - * // and parentheses  [shape-annotation]
def unknown_name(x: Tensor[B, "2*K"]) -> None: ...  # E: Cannot read dim "2*K": unknown name "K" at column 2 (names in scope: B); use ints, names, + - * // and parentheses  [shape-annotation]
def expr_fixed(x: Tensor[B, "2*N"], n: Tensor[N]) -> None:
    reveal_type(x)  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal['2*N']]"
def nested(x: Tensor[(B, 784), 10]) -> None: ...  # E: Tensor dims are listed directly, not as a tuple: write Tensor[B, 784]  [shape-annotation]
def negative(x: Tensor[-1]) -> None: ...  # E: A dim is a size and cannot be negative: got -1  [shape-annotation]
def literal(x: Tensor[Literal[3], Literal["N+N"]], n: Tensor[N]) -> None:
    reveal_type(x)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal['2*N']]"
