from anthropic import Anthropic

client = Anthropic()


def system_for(customer: dict) -> str:
    return (
        "You are the bank's assistant for this customer.\n"
        f"First name: {customer['first_name']}. Card ending in {customer['card_number'][-4:]}.\n"
        "Answer questions about their account; use the tools to look up balances."
    )


def chat(customer: dict, text: str) -> str:
    msg = client.messages.create(model="claude-3-5-haiku-20241022", max_tokens=400, system=system_for(customer), messages=[{"role": "user", "content": text}])
    return msg.content[0].text
