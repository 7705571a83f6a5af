"""Which ``__init__`` builds a model class's instances: its own, or one it inherits.

Model zoos build blocks by inheritance::

    class Base:
        def __init__(self, c: int) -> None:
            self.norm = LayerNorm(c)

    class Block(Base):                      # no __init__ of its own: Base's builds it
        def __call__(self, x: Tensor) -> Tensor:
            return self.norm(x)

    class Wide(Base):
        def __init__(self, c: int) -> None:
            super().__init__(c)             # Base's run on this instance, then the rest
            self.proj = Dense(c, 2 * c)

:func:`model_init` says which ``__init__`` a run of ``Block(24)`` follows (flow_instances.py):
a class of the module whose bases are ``object`` only gives its own; a class deriving from
exactly one such class of the module gives its own, or its base's when it has none.
:class:`SuperInits` runs a ``super().__init__(...)`` met during a run (or ``Base.__init__(self,
...)``): the base's ``__init__`` on the same instance, its parameters bound to the call's
values.

Soundness, beyond flow_instances.py's rules (which every class of the chain meets): single
inheritance only (a second base could put a class between the two in the MRO); the base is
a class of the module itself, at its top level; ``super()`` without arguments, its base the
next class of the MRO; a ``return`` in a base's ``__init__`` stops the run (nothing known).
Attributes its methods bind count for every class deriving from it (flow_owners.py).

>>> from mypy.nodes import Block, ClassDef, SymbolTable
>>> d = ClassDef("C", Block([]))
>>> d.info = TypeInfo(SymbolTable(), d, "m")
>>> model_init(d) is None  # (no base, not even object: not a class mypy analysed)
True
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Tuple

from mypy.argmap import map_actuals_to_formals
from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    Argument,
    Block,
    CallExpr,
    ClassDef,
    DictExpr,
    DictionaryComprehension,
    Expression,
    FuncDef,
    ListComprehension,
    ListExpr,
    MemberExpr,
    NameExpr,
    RefExpr,
    SetComprehension,
    SetExpr,
    SuperExpr,
    TypeInfo,
    Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import AnyType, TypeOfAny

from mypy_plugin.flow_names import captured
from mypy_plugin.flow_patches import patched
from mypy_plugin.flow_values import NOT_STATIC, safe_reads

__all__ = ["model_init", "plain_init", "init_actuals", "shared_default", "is_super_init", "is_base_init",
           "is_explicit_super_init", "init_base", "SuperInits", "DUNDERS"]

DUNDERS = {"__new__", "__setattr__", "__delattr__", "__getattr__", "__getattribute__"}


def model_init(d: ClassDef) -> Optional[FuncDef]:
    """The ``__init__`` that builds an instance of the class ``d`` when it is a model class
    (the rules above and flow_instances.py's); else None."""
    info = getattr(d, "info", None)
    if not isinstance(info, TypeInfo) or d.decorators or info.metaclass_type is not None or \
            any(name in info.names for name in DUNDERS):
        return None
    bases = [b.type for b in info.bases]
    if [b.fullname for b in bases] == ["builtins.object"]:
        return plain_init(info)
    if len(bases) != 1 or bases[0].module_name != info.module_name or \
            bases[0].fullname != f"{info.module_name}.{bases[0].name}":
        return None  # (several bases, another module's, or a nested class)
    inherited = model_init(bases[0].defn)
    if inherited is None:
        return None
    return plain_init(info) if "__init__" in info.names else inherited


def plain_init(info: TypeInfo) -> Optional[FuncDef]:
    """``info``'s own ``__init__`` when it is a plain method (undecorated; not static, a
    classmethod, a generator or a coroutine) taking ``self`` positionally; else None (also
    for one read from mypy's cache, which has no body).

    >>> from mypy.nodes import Block, ClassDef, SymbolTable
    >>> plain_init(TypeInfo(SymbolTable(), ClassDef("C", Block([])), "m")) is None
    True
    """
    sym = info.names.get("__init__")
    init = sym.node if sym is not None else None
    if not isinstance(init, FuncDef) or init.is_decorated or init.is_generator or \
            init.is_coroutine or init.is_static or init.is_class or patched(info, "__init__"):
        return None  # (patched: the module assigns another function to it, flow_patches.py)
    try:
        if not init.arguments or init.arguments[0].kind != ARG_POS:
            return None
    except AttributeError:  # (read from mypy's cache: no body)
        return None
    return init


def init_actuals(call: CallExpr, init: FuncDef
                 ) -> Optional[List[Tuple[Argument, Optional[Expression]]]]:
    """Each parameter of ``init`` after ``self`` with the expression the construction
    ``call`` gives it (its default when the call gives none; None when neither), or None
    when the arguments cannot be matched one to one (``*args``/``**kwargs`` at the call, a
    parameter given twice)."""
    if any(k not in (ARG_POS, ARG_NAMED) for k in call.arg_kinds):
        return None
    params = init.arguments[1:]
    mapping = map_actuals_to_formals(
        call.arg_kinds, call.arg_names, [a.kind for a in params], [a.variable.name for a in params],
        lambda i: AnyType(TypeOfAny.special_form))
    out: List[Tuple[Argument, Optional[Expression]]] = []
    for param, actuals in zip(params, mapping):
        if len(actuals) > 1:
            return None
        out.append((param, call.args[actuals[0]] if actuals else param.initializer))
    return out


def shared_default(func: FuncDef, param: Argument, given: Optional[Expression]) -> bool:
    """Whether ``given`` is ``param``'s default, a mutable display (``layers: List[Block] =
    []``, a dict or set display, a comprehension) that ``func``'s body may change: Python
    builds it once, when the ``def`` runs, and every call that leaves it out shares it (a
    second ``self._stage(...)`` finds the first one's blocks in it), where a run would take a
    fresh one per call. A run binds such a parameter to NOT_STATIC. The body may change it
    where it reads the name other than as an index base, an operand, an argument of the
    builtins that only read (``len``, ``range``): flow_values.safe_reads.

    >>> shared_default(FuncDef("f", [], Block([])), Argument(Var("x"), None, None, ARG_POS),
    ...                None)
    False
    """
    if given is None or given is not param.initializer or not isinstance(given, (
            ListExpr, DictExpr, SetExpr, ListComprehension, DictionaryComprehension,
            SetComprehension)):
        return False
    reads = get_subexpressions(func.body)
    safe = safe_reads(reads)
    return any(isinstance(x, NameExpr) and x.node is param.variable and id(x) not in safe
               for x in reads)


def is_super_init(e: Expression) -> bool:
    """``super().__init__(...)`` (no arguments to ``super``)."""
    return isinstance(e, CallExpr) and isinstance(e.callee, SuperExpr) and \
        e.callee.name == "__init__" and not e.callee.call.args


def is_explicit_super_init(e: Expression) -> bool:
    """``super(Sub, self).__init__(...)``: a base's ``__init__`` the run does not follow (its
    base is not read from the arguments), so nothing it binds is known."""
    return isinstance(e, CallExpr) and isinstance(e.callee, SuperExpr) and \
        e.callee.name == "__init__" and bool(e.callee.call.args)


def is_base_init(e: Expression) -> bool:
    """``super().__init__(...)``, or a class's ``__init__`` called on a name (``Base.__init__(
    self, c)``, the older spelling)."""
    if is_super_init(e):
        return True
    return isinstance(e, CallExpr) and isinstance(e.callee, MemberExpr) and \
        e.callee.name == "__init__" and isinstance(e.callee.expr, RefExpr) and isinstance(
            e.callee.expr.node, TypeInfo) and bool(e.args) and isinstance(e.args[0], NameExpr) \
        and e.arg_kinds[0] == ARG_POS


def init_base(call: CallExpr) -> Optional[TypeInfo]:
    """The class whose ``__init__`` a base's ``__init__`` call (:func:`is_base_init`) runs:
    for ``super().__init__(...)``, the one base of the class it is written in (None for a
    class of several bases: the next class of the MRO depends on the instance's class); for
    ``Base.__init__(self, ...)``, ``Base``.

    >>> init_base(CallExpr(NameExpr("f"), [], [], [])) is None
    True
    """
    callee = call.callee
    if isinstance(callee, SuperExpr):
        info = callee.info
        return info.bases[0].type if info is not None and len(info.bases) == 1 else None
    if isinstance(callee, MemberExpr) and isinstance(callee.expr, RefExpr) and isinstance(
            callee.expr.node, TypeInfo):
        return callee.expr.node
    return None


class SuperInits:
    """A run's ``super().__init__(...)`` steps (flow_run.Run.supers): the base's ``__init__``
    run on the same instance; and ``Base.__init__(self, c)`` the same way, for a class of the
    instance's MRO called on the ``self`` being built (on another object: False, the run reads
    it as any other call). ``inits``: each model class's fullname -> the
    ``__init__`` that builds it (flow_instances.py); ``self_var``: the ``self`` of the
    ``__init__`` the run starts in; ``mro``: the fullnames of the built class's MRO. A
    ``super()`` step the rules above do not follow raises ``stop`` (``super(Sub, self)
    .__init__(...)`` stops the run before it gets here: flow_run.py).

    >>> SuperInits({}, Var("self"), (), ValueError).selves[0].name
    'self'
    """

    def __init__(self, inits: Dict[str, FuncDef], self_var: Var, mro: Sequence[str],
                 stop: Callable[[], Exception]) -> None:
        self.inits = inits
        self.selves = [self_var]  # (the ``self`` of each ``__init__`` being run, innermost last)
        self.mro = set(mro)
        self.stop = stop
        self.running: Set[int] = set()
        self.ran: List[FuncDef] = []  # (the bases' ``__init__`` run, in order)

    def __call__(self, run: Any, call: CallExpr, safe: Set[int]) -> bool:
        callee = call.callee
        base = init_base(call)
        if not isinstance(callee, SuperExpr):
            # ``Base.__init__(self, c)``: Base's ``__init__`` as a function given ``self``
            this = call.args[0]
            if base is None or not isinstance(this, NameExpr) or this.node is not \
                    self.selves[-1]:
                return False  # (not on this instance: read as any other call)
            if base.fullname != "builtins.object" and (
                    base.fullname not in self.mro or base.fullname not in self.inits):
                raise self.stop()  # (another class's ``__init__`` binding on this instance)
            call = CallExpr(callee, call.args[1:], call.arg_kinds[1:], call.arg_names[1:])
        if base is not None and base.fullname == "builtins.object":
            return True  # (``object.__init__()``: binds nothing)
        init = self.inits.get(base.fullname) if base is not None else None
        given_to = init_actuals(call, init) if init is not None else None
        if init is None or given_to is None or id(init) in self.running:
            raise self.stop()
        values: Dict[Var, Any] = {
            p.variable: run.item(given, safe) if given is not None and not shared_default(
                init, p, given) else NOT_STATIC for p, given in given_to}
        base_self = init.arguments[0].variable
        values[base_self] = run.env.get(self.selves[-1], NOT_STATIC)
        before, outer = {v: run.env[v] for v in values if v in run.env}, run.captured
        run.env.update(values)
        run.captured = captured(init.body.body)
        self.selves.append(base_self)
        self.running.add(id(init))
        self.ran.append(init)
        try:
            if run.block(init.body.body) is not None:
                raise self.stop()  # (a ``return`` in the base's ``__init__``)
        finally:
            self.running.discard(id(init))
            self.selves.pop()
            run.captured = outer
        built = run.env.get(base_self, NOT_STATIC)
        for v in values:
            run.env.pop(v, None)
        run.env.update(before)
        run.env[self.selves[-1]] = built
        return True
