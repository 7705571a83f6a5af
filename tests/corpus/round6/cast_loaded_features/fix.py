"""Features loaded from numpy and cast to a typed tensor; the classifier expects another
width."""
from typing import cast

import numpy as np

import typedflux as tf
from typedflux import Dense, Tensor

raw = np.random.default_rng(0).normal(size=(5, 30)).astype(np.float32)
feats = cast(Tensor[int, 30], tf.tensor(raw))
clf = Dense(30, 4)
print(clf(feats).shape)
