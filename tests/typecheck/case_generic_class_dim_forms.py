"""Sizes written in a user generic class over dims as in ``Tensor[...]``: an int, a ``Final``
int constant, an expression in quotes, in an annotation and in a base-class list.

``class Seq(Generic[B, N])`` holding ``Tensor[B, N, 8]``: ``-> Seq[B, "N + 1"]`` (any spelling:
``"1+N"``, ``"N*2"``), a base ``class Fixed(Base[4])`` or ``Base[W]`` with ``W: Final = 4`` are
read as sizes (mypy alone says ``[type-var]``/``[valid-type]`` on them: false alarms, the
programs run); a call binds an expression as a size (``Seq[2, 6]`` for ``Seq[B, "2*N"]`` gives
``N = 3``), and one no size fits is a ``[shape]`` error; a call's result has the bound size
in its expression (``grow`` of a ``Seq[2, 6]`` is a ``Seq[2, 7]``; a method's result has the
receiver's: a ``Steps[2, 6]``'s ``tail()`` is a ``Steps[2, 5]``, a ``Cache[2, 4]``'s
``append(k)`` a ``Cache[2, 5]``; a tensor result too: a ``Pair[3, 4]``'s ``joined() ->
Tensor[B, "2*N"]`` is a ``Tensor[3, 8]``). The run time does not know the type
arguments (Python erases them): the body fails instead, in its op's words.
"""

from typing import Final, Generic, Literal, Tuple, TypeVar

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
N = TypeVar("N", bound=int)
D = TypeVar("D", bound=int)
M = TypeVar("M", bound=int)
W: Final = 4


class Seq(Generic[B, N]):
    def __init__(self, data: Tensor[B, N, 8]) -> None:
        self.data = data


def grow(s: Seq[B, N]) -> Seq[B, "N + 1"]:
    return Seq(tf.pad(s.data, ((0, 0), (0, 1), (0, 0))))


def grow_first(s: Seq[B, N]) -> Seq[B, "1+N"]:
    return Seq(tf.pad(s.data, ((0, 0), (1, 0), (0, 0))))


def doubled(s: Seq[B, N]) -> Seq[B, "N*2"]:
    return Seq(tf.cat(s.data, s.data, axis=1))


def halved(s: Seq[B, "2*N"]) -> Seq[B, N]:
    return Seq(s.data.reshape(s.data.shape[0], -1, 2, 8)[:, :, 0])


def shrunk(s: Seq[B, N]) -> Seq[B, "N-1"]:
    return Seq(s.data[:, 1:])


def shrunk_wrong(s: Seq[B, N]) -> Seq[B, "N-1"]:
    return Seq(s.data[:, 2:])  # E: Return value Seq[B, N - 2] does not match the annotation Seq[B, N - 1]: type argument 1 is N - 2, expected N - 1  [shape]


s = Seq(tf.zeros(2, 6, 8))
halved(s)
halved(Seq(tf.zeros(2, 7, 8)))  # at run time: the body fails  # E: Argument "s" of "halved" has Seq[2, 7], which does not match the annotation Seq[B, 2*N]: type argument 1 is 7, expected 2*N  [shape]  # N: B=2
grow(s), grow_first(s), doubled(s), shrunk(s), shrunk_wrong(s)


def padded(x: Tensor[B, N, 8]) -> Seq[B, "N + 1"]:
    return Seq(tf.pad(x, ((0, 0), (0, 1), (0, 0))))


# -- a call's result: what the arguments bound is put into the expression (N = 6: 7) -------------
grown: Seq[Literal[2], Literal[7]] = grow(s)
grown_wrong: Seq[Literal[2], Literal[6]] = grow(s)  # E: Assigned value Seq[2, 7] does not match the annotation Seq[2, 6] of "grown_wrong": type argument 1 is 7, expected 6  [shape]
from_tensor: Seq[2, 13] = padded(tf.zeros(2, 12, 8))
from_tensor_wrong: Seq[2, 12] = padded(tf.zeros(2, 12, 8))  # E: Assigned value Seq[2, 13] does not match the annotation Seq[2, 12] of "from_tensor_wrong": type argument 1 is 13, expected 12  [shape]


