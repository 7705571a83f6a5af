"""What a model instance holds: its class's ``__init__`` run on the arguments it was built with.

Model classes build their layers from their constructor's arguments::

    class MLP:
        def __init__(self, d_in: int, hidden: int, n_out: int) -> None:
            self.body = Chain(Dense(d_in, hidden, relu), LayerNorm(hidden))
            self.head = Dense(hidden, n_out)

    m = MLP(6, 16, 3)
    m.head                  # Dense[6, 16] here, where mypy knows only Dense[Any, Any]
    m(x)                    # its __call__ body over those layers (layer_bodies.py)

mypy types ``self.head`` once for every instance (``Dense[Any, Any]``: ``hidden`` is an
``int``). Where an instance is read (``m.head``, ``m(x)``) and the expression can be traced
to the call that built it, :func:`instance_attributes` runs ``__init__``'s statements on
that call's values (``flow_run.Run``: assignments, ``if`` with a known condition, loops of
known length, ``append``), each ``self.<name> = <expr>`` typed as mypy types ``<expr>`` with
the parameters bound to their values: ints (literals, ``Final`` and module constants, names
``flow.py`` follows) and config instances (a dataclass or ``NamedTuple`` of the module built
at the call or bound once at module level: ``instance_constants.config_fields``).

Soundness (a claim only where nothing can make it false; as for module constants, a change
made from another module is not seen):

- the instance is built by a call written where it is read (``MLP(6, 16, 3)(x)``; or
  ``MLP.small()`` of a classmethod whose body is ``return cls(12, 16, 3)``:
  flow_factories.py), or held
  in a name bound exactly once to that call: at module level (``module_constants.bound_once``)
  or at the top level of the function being checked (no other binding, no ``global``/
  ``nonlocal``/walrus for it); or read as ``self.block`` in a method of a model class whose
  ``__init__`` binds it at its top level to that call, its class's only binding of an
  attribute of that name, for a class no class of the module derives from (``self`` may be
  a derived class's instance);
- the class is defined at the module's top level, derives from ``object`` only, has no
  decorator or metaclass, and defines ``__init__`` as a plain method and none of
  ``__new__``, ``__setattr__``, ``__delattr__``, ``__getattr__``, ``__getattribute__``; or
  derives from exactly one such class of the module, is built by its own ``__init__`` or the
  one it inherits, and meets the same rules (flow_inits.py: ``super().__init__(...)`` runs
  the base's on the same instance);
- an attribute is known only when every binding of it on the class's instances is an
  assignment ``self.<name> = ...`` in the ``__init__`` the run follows (or a base's it runs):
  the run reads them all, in order (``self.shortcut = Chain()`` then, under an ``if`` the
  values decide, a ``Chain`` of a conv; an ``if`` they do not decide joins its branches:
  the attribute is known when they agree, flow_run.joined), and no other binding of that
  name in a method of the class or on an object of no known class (flow_owners.py:
  attributes are keyed by class and name, so two classes that both bind ``self.norm`` are
  each traced; any ``+=``, ``del``, ``for``/``with`` target of that name, or a
  ``setattr``/``delattr``/``vars``/``__dict__`` anywhere, and it is not);
- a list attribute (``self.layers = [Dense(...), LayerNorm(...)]``) is known only when it is
  bound to a list display (or a comprehension the run follows: one ``for``, no condition,
  over a known sequence, ``[Block(d) for _ in range(n)]``) and every read of it (on the class's ``self``, or on an object of
  no known class) leaves it unchanged (a loop over it, an index, ``len``, ``*layers`` in a
  ``Chain``): an ``append`` outside ``__init__``, an item assignment or passing it to a
  function, and not.

When ``__init__`` cannot build its layers for these values (a proven ``[shape]`` error that
its body alone does not give: only the values make it fail), the error is reported at the
call that builds the instance, where the run time raises it (:func:`construction_check`).

Why this module is long: the construction's run is set up here with every hook it plugs in
(a base's ``__init__``, a method of ``self``, a class given as a value, what a built block
or Chain holds), and the module's facts it reads once per tree; the readers of its result
(an attribute, a construction's errors, its state) share its one memo.

>>> instance_attributes(object(), None) is None
True
"""

from __future__ import annotations

from functools import partial
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

