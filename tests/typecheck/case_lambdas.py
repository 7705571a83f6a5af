"""Lambdas and single-return defs as layers, connections and branches: their bodies run
through the ops' rules where the container is called with a known shape (bodies.py). A
connection that only forwards its inputs to one op (``lambda mx, x: tf.cat(mx, x, axis=1)``)
is that op's rule where the container is built too, on both sides (forwarded_lambdas.py)."""

from typing import Final, TypeVar

from typing_extensions import reveal_type

import typedflux as tf
from typedflux import Chain, Conv, Dense, Parallel, SkipConnection, Tensor

B = TypeVar("B", bound=int)

img: Tensor[2, 4, 8, 8] = tf.randn(2, 4, 8, 8)
x: Tensor[5, 8] = tf.randn(5, 8)

# UNet/DenseNet skip: cat of the block's output and its input on the channel axis.
# A lambda that only forwards its inputs to an op is that op's rule, where the block is built
# too (forwarded_lambdas.py): no input fits, so the error is there.
unet_bad = SkipConnection(Conv((3, 3), 4, 8), lambda mx, x: tf.cat(mx, x, axis=1))  # E: SkipConnection(Conv((3, 3), 4 => 8), <lambda>) cannot join its input and its layer's output: Sizes differ for "cat": xs[0] has Tensor[B, 8, H' - 2, W' - 2], xs[1] has Tensor[B, 4, H', W']; need equal sizes except at axis 1 (H' - 2 vs H' at axis 2)  [shape]
unet = SkipConnection(Conv((3, 3), 4, 8, pad=1), lambda mx, x: tf.cat(mx, x, axis=1))
reveal_type(unet(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[12], Literal[8], Literal[8]]"

# Inception-style branches joined by a lambda.
inception_bad = Parallel(lambda a, b: tf.cat(a, b, axis=1), Conv((3, 3), 4, 8), Conv((3, 3), 4, 8, pad=1))
y2 = inception_bad(img)  # E: Sizes differ for "cat": xs[0] has Tensor[2, 8, 6, 6], xs[1] has Tensor[2, 8, 8, 8]; need equal sizes except at axis 1 (6 vs 8 at axis 2)  [shape]
inception = Parallel(lambda a, b: tf.cat(a, b, axis=1), Conv((1, 1), 4, 8), Conv((3, 3), 4, 8, pad=1))
reveal_type(inception(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[16], Literal[8], Literal[8]]"


# A user function whose parameters are bare Tensors: its body is its rule.
def join(mx: Tensor, x: Tensor) -> Tensor:
    return tf.cat(mx, x, axis=1)


dense_bad = SkipConnection(Conv((3, 3), 4, 8), join)
y3 = dense_bad(img)  # E: Sizes differ for "cat": xs[0] has Tensor[2, 8, 6, 6], xs[1] has Tensor[2, 4, 8, 8]; need equal sizes except at axis 1 (6 vs 8 at axis 2)  [shape]
dense_ok = SkipConnection(Conv((3, 3), 4, 8, pad=1), join)
reveal_type(dense_ok(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[12], Literal[8], Literal[8]]"



# A star parameter takes every branch (`def join(*xs: Tensor)`, `lambda *xs: ...`): its items
# given to `tf.cat(*xs, axis=1)` as the run time gives them.
def join_all(*xs: Tensor) -> Tensor:
    return tf.cat(*xs, axis=1)


strided_bad = Parallel(join_all, Conv((1, 1), 4, 8), Conv((3, 3), 4, 8, pad=1, stride=2), Conv((3, 3), 4, 8, pad=1))
y5 = strided_bad(img)  # E: Sizes differ for "cat": xs[0] has Tensor[2, 8, 8, 8], xs[1] has Tensor[2, 8, 4, 4]; need equal sizes except at axis 1 (8 vs 4 at axis 2)  [shape]
three = Parallel(join_all, Conv((1, 1), 4, 8), Conv((3, 3), 4, 8, pad=1), Conv((3, 3), 4, 8, pad=1))
reveal_type(three(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[24], Literal[8], Literal[8]]"
summed = Parallel(lambda *xs: tf.stack(xs).sum(axis=0), Conv((1, 1), 4, 8), Conv((3, 3), 4, 8, pad=1))
reveal_type(summed(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[8], Literal[8], Literal[8]]"


def symbolic_branches(h: Tensor[B, 4, 8, 8]) -> Tensor:
    return strided_bad(h)  # E: Sizes differ for "cat": xs[0] has Tensor[B, 8, 8, 8], xs[1] has Tensor[B, 8, 4, 4]; need equal sizes except at axis 1 (8 vs 4 at axis 2)  [shape]


def symbolic_branches_fixed(h: Tensor[B, 4, 8, 8]) -> Tensor:
    return three(h)


# A lambda as a Chain layer: what follows it has a known input again.
scaled = Chain(Dense(8, 16), lambda h: h * 2, Dense(16, 4))
reveal_type(scaled(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
scaled_bad = Chain(Dense(8, 16), lambda h: 2 * h, Dense(8, 4))
y4 = scaled_bad(x)  # E: Chain layer 3 Dense(8 => 4) expects input Tensor[..., 8], but layer 2 <lambda> produces Tensor[5, 16]; change Dense(8 => 4) to Dense(16 => 4)  [shape]

# Operators, methods and properties in the body; nested in Chains.
gated = Chain(Dense(8, 8), SkipConnection(Chain(Dense(8, 4), lambda h: tf.relu(h)), lambda a, b: tf.cat(a, b)), Dense(12, 3))
reveal_type(gated(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[3]]"
attn_bad = Chain(Dense(8, 16), lambda h: tf.softmax(h, axis=-1) @ h.T, Dense(16, 4))
y5 = attn_bad(x)  # E: Chain layer 3 Dense(16 => 4) expects input Tensor[..., 16], but layer 2 <lambda> produces Tensor[5, 5]; change Dense(16 => 4) to Dense(5 => 4)  [shape]
attn = Chain(Dense(8, 16), lambda h: tf.softmax(h @ h.T, axis=-1) @ h, Dense(16, 4))
reveal_type(attn(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
residual_bad = SkipConnection(Dense(8, 4), lambda mx, x: mx + x)
y6 = residual_bad(x)  # E: Cannot broadcast for "add": x has Tensor[5, 4], y has Tensor[5, 8]; need equal sizes or 1 at axis -1 (4 vs 8)  [shape]

# What the body does not say stays unknown: a call with no rule, a value known only at run time.
scale = float(len("abc"))
unknown = Chain(Dense(8, 16), lambda h: h.reshape(5, int(scale)), Dense(16, 4))
reveal_type(unknown(x))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...], Literal[4]]"

# A closure tensor is read only when Final or bound once at module level (a variable bound
# again may hold another by the time the body runs); method arguments as the hooks read them.
BIAS: Final = tf.zeros(16)
shifted = Chain(Dense(8, 16), lambda h: h + BIAS, Dense(16, 4))
reveal_type(shifted(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
offset = tf.zeros(16)
shifted_plain = Chain(Dense(8, 16), lambda h: h + offset, Dense(16, 4))
reveal_type(shifted_plain(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
moved = tf.zeros(16)
shifted_moved = Chain(Dense(8, 16), lambda h: h + moved, Dense(16, 4))
reveal_type(shifted_moved(x))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...], Literal[4]]"
moved = tf.zeros(16)
folded = Chain(Dense(8, 16), lambda h: h.reshape(5, 4, 4).sum(axis=1), Dense(4, 4))
reveal_type(folded(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
folded_bad = Chain(Dense(8, 16), lambda h: h.reshape(5, 5, -1), Dense(4, 4))
y7 = folded_bad(x)  # E: Chain layer 2 <lambda>: Cannot reshape for "reshape": x has Tensor[5, 16], target is (5, 5, -1); need the element count divisible by the other target sizes (80 vs 25)  [shape]  # N: input to layer 2: Tensor[5, 16]

# Nested to any depth: the bodies run where the outer Chain is called.
deep = Chain(Chain(Conv((1, 1), 4, 4), Chain(SkipConnection(Conv((3, 3), 4, 4, pad=1), lambda a, b: a + b))), lambda h: tf.relu(h), Conv((1, 1), 4, 2))
reveal_type(deep(img))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[2], Literal[8], Literal[8]]"
deep_bad = Chain(Chain(Conv((1, 1), 4, 4), Chain(SkipConnection(Conv((3, 3), 4, 4, pad=1), lambda a, b: a + b))), lambda h: tf.relu(h), Conv((1, 1), 8, 2))
y8 = deep_bad(img)  # E: Chain layer 3 Conv((1, 1), 8 => 2) expects input Tensor[B, 8, H, W], but layer 2 <lambda> produces Tensor[2, 4, 8, 8]; change Conv((1, 1), 8 => 2) to Conv((1, 1), 4 => 2)  [shape]
# A mismatch inside a lambda two Chains deep: named by its position in every enclosing Chain
# (the run time probes the lambda on zeros of the shape it got, to say the same words).
inner_bad = Chain(Chain(Dense(8, 16), Chain(tf.relu, lambda h: h * tf.zeros(5, 8))), Dense(16, 4))
y10 = inner_bad(x)  # E: Chain layer 1 Chain(Dense(8 => 16), Chain(relu, <lambda>)): Chain layer 2 Chain(relu, <lambda>): Chain layer 2 <lambda>: Cannot broadcast for "mul": x has Tensor[5, 16], y has Tensor[5, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]  # N: input to layer 2: Tensor[5, 16]  # N: input to layer 1: Tensor[5, 8]
inner_fixed = Chain(Chain(Dense(8, 16), Chain(tf.relu, lambda h: h * tf.zeros(5, 16))), Dense(16, 4))
reveal_type(inner_fixed(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"


def two_steps(mx: Tensor, x: Tensor) -> Tensor:
    y = tf.cat(mx, x, axis=1)
    return y


def with_default(mx: Tensor, x: Tensor, axis: int = 1) -> Tensor:
    return tf.cat(mx, x, axis=axis)


# Not one return, or a parameter with a default: unknown (reported by neither checker where built).
reveal_type(SkipConnection(Conv((3, 3), 4, 8), two_steps)(img))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
reveal_type(SkipConnection(Conv((3, 3), 4, 8), with_default)(img))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"


def twice(a, b):
    return tf.cat(a, b, axis=1)


def forever(a):
    return forever(a)


# A one-return def called in a body runs its own body; a recursive one is unknown.
widened = Chain(Dense(8, 16), lambda h: twice(h, h), Dense(32, 4))
reveal_type(widened(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
widened_bad = Chain(Dense(8, 16), lambda h: twice(h, h), Dense(16, 4))
y9 = widened_bad(x)  # E: Chain layer 3 Dense(16 => 4) expects input Tensor[..., 16], but layer 2 <lambda> produces Tensor[5, 32]; change Dense(16 => 4) to Dense(32 => 4)  [shape]
looping = Chain(Dense(8, 16), lambda h: forever(h), Dense(32, 4))


def never_run() -> None:  # (calling it would recurse forever)
    reveal_type(looping(x))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...], Literal[4]]"


def blocks(x: Tensor[B, 8]) -> None:
    bad = SkipConnection(Dense(8, 4), lambda mx, x: tf.cat(mx, x, axis=0))  # E: SkipConnection(Dense(8 => 4), <lambda>) cannot join its input and its layer's output: Sizes differ for "cat": xs[0] has Tensor[B, 4], xs[1] has Tensor[B, 8]; need equal sizes except at axis 0 (4 vs 8 at axis 1); change Dense(8 => 4) to Dense(8 => 8), or to Dense(4 => 4)  [shape]
    good = SkipConnection(Dense(8, 4), lambda mx, x: tf.cat(mx, x, axis=1))
    reveal_type(good(x))  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[12]]"


def doubled_blocks(x: Tensor[B, 8]) -> None:
    # (a body that does more than forward its inputs: read where the block is called)
    doubled = SkipConnection(Dense(8, 4), lambda mx, x: tf.cat(mx, x * 2, axis=0))
    y = doubled(x)  # E: Sizes differ for "cat": xs[0] has Tensor[B, 4], xs[1] has Tensor[B, 8]; need equal sizes except at axis 0 (4 vs 8 at axis 1)  [shape]


blocks(tf.randn(3, 8))
doubled_blocks(tf.randn(3, 8))

# Indexing with a static key: the rule of x[...] (an int known only at run time: unknown).
seq = tf.zeros(5, 3, 8)
first_step = Chain(lambda h: h[:, 0], Dense(8, 4))
reveal_type(first_step(seq))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
first_bad = Chain(lambda h: h[:, 0], Dense(3, 4))
y11 = first_bad(seq)  # E: Chain layer 2 Dense(3 => 4) expects input Tensor[..., 3], but layer 1 <lambda> produces Tensor[5, 8]; change Dense(3 => 4) to Dense(8 => 4)  [shape]
out_of_range = Chain(lambda h: h[:, 3], Dense(8, 4))
y12 = out_of_range(seq)  # E: Chain layer 1 <lambda>: Index out of range for "getitem": x has Tensor[5, 3, 8]; need -3 <= index < 3 at axis 1 (index 3)  [shape]  # N: input to layer 1: Tensor[5, 3, 8]
step = int("1")
reveal_type(Chain(lambda h: h[:, step], Dense(8, 4))(seq))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...], Literal[4]]"


def last_step(xs: Tensor[B, 3, 8]) -> None:
    bad = Chain(lambda h: h[:, -1, :4], Dense(8, 4))
    y = bad(xs)  # E: Chain layer 2 Dense(8 => 4) expects input Tensor[..., 8], but layer 1 <lambda> produces Tensor[B, 4]; change Dense(8 => 4) to Dense(4 => 8)  [shape]
    good = Chain(lambda h: h[:, -1, :4], Dense(4, 2))
    reveal_type(good(xs))  # N: Revealed type is "typedflux.tensor.Tensor[B, Literal[2]]"


last_step(tf.randn(2, 3, 8))

# A layer held in a name that holds it when the body runs (Final, or a module-level name bound
# once) is called through its rule; a name bound twice is unknown.
BLOCK: Final = Dense(8, 8)
widening = Dense(8, 16)
held = Chain(Dense(8, 8), lambda h: BLOCK(h) + h, Dense(8, 4))
reveal_type(held(x))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[4]]"
held_bad = Chain(Dense(8, 8), lambda h: widening(h) + h, Dense(8, 4))
y13 = held_bad(x)  # E: Chain layer 2 <lambda>: Cannot broadcast for "add": x has Tensor[5, 16], y has Tensor[5, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]  # N: input to layer 2: Tensor[5, 8]
rebound = Dense(8, 8)
rebound = Dense(8, 8)  # bound twice: may hold another layer when the body runs
reveal_type(Chain(lambda h: rebound(h) * 2, Dense(8, 4))(x))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...], Literal[4]]"
symbolic_branches(tf.randn(2, 4, 8, 8))
symbolic_branches_fixed(tf.randn(2, 4, 8, 8))
