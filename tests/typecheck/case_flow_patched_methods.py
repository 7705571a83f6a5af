"""Methods assigned after their class is defined: the function assigned runs, not the body.

LoRA injection, debugging hooks and tests replace a method once the class exists
(``Net.__call__ = first16``, ``model.embed = lambda x: ...``, ``self.encode = self._short`` in ``__init__``). The flow runs a bare ``__call__``,
``model.encode(x)``, a typed ``__call__`` with a construction's layers, ``__init__`` for
what an instance holds and a ``@classmethod`` factory by their bodies; a method the module
assigns anywhere outside its class body (in a function too, on a derived class or a base)
is not run (flow_patches.py): mypy's types, silent, as the program runs. The same bodies
on a class nothing patches are still checked, concrete and symbolic; the same lines fail at
run time with the same words.
"""

from typing import Any, Generic, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)


def first16(self: Any, x: tf.Tensor) -> tf.Tensor:
    return self.fc(x[:, :16])


class Net:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Plain:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


Net.__call__ = first16  # type: ignore[method-assign]
Dense(4, 1)(Net(16)(tf.randn(2, 32)))
Plain(16)(tf.randn(2, 32))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
Dense(4, 1)(Plain(16)(tf.randn(2, 16)))

Net.encode = first16  # type: ignore[method-assign]
net = Net(16)
Dense(4, 1)(net.encode(tf.randn(2, 32)))
plain = Plain(16)
plain.encode(tf.randn(2, 32))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]


@tf.shapecheck
def encode_patched(x: Tensor[B, 32]) -> Tensor[B, 4]:
    return Net(16)(x)


@tf.shapecheck
def encode_plain(x: Tensor[B, 32]) -> Tensor[B, 4]:
    return Plain(16)(x)  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[B, 32]; need size 16 at axis -1 (got 32)  [shape]


@tf.shapecheck
def encode_plain_fixed(x: Tensor[B, 16]) -> Tensor[B, 4]:
    return Plain(16)(x)


encode_patched(tf.randn(3, 32))
encode_plain(tf.randn(3, 32))
encode_plain_fixed(tf.randn(3, 16))


class Base:
    def __init__(self) -> None:
        self.fc = Dense(16, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Derived(Base):
    pass


Derived.__call__ = first16  # type: ignore[method-assign]
Dense(4, 1)(Derived()(tf.randn(2, 32)))


class Hooked:
    def __init__(self) -> None:
        self.fc = Dense(16, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


def install_hooks() -> None:
    Hooked.__call__ = first16  # type: ignore[method-assign]


install_hooks()
Dense(4, 1)(Hooked()(tf.randn(2, 32)))

class Single:
    def __init__(self) -> None:
        self.fc = Dense(16, 4)

    def embed(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


one = Single()
one.embed = lambda x: one.fc(x[:, :16])  # type: ignore[method-assign]
Dense(4, 1)(one.embed(tf.randn(2, 32)))


class Shortcut:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, 4)
        self.encode = self.short  # type: ignore[method-assign]

    def encode(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)

    def short(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x[:, :16])


Dense(4, 1)(Shortcut(16).encode(tf.randn(2, 32)))


class Wide:
    def __init__(self, d: int) -> None:
        self.proj = Dense(d, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.proj(x)


narrow_init = Wide.__init__


def wide32(self: Wide, d: int) -> None:
    narrow_init(self, 2 * d)


Wide.__init__ = wide32  # type: ignore[method-assign]
Dense(4, 1)(Wide(16)(tf.randn(2, 32)))


class FeedForward:
    def __init__(self, d: int, hidden: int) -> None:
        self.up = Dense(d, hidden)
        self.down = Dense(hidden, hidden)

    def __call__(self, x: Tensor[B, 32]) -> Tensor[B, 32]:
        return x + self.down(self.up(x))


def identity(self: FeedForward, x: tf.Tensor) -> tf.Tensor:
    return x


FeedForward.__call__ = identity  # type: ignore[method-assign]
Dense(32, 1)(FeedForward(32, 128)(tf.randn(2, 32)))


class MLP(Chain):
    def __init__(self) -> None:
        super().__init__(Dense(8, 32), Dense(32, 16))


def six_wide(self: MLP, x: tf.Tensor) -> tf.Tensor:
    return Dense(6, 16)(x)


MLP.__call__ = six_wide  # type: ignore[method-assign, assignment]
Dense(16, 1)(MLP()(tf.randn(4, 6)))


class Small:
    def __init__(self, d_in: int) -> None:
        self.fc = Dense(d_in, 4)

    @classmethod
    def make(cls) -> "Small":
        return cls(12)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


def make10(cls: Any) -> Small:
    return Small(10)


Small.make = classmethod(make10)  # type: ignore[method-assign, assignment]
Dense(4, 1)(Small.make()(tf.randn(4, 10)))


class Same(Generic[C]):
    def __init__(self, c: C) -> None:
        self.fc = Dense(c, c)

    def __call__(self, x: Tensor[B, C]) -> Tensor[B, C]:
        return self.fc(x)


def passthrough(self: Any, x: tf.Tensor) -> tf.Tensor:
    return x


Same.__call__ = passthrough  # type: ignore[method-assign]
same = Same(8)
Dense(4, 1)(same(tf.randn(2, 4)))


class Built:
    def __init__(self) -> None:
        self.head = self.make(16)

    def make(self, c: int) -> Dense:
        return Dense(c, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


class BuiltPlain:
    def __init__(self) -> None:
        self.head = self.make(16)

    def make(self, c: int) -> Dense:
        return Dense(c, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.head(x)


def make_wide(self: Any, c: int) -> Dense:
    return Dense(2 * c, 4)


Built.make = make_wide  # type: ignore[method-assign]
Dense(4, 1)(Built()(tf.randn(2, 32)))
BuiltPlain()(tf.randn(2, 32))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
Dense(4, 1)(BuiltPlain()(tf.randn(2, 16)))
