"""A user layer's body branching on what its instance holds: ``if self.norm_first:``.

PyTorch's TransformerEncoderLayer keeps a flag from its constructor and its ``forward`` picks
pre-norm or post-norm by it. A model traced to its construction (flow_instances.py) holds the
flag's value (a bool, int or str bound from an ``__init__`` parameter), so a bare-``Tensor``
``__call__`` body takes the branch that value takes (flow_branches.py, bodies.decided): a
mismatch in it is reported at the call, where the run time raises it, and the call is typed
by it. Tests read so: the truth of a bool, int or str, ``not``/``and``/``or``, ``==``/``!=``
with a literal, ``self.down is None`` of an attribute the construction left ``None`` or a
layer. A test whose value is not known (an untraced instance, a flag computed at run time)
runs both branches and joins them: a shape they agree on is known, one they differ on is
unknown, and a mismatch in a branch the call may not take is never reported. Each with its
fix; the same lines fail at run time with the same words.
"""

import sys

import typedflux as tf
from typedflux import Conv, Dense, LayerNorm, Tensor, relu


class EncoderLayer:
    def __init__(self, d: int, hidden: int, norm_first: bool = False) -> None:
        self.up = Dense(d, hidden)
        self.down = Dense(hidden, hidden)  # (the bug: Dense(hidden, d))
        self.norm = LayerNorm(d)
        self.norm_first = norm_first

    def __call__(self, x: Tensor) -> Tensor:
        if self.norm_first:
            h = self.down(relu(self.up(self.norm(x))))
        else:
            h = self.norm(x + self.down(relu(self.up(x))))
        return h


EncoderLayer(16, 16, norm_first=True)(tf.randn(2, 16))
EncoderLayer(16, 32)(tf.randn(2, 16))  # E: Cannot broadcast for "add": x has Tensor[2, 16], y has Tensor[2, 32]; need equal sizes or 1 at axis -1 (16 vs 32)  [shape]
Dense(32, 4)(EncoderLayer(16, 32, norm_first=True)(tf.randn(2, 16)))
Dense(16, 4)(EncoderLayer(16, 32, True)(tf.randn(2, 16)))  # E: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[2, 32]; need size 16 at axis -1 (got 32)  [shape]
Dense(16, 4)(EncoderLayer(16, 16)(tf.randn(2, 16)))


class Head:
    def __init__(self, d: int, mode: str, scale: int, bias: bool) -> None:
        self.wide = Dense(d, 2 * d)
        self.narrow = Dense(d, d)
        self.mode = mode
        self.scale = scale
        self.bias = bias

    def __call__(self, x: Tensor) -> Tensor:
        if self.mode == "wide" and not self.bias:
            y = self.wide(x)
        elif self.scale:
            y = self.narrow(x) * 2
        else:
            y = x
        return y


