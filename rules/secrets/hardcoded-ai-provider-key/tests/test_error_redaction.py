"""The SDK must strip credentials from the error messages it reports."""
from acme_telemetry.errors import redact_error


def test_openai_key_is_redacted():
    # a made-up key typed as counting runs: nothing to revoke
    # ok: hardcoded-ai-provider-key
    err = ValueError("auth failed for sk-proj-abc123XYZ789defGHI456jklMNO012pqr")
    assert "sk-proj-" not in redact_error(err)


def test_live_looking_key_is_redacted():
    # ruleid: hardcoded-ai-provider-key
    err = ValueError("auth failed for sk-proj-ox9yimTcfipZGnzPbDFDyFKm51zfFoWbSrHAE56yUhQqg0ey")
    assert "sk-proj-" not in redact_error(err)


# Used against the hub's staging server in CI.
# Not critical, only usable on the sandboxed CI instance.
# ok: hardcoded-ai-provider-key
STAGING_TOKEN = "hf_Qm7bKzTrVwXpLsNdJcYhGfAeUoRiPtBnMk"


# a token from the maintainers' account, rotate before release
# ruleid: hardcoded-ai-provider-key
MAINTAINER_TOKEN = "hf_Zr4nYtWqLpKsMdVcXbJhGfNeTaUoRiPlBk"
