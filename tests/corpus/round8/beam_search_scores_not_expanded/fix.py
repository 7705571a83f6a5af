"""One beam-search step: each beam's running score is added to its next-token
log-probabilities; the scores were not given a vocabulary axis."""
from typing import Final

import typedflux as tf

BEAMS: Final = 4
VOCAB: Final = 12
scores = tf.zeros(2, BEAMS)
logp = tf.logsoftmax(tf.randn(2, BEAMS, VOCAB), axis=-1)
total = scores[:, :, None] + logp
best = tf.argmax(total.reshape(2, BEAMS * VOCAB), axis=1)
print(best.shape)
