"""Dutch wording of the judgement on the leerbedrijf (leerbedrijf.py), shared by the calculators.

``{where}`` is empty or says which row is meant, in parentheses: " (periode 2, leerjaar 4, 560 uur)".
"""

FINDINGS = {
    "company_recognised": (
        "Het leerbedrijf{where} is erkend onder code {code} ({profile}). Dat is een vmbo-erkenning van SBB; voor "
        "welk profiel maakt voor het leer-werktraject niet uit."
    ),
    "company_not_recognised": (
        "Het leerbedrijf{where} is niet (meer) erkend door SBB, of de erkenning is onbekend. Zo'n bedrijf kan geen "
        "stage van een leer-werktraject bieden: die stage moet bij een leerbedrijf met een vmbo-erkenning, en uren "
        "bij een ander bedrijf tellen niet mee. Zoek een erkend leerbedrijf op Stagemarkt.nl."
    ),
    "company_not_vmbo": (
        "Code {code}{where} is geen vmbo-erkenning van SBB; de vmbo-codes zijn {codes}. Dit bedrijf kan geen stage "
        "van een leer-werktraject bieden, en uren bij dit bedrijf tellen niet mee. Misschien is het alleen voor "
        "het mbo erkend; zoek op Stagemarkt.nl of het ook een vmbo-erkenning heeft."
    ),
}
