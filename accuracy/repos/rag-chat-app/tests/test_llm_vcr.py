import vcr

from app import llm

my_vcr = vcr.VCR(cassette_library_dir="tests/cassettes", filter_headers=["authorization"], record_mode="none")


@my_vcr.use_cassette("answer_basic.yaml")
def test_answer_uses_context():
    out = llm.answer("What port does the server use?", ["The server listens on port 8080."])
    assert "8080" in out
