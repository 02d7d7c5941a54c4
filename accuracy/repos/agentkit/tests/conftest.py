from types import SimpleNamespace

import pytest


class FakeMessages:
    def __init__(self, script):
        self.script = list(script)
        self.calls = []

    def create(self, **kwargs):
        self.calls.append(kwargs)
        return self.script.pop(0)


@pytest.fixture
def fake_client():
    def make(*responses):
        return SimpleNamespace(messages=FakeMessages(responses))
    return make


def text(t):
    return SimpleNamespace(stop_reason="end_turn", content=[SimpleNamespace(type="text", text=t)])


def tool_use(name, **inp):
    return SimpleNamespace(stop_reason="tool_use", content=[SimpleNamespace(type="tool_use", id="tu_1", name=name, input=inp)])
