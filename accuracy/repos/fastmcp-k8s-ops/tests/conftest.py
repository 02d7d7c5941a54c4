import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


class FakeMCP:
    """Collects the functions registered with @mcp.tool so tests can call them directly."""

    def __init__(self):
        self.tools = {}

    def tool(self, *args, **kwargs):
        def deco(fn):
            self.tools[fn.__name__] = fn
            return fn

        return deco


@pytest.fixture
def fake_mcp():
    return FakeMCP()


@pytest.fixture
def cfg():
    from opsmcp.config import Config

    return Config(read_only=False, kubeconfig="/dev/null", default_namespace="default", command_timeout=5)


@pytest.fixture
def docker_inspect_output():
    return (FIXTURES / "docker_inspect.json").read_text()