from mypy.nodes import (
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Decorator,
    ExpressionStmt,
    ListComprehension,
    ListExpr,
    Expression,
    FuncDef,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    RefExpr,
    Statement,
    TupleExpr,
    TypeInfo,
    Var,
)
from mypy.server.subexpr import get_subexpressions
from mypy.subtypes import is_subtype
from mypy.types import Instance, LiteralType, Type, get_proper_type

from mypy_plugin.class_constants import init_constants
from mypy_plugin.codes import SHAPE
from mypy_plugin.flow import outer_value
from mypy_plugin.flow_constructions import construction, single_call
from mypy_plugin.flow_inits import (
    SuperInits, init_actuals, init_base, is_base_init, model_init, plain_init, shared_default,
)
from mypy_plugin.flow_methods import SelfMethods
from mypy_plugin.flow_names import binding_targets
from mypy_plugin.flow_unbound import UNBOUND, unbound_names
from mypy_plugin.flow_owners import AttributeFacts
from mypy_plugin.flow_run import ACTIVE, RUNNING, Run, Stop, typed
from mypy_plugin.flow_typed import OVERRIDES
from mypy_plugin.flow_stages import CHAIN, traced_chain
from mypy_plugin.flow_tables import class_tables
from mypy_plugin.flow_values import (
    NOT_STATIC, ClassRecord, ConfigRecord, Item, NotStatic, Record, Seq, evaluate,
)
from mypy_plugin.instance_constants import config_fields
from mypy_plugin.module_constants import bound_once
from mypy_plugin.statements import PerTree, walk
from mypy_plugin import per_build
from typedflux.shapes.layer_config import is_int

__all__ = ["instance_attributes", "construction_check", "construction_of", "construction_values",
           "attribute_value", "attribute_hook", "attribute_bindings", "construction_state"]

_KEEP = 256  # constructions remembered per pass


class _Module:
    """What a module's tree says once for every construction in it."""

    def __init__(self, tree: MypyFile) -> None:
        self.tree = tree
        self.inits: Dict[str, FuncDef] = {}  # model classes' fullnames -> their __init__
        for d in tree.defs:
            if isinstance(d, ClassDef):
                init = model_init(d)
                if init is not None and all(  # (a base of the module's top level: flow_inits.py)
                        b.type.fullname in self.inits or b.type.fullname == "builtins.object"
                        for b in d.info.bases):
                    self.inits[d.info.fullname] = init
        self._more: Dict[int, bool] = {}
        self._facts: Optional[AttributeFacts] = None
        self._built: Optional[Dict[str, CallExpr]] = None

    def more(self, init: FuncDef) -> bool:
        """:func:`_more` of one of the module's ``__init__`` (read once)."""
        hit = self._more.get(id(init))
        if hit is None:
            hit = self._more[id(init)] = _more(init, self.inits)
        return hit

    def attributes(self) -> AttributeFacts:
        """The module's attribute facts (read once, when a construction needs them)."""
        if self._facts is None:
            self._facts = AttributeFacts(
                self.tree, {init.arguments[0].variable for init in self.inits.values()},
                frozenset(id(st) for init in self.inits.values()  # (under an ``if`` too:
                          for st in walk(init.body.body, scopes=False)  # the run follows it)
                          if _tie(st, init.arguments[0].variable)))
        return self._facts

    def built(self) -> Dict[str, CallExpr]:
        """Module-level names bound once to a call of a class."""
        if self._built is None:
            once = bound_once(self.tree)
            self._built = {}
            for s in self.tree.defs:
                call = single_call(s)
                if call is not None and isinstance(s, AssignmentStmt) and \
                        isinstance(s.lvalues[0], NameExpr) and s.lvalues[0].name in once:
                    self._built[s.lvalues[0].name] = call
        return self._built


def _tie(st: Statement, self_var: Var) -> bool:
    """``self.lm_head.weight = ...`` (the run retypes the layer: flow_ties.py)."""
    if not isinstance(st, AssignmentStmt) or len(st.lvalues) != 1:
        return False
    lv = st.lvalues[0]
    return isinstance(lv, MemberExpr) and isinstance(lv.expr, MemberExpr) and isinstance(
        lv.expr.expr, NameExpr) and lv.expr.expr.node is self_var


def _candidate(info: TypeInfo, tree: MypyFile) -> bool:
    """A class of ``tree`` that may be a model (the cheap test before the module is read)."""
    return info.module_name == tree.fullname and model_init(info.defn) is not None


