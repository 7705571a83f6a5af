"""mypy's own errors at boundaries no hook can speak for, reworded in shape words.

Two annotation boundaries run no plugin hook that could report them in shape words:

- a bare name (``return x`` for a parameter ``x``): mypy reads a name's type with no hook;
  so does ``yield from`` of an iterable (its item type against the generator's:
  ``callbacks/yield_from.py``);
- an operator with a number on the left (``return 2 * x``): the tensor's ``__rmul__`` hook
  runs inside the error filter mypy puts around each way of applying an operator, after the
  number's ``__mul__`` failed there; an error from it makes mypy give up on the operator.

mypy then reports the boundary itself, after the expression is typed and outside any such
filter (``Incompatible return value type (got "Tensor[B, Literal[32]]", expected ...)
[return-value]``). An ``ErrorWatcher`` (mypy's own class, given a filter function) at the
bottom of mypy's stack of error watchers sees every error on its way to being recorded,
after any speculative check above it has kept or dropped it, and rewords such an error when
it knows which two types mypy compared: the message must be exactly mypy's words for those
two types (so the types are the ones mypy compared), both must be tensors, and their shapes
must differ provably (``typedflux.shapes.bind.rigid_mismatch``). The error then takes the
boundary's words and the code ``shape`` (so ``# type: ignore[shape]`` covers it); anything
else passes through unchanged. Where the two types come from:

- an operator at a boundary: the hook notes its result and the annotation
  (:func:`expect`), where it would otherwise have reported;
- a bare name, or a tuple or list display of them (``return h, c``; ``return [h, x]``, a
  ``[list-item]`` error; displays inside displays: ``callbacks/display_items.py``),
  or a conditional expression's branches (``return x if c else y``): ``callbacks/bare_values.py``
  finds them, among the tensor types the function's parameter annotations hold, the types
  hooks gave the values assigned to that name (:func:`note_value`), the name's own type as
  mypy declared or inferred it, and the types hooks gave tuple items they could not report
  (:func:`note_item`).

Also, an error reported inside an operator's filter makes the whole expression ``Any``, so
under ``--warn-return-any`` mypy adds ``Returning Any from function declared to return ...
[no-any-return]`` to a ``[shape]`` error in ``return y + 1``. That warning, on a return
statement where a ``[shape]`` error was just recorded, is dropped: its ``Any`` is the shape
error's (it comes back, if it has another cause, once the shape is fixed). So is the note
mypy adds after a ``[shape]`` error of an operator applied to a union (``Left operand is of
type "Tensor[Literal[1], Literal[3]] | ..."``): the error names the shape all the members
share, in shape words.

An argument of a call no hook checks (``super().__init__(tf.zeros(2, 5))``,
``dataclasses.field(default=...)``) whose own hook typed it against the parameter's type
(``note_argument``): mypy's ``[arg-type]`` there, in the signature hook's words
(``callbacks/reworded_arguments.py``).

mypy's error at a bare name a loop rebinds through its own variable (``for layer in layers: x =
layer(x)``, then ``return x``) is dropped: mypy's type for the name there is its first type
(or a union with it), which proves nothing about the value (``bare_values.loop_rebound``).
So are mypy's ``[arg-type]``/``[return-value]``/``[assignment]`` errors whose two types differ
only in layer sizes the plugin wrote as literals (an inferred ``list[Dense[8, 2]]`` given for
``List[Dense[int, int]]``), with their notes (``literal_sizes.py``), and its error at a name
whose type holds a ``Tensor[*tuple[Never, ...]]`` of its own narrowing (``never_members.py``).

A cast to a ``Tensor`` type is never reported redundant (``--strict``'s
``warn_redundant_casts``): it is redundant only because the plugin computed the shape, and
users write it for plain mypy and editors, which do not run the plugin.

If mypy's internals differ from what this module expects (another mypy version), nothing is
installed and the errors stay mypy's own (docs/errors.md, "Known limits").

>>> install(object(), None, {})  # not mypy's Errors: nothing happens
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Set, Tuple

from mypy.nodes import MypyFile, Var
from mypy.types import Instance, Type

from mypy_plugin import translate
from mypy_plugin.callbacks.bare_values import FORMS, bare_name, loop_rebound, said_for
from mypy_plugin.callbacks.display_items import bare_item
from mypy_plugin.callbacks.generic_applications import dim_expression_bound
from mypy_plugin.callbacks.generic_names import generic_name_words
from mypy_plugin.callbacks.lambda_boundaries import returns_apart
from mypy_plugin.callbacks.literal_sizes import literal_only
from mypy_plugin.callbacks.loop_targets import target_words
from mypy_plugin.callbacks.mapped_functions import mapped_fits, mapped_item_words, mapped_words
from mypy_plugin.callbacks.never_members import never_meet
from mypy_plugin.callbacks.overload_boundaries import overload_said, overload_words, said_twice
from mypy_plugin.callbacks.reworded_arguments import argument_words
from mypy_plugin.callbacks.yield_from import YIELD_FROM, yield_from_words
from mypy_plugin.codes import SHAPE

__all__ = ["install", "installing", "expect", "note_value", "note_item", "note_shape",
           "note_argument", "filters_with"]

@dataclass
class _State:
    """What the watcher of one mypy run knows (one per mypy ``Errors`` object)."""

    watcher: Any
    options: Any
    modules: Mapping[str, MypyFile]
    # (file, line, column) of a value a hook noted -> (its type, the annotation, our words)
    expected: Dict[Tuple[str, int, int], Tuple[Type, Type, str]]
    # names assigned from values a hook typed, in the file being checked: Var id -> types;
    # and tuple items a hook typed without reporting (``return 2 * x, c``): position -> type
    values: Dict[int, Tuple[Var, List[Type]]]
    items: Dict[Tuple[int, int], Type] = field(default_factory=dict)
    values_file: str = ""
    # (file, line, column) of the last error recorded, when it was a [shape] error
    last_shape: Tuple[str, int, int] = ("", -1, -1)
    # (file, line, column) of the last lambda's value reworded from a hook's note (``lambda:
    # 2 * x``): mypy's error on the whole lambda follows (lambda_boundaries.returns_apart)
    lambda_said: Tuple[str, int, int] = ("", -1, -1)
    # the call the last "No overload of ... takes these shapes" [shape] error was reported at
    # (overload_boundaries.overload_said): mypy's [arg-type] inside it may say it again
    overload_call: Optional[Tuple[str, str, int, int, int, int]] = None
    # (file, line, column) of the last error dropped as a literal-size difference (its notes go)
    dropped: Tuple[str, int, int] = ("", -1, -1)
    # (file, line, column) where an expression ``<tensor>.shape`` starts, in the file being
    # checked: the tuple the plugin sized there (note_shape)
    shapes: Set[Tuple[str, int, int]] = field(default_factory=set)
    # (file, line, column) of an argument whose hook's result provably differs from the
    # parameter's type it had as context -> (the result, that type, its tensor): note_argument
    arguments: Dict[Tuple[str, int, int], Tuple[Type, Type, Instance]] = field(
        default_factory=dict)


_STATES: Dict[int, _State] = {}


def install(errors: Any, options: Any, modules: Mapping[str, MypyFile]) -> bool:
    """Put the rewording watcher at the bottom of ``errors``' watcher stack, once per
    ``Errors`` object (again after mypy resets it). ``False`` if ``errors`` is not mypy's.

    >>> install(None, None, {})
    False
    """
    watchers = getattr(errors, "_watchers", None)
    if not isinstance(watchers, list):
        return False
    state = _STATES.get(id(errors))
    if state is not None and any(w is state.watcher for w in watchers):
        return True
    try:
        from mypy.errors import ErrorWatcher

        state = _State(None, options, modules, {}, {})

        def on_error(file: str, info: Any) -> bool:
            # (an installed package's errors, torch's say: mypy drops them after its
            # watchers, so there is nothing to reword; thousands a build with torch)
            if file == _PROBE or file in errors.ignored_files:
                return False
            return _on_error(state, file, info)

        state.watcher = ErrorWatcher(errors, filter_errors=on_error)
        if not filters_with(state.watcher):
            return False
    except Exception:  # another mypy: no watcher, mypy's own errors stay
        return False
    watchers.insert(0, state.watcher)
    _STATES.clear()  # one build at a time (the daemon makes a new Errors per run)
    _STATES[id(errors)] = state
    return True


_PROBE = "<typedflux probe>"


def filters_with(watcher: Any) -> bool:
    """Whether ``watcher`` (made with a filter function that keeps errors of the file
    ``_PROBE``) asks that function, as mypy's ``ErrorWatcher`` does since it takes one: a
    watcher that took the function for ``True`` would hide every error of the run.

    >>> class TakesItForTrue:
    ...     _filter = staticmethod(lambda file, info: False)
    ...     def on_error(self, file, info):
    ...         return self._filter
    >>> filters_with(TakesItForTrue())
    False
    """
    from mypy.errors import ErrorInfo

    probe = ErrorInfo(
        import_ctx=[], local_ctx=(None, None), line=0, column=0, end_line=0, end_column=0,
        severity="note", message="", code=None, blocker=False, only_once=False, module=None,
        target=None,
    )
    return watcher.on_error(_PROBE, probe) is False


def installing(hook: Callable[[Any], Type], *, call: bool = False) -> Callable[[Any], Type]:
    """``hook`` (a type analyze hook, or with ``call`` a function hook) that first installs
    the watcher for the module being checked: a module whose only boundary is ``return x``
    runs no other hook while it is checked, and one that only builds layers runs no analyze
    hook at all when typedflux's own modules come from mypy's cache (yet mypy's errors on its
    inferred lists of layers must be dropped: ``literal_sizes.py``).

    >>> callable(installing(len)) and callable(installing(len, call=True))
    True
    """

    def wrapped(ctx: Any) -> Type:
        try:
            _state(ctx.api if call else getattr(ctx.api, "api", None))
        except Exception:  # another mypy: mypy's own errors stay
            pass
        return hook(ctx)

    return wrapped


def _state(api: Any) -> Optional[_State]:
    errors = getattr(getattr(api, "msg", None), "errors", None) or getattr(api, "errors", None)
    state = _STATES.get(id(errors))
    if state is None or not any(w is state.watcher for w in getattr(errors, "_watchers", [])):
        options = getattr(api, "options", None)
        modules = getattr(api, "modules", None) or {}
        if not install(errors, options, modules):
            return None
        state = _STATES.get(id(errors))
    return state


def expect(api: Any, at: Any, got: Type, declared: Type, message: str) -> bool:
    """Note that mypy will report the value at ``at`` (of type ``got``) against ``declared``,
    to be reworded as ``message``. ``False`` when no watcher can be installed (then report
    the error yourself).

    >>> expect(object(), None, None, None, "")  # type: ignore[arg-type]
    False
    """
    found = _file_table(api, "expected")
    if found is None or at is None:
        return False
    file, table = found
    table[(file, at.line, at.column)] = (got, declared, message)
    return True


def note_value(api: Any, var: object, value: Type) -> None:
    """Remember that the name ``var`` (a ``Var``) was assigned a value of type ``value``
    in the file being checked (a candidate type for a later bare ``return``)."""
    if not isinstance(var, Var) or translate.shape_of(value) is None:
        return
    state = _state(api)
    if state is None:
        return
    file = getattr(api.msg.errors, "file", "")
    _this_file(state, file)
    entry = state.values.setdefault(id(var), (var, []))
    if value not in entry[1]:
        entry[1].append(value)


def note_item(api: Any, at: Any, value: Type) -> None:
    """Remember the type a hook gave the tuple item at ``at`` (an operator with a number on
    the left, which cannot report): mypy reports the whole tuple, reworded from it."""
    state = _state(api)
    if state is None or at is None:
        return
    _this_file(state, getattr(api.msg.errors, "file", ""))
    state.items[(at.line, at.column)] = value


def note_shape(api: Any, at: Any) -> None:
    """Remember that a ``<tensor>.shape`` expression starts at ``at``: typed by the plugin as
    a tuple of its known length, or of ints of any length (see :func:`_reword`,
    ``_RANK_GUARDED`` and ``_ANY_RANK``)."""
    found = _file_table(api, "shapes")
    if found is not None and at is not None:
        file, table = found
        table.add((file, at.line, at.column))


def note_argument(api: Any, at: Any, got: Type, expected: Type, declared: Instance) -> None:
    """Remember that the value at ``at`` (of type ``got``), typed with the context
    ``expected`` (a parameter's type holding the tensor ``declared``), provably differs from
    it and is at no boundary a hook reports: an argument of a call no hook checks
    (``super().__init__(tf.zeros(2, 5))``), which mypy reports itself
    (``callbacks/reworded_arguments.py``)."""
    found = _file_table(api, "arguments")
    if found is not None and at is not None:
        file, table = found
        table[(file, at.line, at.column)] = (got, expected, declared)


def _file_table(api: Any, name: str) -> Optional[Tuple[str, Any]]:
    """The file being checked and the watcher's table ``name`` of positions in it (emptied
    when it holds another file's: mypy reports a file's errors while it checks that file);
    ``None`` when no watcher can be installed."""
    state = _state(api)
    if state is None:
        return None
    file = getattr(api.msg.errors, "file", "")
    table = getattr(state, name)
    if table and next(iter(table))[0] != file:  # (it only ever holds one file's positions)
        table.clear()
    return file, table


def _this_file(state: _State, file: str) -> None:
    if file != state.values_file:
        state.values.clear()
        state.items.clear()
        state.values_file = file


def _on_error(state: _State, file: str, info: Any) -> bool:
    """Reword ``info`` in place when it can; ``True`` drops it (a no-any-return that a
    shape error explains). Never raises: a failure leaves mypy's error as it is."""
    try:
        return _reword(state, file, info)
    except Exception:
        return False


