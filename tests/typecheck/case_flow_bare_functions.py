"""A plain function with bare ``Tensor`` parameters, called with known shapes: its body is its rule.

``def encode(x: Tensor) -> Tensor: return backbone(x)`` says nothing of shapes, so mypy types
``encode(x)`` as a bare ``Tensor``. At a call with tensors of known shape (or ``None``), the
body runs on those shapes, as at run time: locals, an ``if`` on whether an ``Optional``
parameter is ``None`` (a cache), then one ``return``. A layer given for a parameter
(``apply(Net(32), x)``, a user layer with the layers its construction builds) is called there
with its rule; a mask compared in the body (``tf.where(adj > 0, scores, -1e9)``) keeps its
shape. A mismatch in the body for these arguments is reported at the call. Not read
(silent): a parameter rebound in the body, a body with a loop. Each with its fix, concrete and
symbolic; the same lines fail at run time with the same words.
"""

from typing import Optional, Tuple, TypeVar

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)

backbone = Chain(Dense(30, 64, relu), Dense(64, 16, relu))
classifier = Dense(30, 4)
classifier_fixed = Dense(16, 4)


def encode(x: Tensor) -> Tensor:
    return backbone(x)


classifier(encode(tf.randn(5, 30)))  # E: Dense(30 => 4) expects input Tensor[..., 30], got Tensor[5, 16]; need size 30 at axis -1 (got 16)  [shape]
classifier_fixed(encode(tf.randn(5, 30)))


def classify(x: Tensor[B, 30]) -> Tensor[B, 4]:
    return classifier(encode(x))  # E: Dense(30 => 4) expects input Tensor[..., 30], got Tensor[B, 16]; need size 30 at axis -1 (got 16)  [shape]


def classify_fixed(x: Tensor[B, 30]) -> Tensor[B, 4]:
    return classifier_fixed(encode(x))


classify(tf.randn(3, 30))
classify_fixed(tf.randn(3, 30))

to_q, to_k = Dense(32, 16), Dense(32, 8)
to_q_fixed = Dense(32, 8)


def step(x: tf.Tensor, cache: Optional[tf.Tensor]) -> tf.Tensor:
    q, k = to_q(x), to_k(x)
    if cache is not None:
        k = tf.concat([cache, k], axis=1)
    return tf.softmax(q @ k.swapaxes(1, 2), axis=-1)


def step_fixed(x: tf.Tensor, cache: Optional[tf.Tensor]) -> tf.Tensor:
    q, k = to_q_fixed(x), to_k(x)
    if cache is not None:
        k = tf.concat([cache, k], axis=1)
    return tf.softmax(q @ k.swapaxes(1, 2), axis=-1)


step(tf.randn(2, 1, 32), tf.randn(2, 4, 8))  # E: Inner dimensions differ for "matmul": x has Tensor[2, 1, 16], w has Tensor[2, 8, 5]; need x.shape[-1] == w.shape[-2] (16 vs 8)  [shape]
step(tf.randn(2, 1, 32), None)  # E: Inner dimensions differ for "matmul": x has Tensor[2, 1, 16], w has Tensor[2, 8, 1]; need x.shape[-1] == w.shape[-2] (16 vs 8)  [shape]
Dense(4, 2)(step_fixed(tf.randn(2, 1, 32), tf.randn(2, 4, 8)))  # E: Dense(4 => 2) expects input Tensor[..., 4], got Tensor[2, 1, 5]; need size 4 at axis -1 (got 5)  [shape]
Dense(5, 2)(step_fixed(tf.randn(2, 1, 32), tf.randn(2, 4, 8)))


def attend(q: Tensor[B, 1, 32], past: Tensor[B, 4, 8]) -> Tensor[B, 1, 5]:
    return step(q, past)  # E: Inner dimensions differ for "matmul": x has Tensor[B, 1, 16], w has Tensor[B, 8, 5]; need x.shape[-1] == w.shape[-2] (16 vs 8)  [shape]


def attend_fixed(q: Tensor[B, 1, 32], past: Tensor[B, 4, 8]) -> Tensor[B, 1, 5]:
    return step_fixed(q, past)


attend(tf.randn(2, 1, 32), tf.randn(2, 4, 8))
attend_fixed(tf.randn(2, 1, 32), tf.randn(2, 4, 8))


def rebinds(x: Tensor) -> Tensor:
    x = x.reshape(x.shape[0], -1)
    return backbone(x)


def looping(x: Tensor) -> Tensor:
    for _ in range(2):
        x = backbone(x)
    return x


classifier_fixed(rebinds(tf.randn(5, 30)))
classifier(looping(tf.randn(5, 30)))


class Net:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, 10)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


def apply(m: Net, x: Tensor) -> Tensor:
    return m(x)


apply(Net(32), tf.randn(2, 16))  # E: Dense(32 => 10) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]
apply(Net(16), tf.randn(2, 16))
net = Net(32)
apply(net, tf.randn(2, 16))  # E: Dense(32 => 10) expects input Tensor[..., 32], got Tensor[2, 16]; need size 32 at axis -1 (got 16)  [shape]


def head(layer: Dense, x: Tensor) -> Tensor:
    return relu(layer(x))


def heads(x: Tensor[B, 8]) -> Tensor[B, 3]:
    return head(Dense(6, 3), x)  # E: Dense(6 => 3) expects input Tensor[..., 6], got Tensor[B, 8]; need size 6 at axis -1 (got 8)  [shape]


def heads_fixed(x: Tensor[B, 8]) -> Tensor[B, 3]:
    return head(Dense(8, 3), x)


heads(tf.randn(4, 8))
heads_fixed(tf.randn(4, 8))


mu_head, logvar_head = Dense(16, 4), Dense(16, 4)
decoder = Dense(8, 16)
decoder_fixed = Dense(4, 16)


def encode_dist(x: Tensor) -> Tuple[Tensor, Tensor]:
    h = backbone(x)
    return mu_head(h), logvar_head(h)


mu, logvar = encode_dist(tf.randn(5, 30))
decoder(mu + logvar)  # E: Dense(8 => 16) expects input Tensor[..., 8], got Tensor[5, 4]; need size 8 at axis -1 (got 4)  [shape]
decoder_fixed(mu + logvar)


def masked_attend(h: Tensor, adj: Tensor) -> Tensor:
    scores = h @ h.swapaxes(-1, -2)
    scores = tf.where(adj > 0, scores, -1e9)
    return tf.softmax(scores, axis=-1) @ h


adj = tf.ones(6, 6)
Dense(4, 3)(masked_attend(tf.randn(6, 8), adj))  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[6, 8]; need size 4 at axis -1 (got 8)  [shape]
Dense(8, 3)(masked_attend(tf.randn(6, 8), adj))
masked_attend(tf.randn(6, 8), tf.ones(5, 5))  # E: Cannot broadcast for "where": cond has Tensor[5, 5], x has Tensor[6, 6]; need equal sizes or 1 at axis -2 (5 vs 6)  [shape]


@tf.shapecheck
def graph_head(h: Tensor[B, 8], a: Tensor[B, B]) -> Tensor:
    return Dense(4, 3)(masked_attend(h, a))  # E: Dense(4 => 3) expects input Tensor[..., 4], got Tensor[B, 8]; need size 4 at axis -1 (got 8)  [shape]


@tf.shapecheck
def graph_head_fixed(h: Tensor[B, 8], a: Tensor[B, B]) -> Tensor[B, 3]:
    return Dense(8, 3)(masked_attend(h, a))


graph_head_fixed(tf.randn(6, 8), adj)
graph_head(tf.randn(6, 8), adj)
