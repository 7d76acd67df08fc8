"""Input fields that several calculators share: one definition each, so forms and checks agree."""

from __future__ import annotations

import re

from .inputs import Field

#: The name of the SBB code field and of the box for a company without (known) recognition.
SBB_CODE = "sbb_code"
NOT_RECOGNISED = "niet_erkend"
#: The form of an SBB recognition code (a format, like a postcode; which codes are vmbo codes is data).
SBB_CODE_FORM = re.compile(r"[0-9]{5}")


def age_field(label: str = "Leeftijd van de leerling", hint: str = "In hele jaren.", default: int = 15) -> Field:
    """The pupil's age in whole years."""
    return Field("leeftijd", label, "integer", hint=hint, unit="jaar", minimum=10, maximum=30, default=default)


def sbb_code_field(default: str = "", example: str = "19029") -> Field:
    """The SBB recognition code of the leerbedrijf: five digits, or empty when the box below is ticked."""
    return Field(
        SBB_CODE, "SBB-code van het leerbedrijf", "text", required=False, default=default or None,
        hint=f"De erkenningscode op Stagemarkt, vijf cijfers, bijvoorbeeld {example}. "
             "Geen code? Vink ‘niet (meer) erkend of onbekend’ aan.",
    )


def not_recognised_field() -> Field:
    """The explicit choice for a company that SBB has not (or no longer) recognised, or whose code is unknown."""
    return Field(
        NOT_RECOGNISED, "Leerbedrijf niet (meer) erkend of onbekend", "boolean", required=False, default=False,
        hint="Vink aan als het bedrijf geen erkenning van SBB heeft of als u de code niet weet.",
    )


def sbb_code_error(code: str | None, not_recognised: bool) -> str | None:
    """The Dutch input error for the SBB code, or None: a code must be five digits unless the box is ticked."""
    if not_recognised:
        return None
    if not code:
        return ("Vul bij ‘SBB-code van het leerbedrijf’ de code van vijf cijfers in, bijvoorbeeld 19029, of vink "
                "‘niet (meer) erkend of onbekend’ aan.")
    if not SBB_CODE_FORM.fullmatch(code):
        return (f"‘{code[:20]}’ is geen SBB-code: een code heeft vijf cijfers, bijvoorbeeld 19029. Weet u de code niet, "
                "vink dan ‘niet (meer) erkend of onbekend’ aan.")
    return None
