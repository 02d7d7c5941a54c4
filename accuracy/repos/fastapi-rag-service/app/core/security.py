from fastapi import Header, HTTPException, status

from app.core.config import settings


async def require_api_key(x_api_key: str = Header(...)) -> str:
    """Maps an API key to its tenant: keys are configured as '<tenant>:<secret>'."""
    for entry in settings.api_keys:
        tenant, _, secret = entry.partition(":")
        if secret and secret == x_api_key:
            return tenant
    raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="invalid API key")
