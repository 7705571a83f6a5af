"""Annotated tensors indexed by numpy arrays (permutations, boolean masks, index lists), the way
data preparation code shuffles, filters and batches."""
from typing import Final, List, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
F: Final = 6

rng = np.random.default_rng(0)
X: Tensor[int, F] = tf.tensor(rng.standard_normal((40, F)).astype(np.float32))
y = rng.integers(0, 3, 40)
perm = rng.permutation(40)
Xs = X[perm]
keep = y != 2
Xk = X[keep]
cols = [0, 2, 4]
Xc = X[:, cols]
first = X[np.arange(5)]
batches: List[Tuple[tf.Tensor, np.ndarray]] = [(Xs[i:i + 8], y[perm][i:i + 8]) for i in range(0, 40, 8)]
head = Dense(F, 3)


def logits(x: Tensor[B, F]) -> Tensor[B, 3]:
    return head(x)


out = [logits(xb) for xb, _ in batches]
stacked = tf.tensor(np.stack([o.numpy() for o in out]))
mean_feat = X[keep].mean(axis=0)
z = (X - mean_feat) / (X.std(axis=0) + 1e-6)
print(Xs.shape, Xk.shape, Xc.shape, first.shape, stacked.shape, z.shape, logits(Xk).shape)