# -- a method's result (the receiver binds the class's own dims: a Seq[2, 6]'s tail is a
# Seq[2, 5]), and a call's result given to another call (redteam s10 fa01) ----------------------
class Steps(Generic[B, N]):
    def __init__(self, data: Tensor[B, N, 8]) -> None:
        self.data = data

    def tail(self) -> "Steps[B, 'N - 1']":
        return Steps(self.data[:, 1:])

    def twice(self) -> "Steps[B, '2*N']":
        return Steps(tf.cat(self.data, self.data, axis=1))

    def joined(self, other: "Steps[B, M]") -> "Steps[N, 'M + 1']":
        return Steps(tf.zeros(self.data.shape[1], other.data.shape[1] + 1, 8))


st = Steps(tf.zeros(2, 6, 8))
tail: Steps[2, 5] = st.tail()
tail_twice: Steps[2, 10] = st.tail().twice()
tail_wrong: Steps[2, 6] = st.tail()  # E: Assigned value Steps[2, 5] does not match the annotation Steps[2, 6] of "tail_wrong": type argument 1 is 5, expected 6  [shape]


def grown_back(s: Steps[B, N]) -> Steps[B, N]:
    return Steps(tf.pad(s.data, ((0, 0), (0, 1), (0, 0)))).tail()


def chained(s: Steps[B, N]) -> Steps[B, "2*N - 2"]:
    return s.tail().twice()  # (the receiver's N - 1 put into twice's own 2*N once: redteam s10 fa05)


def chained_wrong(s: Steps[B, N]) -> Steps[B, "2*N - 1"]:
    return s.tail().twice()  # E: Return value Steps[B, 2*N - 2] does not match the annotation Steps[B, 2*N - 1]: type argument 1 is 2*N - 2, expected 2*N - 1  [shape]


def joined_twice(s: Steps[B, N], o: Steps[B, N]) -> Steps["2*N", "N + 1"]:
    return s.twice().joined(o)  # (the receiver's 2*N put into joined's result once)


def tail_back(s: Steps[B, N]) -> Steps[B, N]:
    return s.tail()  # E: Return value Steps[B, N - 1] does not match the annotation Steps[B, N]: type argument 1 is N - 1, expected N  [shape]


def plus_two(s: Seq[B, N]) -> Seq[B, "N + 2"]:
    return grow(grow(s))


def plus_two_wrong(s: Seq[B, N]) -> Seq[B, "N + 3"]:
    return grow(grow(s))  # E: Return value Seq[B, N + 2] does not match the annotation Seq[B, N + 3]: type argument 1 is N + 2, expected N + 3  [shape]


grown_back(st), tail_back(st), plus_two(s), plus_two_wrong(s), chained(st), chained_wrong(st)
joined_twice(st, st)


# A def with a tensor parameter beside the class (its N bound from the class argument too).
def step(c: Seq[B, N], k: Tensor[B, 1, 8]) -> Seq[B, "N + 1"]:
    return Seq(tf.cat(c.data, k, axis=1))


stepped: Seq[2, 7] = step(s, tf.zeros(2, 1, 8))
stepped_data: Tensor[2, 8, 8] = step(stepped, tf.zeros(2, 1, 8)).data
stepped_wrong: Seq[2, 6] = step(s, tf.zeros(2, 1, 8))  # E: Assigned value Seq[2, 7] does not match the annotation Seq[2, 6] of "stepped_wrong": type argument 1 is 7, expected 6  [shape]


def step_twice(c: Seq[B, N], k: Tensor[B, 1, 8]) -> Seq[B, "N + 2"]:
    return step(step(c, k), k)


def step_twice_wrong(c: Seq[B, N], k: Tensor[B, 1, 8]) -> Seq[B, N]:
    return step(step(c, k), k)  # E: Return value Seq[B, N + 2] does not match the annotation Seq[B, N]: type argument 1 is N + 2, expected N  [shape]


