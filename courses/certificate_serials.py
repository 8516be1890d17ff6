"""Certificate serials: unguessable, readable, easy to type and read aloud.

60 random bits in Crockford's base32 (no I, L, O or U), grouped by four:
``PRC-7KQ2-M9XD-4HTA``.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "PRC"


def serial_new() -> str:
    value = secrets.randbits(60)
    chars = []
    for _ in range(12):
        value, index = divmod(value, 32)
        chars.append(ALPHABET[index])
    body = "".join(chars)
    return f"{PREFIX}-{body[0:4]}-{body[4:8]}-{body[8:12]}"


def serial_normalize(text: str) -> str:
    """Accept what people type: lower case, spaces, O for 0, I or L for 1."""
    cleaned = text.upper().replace(" ", "").replace("-", "")
    cleaned = cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    if cleaned.startswith(PREFIX):
        cleaned = cleaned[len(PREFIX) :]
    if len(cleaned) != 12 or any(c not in ALPHABET for c in cleaned):
        return ""
    return f"{PREFIX}-{cleaned[0:4]}-{cleaned[4:8]}-{cleaned[8:12]}"
