from .agent import Agent
from .tools import Tool, tool

__all__ = ["Agent", "Tool", "tool"]
