"""A backbone cast to Any gives unknown features (no error); the classifier's width is wrong."""
from typing import Any, cast

import typedflux as tf
from typedflux import Chain, Dense, relu

backbone = cast(Any, Chain(Dense(10, 32, relu)))
feats = backbone(tf.randn(4, 10))
w = tf.randn(32, 5)
logits = feats @ w
probs = tf.softmax(logits)
print(probs.shape)
proj = w @ tf.randn(5, 3)
print(proj.shape)
