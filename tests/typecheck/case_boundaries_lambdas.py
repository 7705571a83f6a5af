"""A lambda met by a `Callable` annotation anywhere but an annotated variable: returned,
yielded, a parameter's default, an item of an annotated display, or an argument of a call
whose parameter's annotation asks for its return (a user function's or method's
`Callable[..., Tensor[B, 4]]`, `dataclasses.field(default_factory=...)`, `map`/`reduce` where
the annotation the call meets fixes the type variable). mypy alone reports two errors in `Literal` words there (the
body's `Incompatible return value type` and the whole lambda's); the checker reports one,
naming the lambda's return (mypy_plugin/callbacks/lambda_boundaries.py). Concrete and
symbolic, each fix clean.

Static only: the run time does not check what a lambda returns (these lines run).
A type variable mypy takes from another argument (`reduce`'s accumulator given a list of
`Tensor[2, 4]`) is a typing rule, not a shape the run time refuses: mypy's errors stay.
"""

from dataclasses import dataclass, field
from functools import reduce
from typing import Callable, Generic, Iterator, List, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)


# -- returned -----------------------------------------------------------------------------------
def head() -> Callable[[Tensor[B, 8]], Tensor[B, 4]]:
    return lambda x: Dense(8, 3)(x)  # E: Return value is a function whose return shape Tensor[B, 3] does not match the annotation Tensor[B, 4]: axis 1 is 3, expected 4  [shape]


def head_fixed() -> Callable[[Tensor[B, 8]], Tensor[B, 4]]:
    return lambda x: Dense(8, 4)(x)


def constant() -> Callable[[], Tensor[2, 4]]:
    return lambda: tf.zeros(2, 5)  # E: Return value is a function whose return shape Tensor[2, 5] does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4  [shape]


def constant_fixed() -> Callable[[], Tensor[2, 4]]:
    return lambda: tf.zeros(2, 4)


def doubled(x: Tensor[B, N]) -> Callable[[], Tensor[B, N]]:
    return lambda: tf.cat(x, x, axis=1)  # E: Return value is a function whose return shape Tensor[B, 2*N] does not match the annotation Tensor[B, N]: axis 1 is 2*N, expected N  [shape]


def doubled_fixed(x: Tensor[B, N]) -> Callable[[], Tensor[B, "2*N"]]:
    return lambda: tf.cat(x, x, axis=1)


def scaled() -> Callable[[], Tensor[2, 4]]:
    return lambda: 2 * tf.zeros(2, 5)  # E: Return value is a function whose return shape Tensor[2, 5] does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4  [shape]


def scaled_fixed() -> Callable[[], Tensor[2, 4]]:
    return lambda: 2 * tf.zeros(2, 4)


def paired() -> Tuple[Callable[[], Tensor[2, 4]], int]:
    return (lambda: tf.zeros(2, 6)), 1  # E: Return value (tuple item 0) is a function whose return shape Tensor[2, 6] does not match the annotation Tensor[2, 4]: axis 1 is 6, expected 4  [shape]


def paired_fixed() -> Tuple[Callable[[], Tensor[2, 4]], int]:
    return (lambda: tf.zeros(2, 4)), 1


def listing() -> Callable[[], List[Tensor[2, 4]]]:
    return lambda: [tf.zeros(2, 4), tf.zeros(2, 7)]  # E: Return value is a function whose return shape Tensor[2, 7] (list item 1) does not match the annotation Tensor[2, 4]: axis 1 is 7, expected 4  [shape]


def listing_fixed() -> Callable[[], List[Tensor[2, 4]]]:
    return lambda: [tf.zeros(2, 4), tf.zeros(2, 4)]


# -- yielded, a default, an annotated display ---------------------------------------------------
def makers() -> Iterator[Callable[[], Tensor[2, 4]]]:
    yield lambda: tf.zeros(2, 5)  # E: Yielded value is a function whose return shape Tensor[2, 5] does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4  [shape]
    yield lambda: tf.zeros(2, 4)


def run(f: Callable[[], Tensor[2, 4]] = lambda: tf.zeros(2, 5)) -> None: ...  # E: Default value of parameter "f" of "run" is a function whose return shape Tensor[2, 5] does not match the annotation Tensor[2, 4]: axis 1 is 5, expected 4  [shape]
def run_fixed(f: Callable[[], Tensor[2, 4]] = lambda: tf.zeros(2, 4)) -> None: ...


fs: List[Callable[[], Tensor[2, 4]]] = [lambda: tf.zeros(2, 4), lambda: tf.zeros(2, 3)]  # E: Value assigned to "fs" (list item 1) is a function whose return shape Tensor[2, 3] does not match the annotation Tensor[2, 4]: axis 1 is 3, expected 4  [shape]
fs_fixed: List[Callable[[], Tensor[2, 4]]] = [lambda: tf.zeros(2, 4), lambda: tf.zeros(2, 4)]
proj: Callable[[Tensor[B, 8]], Tensor[B, 2]] = lambda x: Dense(8, 3)(x)  # E: Value assigned to "proj" is a function whose return shape Tensor[B, 3] does not match the annotation Tensor[B, 2]: axis 1 is 3, expected 2  [shape]


# -- arguments ----------------------------------------------------------------------------------
def apply(f: Callable[[Tensor[B, 8]], Tensor[B, 4]], x: Tensor[B, 8]) -> Tensor[B, 4]:
    return f(x)


y = apply(lambda x: Dense(8, 3)(x), tf.zeros(2, 8))  # E: Argument "f" of "apply" is a function whose return shape Tensor[2, 3] does not match the annotation Tensor[2, 4]: axis 1 is 3, expected 4  [shape]
y_fixed = apply(lambda x: Dense(8, 4)(x), tf.zeros(2, 8))


