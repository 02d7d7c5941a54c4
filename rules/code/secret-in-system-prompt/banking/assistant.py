from anthropic import Anthropic

client = Anthropic()


def system_for(customer: dict) -> str:
    return (
        "You are the bank's assistant for this customer.\n"
        # ruleid: secret-in-system-prompt
        f"Name: {customer['name']}\nSSN: {customer['ssn']}\n"
        "Answer questions about their account."
    )


def system_for_masked(customer: dict) -> str:
    # ok: secret-in-system-prompt
    return f"First name: {customer['first_name']}. Card ending in {customer['card_number'][-4:]}."


def get_system(settings) -> dict:
    # ok: secret-in-system-prompt (settings object, not prose)
    return {"name": "bank", "db_password": settings.db_password}


def chat(customer: dict, text: str) -> str:
    # ok: secret-in-system-prompt (reported where the helper puts the SSN into the prompt)
    msg = client.messages.create(model="claude-3-5-haiku-20241022", max_tokens=400, system=system_for(customer), messages=[{"role": "user", "content": text}])
    return msg.content[0].text