Dense(16, 2)(Head(8, "wide", 0, False)(tf.randn(3, 8)))
Dense(8, 2)(Head(8, "wide", 0, False)(tf.randn(3, 8)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[3, 16]; need size 8 at axis -1 (got 16)  [shape]
Dense(8, 2)(Head(8, "wide", 1, True)(tf.randn(3, 8)))
Dense(8, 2)(Head(8, "sum", 0, False)(tf.randn(3, 8)))
Head(8, "sum", 1, False)(tf.randn(3, 4))  # E: Dense(8 => 8) expects input Tensor[..., 8], got Tensor[3, 4]; need size 8 at axis -1 (got 4)  [shape]
Head(8, "sum", 0, False)(tf.randn(3, 4))


class Down:
    def __init__(self, d: int, stride: int) -> None:
        self.fc = Dense(d, d)
        self.down = Dense(d, d // 2) if stride != 1 else None

    def __call__(self, x: Tensor) -> Tensor:
        h = self.fc(x)
        if self.down is not None:
            h = self.down(h)
        return h


Dense(4, 2)(Down(8, 2)(tf.randn(3, 8)))
Dense(8, 2)(Down(8, 2)(tf.randn(3, 8)))  # E: Dense(8 => 2) expects input Tensor[..., 8], got Tensor[3, 4]; need size 8 at axis -1 (got 4)  [shape]
Dense(8, 2)(Down(8, 1)(tf.randn(3, 8)))


# Not known: a flag computed at run time. Both branches run: the same width is known, two
# widths are not (silent), and a branch that fails may not be taken (silent).
flag = len(sys.argv) > 99
Dense(16, 4)(EncoderLayer(16, 16, norm_first=flag)(tf.randn(2, 16)))
Dense(8, 4)(EncoderLayer(16, 16, norm_first=flag)(tf.randn(2, 16)))  # E: Dense(8 => 4) expects input Tensor[..., 8], got Tensor[2, 16]; need size 8 at axis -1 (got 16)  [shape]
Dense(32, 4)(EncoderLayer(16, 32, norm_first=flag or True)(tf.randn(2, 16)))
EncoderLayer(16, 32, norm_first=flag)(tf.randn(2, 16))
Dense(4, 2)(Head(8, "wide" if flag else "sum", 0, False)(tf.randn(3, 8)))


def untraced(layer: EncoderLayer) -> None:
    Dense(8, 4)(layer(tf.randn(2, 16)))


# ``hasattr(self, "shortcut")`` of an attribute ``__init__`` binds only under an ``if``: the
# construction's run says whether it did (flow_unbound.py).
class PreAct:
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        self.conv = Conv((3, 3), cin, cout, stride=stride, pad=1)
        if stride != 1 or cin != cout:
            self.shortcut = Conv((1, 1), cin, cin, stride=stride)  # (the bug: cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        sc = self.shortcut(x) if hasattr(self, "shortcut") else x
        return self.conv(x) + sc


class PreActFixed:
    def __init__(self, cin: int, cout: int, stride: int = 1) -> None:
        self.conv = Conv((3, 3), cin, cout, stride=stride, pad=1)
        if stride != 1 or cin != cout:
            self.shortcut = Conv((1, 1), cin, cout, stride=stride)

    def __call__(self, x: Tensor) -> Tensor:
        if not hasattr(self, "shortcut"):
            return self.conv(x) + x
        return self.conv(x) + self.shortcut(x)


PreAct(8, 8)(tf.randn(2, 8, 6, 6))
PreAct(8, 16, 2)(tf.randn(2, 8, 6, 6))  # E: Cannot broadcast for "add": x has Tensor[2, 16, 3, 3], y has Tensor[2, 8, 3, 3]; need equal sizes or 1 at axis -3 (16 vs 8)  [shape]
Dense(8, 2)(PreAct(8, 8)(tf.randn(2, 8, 6, 6)).mean(axis=(2, 3)))
Dense(16, 2)(PreAct(8, 8)(tf.randn(2, 8, 6, 6)).mean(axis=(2, 3)))  # E: Dense(16 => 2) expects input Tensor[..., 16], got Tensor[2, 8]; need size 16 at axis -1 (got 8)  [shape]
PreActFixed(8, 16, 2)(tf.randn(2, 8, 6, 6))
PreActFixed(8, 8)(tf.randn(2, 8, 6, 6))


# Not known: the stride is not known, or the attribute is bound again outside ``__init__``.
def strided(stride: int) -> None:
    PreAct(8, 16, stride)(tf.randn(2, 8, 6, 6))


class Rebound:
    def __init__(self, cin: int, cout: int) -> None:
        self.conv = Conv((3, 3), cin, cout, pad=1)
        if cin != cout:
            self.shortcut = Conv((1, 1), cin, cout)

    def widen(self, cin: int, cout: int) -> None:
        self.shortcut = Conv((1, 1), cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        sc = self.shortcut(x) if hasattr(self, "shortcut") else x
        return self.conv(x) + sc


Rebound(8, 8)(tf.randn(2, 8, 6, 6))


# A side Python does not run (``and`` decided by its left, ``or`` likewise) is not run by the
# body either, and a subclass's property with a setter reads past what __init__ stored.
class Gate:
    def __init__(self, d: int, use: bool) -> None:
        self.use = use
        self.proj = Dense(2 * d, d)

    def __call__(self, x: Tensor) -> Tensor:
        y = x
        if self.use and self.proj(x).shape[-1] == 3:
            y = x * 2.0
        return y


print(Gate(4, False)(tf.randn(2, 4)).shape)


class Base:
    def __init__(self, d: int, wide: bool) -> None:
        self.wide = wide
        self.fc = Dense(d, 2 * d)
        self.out = Dense(d, d)

    def __call__(self, x: Tensor) -> Tensor:
        if self.wide:
            h = self.out(self.fc(x))
        else:
            h = self.out(x)
        return h


class Narrow(Base):
    @property
    def wide(self) -> bool:
        return False

    @wide.setter
    def wide(self, v: bool) -> None:
        pass


print(Narrow(4, True)(tf.randn(2, 4)).shape)


class Cond:
    def __init__(self, d: int, skip: bool) -> None:
        self.skip = skip
        self.proj = Dense(2 * d, d)

    def __call__(self, x: Tensor) -> Tensor:
        return x if self.skip or self.proj(x).shape[-1] == 0 else x


print(Cond(4, True)(tf.randn(2, 4)).shape)
