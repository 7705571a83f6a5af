"""mypy's invariance errors that only the plugin's literal layer sizes make.

The plugin types ``Dense(8, 2)`` as ``Dense[Literal[8], Literal[2]]`` (plain mypy: ``Dense[int,
int]``), so an inferred list or dict of layers is ``list[Dense[Literal[8], Literal[2]]]``.
Given to a parameter, returned, or assigned where ``List[Dense[int, int]]`` or ``Dict[str,
Dense[int, int]]`` is declared, mypy compares the item types invariantly and reports
``Argument 1 to "run" has incompatible type "dict[str, Dense[Literal[8], int]]"; expected
"dict[str, Dense[int, int]]"  [arg-type]`` on a program plain mypy passes and that runs: an
``int`` size there is any size, and a literal one is one of them. Such an error (with mypy's
notes after it, ``"dict" is invariant``) is dropped when the only differences between the
two types are sizes of a layer written ``Literal[n]`` on one side and ``int`` on the other.
A size that differs (``Literal[8]`` against ``Literal[16]``) keeps the error. The same holds
for a user's generic class whose type arguments a tensor's sizes bound (``Holder(tf.zeros(4,
5))`` is ``Holder[Literal[4], Literal[5]]``, given for ``Holder[int, int]``), in every place
mypy compares types invariantly: a list item, a dict entry, a ``d[k] = v`` target, a tuple of
any length, an Optional, a comprehension's element; a literal of the user's own in a builtin
container (``list[Literal[3]]`` for ``list[int]``) keeps mypy's error.

>>> literal_only("arg-type", 'Argument 1 to "run" has incompatible type '
...              '"list[Dense[Literal[8], Literal[2]]]"; expected "list[Dense[int, int]]"')
True
>>> literal_only("arg-type", 'Argument 1 to "run" has incompatible type '
...              '"list[Dense[Literal[8], Literal[2]]]"; expected "list[Dense[Literal[16], int]]"')
False
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from mypy_plugin.callbacks.common import top_level_words
from typedflux.shapes.layer_spec import LAYERS

__all__ = ["literal_only"]

# mypy's words for the boundaries, the types quoted in each: the value's, then the declared
# ones (a dict entry quotes a key and a value on each side; a comprehension's are unquoted).
_FORMS = {
    "arg-type": [re.compile(r'^Argument \S+ (?:to "[^"]*" )?(?:of "[^"]*" )?has incompatible type '
                            r'"(.+)"; expected "(.+)"$')],
    "return-value": [
        re.compile(r'^Incompatible return value type \(got "(.+)", expected "(.+)"\)$')],
    "assignment": [re.compile(r'^Incompatible types in assignment \(expression has type "(.+)", '
                              r'(?:variable|target) has type "(.+)"\)$')],
    "list-item": [re.compile(r'^List item \d+ has incompatible type "(.+)"; expected "(.+)"$')],
    "dict-item": [re.compile(r'^Dict entry \d+ has incompatible type "(.+)": "(.+)"; '
                             r'expected "(.+)": "(.+)"$')],
    "misc": [re.compile(r'^List comprehension has incompatible type List\[(.+)\]; '
                        r'expected List\[(.+)\]$'),
             re.compile(r'^Set comprehension has incompatible type Set\[(.+)\]; '
                        r'expected Set\[(.+)\]$'),
             re.compile(r'^(?:Key|Value) expression in dictionary comprehension has incompatible '
                        r'type "(.+)"; expected type "(.+)"$'),
             re.compile(r'^Generator has incompatible item type "(.+)"; expected "(.+)"$')],
}

# Generic classes whose ``Literal[n]`` arguments are not sizes the plugin wrote: builtin
# containers and tuples hold the user's own literals; a tensor's dims are the boundaries'
# (callbacks/boundaries.py), in shape words.
_NOT_SIZED = frozenset({"list", "dict", "set", "frozenset", "tuple", "Tensor", "Literal", "",
                        "List", "Dict", "Set", "FrozenSet", "Tuple", "Sequence", "Mapping",
                        "Iterable", "Iterator", "Optional", "Union", "type", "Type"})
_LITERAL = re.compile(r"Literal\[-?\d+(?:, -?\d+)*\]")
_INT = re.compile(r"int(?![\w.])")
_NAME = re.compile(r"[\w.]+$")


def literal_only(code: str, message: str) -> bool:
    """Whether ``message`` (mypy's ``code`` error) compares two types that differ only in
    layer sizes written ``Literal[n]`` in the value's type where the declared type has
    ``int``: a difference the plugin's literal sizes made (see the module).

    >>> literal_only("assignment", 'Incompatible types in assignment (expression has type '
    ...              '"list[int]", variable has type "list[str]")')
    False
    """
    for form in _FORMS.get(code, ()):
        found = form.match(message)
        if found is not None:
            break
    else:
        return False
    half = len(found.groups()) // 2
    pairs = list(zip(found.groups()[:half], found.groups()[half:]))
    if not any("Literal[" in got for got, _ in pairs):
        return False
    fits = [_fits(got, declared) for got, declared in pairs]
    return all(fit is not None for fit in fits) and any(fits)


def _fits(got: str, declared: str) -> Optional[bool]:
    """None when ``got`` is not ``declared`` up to literal sizes; else whether sizes differ.
    Each member of a union (``Batch[Literal[6]] | None``) must fit a declared member, and each
    item of a fixed tuple the item of a declared ``tuple[X, ...]``."""
    if got == declared:
        return False
    whole = top_level_words(declared, " | ")
    variadic = re.fullmatch(r"tuple\[(.+), \.\.\.\]", declared)
    if variadic is not None and got.startswith("tuple[") and got.endswith("]"):
        parts, whole = top_level_words(got[len("tuple["):-1], ", "), [variadic.group(1)]
    else:
        parts = top_level_words(got, " | ")
    differs = False
    for part in parts:
        if part in whole:
            continue
        if not any(_sizes_only(part, member) for member in whole):
            return None
        differs = True
    return differs


def _sizes_only(got: str, declared: str) -> bool:
    i = j = 0
    generics: List[str] = []  # the classes whose brackets enclose the current position
    differs = False
    while i < len(got):
        literal = _LITERAL.match(got, i)
        if literal is not None:
            owner = generics[-1].rsplit(".", 1)[-1] if generics else ""
            step = _matched(literal.group(0), declared, j,
                            owner in LAYERS or owner not in _NOT_SIZED)
            if step is None:
                return False
            differs = differs or step[1]
            i, j = literal.end(), j + step[0]
            continue
        if j >= len(declared) or got[i] != declared[j]:
            return False
        if got[i] == "[":
            name = _NAME.search(got, 0, i)
            generics.append(name.group(0) if name is not None else "")
        elif got[i] == "]" and generics:
            generics.pop()
        i, j = i + 1, j + 1
    return j == len(declared) and differs


def _matched(literal: str, declared: str, j: int, in_layer: bool) -> Optional[Tuple[int, bool]]:
    """How far ``declared`` from ``j`` is read by the literal of the value's type, and whether
    that is a size difference: the same literal, or (inside a layer's brackets) ``int``."""
    if declared.startswith(literal, j):
        return len(literal), False
    if in_layer and _INT.match(declared, j):
        return 3, True
    return None
