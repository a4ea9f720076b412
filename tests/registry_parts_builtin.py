"""The built-in parts of tests.registry_parts.PARTS: importing this module registers them."""

from tests.registry_parts import PARTS

PARTS.register("one")(1)
PARTS.register("two")(2)