_modules: PerTree[_Module] = PerTree(_Module, keep=64)


# -- running __init__ ------------------------------------------------------------------------

# Known attributes, messages to report at the call, the state ``__init__`` leaves.
_Built = Tuple[Dict[str, Any], List[Any], Dict[str, Any]]
_BUILT: Dict[Tuple[int, int], Tuple[CallExpr, Optional[_Built]]] = {}
per_build.forget_each_build(_BUILT)  # (holds mypy nodes: this build's only)


def _tree(chk: Any) -> Optional[MypyFile]:
    tree = getattr(chk, "tree", None)
    return tree if isinstance(tree, MypyFile) else None


def _built(chk: Any, call: CallExpr) -> Optional[_Built]:
    if ACTIVE:  # (built inside a run: its arguments' values are that run's)
        try:
            return _build(chk, call)
        except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
            return None
    key = (id(call), getattr(chk, "pass_num", 0))
    hit = _BUILT.get(key)
    if hit is not None and hit[0] is call:
        return hit[1]
    try:
        found = _build(chk, call)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
        found = None
    if len(_BUILT) >= _KEEP:
        del _BUILT[next(iter(_BUILT))]
    _BUILT[key] = (call, found)
    return found


def _build(chk: Any, call: CallExpr, info: Optional[TypeInfo] = None) -> Optional[_Built]:
    """``info``: the class a name called holds (``block(64, 128)``, flow_values.ClassRecord)."""
    tree = _tree(chk)
    callee = call.callee
    if info is None and isinstance(callee, RefExpr) and isinstance(callee.node, TypeInfo):
        info = callee.node
    if tree is None or info is None or not isinstance(callee, RefExpr):
        return None
    if not _candidate(info, tree):
        return None
    module = _modules(tree)
    init = module.inits.get(info.fullname)
    if init is None or id(init) in RUNNING:
        return None
    given_to = init_actuals(call, init)
    if given_to is None:
        return None
    env: Dict[Var, Any] = {p.variable: _argument(chk, tree, given) if given is not None and
                           not shared_default(init, p, given) else NOT_STATIC
                           for p, given in given_to}
    if not (any(not isinstance(v, NotStatic) for v in env.values()) or module.more(init) or
            _reads_held(init, init.arguments[0].variable, _class_held(tree, info))):
        return None  # (nothing more than the declared types: a run would find no more)
    key = _nested_key(chk, tree, call, info, env) if ACTIVE else None
    hit = _NESTED.get(key) if key is not None else None
    if hit is not None and hit[0] is call:
        return hit[1]
    found = _run_init(chk, tree, module, info, init, env)
    if key is not None:
        if len(_NESTED) >= _KEEP_NESTED:
            del _NESTED[next(iter(_NESTED))]
        _NESTED[key] = (call, found)
    return found


# A construction built inside another's run (``self.mlp = SwiGLU(d)`` while ``Block(24)``
# runs, a block of a comprehension unrolled ``depth`` times) is run again at each place that
# needs it: its result for the same call node and the same argument values, kept per pass.
_NESTED: Dict[Tuple[Any, ...], Tuple[CallExpr, Optional[_Built]]] = {}
per_build.forget_each_build(_NESTED)  # (holds mypy nodes: this build's only)
_KEEP_NESTED = 1024


def _nested_key(chk: Any, tree: MypyFile, call: CallExpr, info: TypeInfo,
                env: Dict[Var, Any]) -> Optional[Tuple[Any, ...]]:
    """The memo key of a construction built inside a run: its call node, mypy's pass, the
    argument values, the scopes being run (a run of one of them returns None) and the depths
    of the plugin's nested evaluations (each has a budget); None (not kept) when its run may
    read more than these: a run under way holds a module-level name or a loop's instance
    (read by name where ``__init__`` reads a global), mypy's type of a node is overridden, or
    an argument is a value compared without what it holds (an :class:`Item`, an object)."""
    if LOOP_INSTANCES or OVERRIDES:
        return None
    names = tree.names
    for active in ACTIVE:
        for var in active:
            sym = names.get(getattr(var, "name", ""))
            if sym is not None and sym.node is var:
                return None
    try:
        values = tuple(_key_value(v) for v in env.values())
    except _NotKept:
        return None
    from mypy_plugin.callbacks import bodies, factories  # (they import this module)

    return (id(call), getattr(chk, "pass_num", 0), id(info), values, frozenset(RUNNING),
            factories._ACTIVE[0], bodies._NESTED[0], bodies._BUILDING[0])


