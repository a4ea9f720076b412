"""A registry whose built-in parts live in another module (tests/test_registry.py)."""

from pipeline.registry import Registry

PARTS: Registry[int] = Registry("part", "tests.registry_parts_builtin")