def _reword(state: _State, file: str, info: Any) -> bool:
    code = info.code.code if info.code is not None else ""
    if info.severity != "error":
        if state.dropped == (file, info.line, info.column):
            return True  # (mypy's notes on an error dropped below: '"list" is invariant')
        return code == "operator" and info.message.startswith(_UNION_NOTES) and \
            state.last_shape == (file, info.line, info.column)
    shape_before, state.last_shape = state.last_shape, ("", -1, -1)
    state.dropped = ("", -1, -1)
    if literal_only(code, info.message):
        state.dropped = (file, info.line, info.column)
        return True  # (only the plugin's literal layer sizes differ: callbacks/literal_sizes.py)
    if code == SHAPE.code:
        state.last_shape = (file, info.line, info.column)
        state.overload_call = overload_said(file, info) or state.overload_call
        return False
    if code == "type-var" and dim_expression_bound(info.message):
        return True  # (a dim written as an expression, ``Seq[B, "N + 1"]``: generic_applications.py)
    if code in ("misc", "comparison-overlap") and info.message.startswith(_RANK_GUARDED) \
            and (file, info.line, info.column) in state.shapes:
        return True  # (the plugin sized the tuple; plain mypy's is any length: see _RANK_GUARDED)
    if code in ("assignment", "arg-type") and _ANY_RANK.search(info.message) \
            and (file, info.line, info.column) in state.shapes:
        return True  # (a shape of unknown rank given for a sized one: see _ANY_RANK)
    if code == "redundant-cast" and _TENSOR_CAST.match(info.message):
        return True  # (the plugin made it redundant; users write it for tools without the plugin)
    if code == "no-any-return":
        state.last_shape = shape_before
        return _after_shape(state, file, info)
    if code in ("return-value", "assignment", "arg-type") and state.lambda_said[0] == file \
            and returns_apart(info.message):
        # (``return lambda: 2 * x``: the lambda's value was just said in shape words; mypy's
        # error on the whole lambda, its two Callable types one return apart, is that fact)
        state.last_shape, said = state.lambda_said, state.last_shape
        inside = _after_shape(state, file, info)
        state.last_shape = said
        if inside:
            state.lambda_said = ("", -1, -1)
            return True
    if code in ("list-item", "dict-item") or (code == "arg-type" and _SET_ITEM in info.message):
        words = bare_item(state, info)
        if words is None and code == "list-item":
            words = mapped_item_words(state, file, info)  # (reduce(f, [a, b]) at a return)
        return _say(state, file, info, words)
    if code == "misc" and info.message.startswith(YIELD_FROM):
        # (``yield from raw_batches(n)``)
        return _say(state, file, info, yield_from_words(state, file, info))
    if code == "arg-type" and said_twice(state.overload_call, file, info):
        return True  # (``p(**{"x": tf.zeros(2, 7)})``: no overload item takes it, said once)
    if code == "arg-type" and mapped_fits(state, file, info):
        return True  # (``map(widen, xs)``: every call fits, each result the one expected)
    if code in ("arg-type", "typeddict-item"):
        # (an overload chosen by the annotation the call meets: overload_boundaries.py)
        words = (overload_words(state, file, info) or mapped_words(state, file, info)
                 if code == "arg-type" else None)  # (map(f, xs): mapped_functions.py)
        noted = state.arguments.get((file, info.line, info.column))
        if words is None and noted is not None:
            words = argument_words(info.message, *noted, state.options,
                                   state.modules.get(info.module or ""), (info.line, info.column))
        return _say(state, file, info, words)
    if code not in FORMS:
        return False
    if loop_rebound(state, code, info):
        return True  # (``for layer in layers: x = layer(x)``, then ``return x``: not a proof)
    if never_meet(state, code, info):
        return True  # (mypy's own narrowing made the type it names: never_members.py)
    hit = state.expected.pop((file, info.line, info.column), None)
    words = (said_for(code, info.message, hit[0], hit[1], state.options, hit[2])
             if hit is not None else bare_name(state, code, info))
    if words is None and code == "assignment":
        words = target_words(state, file, info)  # (``for x in ...``, ``with ... as x``)
    elif words is None and code == "return-value":
        words = generic_name_words(state, file, info)  # (``b = Box(...); use(b); return b``)
    elif words is not None and hit is not None and _LAMBDA_SAID in words:
        state.lambda_said = (file, info.line, info.column)  # (its Callable's error follows)
    return _say(state, file, info, words)


