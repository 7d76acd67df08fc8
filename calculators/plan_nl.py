"""Dutch wording of the plan's report (the plan runs the calculators in plan.py).

The plan has no findings of its own: it reports the findings of its parts, each with the part's
title in front. ``{title}`` is a part's title, ``{message}`` the part's own sentence.
"""

FINDINGS = {
    "part_finding": "{title}: {message}",
}

#: The error of a part, with the part's title in front.
PART_ERROR = "{title}: {message}"

SUMMARIES = {
    "fail": "Het plan voldoet niet{who}. Per onderdeel: {verdicts}.",
    "warning": "Het plan voldoet, maar let op{who}. Per onderdeel: {verdicts}.",
    "pass": "Het plan voldoet{who}. Per onderdeel: {verdicts}.",
}
#: How the pupil is named in the summary, and how one part's verdict reads.
WHO = " (leerling: {name})"
PART_VERDICT = "{title}: {verdict}"
