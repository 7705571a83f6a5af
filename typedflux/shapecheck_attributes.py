"""A method's instance: the dims its tensor attributes fix, for ``@tf.shapecheck``.

mypy reads a generic class's dims from the instance's type (``Linear[4, 8]``, fixed where it
was built); Python erases them, so the run time reads them back from the attributes whose
types carry them:

- an attribute annotated in the class body (``weight: Tensor[O, I]``, its bases' too);
- an attribute ``__init__`` assigns straight from one of its parameters annotated with a
  tensor (``def __init__(self, weight: Tensor[O, I]): self.weight = weight``), or declares in
  its body (``self.weight: Tensor[O, I] = ...``), when its dims are the class's type
  parameters. mypy gives such an attribute that type and checks every later assignment
  against it, so the value the method finds has it too. This reads ``__init__``'s source
  (its file, as ``inspect.getsource`` finds it): a class typed at a prompt has none.

>>> from typing import Generic, TypeVar
>>> from typedflux import Tensor
>>> I = TypeVar("I", bound=int); O = TypeVar("O", bound=int)
>>> class Linear(Generic[I, O]):
...     weight: Tensor[O, I]
>>> attribute_patterns(Linear, globals())
{'weight': (O, I)}
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
from typing import Any, Dict, Iterator, Optional, Set, Tuple

from typedflux.shapecheck_constants import reading
from typedflux.shapecheck_dims import annotation_shape
from typedflux.shapecheck_unions import tensor_member
from typedflux.shapes.bind import Bindings
from typedflux.shapes.dims import Expr, Unknown, symbols
from typedflux.shapes.errors import ShapeError
from typedflux.shapes.shape import Shape
from typedflux.tensor import Tensor

__all__ = ["attribute_patterns", "bind_attributes"]

# Per class: computed once (a class's annotations and its __init__'s text do not change).
_ATTRIBUTES: Dict[type, Dict[str, Shape]] = {}


def attribute_patterns(cls: type, globalns: Dict[str, Any]) -> Dict[str, Shape]:
    """The tensor patterns of a class's attributes (its bases' too), cached: see the module
    docstring for which attributes have one.

    A postponed annotation (a string) is read in its class's module, then in ``globalns`` (the
    decorated function's globals: code run by ``exec`` or a doctest).
    """
    found = _ATTRIBUTES.get(cls)
    if found is None:
        found = {}
        for klass in reversed(cls.__mro__):
            module = sys.modules.get(klass.__module__)
            # (``globalns`` under it: names of the caller's that the module does not have)
            namespace = {**globalns, **vars(module)} if module is not None else globalns
            declared = vars(klass).get("__annotations__", {})
            for name, ann in _init_annotations(klass).items():
                pattern = _pattern(ann, namespace)
                # Only the class's own dims: a TypeVar of ``__init__`` alone is bound anew
                # by mypy at each call of a method (``mask: Tensor[T, T]`` built for the
                # longest T, then cropped), so the attribute does not fix it.
                if pattern is not None and name not in declared and _class_dims(pattern, cls):
                    found[name] = pattern
            for name, ann in declared.items():
                pattern = _pattern(ann, namespace)
                if pattern is not None:
                    found[name] = pattern
        _ATTRIBUTES[cls] = found
    return found


def bind_attributes(env: Bindings, obj: Any, globalns: Dict[str, Any]) -> None:
    """Bind in ``env`` the dims ``obj``'s tensor attributes fix (an attribute that disagrees
    with its own pattern binds nothing: that is not this call's error)."""
    patterns = attribute_patterns(type(obj), globalns)
    values = getattr(obj, "__dict__", {})
    for name, pattern in patterns.items():
        value = values.get(name)
        if isinstance(value, Tensor):
            try:
                env.bind(f'attribute "{name}"', pattern, value.shape)
            except ShapeError:
                continue


def _class_dims(pattern: Shape, cls: type) -> bool:
    """Whether every dim of ``pattern`` is a size or a type parameter of ``cls`` (or of a
    generic base)."""
    names = {getattr(v, "__name__", None)
             for klass in cls.__mro__ for v in vars(klass).get("__parameters__", ())}
    return all(isinstance(d, (int, Unknown)) or (isinstance(d, Expr) and symbols(d) <= names)
               for d in pattern)


def _pattern(ann: Any, namespace: Dict[str, Any]) -> Optional[Shape]:
    try:
        if isinstance(ann, str):
            ann = eval(ann, dict(namespace), {})  # noqa: S307 - the user's annotation
        with reading(namespace):
            return annotation_shape(tensor_member(ann))
    except Exception:  # an annotation this check cannot read is not checked
        return None


def _init_annotations(klass: type) -> Dict[str, Any]:
    """The annotations ``klass``'s own ``__init__`` gives attributes (module docstring): the
    parameter's annotation, or the one written on ``self.<name>: ...``; ``{}`` when its
    source cannot be read."""
    init = vars(klass).get("__init__")
    if not inspect.isfunction(init):
        return {}
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(init)))
    except (OSError, TypeError, SyntaxError):  # no source (a REPL, a C extension, exec)
        return {}
    fn = tree.body[0] if tree.body else None
    if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) or not fn.args.args:
        return {}
    own = getattr(init, "__annotations__", {})
    this = fn.args.args[0].arg
    rebound = {t.id for node in ast.walk(fn) for t in _targets(node) if isinstance(t, ast.Name)}
    found: Dict[str, Any] = {}
    seen: Set[str] = set()
    for attr, value, annotation in sorted(_self_writes(fn, this), key=lambda w: w[0]):
        # The first write is the declaration mypy types the attribute by; later ones must
        # agree with it.
        if attr[1] in seen:
            continue
        seen.add(attr[1])
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            found[attr[1]] = annotation.value
        elif annotation is not None:
            found[attr[1]] = ast.unparse(annotation)
        elif (isinstance(value, ast.Name) and value.id in own and value.id not in rebound
              and value.id != this):
            found[attr[1]] = own[value.id]
    return found


def _targets(node: ast.AST) -> Iterator[ast.expr]:
    if isinstance(node, ast.Assign):
        yield from node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
        yield node.target
    elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
        yield node.target


_Write = Tuple[Tuple[Tuple[int, int], str], Optional[ast.expr], Optional[ast.expr]]


def _self_writes(fn: ast.AST, this: str) -> Iterator[_Write]:
    """``((position, attribute), value, annotation)`` of each ``self.<attribute> = value``
    (or annotated) statement in ``fn``."""
    value: Optional[ast.expr]
    annotation: Optional[ast.expr]
    for node in ast.walk(fn):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value, annotation = node.targets[0], node.value, None
        elif isinstance(node, ast.AnnAssign):
            target, value, annotation = node.target, node.value, node.annotation
        else:
            continue
        if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                and target.value.id == this):
            yield ((node.lineno, node.col_offset), target.attr), value, annotation
