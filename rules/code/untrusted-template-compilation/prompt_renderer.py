"""A renderer whose template arrives through its constructor: the call sites decide where it comes from."""
import json

import jinja2


class PromptRenderer:
    def __init__(self, source: str, stop: str):
        self.env = jinja2.Environment(loader=jinja2.BaseLoader(), autoescape=False)
        # ruleid: untrusted-template-compilation
        self.compiled = self.env.from_string(source)
        self.stop = stop

    def render(self, messages: list[dict]) -> str:
        return self.compiled.render(messages=messages, stop=self.stop)


class BannerRenderer:
    def __init__(self, source: str):
        self.env = jinja2.Environment(loader=jinja2.BaseLoader())
        # ok: untrusted-template-compilation
        self.compiled = self.env.from_string(source)


def renderer_for_model(config_path: str) -> PromptRenderer:
    with open(config_path) as fh:
        config = json.load(fh)
    return PromptRenderer(config["chat_template"], config.get("eos_token", ""))


def banner() -> BannerRenderer:
    return BannerRenderer("Welcome, {{ name }}!")
