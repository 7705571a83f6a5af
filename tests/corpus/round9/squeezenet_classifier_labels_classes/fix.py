"""SqueezeNet's classifier is a 1x1 conv to the class count, then a global pool; the model
was built for ImageNet's 1000 classes and trained against 10."""
import typedflux as tf
from typedflux import Chain, Conv, Dropout, GlobalMeanPool, relu

NUM_CLASSES = 10
classifier = Chain(Dropout(0.5), Conv((1, 1), 64, NUM_CLASSES, relu), GlobalMeanPool())
feats = tf.randn(4, 64, 6, 6)
logits = classifier(feats)[:, :, 0, 0]
labels = tf.onehot([1, 5, 9, 0], 10)
loss = tf.losses.logitcrossentropy(logits, labels)
print(loss.item())
