TOOLS = [{"type": "function", "function": {"name": "search", "description": "Search the docs", "parameters": {"type": "object", "properties": {"q": {"type": "string"}}, "required": ["q"]}}}]


def call_tool(name: str, args: dict) -> str:
    return f"no results for {args.get('q')}"