class _NotKept(Exception):
    """A value the memo key cannot hold."""


def _key_value(v: Any) -> Any:
    if v is None or isinstance(v, (bool, int, str, float)):
        return (type(v), v)
    if isinstance(v, NotStatic):
        return NotStatic
    if isinstance(v, Seq):
        return (Seq, tuple(_key_value(i) for i in v.items))
    if type(v) is ConfigRecord:
        return (ConfigRecord, tuple((k, _key_value(x)) for k, x in v.fields))
    if type(v) is ClassRecord:
        return (ClassRecord, id(v.info), tuple((k, _key_value(x)) for k, x in v.fields))
    raise _NotKept()


def _run_init(chk: Any, tree: MypyFile, module: _Module, info: TypeInfo, init: FuncDef,
              env: Dict[Var, Any]) -> Optional[_Built]:
    cls = info.fullname
    facts = module.attributes()
    if facts.poisoned:
        return None
    self_var = init.arguments[0].variable
    # (``self.expansion`` of a class attribute ``expansion = 4``: Record fields nothing binds
    # on the instance, so they are not among what the instance is known to hold below)
    # (``self.cfg`` of a class attribute ``cfg = [(1, 16, 1, 1), ...]``: flow_tables.py)
    held = _class_held(tree, info)
    run = Run(chk, init, [])
    run.env = {self_var: Record(tuple(sorted(held.items()))), **env}
    run.factory, run.typed_locals = True, True
    run.held = partial(_held, chk)
    supers = SuperInits(module.inits, self_var, [b.fullname for b in info.mro], Stop)
    run.supers = supers  # (``super().__init__(c)``)
    methods = SelfMethods(tree, info, supers, Stop)
    run.methods = methods  # (``self._make_layer(64, 2)``)
    run.selves = methods.before  # (``more = self._more``: flow_selves.py)
    run.classes = partial(class_value, tree)  # (``block.expansion``, ``block(64, 128)``)
    RUNNING.add(id(init))
    try:
        run.block(init.body.body)
    except Stop:
        return None
    finally:
        RUNNING.discard(id(init))
    record = run.env.get(self_var)
    if not isinstance(record, Record):
        return None
    run_binds = _run_bindings([init, *(  # (a method a call of which was not followed: not
        m for m in supers.ran if id(m) not in methods.skipped)])  # the run's bindings)
    known: Dict[str, Any] = {}
    state: Dict[str, Any] = {}  # (every attribute as ``__init__`` left it)
    for name, v in record.fields:
        if isinstance(v, NotStatic) or isinstance(v, Seq) and not all(
                isinstance(i, Item) for i in v.items):
            continue
        if not (isinstance(v, (int, str, Item, Seq, ConfigRecord)) or v is None):
            continue  # (a ConfigRecord: ``self.cfg = cfg``, flow_records.py; a bool or str:
            # ``self.norm_first = norm_first`` read by a body's ``if``, flow_branches.py)
        state[name] = v  # (None: ``self.proj = ... if a != b else None`` took None)
        if facts.binds(cls, name, exact=True) > 0 and not facts.binds_beside(
                cls, name, True, run_binds) and not (
                isinstance(v, Seq) and facts.unsafe_list(cls, name, exact=True)) and not (
                _described(info, name)):
            known[name] = v  # (bound by the run alone: what it left, branches joined)
    unbound = unbound_names(info, record, facts, run_binds, [init, *supers.ran])
    if unbound:
        known[UNBOUND] = unbound
    return known, _new_errors(chk, run.errors), state



def _described(info: TypeInfo, name: str) -> bool:
    """Whether a class body of ``info``'s MRO defines ``name`` as a method or property: a
    property (with a setter) reads past what ``__init__`` stored on the instance."""
    return any(isinstance(c.names[name].node, (FuncDef, Decorator, OverloadedFuncDef))
               for c in info.mro if name in c.names)