step_twice(s, tf.zeros(2, 1, 8)), step_twice_wrong(s, tf.zeros(2, 1, 8))


# A method that also takes a tensor: its result has the receiver's sizes too (a Cache[2, 4]'s
# append is a Cache[2, 5]; it was a Cache[2, N + 1], a false alarm against Cache[2, 5]).
K = TypeVar("K", bound=int)


class Cache(Generic[B, N]):
    def __init__(self, t: Tensor[B, N, 8]) -> None:
        self.t = t

    def append(self, k: Tensor[B, 1, 8]) -> "Cache[B, 'N + 1']":
        return Cache(tf.cat(self.t, k, axis=1))

    def extend(self, k: Tensor[B, K, 8]) -> "Cache[B, 'N + K']":
        return Cache(tf.cat(self.t, k, axis=1))

    def swapped(self, k: Tensor[B, 1, 8]) -> "Cache[N, 'B + 1']":
        return Cache(tf.zeros(self.t.shape[1], self.t.shape[0] + 1, 8))

    @tf.shapecheck  # (decorated: the same result; redteam s11 round17 gpt_kv_cache)
    def pushed(self, k: Tensor[B, 1, 8]) -> "Cache[B, 'N + 1']":
        return Cache(tf.cat(self.t, k, axis=1))


cache: Cache[2, 4] = Cache(tf.zeros(2, 4, 8))
appended: Cache[2, 5] = cache.append(tf.zeros(2, 1, 8))
appended_twice: Cache[2, 6] = cache.append(tf.zeros(2, 1, 8)).append(tf.zeros(2, 1, 8))
extended: Cache[2, 7] = cache.extend(tf.zeros(2, 3, 8))
swapped: Cache[4, 3] = cache.swapped(tf.zeros(2, 1, 8))
appended_wrong: Cache[2, 4] = cache.append(tf.zeros(2, 1, 8))  # E: Assigned value Cache[2, 5] does not match the annotation Cache[2, 4] of "appended_wrong": type argument 1 is 5, expected 4  [shape]


def appended_in(c: Cache[B, N], k: Tensor[B, 1, 8]) -> Cache[B, "N + 2"]:
    return c.append(k).append(k)


def appended_in_wrong(c: Cache[B, N], k: Tensor[B, 1, 8]) -> Cache[B, "N + 1"]:
    return c.append(k).append(k)  # E: Return value Cache[B, N + 2] does not match the annotation Cache[B, N + 1]: type argument 1 is N + 2, expected N + 1  [shape]


def swapped_in(c: Cache[N, B], k: Tensor[N, 1, 8], j: Tensor[N, K, 8]) -> Cache[B, "N + 1"]:
    c.extend(j).append(k)
    return c.swapped(k)  # (the class's B is the caller's N: each symbol put in once)


def unknown_in(n: int) -> None:
    u = Cache(tf.zeros(2, n, 8))
    grown_u: Cache[2, 5] = u.append(tf.zeros(2, 1, 8))  # (n unknown: nothing proven)


appended_in(cache, tf.zeros(2, 1, 8)), appended_in_wrong(cache, tf.zeros(2, 1, 8))
swapped_in(cache, tf.zeros(2, 1, 8), tf.zeros(2, 3, 8))
unknown_in(4)
pushed: Cache[2, 5] = cache.pushed(tf.zeros(2, 1, 8))
pushed_wrong: Cache[2, 5] = cache.pushed(tf.zeros(3, 1, 8))  # E: Argument "k" of "Cache.pushed" has shape Tensor[3, 1, 8], which does not match the annotation Tensor[2, 1, 8]: axis 0 is 3, expected 2  [shape]
cache.append(tf.zeros(3, 1, 8))  # at run time: the body fails  # E: Argument "k" of "Cache.append" has shape Tensor[3, 1, 8], which does not match the annotation Tensor[2, 1, 8]: axis 0 is 3, expected 2  [shape]


