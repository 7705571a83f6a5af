"""Adapter for the independent benchmark harness (its README, "Adapter interface"): typedflux as
users write it (Flux-style layers, ``withgradient`` of the model, ``Descent`` + ``update``),
with the whole training step wrapped in ``tf.compile``.

To measure: copy this file into the harness's ``adapters/`` folder, install typedflux into the
harness's venv (``.venv/bin/python -m pip install --no-deps -e <checkout>``) and run e.g.
``.venv/bin/python harness.py mlp_b32 --systems typedflux_compiled,typedflux_layers``.

The model is built exactly as the harness's ``typedflux_layers`` adapter builds it (canonical
parameters copied into PyTorch layouts, the LSTM's data made batch-first once); only the step
differs. ``loss_and_grads`` (the harness's validation) runs compiled too, so the numbers
checked are the compiled program's.
"""
import numpy as np

NAME = "typedflux-compiled"
DESCRIPTION = "typedflux layers, withgradient + Descent update in one tf.compile'd step"


def versions():
    try:
        from importlib.metadata import version
        v = version("typedflux")
    except Exception:  # noqa: BLE001 (run from a checkout on sys.path)
        v = "checkout"
    return {"typedflux": v, "numpy": np.__version__}


def setup(threads):
    pass


def _set(t, arr):
    t.data[...] = arr


class Runner:
    warmup_steps = 3

    def __init__(self, wl):
        import typedflux as tf
        self.tf = tf
        P = wl.fresh_params()
        self.kind = wl.kind
        d = wl.data
        if wl.kind == "mlp":
            m = tf.Chain(tf.Dense(784, 256, tf.relu), tf.Dense(256, 128, tf.relu),
                         tf.Dense(128, 10))
            for i, layer in enumerate(m.layers, start=1):
                _set(layer.weight, P[f"W{i}"].T)
                _set(layer.bias, P[f"b{i}"])
            self.map = {f"{p}{i}": (i - 1, a) for i in (1, 2, 3)
                        for p, a in (("W", "weight"), ("b", "bias"))}
            x = tf.tensor(d["x"])
            y = tf.onehot(d["y"].tolist(), 10)
        elif wl.kind == "cnn":
            m = tf.Chain(tf.Conv((3, 3), 1, 8, tf.relu, pad=1), tf.MaxPool((2, 2)),
                         tf.Conv((3, 3), 8, 16, tf.relu, pad=1), tf.MaxPool((2, 2)),
                         tf.Flatten(), tf.Dense(16 * 7 * 7, 10))
            _set(m.layers[0].weight, P["c1w"]); _set(m.layers[0].bias, P["c1b"])
            _set(m.layers[2].weight, P["c2w"]); _set(m.layers[2].bias, P["c2b"])
            _set(m.layers[5].weight, P["dw"].T); _set(m.layers[5].bias, P["db"])
            self.map = {"c1w": (0, "weight"), "c1b": (0, "bias"), "c2w": (2, "weight"),
                        "c2b": (2, "bias"), "dw": (5, "weight"), "db": (5, "bias")}
            x = tf.tensor(d["x"])
            y = tf.onehot(d["y"].tolist(), 10)
        elif wl.kind == "lstm":
            H = wl.cfg["hidden"]
            m = tf.Chain(tf.LSTM(wl.cfg["n_in"], H), lambda h: h[:, -1, :],
                         tf.Dense(H, wl.cfg["n_out"]))
            _set(m.layers[0].weight_ih, P["Wx"].T)
            _set(m.layers[0].weight_hh, P["Wh"].T)
            _set(m.layers[0].bias, P["b"])
            _set(m.layers[2].weight, P["Wo"].T); _set(m.layers[2].bias, P["bo"])
            self.map = {"Wx": (0, "weight_ih"), "Wh": (0, "weight_hh"), "b": (0, "bias"),
                        "Wo": (2, "weight"), "bo": (2, "bias")}
            x = tf.tensor(np.ascontiguousarray(d["x"].transpose(1, 0, 2)))
            y = tf.onehot(d["y"].tolist(), wl.cfg["n_out"])
        elif wl.kind == "chain":
            m = {"w": tf.tensor(P["w"]), "b": tf.tensor(P["b"])}
            x = tf.tensor(d["x"])
            cycles = wl.cfg["cycles"]

            def chain_loss(m):
                h = x
                w, b = m["w"], m["b"]
                for _ in range(cycles):
                    h = tf.exp(tf.tanh(h * w + b))
                return h.sum()
            loss = chain_loss
        else:
            raise ValueError(wl.kind)
        if wl.kind != "chain":
            def loss(m):
                return tf.losses.logitcrossentropy(m(x), y)
        self.model = m
        state = tf.setup(tf.Descent(wl.lr), m)

        def train_step(model):
            _, (g,) = tf.withgradient(loss, model)
            tf.update(state, model, g)

        self.train_step = tf.compile(train_step)
        self.value_and_grad = tf.compile(lambda model: tf.withgradient(loss, model))

    def step(self):
        self.train_step(self.model)

    def loss_and_grads(self):
        val, (g,) = self.value_and_grad(self.model)
        if self.kind == "chain":
            return float(val.item()), {k: np.array(g[k].numpy()) for k in ("w", "b")}
        out = {}
        for name, (i, attr) in self.map.items():
            a = np.array(getattr(g.layers[i], attr).numpy())
            if attr in ("weight", "weight_ih", "weight_hh") and a.ndim == 2:
                a = a.T
            out[name] = np.ascontiguousarray(a)
        return float(val.item()), out


def build(wl):
    return Runner(wl)