def _run_bindings(inits: List[FuncDef]) -> Set[int]:
    """The targets ``self.<name>`` (ids) of the assignments in the bodies of ``inits`` (the
    ``__init__`` a construction's run follows, and the bases' it runs), on their own
    ``self``: the run reads each (an ``if`` it cannot decide runs every branch and joins
    them; a loop it cannot unroll, a ``while``, ``try`` or ``with`` that binds one leaves
    ``self`` unknown: flow_run.py). A nested function's are not among them, nor an
    ``__init__``'s that rebinds ``self``."""
    out: Set[int] = set()
    for init in inits:
        this = init.arguments[0].variable
        body = walk(init.body.body, scopes=False)
        if any(isinstance(t, NameExpr) and t.node is this for st in body
               for t in binding_targets(st)):
            continue
        for st in body:
            if isinstance(st, AssignmentStmt):
                out.update(id(t) for lv in st.lvalues for t in _items(lv) if isinstance(
                    t, MemberExpr) and isinstance(t.expr, NameExpr) and t.expr.node is this)
    return out


def _items(target: Expression) -> List[Expression]:
    """A target and, for a tuple or list target, its items (nested)."""
    if isinstance(target, (TupleExpr, ListExpr)):
        return [i for t in target.items for i in _items(t)]
    return [target]


def _held(chk: Any, v: Item, env: Dict[Var, Any]) -> Item:
    """``v`` with what its construction builds when the run's values give its arguments
    (``self.mlp = SwiGLU(d)`` while ``Block(24)`` runs: ``SwiGLU(24)``'s layers)."""
    call = v.expr
    if not isinstance(call, CallExpr) or not isinstance(call.callee, RefExpr):
        return v
    info = call.callee.node
    if isinstance(info, Var) and isinstance(env.get(info), ClassRecord):
        info = env[info].info  # (``block(self.in_planes, planes, s)`` of a class given)
    typed_as = get_proper_type(v.type)
    if not isinstance(info, TypeInfo) or not isinstance(typed_as, Instance) or \
            typed_as.type is not info:
        return v  # (typed as another class than the one built: its layers are not mixed)
    if info.fullname == CHAIN:
        return traced_chain(v, env, lambda c: _held(chk, Item(Instance(
            c.callee.node, []), c), env).attrs if isinstance(c.callee, RefExpr) and isinstance(
            c.callee.node, TypeInfo) and not c.callee.node.type_vars else None)
    ACTIVE.append(env)  # (the arguments read the run's names: ``d``)
    try:
        found = _build(chk, call, info)
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
        found = None
    finally:
        ACTIVE.pop()
    return Item(v.type, call, found[0]) if found is not None and found[0] else v


def _more(init: FuncDef, inits: Dict[str, FuncDef]) -> bool:
    """Whether a run of ``__init__`` knows more than mypy's types of its attributes when no
    argument's value is known: it binds an attribute to a list display or comprehension
    (its items are known only through a run), to a construction of a model class of the
    module (``self.root = Root(16, 16)``: what that one builds), or ties a layer's weight
    (flow_ties.py); or it runs a model base's ``__init__`` (flow_inits.py)."""
    self_var = init.arguments[0].variable
    for st in walk(init.body.body):
        base = init_base(st.expr) if isinstance(st, ExpressionStmt) and isinstance(
            st.expr, CallExpr) and is_base_init(st.expr) else None
        if base is not None and base.fullname in inits:
            return True  # (what the base builds: for the arguments this call gives it)
        if isinstance(st, (AssignmentStmt, ExpressionStmt)) and any(
                isinstance(x, CallExpr) and isinstance(x.callee, RefExpr) and (
                    x.callee.fullname in inits or isinstance(x.callee, MemberExpr) and isinstance(
                        x.callee.expr, NameExpr) and x.callee.expr.node is self_var)
                for x in get_subexpressions(st)):
            return True  # (``layers.append(Block(d))``: a Chain of them, flow_stages.py; a
            # method building them, ``self._make_layer(64, 2)``: flow_methods.py)
        if not isinstance(st, AssignmentStmt) or not any(
                isinstance(lv, MemberExpr) for lv in st.lvalues):
            continue
        if isinstance(st.rvalue, (ListExpr, ListComprehension)) or _tie(st, self_var):
            return True
    return False


def _class_held(tree: MypyFile, info: TypeInfo) -> Dict[str, Any]:
    """The class attributes a construction's run of ``info`` starts ``self`` with."""
    return {**class_tables(tree, info), **init_constants(tree, info)}