# A tensor result with an expression of the class's dims (redteam s11 fa03, fa04): a Pair[3, 4]'s
# joined() is a Tensor[3, 8] (it was a Tensor[3, 2*N], N neither bound nor unknown: a false
# alarm against Tensor[3, 8] and before Dense(8, 2)); a def over the class's instances too.
class Pair(Generic[B, N]):
    def __init__(self, left: Tensor[B, N], right: Tensor[B, N]) -> None:
        self.left = left
        self.right = right

    def joined(self) -> Tensor[B, "2*N"]:
        return tf.cat(self.left, self.right, axis=1)

    def with_tail(self, x: Tensor[B, K]) -> Tensor[B, "N + K"]:
        return tf.cat(self.left, x, axis=1)

    def parts(self) -> Tuple[Tensor[B, "2*N"], Tensor[B, N]]:
        return tf.cat(self.left, self.right, axis=1), self.left


def double(p: Pair[B, N]) -> Tensor[B, "2*N"]:
    return tf.cat(p.left, p.right, axis=1)


def both_joined(p: Pair[B, N], q: Pair[B, M]) -> Tensor[B, "2*N + 2*M"]:
    return tf.cat(p.joined(), q.joined(), axis=1)  # (q's class N is the caller's M)


pair, small = Pair(tf.zeros(3, 4), tf.ones(3, 4)), Pair(tf.zeros(3, 2), tf.ones(3, 2))
pair_joined: Tensor[3, 8] = pair.joined()
pair_doubled: Tensor[3, 8] = double(pair)
pair_both: Tensor[3, 12] = both_joined(pair, small)
pair_tail: Tensor[3, 9] = pair.with_tail(tf.zeros(3, 5))
pair_parts: Tuple[Tensor[3, 8], Tensor[3, 4]] = pair.parts()
Dense(8, 2)(pair.joined())
pair_joined_wrong: Tensor[3, 9] = pair.joined()  # E: Assigned shape Tensor[3, 8] does not match the annotation Tensor[3, 9] of "pair_joined_wrong": axis 1 is 8, expected 9  [shape]
Dense(10, 2)(double(pair))  # E: Dense(10 => 2) expects input Tensor[..., 10], got Tensor[3, 8]; need size 10 at axis -1 (got 8)  [shape]


def pair_of_unknown(n: int) -> None:
    u = Pair(tf.zeros(3, n), tf.zeros(3, n))
    u_joined: Tensor[3, 8] = u.joined()  # (n unknown: nothing proven)
    u_doubled: Tensor[3, 8] = double(u)


pair_of_unknown(4)


class Base(Generic[D]):
    def __init__(self, w: Tensor[D, D]) -> None:
        self.w = w

    def apply(self, x: Tensor[B, D]) -> Tensor[B, D]:
        return x @ self.w


class Fixed(Base[4]):
    def __init__(self) -> None:
        super().__init__(tf.ones(4, 4))


class FixedFinal(Base[W]):
    def __init__(self) -> None:
        super().__init__(tf.ones(4, 4))


class FixedLiteral(Base[Literal[4]]):
    def __init__(self) -> None:
        super().__init__(tf.ones(4, 4))


named: Base[W] = Base(tf.ones(4, 4))
written: Base[4] = Base(tf.ones(4, 4))
named_wrong: Base[W] = Base(tf.ones(5, 5))  # E: Assigned value Base[5] does not match the annotation Base[4] of "named_wrong": type argument 0 is 5, expected 4  [shape]
Fixed().apply(tf.ones(2, 4))
FixedFinal().apply(tf.ones(2, 4))
FixedLiteral().apply(tf.ones(2, 4))
Fixed().apply(tf.ones(2, 5))  # at run time: the body fails  # E: Argument "x" of "Fixed.apply" has shape Tensor[2, 5], which does not match the annotation Tensor[B, 4]: axis 1 is 5, expected 4  [shape]  # N: B=2
