"""How a user layer class with a ``__repr__`` of its own is named in messages.

At run time a callable object in a Chain is named by its repr (``layer_repr``). The checker
sees the class, not the object: when ``__repr__`` returns a string literal (``return
"Block(64 => 64)"``), that literal is the name on both sides; any other repr is only known
at run time, and the message names the class (``Block(...)``). The literal is read while
mypy analyses the class and kept in the class's metadata, so it is the same whether the
class comes from source or from mypy's cache.

>>> user_text_of_metadata({"typedflux": {"repr": "Block(64)"}}, "Block")
'Block(64)'
>>> user_text_of_metadata({}, "Block")
'Block(...)'
"""

from __future__ import annotations

from typing import Any, Dict, Optional

from mypy.nodes import ExpressionStmt, FuncDef, ReturnStmt, StrExpr, TypeInfo
from mypy.plugin import ClassDefContext

from mypy_plugin import per_build

__all__ = ["record_repr", "user_text_of_metadata"]

_KEY = "typedflux"


def _literal_return(fn: FuncDef) -> Optional[str]:
    body = list(fn.body.body)
    if body and isinstance(body[0], ExpressionStmt) and isinstance(body[0].expr, StrExpr):
        body = body[1:]  # a docstring
    if len(body) == 1 and isinstance(body[0], ReturnStmt) and isinstance(body[0].expr, StrExpr):
        return body[0].expr.value
    return None


# Classes whose ``__repr__`` is already kept, by the id of their ClassDef: mypy asks this hook
# of every class again at each pass of its semantic analysis (~15k calls a build over the
# examples and snapshot cases, for ~7.7k classes, most of them a library's); a class's body
# and its TypeInfo do not change between those passes, and only this hook writes its metadata
# key. The entry is the class's TypeInfo: it is kept alive, so a ClassDef that reuses a freed
# one's id has another TypeInfo and is read anew (no tuple per class for the garbage
# collector to walk). Emptied by the plugin's set_modules.
_DONE: Dict[int, TypeInfo] = {}
per_build.forget_each_build(_DONE)


def record_repr(ctx: ClassDefContext) -> None:
    """(a class hook) Keep a ``__repr__`` that returns a string literal in the metadata."""
    info = ctx.cls.info
    if _DONE.get(id(ctx.cls)) is info:
        return
    _DONE[id(ctx.cls)] = info
    for stmt in ctx.cls.defs.body:
        if isinstance(stmt, FuncDef) and stmt.name == "__repr__":
            text = _literal_return(stmt)
            meta = ctx.cls.info.metadata
            if text is None:
                meta.pop(_KEY, None)
            else:
                meta[_KEY] = {"repr": text}


def user_text_of_metadata(metadata: Dict[str, Any], class_name: str) -> str:
    """The name of an instance of a class whose own ``__repr__`` has this metadata."""
    text = metadata.get(_KEY, {}).get("repr")
    return text if isinstance(text, str) else f"{class_name}(...)"