def _say(state: _State, file: str, info: Any, words: Optional[str]) -> bool:
    """Give ``info`` our ``words`` and the code ``shape`` (when there are words); ``False``:
    the error is kept either way."""
    if words is not None:
        info.message, info.code = words, SHAPE
        state.last_shape = (file, info.line, info.column)
    return False


# mypy's note after an error of an operator applied to a union (``Left operand is of type
# "Tensor[Literal[1], Literal[3]] | ..."``): a [shape] error there names the shape all the
# members share (callbacks/ops.py), so the note, in mypy's Literal words, is dropped.
_UNION_NOTES = ("Left operand is of type ", "Right operand is of type ",
                "Both left and right operands are unions")

# Words of a lambda whose returned value does not match its Callable annotation.
_LAMBDA_SAID = " is a function whose return shape "

# mypy checks a set display as a call of ``<set>``: an item is an argument of it.
_SET_ITEM = " to <set> has incompatible type "

# mypy's errors on a ``<tensor>.shape`` that only the plugin's sized tuple makes (plain mypy
# types it ``tuple[Any, ...]``), in code a rank or size test guards at run time, which mypy
# cannot narrow a tuple's length or a size by: ``if x.ndim > 2: c = x.shape[2]``, ``if x.ndim
# == 3: b, t, d = x.shape`` (or after a loop that changed the rank: the union's other members), and under --strict-equality ``if x.shape[1] != 16: x = pad(x)``.
# Only at the position where such an expression starts (note_shape): a tuple of the user's
# own keeps mypy's errors.
_RANK_GUARDED = ("Tuple index out of range", "Need more than ", "Too many values to unpack",
                 "Non-overlapping equality check")

