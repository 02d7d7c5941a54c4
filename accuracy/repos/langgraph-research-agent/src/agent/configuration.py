import os
from dataclasses import dataclass, field, fields
from typing import Optional

from langchain_core.runnables import RunnableConfig


@dataclass(kw_only=True)
class Configuration:
    model: str = field(default="openai:gpt-4o-mini")
    system_prompt: str = field(default="You are a careful research assistant. Cite sources for every claim.")
    max_search_results: int = 5
    workspace_dir: str = field(default_factory=lambda: os.environ.get("WORKSPACE_DIR", "./workspace"))

    @classmethod
    def from_runnable_config(cls, config: Optional[RunnableConfig] = None) -> "Configuration":
        configurable = (config or {}).get("configurable", {})
        return cls(**{f.name: configurable[f.name] for f in fields(cls) if f.name in configurable})
