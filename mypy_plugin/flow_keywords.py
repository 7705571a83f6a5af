"""A held layer called with keywords in a body: ``self.attn(h, h, h, mask=mask)``.

A GPT block calls its attention with a causal mask by keyword. At module level the call's
hook reads the mask and checks it against the scores (layer_types.with_mask); in a body run
on known inputs (layer_bodies.py) the same call is matched against the layer's own
``__call__`` signature (as Python does at run time): the arguments that land on its
positional parameters, in order, are its tensors; a ``mask`` is checked by the very rule the
module-level call uses (layer_types.masked_rule). Any other keyword (one the layer's rule
does not read) leaves the call unknown.

>>> keyword_output(None, None, [], [], [])
Traceback (most recent call last):
...
typedflux.shapes.errors.CannotTell: a layer call whose keywords are not read here
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Tuple

from mypy.argmap import map_actuals_to_formals
from mypy.nodes import ARG_NAMED, ARG_NAMED_OPT, ARG_OPT, ARG_POS, FuncDef
from mypy.types import AnyType, CallableType, Instance, TypeOfAny, get_proper_type

from mypy_plugin.callbacks.bodies import tensor_shape
from mypy_plugin.flow_arguments import none_default
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.layers_attention import AttentionConfig

__all__ = ["keyword_output", "by_parameter"]

_READ = frozenset({"mask"})  # keywords a layer's rule reads (attention's mask, its only one)


def keyword_output(t: Any, item: Any, args: List[Any], kinds: List[Any],
                   names: Optional[Sequence[Optional[str]]]) -> Any:
    """What ``layer(..., mask=m)`` gives in a body: ``t`` the layer's type, ``item`` its
    rule (chain_items.py), ``args`` the values given with their ``kinds`` and ``names``;
    the output's shape (CannotTell for a keyword not read here)."""
    from mypy_plugin.callbacks.layer_types import masked_rule  # (it imports the bodies)

    tensors, keywords = _by_signature(t, args, kinds, names)
    if not tensors or not set(keywords) <= _READ or (keywords and not isinstance(
            getattr(item, "config", None), AttentionConfig)):
        # (a ``mask=`` given to a layer of another rule, a user block's: not read here)
        raise CannotTell("a layer call whose keywords are not read here")
    if len(tensors) > 1 and getattr(item, "config", None) is None:
        raise CannotTell("a layer not called with its tensors")
    mask = keywords.get("mask")
    shapes = [tensor_shape(a) for a in tensors]
    return masked_rule(item, None if mask is None else tensor_shape(mask))(shapes)


def by_parameter(t: Any, args: List[Any], kinds: List[Any],
                 names: Optional[Sequence[Optional[str]]]) -> Optional[List[Any]]:
    """The values a call gives the parameters of ``t``'s own ``__call__`` (a user block's),
    in their order: ``blk(x, mask=m)``, ``blk(x)`` of ``mask: Optional[Tensor] = None``
    (None for it); None when the call does not match it plainly (``*args``, a parameter left
    out without that default, a class read from mypy's cache).

    >>> by_parameter(None, [], [], None) is None
    True
    """
    p = get_proper_type(t)
    method = p.type.get_method("__call__") if isinstance(p, Instance) else None
    try:
        params = method.arguments[1:] if isinstance(method, FuncDef) else None
    except AttributeError:  # (read from mypy's cache: no body)
        return None
    names = list(names) if names is not None else [None] * len(args)
    if params is None or len(names) != len(args) or any(
            k not in (ARG_POS, ARG_NAMED) for k in kinds):
        return None
    mapping = map_actuals_to_formals(kinds, names, [a.kind for a in params],
                                     [a.variable.name for a in params],
                                     lambda i: AnyType(TypeOfAny.special_form))
    if sum(map(len, mapping)) != len(args) or any(len(m) > 1 for m in mapping):
        return None
    out: List[Any] = []
    for a, actuals in zip(params, mapping):
        if not actuals and not none_default(a):
            return None
        out.append(args[actuals[0]] if actuals else None)
    return out


def _by_signature(t: Any, args: List[Any], kinds: List[Any],
                  names: Optional[Sequence[Optional[str]]]) -> Tuple[List[Any], Dict[str, Any]]:
    """The values given to the layer's positional parameters (in order, none skipped) and
    to its keyword-only ones (by name), matched as Python matches the call to ``t``'s
    ``__call__``; CannotTell when the call does not match it plainly."""
    p = get_proper_type(t)
    method = p.type.get_method("__call__") if isinstance(p, Instance) else None
    sig = method.type if isinstance(method, FuncDef) else None
    if not isinstance(sig, CallableType) or names is None or len(names) != len(args) or any(
            k not in (ARG_POS, ARG_NAMED) for k in kinds):
        raise CannotTell("a layer call whose keywords are not read here")
    formal_kinds, formal_names = sig.arg_kinds[1:], sig.arg_names[1:]
    mapping = map_actuals_to_formals(kinds, list(names), formal_kinds, formal_names,
                                     lambda i: AnyType(TypeOfAny.special_form))
    tensors: List[Any] = []
    keywords: Dict[str, Any] = {}
    for j, actuals in enumerate(mapping):
        kind, name = formal_kinds[j], formal_names[j]
        if len(actuals) > 1:
            raise CannotTell("several values for one parameter")
        if kind in (ARG_POS, ARG_OPT):
            if not actuals:
                if any(mapping[i] for i in range(j + 1, len(mapping))
                       if formal_kinds[i] in (ARG_POS, ARG_OPT)):
                    raise CannotTell("a positional parameter skipped")  # (``mha(q, v=v)``)
                continue
            tensors.append(args[actuals[0]])
        elif kind in (ARG_NAMED, ARG_NAMED_OPT) and name is not None:
            if actuals and args[actuals[0]] is not None:  # (``mask=None``: no mask)
                keywords[name] = args[actuals[0]]
        elif actuals:
            raise CannotTell("an argument to *args or **kwargs")
    if sum(map(len, mapping)) != len(args):
        raise CannotTell("an argument the layer's signature does not take")
    return tensors, keywords