# mypy's error on the shape of a tensor of unknown rank (``tuple[int, ...]``, plain mypy's
# ``tuple[Any, ...]``) given where a sized shape was inferred: ``self.last = x.shape`` in
# ``__init__`` for a known ``x``, then ``self.last = t.shape`` for a bare ``t``.
_ANY_RANK = re.compile(r'(expression has type|incompatible type) "tuple\[int, \.\.\.\]"[;,] '
                       r'(variable has type|expected) "tuple\[')

# mypy's ``Redundant cast to "Tensor[Literal[2], Literal[5]]"`` (or to an Optional of one).
_TENSOR_CAST = re.compile(r'Redundant cast to "(typedflux\.tensor\.)?Tensor\[')


def _after_shape(state: _State, file: str, info: Any) -> bool:
    """Whether the last error recorded was a ``[shape]`` error inside the return statement
    mypy now reports ``no-any-return`` on (it does so right after the value's errors)."""
    last_file, last_line, last_column = state.last_shape
    end_line = info.end_line if info.end_line is not None and info.end_line > 0 else info.line
    end_column = info.end_column if info.end_column is not None else -1
    after_start = (last_line, last_column) >= (info.line, info.column)
    before_end = last_line < end_line or (last_line == end_line and (
        end_column < 0 or last_column <= end_column))
    return last_file == file and after_start and before_end
