# A sanitizer's pytest: the raw invisible characters are the input under test.
from app.sanitize import normalize_prompt, contains_hidden_characters
from app.tools import run_tool


def test_normalize_prompt_removes_zero_width():
    # ok: hidden-unicode-characters
    assert normalize_prompt("ig​nore") == "ignore"
    # ok: hidden-unicode-characters
    assert contains_hidden_characters("left‮right")


def test_tool_input_is_not_a_sanitizer_test():
    # ruleid: hidden-unicode-characters
    assert run_tool("rm​ -rf") == "refused"