def _reads_held(init: FuncDef, self_var: Var, held: Dict[str, Any]) -> bool:
    """Whether ``__init__`` reads a constant class attribute through ``self`` (DETR's
    ``Backbone()``: ``Conv((3, 3), 12, self.num_channels)`` of ``num_channels = 24``): a run
    with no argument known then knows more than mypy's ``int``."""
    return any(isinstance(x, MemberExpr) and x.name in held and isinstance(
        x.expr, NameExpr) and x.expr.node is self_var
        for st in init.body.body for x in get_subexpressions(st))


def class_value(tree: MypyFile, e: Expression) -> Optional[ClassRecord]:
    """A model class of ``tree`` written as a value (``BasicBlock`` given to ``ResNet(
    BasicBlock, [2, 2])`` or to ``self._make_layer(BasicBlock, 64)``): its constant class
    attributes and the class (flow_values.ClassRecord); None for anything else."""
    if not isinstance(e, RefExpr) or not isinstance(e.node, TypeInfo) or \
            e.node.fullname not in _modules(tree).inits:
        return None
    return ClassRecord(tuple(sorted(init_constants(tree, e.node).items())), e.node)


def _argument(chk: Any, tree: MypyFile, e: Expression) -> Any:
    # (built inside a run: the arguments read its names, ``Block(cfg.n_embd)`` a field of
    # the config the run holds)
    env = {k: v for active in ACTIVE for k, v in active.items()} if ACTIVE else {}
    held = class_value(tree, e)
    if held is not None:
        return held
    v = evaluate(e, env, lambda x: outer_value(chk, x), set())
    if isinstance(v, NotStatic):
        fields = config_fields(tree, e)
        if fields:
            return ConfigRecord(tuple(sorted(fields.items())))
        return _given_layer(chk, e, env)
    return v


def _given_layer(chk: Any, e: Expression, env: Dict[Var, Any]) -> Any:
    """A layer or model built in the argument itself (``DETR(Backbone())``, ``LoRA(Dense(8,
    16), 4)``): nothing else holds that object, so it is what its construction builds (an
    :class:`Item`, with the layers a model of the module builds); else NOT_STATIC."""
    if not (isinstance(e, CallExpr) and isinstance(e.callee, RefExpr) and isinstance(
            e.callee.node, TypeInfo)):
        return NOT_STATIC
    t, errors = typed(chk, e, env)
    p = get_proper_type(t) if t is not None else None
    if errors or not isinstance(p, Instance) or p.type is not e.callee.node:
        return NOT_STATIC
    return _held(chk, Item(p, e), env)


def _new_errors(chk: Any, found: List[Tuple[Expression, List[Any]]]) -> List[Any]:
    """The ``[shape]`` messages only these values give: an expression that fails with its
    parameters' declared types too was reported in ``__init__`` already."""
    out: List[Any] = []
    for e, errors in found:
        if not all(getattr(m.code, "code", None) == SHAPE.code for m in errors):
            continue
        _, plain = typed(chk, e, {})
        if not plain:
            out.extend(errors)
    return out


# -- reading an instance ---------------------------------------------------------------------


LOOP_INSTANCES: Dict[Var, Dict[str, Any]] = {}
"""While a loop's body is run for one item (flow_loops.py): its variable -> what the
construction of that item builds."""


def instance_attributes(chk: Any, e: Optional[Expression]) -> Optional[Dict[str, Any]]:
    """The attributes known of the instance ``e`` stands for (name -> an int, ``None``, an
    :class:`~mypy_plugin.flow_values.Item` with its type, or a ``Seq`` of them), or None."""
    if LOOP_INSTANCES and isinstance(e, NameExpr) and isinstance(e.node, Var):
        held = LOOP_INSTANCES.get(e.node)
        if held is not None:
            return held
    try:
        tree = _tree(chk)
        if tree is None or e is None:
            return None
        call = construction(chk, tree, _modules(tree), e)
        found = _built(chk, call) if call is not None else None
        return found[0] if found is not None else None
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
        return None


def construction_of(chk: Any, e: Expression) -> Optional[CallExpr]:
    """The call that built what ``e`` stands for (a name bound once to it, ``self.block``
    bound once in ``__init__``, or the call itself), as :func:`instance_attributes` traces
    it; None when there is none."""
    try:
        tree = _tree(chk)
        return construction(chk, tree, _modules(tree), e) if tree is not None else None
    except Exception:  # noqa: BLE001 - a construct not modelled here: nothing is known
        return None


