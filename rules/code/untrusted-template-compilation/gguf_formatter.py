"""Chat formatting for local GGUF models, in the shape of llama-cpp-python before 0.2.72."""
from typing import Dict, List, Optional

import jinja2


class Jinja2ChatFormatter:
    def __init__(self, template: str, eos_token: str, bos_token: str, add_generation_prompt: bool = True, stop_token_ids: Optional[List[int]] = None):
        self.template = template
        self.eos_token = eos_token
        self.bos_token = bos_token
        self.add_generation_prompt = add_generation_prompt
        self.stop_token_ids = set(stop_token_ids) if stop_token_ids is not None else None
        self._environment = jinja2.Environment(
            loader=jinja2.BaseLoader(),
            trim_blocks=True,
            lstrip_blocks=True,
            # ruleid: untrusted-template-compilation
        ).from_string(self.template)

    def __call__(self, messages: List[Dict[str, str]]) -> str:
        return self._environment.render(
            messages=messages,
            eos_token=self.eos_token,
            bos_token=self.bos_token,
            add_generation_prompt=self.add_generation_prompt,
        )


def formatter_from_metadata(metadata: Dict[str, str]) -> Jinja2ChatFormatter:
    template = metadata["tokenizer.chat_template"]
    return Jinja2ChatFormatter(template=template, eos_token="</s>", bos_token="<s>")
