"""Names and phone numbers shown in part: enough for the person to recognise, not to identify."""


def mask_name(name: str) -> str:
    """王小纲 → 王*纲, 王明 → 王*, 王 → *, Wang → W**g; an empty name stays empty."""
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" * len(name)
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_phone(phone: str) -> str:
    """138****5678: enough to recognise a number, not to call it."""
    phone = phone or ""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]
