"""Decoding YOLO boxes: cell offsets are added to the predicted centres of each
(anchor, row, column). The grid was built (W, H, 2) for a non-square feature map."""
import typedflux as tf

A, H, W = 3, 13, 20
pred = tf.randn(2, A, H, W, 85)
xy = tf.sigmoid(pred[..., :2])
ys = tf.arange(H).reshape(H, 1) * tf.ones(1, W)
xs = tf.ones(H, 1) * tf.arange(W).reshape(1, W)
grid = tf.stack([xs, ys], axis=-1).transpose(1, 0, 2)
centres = (xy + grid) / tf.tensor([W, H])  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 3, 13, 20, 2], y has Tensor[20, 13, 2]; need equal sizes or 1 at axis -3 (13 vs 20)  [shape]
print(centres.shape)
