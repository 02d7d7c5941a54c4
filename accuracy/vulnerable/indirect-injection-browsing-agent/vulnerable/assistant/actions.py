ACTION_TOOLS = [
    {"type": "function", "function": {"name": "send_email", "description": "Send an e-mail", "parameters": {"type": "object", "properties": {"to": {"type": "string"}, "body": {"type": "string"}}, "required": ["to", "body"]}}},
]
