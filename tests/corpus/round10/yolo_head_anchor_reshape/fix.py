"""A YOLO detection head: a 1x1 conv predicts anchors * (5 + classes) channels per cell,
reshaped to (B, anchors, 5 + classes, H, W). The conv predicts 5 + classes for one anchor."""
import typedflux as tf
from typedflux import Conv

N_ANCHORS, N_CLASSES, C = 3, 20, 64
head = Conv((1, 1), C, N_ANCHORS * (5 + N_CLASSES))
feat = tf.randn(2, C, 13, 13)
p = head(feat)
p = p.reshape(2, N_ANCHORS, 5 + N_CLASSES, 13, 13)
boxes, obj, cls = p[:, :, :4], p[:, :, 4:5], p[:, :, 5:]
print(boxes.shape, obj.shape, cls.shape)
