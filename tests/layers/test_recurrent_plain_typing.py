"""Without the plugin, mypy's own types of the recurrent layers say what a call returns.

``GRU`` inherited ``RNN``'s ``__init__`` overloads, whose ``self: RNN[..]`` types mypy bound
wrongly for the subclass: ``GRU(32, 64, return_state=True)`` was ``GRU[Any, Any,
Literal[False]]`` and a call a ``Tensor``, so a correct seq2seq encoder returning its
``(y, h)`` tuple was a false ``[return-value]`` under plain mypy.
"""

from __future__ import annotations

from pathlib import Path

from mypy import api

PROGRAM = '''
from typing import Tuple
import typedflux as tf
from typedflux import GRU, LSTM, RNN, Tensor

x = tf.randn(4, 7, 32)
a: Tuple[Tensor, Tensor] = GRU(32, 64, return_state=True)(x)
b: Tuple[Tensor, Tensor] = RNN(32, 64, return_state=True)(x)
c: Tuple[Tensor, Tuple[Tensor, Tensor]] = LSTM(32, 64, return_state=True)(x)
d: Tensor = GRU(32, 64)(x)
e: Tensor = GRU(32, 64, return_state=False)(x)
reveal_type(GRU(32, 64, return_state=True))
'''


def test_plain_mypy_types_return_state_calls_as_the_run_time_returns(tmp_path: Path) -> None:
    program = tmp_path / "recurrent_plain.py"
    program.write_text(PROGRAM)
    config = tmp_path / "plain.ini"
    config.write_text("[mypy]\n")  # no plugin
    out, err, status = api.run(["--config-file", str(config), "--no-incremental",
                                str(program)])
    assert 'Revealed type is "typedflux.layers.recurrent.GRU[Any, Any, Literal[True]]"' in out, out
    assert "error" not in out, out
    assert status == 0, out + err
    # And the annotations hold at run time: the same program runs.
    namespace: dict[str, object] = {"reveal_type": lambda _: None}
    exec(compile(PROGRAM, str(program), "exec"), namespace)
    assert isinstance(namespace["a"], tuple) and isinstance(namespace["c"], tuple)
