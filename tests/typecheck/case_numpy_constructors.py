"""Arrays made by numpy's constructors with sizes known statically, wrapped in ``tf.tensor``
(``np.zeros``, ``np.ones``, ``np.empty``, ``np.full``, ``np.eye``, ``np.identity``, with
``.astype(...)`` after them), directly or through a module-level name bound once and
otherwise only indexed (a mask filled item by item): the tensor has those sizes, and a
mismatch is reported in the run time's words. numpy's own types are left alone, and an
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


def rows(n: int) -> None:
    reveal_type(tf.tensor(np.zeros((n, 3))))  # N: Revealed type is "typedflux.tensor.Tensor[Any, Literal[3]]"
