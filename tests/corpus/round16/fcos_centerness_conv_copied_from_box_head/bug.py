"""FCOS: the score of each location is sqrt(sigmoid(cls) * sigmoid(centerness)), with one
centerness channel broadcast over the K classes; the centerness conv was copied from the box
regression head and gives 4 channels."""
import typedflux as tf
from typedflux import Conv

K = 10
feat = tf.randn(2, 16, 12, 12)
cls_head = Conv((3, 3), 16, K, pad=1)
box_head = Conv((3, 3), 16, 4, pad=1)
ctr_head = Conv((3, 3), 16, 4, pad=1)
boxes = tf.relu(box_head(feat))
scores = tf.sqrt(tf.sigmoid(cls_head(feat)) * tf.sigmoid(ctr_head(feat)))  # BUG  # E: Cannot broadcast for "mul": x has Tensor[2, 10, 12, 12], y has Tensor[2, 4, 12, 12]; need equal sizes or 1 at axis -3 (10 vs 4)  [shape]
print(scores.shape, boxes.shape)
