"""One judgement on the leerbedrijf, for every calculator that asks for its SBB code.

The rule (WVO (2015) art. 10b4 lid 8; WVO 2020 and SBB): the practical part of a
leer-werktraject takes place at a leerbedrijf that SBB has recognised for the vmbo, under any
of the vmbo codes in ``leerbedrijven.sbb_codes_vmbo``. A company without such a recognition
(not recognised, no longer recognised, unknown, or recognised only for the mbo) cannot host lwt
stage: its hours do not count. A code that is not five digits is an input error (see fields.py).
"""

from __future__ import annotations

from datetime import date

from .leerbedrijf_nl import FINDINGS
from .outcome import Verdict, verdict
from .rules import Rules

RECOGNISED = "stage.erkend_leerbedrijf"
CODES = "leerbedrijven.sbb_codes_vmbo"
NORMS = (RECOGNISED, CODES)
__all__ = ["FINDINGS", "NORMS", "company_can_host_lwt_stage", "vmbo_profile"]


def vmbo_profile(code: str | None, rules: Rules, on: date) -> str | None:
    """The vmbo profile a code recognises, or None when the code is not a vmbo recognition."""
    return rules.value(CODES, on).get(code or "")


def company_can_host_lwt_stage(code: str | None, not_recognised: bool, rules: Rules, on: date, where: str = "") -> Verdict:
    """Pass for a vmbo-recognised company; fail (cannot host lwt stage) for any other company."""
    rule = rules.get(RECOGNISED, on)
    codes = sorted(rules.value(CODES, on))
    if not_recognised:
        return verdict(rule, "fail", "company_not_recognised", where=where)
    profile = vmbo_profile(code, rules, on)
    if profile is None:
        return verdict(rule, "fail", "company_not_vmbo", where=where, code=code, codes=codes)
    return verdict(rule, "pass", "company_recognised", where=where, code=code, profile=profile)
