"""Features loaded from numpy and cast to a typed tensor; the classifier expects another
width."""
from typing import cast

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor

raw = np.random.default_rng(0).normal(size=(5, 30)).astype(np.float32)
feats = cast(Tensor[int, 30], tf.tensor(raw))
clf = Dense(20, 4)
print(clf(feats).shape)  # BUG  # E: Dense(20 => 4) expects input Tensor[..., 20], got Tensor[?, 30]; need size 20 at axis -1 (got 30)  [shape]
