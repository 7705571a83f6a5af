"""A detector's heads kept in a dict; the box head is given the backbone's early features
instead of the pooled ones."""
import typedflux as tf
from typedflux import Chain, Dense, relu

backbone = Chain(Dense(32, 64, relu), Dense(64, 48, relu))
heads = {"cls": Dense(48, 10), "box": Dense(48, 4)}

x = tf.randn(6, 32)
feat = backbone(x)
early = backbone[0](x)
cls_logits = heads["cls"](feat)
boxes = heads["box"](feat)
print(cls_logits.shape, boxes.shape)
