"""DETR's prediction heads: each object query's decoder state (D) goes to a class head
(classes + 1) and a 3-layer box MLP (4 numbers). The box MLP was fed the class logits."""
import typedflux as tf
from typedflux import Chain, Dense, relu, sigmoid

D, N_CLASSES, N_QUERIES = 32, 91, 10
class_head = Dense(D, N_CLASSES + 1)
box_head = Chain(Dense(D, D, relu), Dense(D, D, relu), Dense(D, 4), sigmoid)
hs = tf.randn(2, N_QUERIES, D)
logits = class_head(hs)
boxes = box_head(logits)  # BUG  # E: Chain layer 1 Dense(32 => 32, relu) expects input Tensor[..., 32], got Tensor[2, 10, 92]; need size 32 at axis -1 (got 92)  [shape]
print(logits.shape, boxes.shape)
