"""A config object a model instance holds, read in its body: ``self.cfg.block_size``.

A model keeps the config it was built with (``self.cfg = cfg``) and its ``__call__`` reads
sizes from it (``tf.ones(self.cfg.block_size, self.cfg.block_size)``). When the instance is
traced to its construction and the config to a call of a config class of the module
(instance_constants.config_fields: its int fields, none of them assigned anywhere in the
module), the body reads those fields as the ints they are.

>>> from mypy_plugin.flow_values import ConfigRecord
>>> Fields(ConfigRecord((("block_size", 8),))).attribute("block_size")
8
"""

from __future__ import annotations

from typing import Any

from mypy_plugin.callbacks.bodies import Receiver
from mypy_plugin.flow_values import ConfigRecord
from typedflux.shapes.errors import CannotTell

__all__ = ["Fields"]


class Fields(Receiver):
    """A config's int fields as a body reads them (``self.cfg.n_embd``)."""

    def __init__(self, record: ConfigRecord) -> None:
        self.record = record

    def attribute(self, name: str) -> Any:
        v = self.record.get(name)
        if not isinstance(v, int) or isinstance(v, bool):
            raise CannotTell("a config field not known")
        return v
