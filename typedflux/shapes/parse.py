"""Read dim expressions written as strings (``"2*N"``, ``"(H-3)//2+1"``) into dims.

>>> from typedflux.shapes.dims import sym
>>> parse_dim("(H - 3)//2 + 1")
(H + 1)//2 - 1
>>> parse_dim("2*N", {"N": 5})
10
"""

from __future__ import annotations

import ast
from typing import Mapping, Optional

from typedflux.shapes.dims import Dim, Unknown, sym

__all__ = ["DimSyntaxError", "parse_dim"]

_ALLOWED = "use ints, names, + - * // and parentheses"

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.FloorDiv: "//"}
_BAD_OPS = {ast.Pow: "**", ast.Div: "/", ast.Mod: "%", ast.MatMult: "@", ast.LShift: "<<",
            ast.RShift: ">>", ast.BitOr: "|", ast.BitAnd: "&", ast.BitXor: "^"}
# How a refused expression is named in the message ("an attribute (x.y) is not allowed"); any other
# kind is named by its node class, lower-cased.
_NODE_WORDS = {ast.Attribute: "attribute (x.y)", ast.Subscript: "subscript (x[i])",
               ast.Compare: "comparison", ast.BoolOp: "boolean operator",
               ast.IfExp: "conditional expression", ast.Starred: "starred expression",
               ast.JoinedStr: "f-string"}


class DimSyntaxError(ValueError):
    """A dim string that is not an expression over ints, names, ``+ - * //`` and parentheses.

    ``column`` is the 0-based offset of the offending part in the text (``None`` if unknown).

    >>> try:
    ...     parse_dim("2**N")
    ... except DimSyntaxError as err:
    ...     print(err, err.column)
    Cannot read dim "2**N": "**" is not allowed at column 1; use ints, names, + - * // and parentheses 1
    """

    def __init__(self, text: str, problem: str, column: Optional[int] = None) -> None:
        where = f" at column {column}" if column is not None else ""
        super().__init__(f'Cannot read dim "{text}": {problem}{where}; {_ALLOWED}')
        self.text = text
        self.problem = problem
        self.column = column


def _op_column(text: str, node: ast.BinOp, symbol: str) -> Optional[int]:
    # ast gives no position for the operator itself: look between the two operands.
    lo = getattr(node.left, "end_col_offset", None)
    hi = getattr(node.right, "col_offset", None)
    if lo is None or hi is None:
        return None
    found = text.find(symbol, lo, hi)
    return found if found >= 0 else lo


def parse_dim(text: str, names: Optional[Mapping[str, Dim]] = None) -> Dim:
    """Parse ``text`` into a dim in normal form.

    Names become symbols, or their value in ``names`` when given; with ``names`` given, a
    name missing from it is an error listing the names in scope.

    >>> parse_dim("N + N"), parse_dim("-(1 - N)"), parse_dim(" 784 ")
    (2*N, N - 1, 784)
    >>> parse_dim("H*W", {"H": 28})
    Traceback (most recent call last):
    ...
    typedflux.shapes.parse.DimSyntaxError: Cannot read dim "H*W": unknown name "W" at column 2 (names in scope: H); use ints, names, + - * // and parentheses
    """
    stripped = text.strip()
    if not stripped:
        raise DimSyntaxError(text, "it is empty")
    try:
        tree = ast.parse(stripped, mode="eval")
    except SyntaxError as err:
        # Python reports offset 0 when the text ends too early: point past the end then.
        col = (err.offset - 1) if err.offset else len(stripped)
        raise DimSyntaxError(stripped, "it is not an expression", col) from None
    except (ValueError, RecursionError, MemoryError):
        raise DimSyntaxError(
            stripped, "it cannot be parsed (a null byte, or nested too deeply)") from None

    def walk(node: ast.AST) -> Dim:
        col = getattr(node, "col_offset", None)
        if isinstance(node, ast.Constant):
            if isinstance(node.value, int) and not isinstance(node.value, bool):
                return node.value
            raise DimSyntaxError(stripped, f"{node.value!r} is not an int", col)
        if isinstance(node, ast.Name):
            if names is not None:
                if node.id not in names:
                    scope = ", ".join(sorted(names)) or "none"
                    raise DimSyntaxError(
                        stripped, f'unknown name "{node.id}" at column {col} (names in scope: '
                        f"{scope})")
                return names[node.id]
            return sym(node.id)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.USub):
                return -walk(node.operand)
            if isinstance(node.op, ast.UAdd):
                return walk(node.operand)
            raise DimSyntaxError(stripped, "only unary - and + are allowed", col)
        if isinstance(node, ast.BinOp):
            kind = type(node.op)
            if kind not in _OPS:
                symbol = _BAD_OPS.get(kind, kind.__name__)
                raise DimSyntaxError(stripped, f'"{symbol}" is not allowed',
                                     _op_column(stripped, node, symbol))
            left, right = walk(node.left), walk(node.right)
            if isinstance(left, Unknown) or isinstance(right, Unknown):
                return left if isinstance(left, Unknown) else right
            if kind is ast.Add:
                return left + right
            if kind is ast.Sub:
                return left - right
            if kind is ast.Mult:
                return left * right
            if isinstance(right, int) and right == 0:
                raise DimSyntaxError(stripped, "it divides by zero",
                                     _op_column(stripped, node, "//"))
            return left // right
        what = _NODE_WORDS.get(type(node), type(node).__name__.lower())
        article = "an" if what[0] in "aeiou" else "a"
        raise DimSyntaxError(stripped, f"{article} {what} is not allowed", col)

    try:
        return walk(tree.body)
    except RecursionError:
        raise DimSyntaxError(stripped, "it is nested too deeply") from None
    finally:
        del walk  # (walk names itself: a cycle left to the garbage collector otherwise)
