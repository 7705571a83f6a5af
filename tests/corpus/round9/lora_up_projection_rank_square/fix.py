"""A LoRA adapter: down to rank r, then back up to the layer's width; the up projection was
written r => r."""
import typedflux as tf
from typedflux import Dense

D, R, ALPHA = 64, 4, 16
base = Dense(D, D)
lora_a = Dense(D, R, bias=False)
lora_b = Dense(R, D, bias=False)

x = tf.randn(3, 10, D)
y = base(x) + lora_b(lora_a(x)) * (ALPHA / R)
print(y.shape)
