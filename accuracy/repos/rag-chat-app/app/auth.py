from fastapi import Header, HTTPException

TOKENS: dict[str, str] = {}


def current_workspace(authorization: str = Header(...)) -> str:
    token = authorization.removeprefix("Bearer ").strip()
    ws = TOKENS.get(token)
    if ws is None:
        raise HTTPException(401, "invalid token")
    return ws
