"""SqueezeNet's classifier is a 1x1 conv to the class count, then a global pool; the model
was built for ImageNet's 1000 classes and trained against 10."""
import typedflux as tf
from typedflux import Chain, Conv, Dropout, GlobalMeanPool, relu

NUM_CLASSES = 1000
classifier = Chain(Dropout(0.5), Conv((1, 1), 64, NUM_CLASSES, relu), GlobalMeanPool())
feats = tf.randn(4, 64, 6, 6)
logits = classifier(feats)[:, :, 0, 0]
labels = tf.onehot([1, 5, 9, 0], 10)
loss = tf.losses.logitcrossentropy(logits, labels)  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[4, 1000], target has Tensor[4, 10]; need identical shapes (no broadcasting in losses) (1000 vs 10 at axis -1)  [shape]
print(loss.item())
