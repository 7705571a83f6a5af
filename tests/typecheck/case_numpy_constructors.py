"""Arrays made by numpy's constructors with sizes known statically, wrapped in ``tf.tensor``
(``np.zeros``, ``np.ones``, ``np.empty``, ``np.full``, ``np.eye``, ``np.identity``; a draw of
a given size from a numpy ``Generator`` or ``np.random``; with ``.astype(...)``, ``.T``, a
comparison or operator with a number, ``np.maximum``/``np.minimum`` of two such arrays after
them), directly or through a module-level name bound once and otherwise only indexed (a mask
filled item by item) or read by those forms: the tensor has those sizes, and a mismatch is
reported in the run time's words. numpy's own types are left alone, and an
array that may be reshaped in place (``.shape = ...``, ``.resize(...)``, passed to anything
else) is read as before: of any shape.
"""

import numpy as np
from typing_extensions import reveal_type

import typedflux as tf

N, F = 6, 10
B, A, S = 2, 3, 5

reveal_type(tf.tensor(np.eye(F, dtype=np.float32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[10], Literal[10]]"
reveal_type(tf.tensor(np.eye(3, 5)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[3], Literal[5]]"
reveal_type(tf.tensor(np.identity(4)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[4], Literal[4]]"
reveal_type(tf.tensor(np.zeros(7).astype(np.float32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[7]]"
reveal_type(tf.tensor(np.full((2, 3), 7.0)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[3]]"
reveal_type(tf.tensor(np.ones(shape=(B, S))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5]]"

adj = tf.randn(N, N)
a_hat = adj + tf.tensor(np.eye(F, dtype=np.float32))  # E: Cannot broadcast for "add": x has Tensor[6, 6], y has Tensor[10, 10]; need equal sizes or 1 at axis -2 (6 vs 10)  [shape]
a_hat_fixed = adj + tf.tensor(np.eye(N, dtype=np.float32))

pred = tf.randn(B, A, S, S)
mask = np.zeros((B, S, S, A), dtype=np.float32)
mask[0, 2, 3, 1] = 1.0
loss = tf.losses.logitbinarycrossentropy(pred, tf.tensor(mask))  # E: Shapes differ for "logitbinarycrossentropy": prediction has Tensor[2, 3, 5, 5], target has Tensor[2, 5, 5, 3]; need identical shapes (no broadcasting in losses) (5 vs 3 at axis -1)  [shape]
loss_fixed = tf.losses.logitbinarycrossentropy(pred, tf.tensor(mask).transpose(0, 3, 1, 2))

shaped = np.ones((B, S))
shaped.shape = (S, B)  # reshaped in place: its sizes are not read
reveal_type(tf.tensor(shaped))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"
sizes = (3, 4)
reveal_type(tf.tensor(np.zeros(sizes)))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"

rng = np.random.default_rng(0)
reveal_type(tf.tensor(rng.integers(0, A, (B, 1))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[1]]"
reveal_type(tf.tensor(rng.random(N)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6]]"
reveal_type(tf.tensor(rng.standard_normal(size=(B, S)).astype(np.float32)))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5]]"
reveal_type(tf.tensor(rng.normal(0.0, 1.0, (S,)) * 2.0))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5]]"
reveal_type(tf.tensor(np.random.rand(B, S).T))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[5], Literal[2]]"
reveal_type(tf.tensor(np.random.randint(0, A, size=(B,))))  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2]]"
reveal_type(tf.tensor(rng.random((B, S)) + rng.random((1, S))))  # (numpy's broadcast)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[2], Literal[5]]"


def never_called() -> None:  # (numpy's own error at run time: such a broadcast is not read)
    reveal_type(tf.tensor(rng.random((B, S)) + rng.random((3, S))))  # N: Revealed type is "typedflux.tensor.Tensor[*tuple[Any, ...]]"



drawn = (rng.random((N, N)) > 0.6).astype(np.float32)
links = tf.tensor(np.maximum(drawn, drawn.T))
reveal_type(links)  # N: Revealed type is "typedflux.tensor.Tensor[Literal[6], Literal[6]]"
self_loops = links + tf.tensor(np.eye(F, dtype=np.float32))  # E: Cannot broadcast for "add": x has Tensor[6, 6], y has Tensor[10, 10]; need equal sizes or 1 at axis -2 (6 vs 10)  [shape]
self_loops_fixed = links + tf.tensor(np.eye(N, dtype=np.float32))

actions = tf.tensor(rng.integers(0, A, (B, 1)))
q_taken = tf.take_along_axis(tf.randn(B, A), actions, axis=1)
td_loss = tf.losses.huber_loss(q_taken, tf.randn(B))  # E: Shapes differ for "huber_loss": prediction has Tensor[2, 1], target has Tensor[2]; need identical shapes (no broadcasting in losses); hint: reshape the target to Tensor[2, 1] or squeeze the prediction  [shape]
td_loss_fixed = tf.losses.huber_loss(q_taken.reshape(B), tf.randn(B))


def rows(n: int) -> None:
    reveal_type(tf.tensor(np.zeros((n, 3))))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[3]]"
