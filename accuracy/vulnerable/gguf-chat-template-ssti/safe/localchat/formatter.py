import json

from gguf import GGUFReader
from jinja2.sandbox import ImmutableSandboxedEnvironment


class TemplateFormatter:
    def __init__(self, template: str, bos: str, eos: str):
        self.env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        self.template = self.env.from_string(template)
        self.bos, self.eos = bos, eos

    def format(self, messages: list[dict]) -> str:
        return self.template.render(messages=messages, bos_token=self.bos, eos_token=self.eos, add_generation_prompt=True)


def formatter_from_gguf(path: str) -> TemplateFormatter:
    reader = GGUFReader(path)
    field = reader.fields["tokenizer.chat_template"]
    template = bytes(field.parts[-1]).decode("utf-8")
    return TemplateFormatter(template, "<s>", "</s>")


def formatter_from_tokenizer_config(path: str) -> TemplateFormatter:
    with open(path) as fh:
        cfg = json.load(fh)
    return TemplateFormatter(cfg["chat_template"], cfg.get("bos_token", ""), cfg.get("eos_token", ""))
