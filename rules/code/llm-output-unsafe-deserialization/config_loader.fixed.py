import yaml
from yaml import SafeLoader
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from openai import AsyncOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")
aclient = AsyncOpenAI()


@tool
def load_config(config_yaml: str) -> dict:
    """Load a pipeline config written by the planner."""
    # ruleid: llm-output-unsafe-deserialization
    return yaml.safe_load(config_yaml)


@tool
def load_config_safe(config_yaml: str) -> dict:
    """Same, with the safe loader."""
    # ok: llm-output-unsafe-deserialization
    return yaml.load(config_yaml, Loader=SafeLoader)


def plan(goal: str):
    text = llm.invoke(f"Write a YAML plan for: {goal}").content
    # ruleid: llm-output-unsafe-deserialization
    config = yaml.safe_load(text)
    # ruleid: llm-output-unsafe-deserialization
    docs = list(yaml.safe_load_all(text))
    # ok: llm-output-unsafe-deserialization
    safe = yaml.safe_load(text)
    # ok: llm-output-unsafe-deserialization
    also_safe = yaml.load(text, Loader=yaml.CSafeLoader)
    return config, docs, safe, also_safe


async def plan_async(goal: str):
    res = await aclient.responses.create(model="gpt-4o", input="Answer in YAML: {}".format(goal))
    # ruleid: llm-output-unsafe-deserialization
    return yaml.safe_load(res.output_text)


def load_defaults(path: str):
    with open(path) as fh:
        # ok: llm-output-unsafe-deserialization
        return yaml.load(fh, Loader=yaml.FullLoader)
