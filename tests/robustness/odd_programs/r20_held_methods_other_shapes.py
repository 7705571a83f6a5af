"""held dict/list methods on inferred containers of tensors and layers, called with other
shapes; a held pop/get; a held append on a list of layers. All run."""
import typedflux as tf
from typedflux import Dense, Tensor

d = {"a": tf.zeros(2, 4)}
put = d.__setitem__
put("b", tf.zeros(3, 5))
get = d.get
print(get("b", tf.zeros(1)).shape)
up = d.update
up({"c": tf.zeros(7)})
pop = d.pop
v = pop("a")
print(v.shape)
xs = [tf.zeros(2, 4)]
add = xs.append
add(tf.zeros(9))
ins = xs.insert
ins(0, tf.zeros(1, 1))
layers = [Dense(4, 8)]
grow = layers.append
grow(Dense(8, 2))
y = tf.randn(2, 4)
for l in layers:
    y = l(y)
print(y.shape)
ext = xs.extend
ext([tf.zeros(3)])
print([t.shape for t in xs])