def applied(x: Tensor[B, 8]) -> Tensor[B, 4]:
    return apply(lambda t: Dense(8, 5)(t), x)  # E: Argument "f" of "apply" is a function whose return shape Tensor[B, 5] does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]


def applied_fixed(x: Tensor[B, 8]) -> Tensor[B, 4]:
    return apply(lambda t: Dense(8, 4)(t), x)


@dataclass
class State:
    h: Tensor[2, 16] = field(default_factory=lambda: tf.zeros(2, 8))  # E: Argument "default_factory" of "field" is a function whose return shape Tensor[2, 8] does not match the annotation Tensor[2, 16]: axis 1 is 8, expected 16  [shape]
    c: Tensor[2, 16] = field(default_factory=lambda: tf.zeros(2, 16))
    hs: List[Tensor[2, 4]] = field(default_factory=lambda: [tf.zeros(2, 4), tf.zeros(2, 6)])  # E: Argument "default_factory" of "field" is a function whose return shape Tensor[2, 6] (list item 1) does not match the annotation Tensor[2, 4]: axis 1 is 6, expected 4  [shape]
    cs: List[Tensor[2, 4]] = field(default_factory=lambda: [tf.zeros(2, 4)])


def widened(xs: List[Tensor[B, N]]) -> List[Tensor[B, "2*N"]]:
    return list(map(lambda t: tf.cat(t, t, axis=1)[:, 1:], xs))  # E: Argument "#1" of "map" is a function whose return shape Tensor[B, 2*N - 1] does not match the annotation Tensor[B, 2*N]: axis 1 is 2*N - 1, expected 2*N  [shape]


def widened_fixed(xs: List[Tensor[B, N]]) -> List[Tensor[B, "2*N"]]:
    return list(map(lambda t: tf.cat(t, t, axis=1), xs))


pair = [tf.zeros(2, 4), tf.zeros(2, 4)]
joined: Tensor[2, 4] = reduce(lambda a, b: tf.cat(a, b, axis=1), pair)  # E: Argument "#1" of "reduce" is a function whose return shape Tensor[2, 8] does not match the annotation Tensor[2, 4]: axis 1 is 8, expected 4  [shape]
joined_fixed: Tensor[2, 4] = reduce(lambda a, b: a + b, pair)

# mypy's own rule, not a shape: the accumulator is typed by the list's items.
grown = reduce(lambda a, b: tf.cat(a, b, axis=1), pair)  # E: Argument 1 to "reduce" has incompatible type "Callable[[Tensor[Literal[2], Literal[4]], Tensor[Literal[2], Literal[4]]], Tensor[Literal[2], Literal[8]]]"; expected "Callable[[Tensor[Literal[2], Literal[4]], Tensor[Literal[2], Literal[4]]], Tensor[Literal[2], Literal[4]]]"  [arg-type]  # E: Incompatible return value type (got "Tensor[Literal[2], Literal[8]]", expected "Tensor[Literal[2], Literal[4]]")  [return-value]



# -- an argument of a method: its signature as mypy bound it (self left out, a generic class's
# type arguments filled in), named as @tf.shapecheck names it ------------------------------------
class Runner(Generic[B]):
    def __init__(self, x: Tensor[B, 8]) -> None:
        self.x = x

    def run(self, f: Callable[[Tensor[B, 8]], Tensor[B, 4]]) -> Tensor[B, 4]:
        return f(self.x)

    def again(self) -> Tensor[B, 4]:
        return self.run(lambda t: t[:, 2:])  # E: Argument "f" of "Runner.run" is a function whose return shape Tensor[B, 6] does not match the annotation Tensor[B, 4]: axis 1 is 6, expected 4  [shape]

    def again_fixed(self) -> Tensor[B, 4]:
        return self.run(lambda t: t[:, 4:])


ran = Runner(tf.zeros(3, 8)).run(lambda t: t[:, :7])  # E: Argument "f" of "Runner.run" is a function whose return shape Tensor[3, 7] does not match the annotation Tensor[3, 4]: axis 1 is 7, expected 4  [shape]
ran_fixed = Runner(tf.zeros(3, 8)).run(lambda t: t[:, :4])


# Known limit: a lambda returned by a lambda. Its value meets the inner Callable's return,
# which no message names yet: mypy's three errors (the value, the inner lambda, the outer).
def nested() -> Callable[[], Callable[[Tensor[B, 8]], Tensor[B, 4]]]:
    return lambda: lambda x: x[:, :3]  # E: Incompatible return value type (got "Callable[[], Callable[[Tensor[B, Literal[8]]], Tensor[B, Literal[3]]]]", expected "Callable[[], Callable[[Tensor[B, Literal[8]]], Tensor[B, Literal[4]]]]")  [return-value]  # E: Incompatible return value type (got "Callable[[Tensor[B, Literal[8]]], Tensor[B, Literal[3]]]", expected "Callable[[Tensor[B, Literal[8]]], Tensor[B, Literal[4]]]")  [return-value]  # E: Incompatible return value type (got "Tensor[B, Literal[3]]", expected "Tensor[B, Literal[4]]")  [return-value]


def nested_fixed() -> Callable[[], Callable[[Tensor[B, 8]], Tensor[B, 4]]]:
    return lambda: lambda x: x[:, :4]


x2 = tf.zeros(2, 8)
head()(x2)
head_fixed()(x2)
doubled(tf.zeros(2, 3))()
State()
widened([tf.zeros(2, 3)])
widened_fixed([tf.zeros(2, 3)])
applied(x2)
applied_fixed(x2)
Runner(x2).again()
Runner(x2).again_fixed()
nested()()(x2)
