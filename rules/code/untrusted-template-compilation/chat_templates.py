"""Prompt builders of a local inference server: chat templates from GGUF files and tokenizer configs."""
import json
from pathlib import Path

from gguf import GGUFReader
from jinja2 import Environment, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment
from transformers import AutoTokenizer

LLAMA2_TEMPLATE = "{% for m in messages %}[INST] {{ m['content'] }} [/INST]{% endfor %}"
env = Environment(trim_blocks=True, lstrip_blocks=True)
sandbox = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)


def hf_tokenizer_config_to_prompt(model_dir: str, messages: list) -> str:
    with open(Path(model_dir) / "tokenizer_config.json", encoding="utf-8") as f:
        tokenizer_config = json.load(f)
    chat_template = tokenizer_config["chat_template"]
    bos_token = tokenizer_config["bos_token"]
    # ruleid: untrusted-template-compilation
    return env.from_string(chat_template).render(messages=messages, bos_token=bos_token)


def sandboxed_prompt(model_dir: str, messages: list) -> str:
    with open(Path(model_dir) / "tokenizer_config.json", encoding="utf-8") as f:
        chat_template = json.load(f)["chat_template"]
    # ok: untrusted-template-compilation
    return sandbox.from_string(chat_template).render(messages=messages)


def gguf_prompt(path: str, messages: list) -> str:
    reader = GGUFReader(path)
    field = reader.fields["tokenizer.chat_template"]
    template = bytes(field.parts[-1]).decode("utf-8")
    # ruleid: untrusted-template-compilation
    return Template(template).render(messages=messages, add_generation_prompt=True)


def tokenizer_prompt(model_id: str, messages: list) -> str:
    tokenizer = AutoTokenizer.from_pretrained(model_id, revision="4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    # ruleid: untrusted-template-compilation
    rendered = Template(tokenizer.chat_template).render(messages=messages)
    # ok: untrusted-template-compilation
    safe = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return rendered + safe


def template_file_prompt(model_dir: str, messages: list) -> str:
    source = (Path(model_dir) / "chat_template.jinja").read_text(encoding="utf-8")
    # ruleid: untrusted-template-compilation
    return env.from_string(source).render(messages=messages)


def builtin_prompt(messages: list) -> str:
    # ok: untrusted-template-compilation
    return Template(LLAMA2_TEMPLATE).render(messages=messages)


def render_with(chat_template: str, messages: list) -> str:
    # ruleid: untrusted-template-compilation
    return Environment().from_string(chat_template).render(messages=messages)


class Jinja2ChatTemplate:
    def __init__(self, template_str: str):
        environ = Environment()
        # ruleid: untrusted-template-compilation
        self._template = environ.from_string(template_str)

    def render(self, chat: list) -> str:
        return self._template.render(messages=chat)


class SafeChatTemplate:
    def __init__(self, template_str: str):
        environ = ImmutableSandboxedEnvironment()
        # ok: untrusted-template-compilation
        self._template = environ.from_string(template_str)


class ReportLayout:
    def __init__(self, template: str):
        # ok: untrusted-template-compilation
        self._template = Environment().from_string(template)