def attribute_bindings(chk: Any, info: TypeInfo, name: str) -> Optional[int]:
    """How many statements of the module being checked may bind ``name`` on an instance
    built by ``info(...)`` (flow_owners.py); None when not known (``info`` is another
    module's class, or the module uses ``setattr``, ``vars`` or ``__dict__``)."""
    tree = _tree(chk)
    if tree is None or info.module_name != tree.fullname:
        return None
    facts = _modules(tree).attributes()
    return None if facts.poisoned else facts.binds(info.fullname, name, exact=True)


def construction_state(chk: Any, call: CallExpr) -> Optional[Dict[str, Any]]:
    """Every attribute as the construction ``call`` leaves the instance (those bound again
    after ``__init__`` too: ``self.k_cache`` a ``step`` method extends), true only until a
    method of the instance runs (flow_fresh.py); None as for :func:`construction_values`."""
    found = _built(chk, call)
    return found[2] if found is not None else None


def construction_values(chk: Any, call: CallExpr) -> Optional[Dict[str, Any]]:
    """The attributes ``call`` (``MLP(6, 16, 3)``) gives the instance it builds, as for
    :func:`instance_attributes` (None: not a traced model class, or nothing known)."""
    found = _built(chk, call)
    return found[0] if found is not None else None


def attribute_value(chk: Any, e: MemberExpr) -> Any:
    """``m.head``'s value where it is read: from a run under way (``self.hidden`` while
    ``__init__`` runs) or the instance's construction; NOT_STATIC when neither knows."""
    for env in reversed(ACTIVE):
        base = env.get(e.expr.node) if isinstance(e.expr, NameExpr) and isinstance(
            e.expr.node, Var) else None
        if isinstance(base, Record):
            return base.get(e.name)
    attrs = instance_attributes(chk, e.expr)
    return attrs.get(e.name, NOT_STATIC) if attrs is not None else NOT_STATIC


def value_type(chk: Any, v: Any) -> Optional[Type]:
    """The type an attribute's value gives its reads (None: mypy's)."""
    if isinstance(v, Item):
        return v.type
    if is_int(v):
        return LiteralType(v, chk.named_type("builtins.int"))
    return None


def attribute_hook(then: Callable[[Any], Type]) -> Callable[[Any], Type]:
    """An attribute hook for user classes: ``m.head`` of a traced instance (or ``self.hidden``
    while its ``__init__`` runs) gets its value's type, then ``then`` runs (the boundary
    check every user attribute gets).

    >>> callable(attribute_hook(lambda ctx: ctx))
    True
    """

    def hook(ctx: Any) -> Type:
        try:
            t = _refined(ctx)
        except Exception:  # noqa: BLE001 - a construct not modelled here: mypy's type
            t = None
        return then(ctx if t is None else ctx._replace(default_attr_type=t))

    return hook


def _refined(ctx: Any) -> Optional[Type]:
    e = ctx.context
    if ctx.is_lvalue or not isinstance(e, MemberExpr):
        return None
    if not ACTIVE:
        if isinstance(e.expr, NameExpr) and isinstance(e.expr.node, Var) and \
                e.expr.node.is_self:
            return None  # (``self.x`` in a method, not in a run: never traced; most reads)
        receiver = get_proper_type(ctx.type)
        tree = _tree(ctx.api)
        if not isinstance(receiver, Instance) or tree is None or not _candidate(
                receiver.type, tree) or receiver.type.fullname not in _modules(tree).inits:
            return None
    t = value_type(ctx.api, attribute_value(ctx.api, e))
    return t if t is not None and is_subtype(t, ctx.default_attr_type) else None


def construction_check(ctx: Any) -> None:
    """At ``MLP(6, 16, 3)``: the ``[shape]`` errors ``__init__`` gives for these values."""
    call = getattr(ctx, "context", None)
    if not isinstance(call, CallExpr):
        return
    found = _built(ctx.api, call)
    for m in found[1] if found is not None else []:
        if m.severity == "note":
            ctx.api.note(m.message, call, code=SHAPE)
        else:
            ctx.api.fail(m.message, call, code=SHAPE)
