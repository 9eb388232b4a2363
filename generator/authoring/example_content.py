"""The seed's words (Cleveland, 2024-25 Quarter 2): the Content sheet of inputs/example.xlsx.

Copied from the published summary, wording and typos included; bold phrases carry the
workbook's `**bold**` markup. Wherever the seed's prose quotes a figure its tables print,
a placeholder (`{calls999.percent_size}`) prints it instead, so the text reads as the seed
did and cannot drift from the tables. The "25% reduction" in under-25 sharps admissions
stays typed: the table prints it as -25.0%, and the seed's words are kept.
generator/authoring/example.py adds the figures and writes the file.
"""

from __future__ import annotations

from generator.authoring.template import Row

_ACCESS: tuple[Row, ...] = (
    ("theme", "Access to Police Services", None, None),
    ("section", "Emergency Calls (999 service)", None, None),
    (
        "paragraph",
        "Nationally, Cleveland Police continue to have **strong and consistent performance** "
        "in relation to 999 call answer times.",
        None,
        None,
    ),
    (
        "paragraph",
        "During the current reporting period, Cleveland Police have seen a "
        "**{calls999.percent_size} reduction** in the number of 999 calls received "
        "({calls999.change_size} less calls on the previous year). This is "
        "accompanied by a slight **improvement in performance** in call answering times, with "
        "almost 9 in 10 calls answered within 10 seconds.",
        None,
        None,
    ),
    ("measures", None, "999 calls", None),
    ("section", "Non-emergency calls (101 service)", None, None),
    (
        "paragraph",
        "Over the last 12 months Cleveland Police have seen a **{calls101.percent_size} "
        "reduction** in the number of non-999 calls which equates to "
        "**{calls101.change_size} fewer calls**. This reduction is "
        "accompanied by a significant improvement in call answer times.",
        None,
        None,
    ),
    ("measures", None, "101 calls", None),
    ("section", "COPA Reporting App", None, None),
    (
        "bullet",
        "As at the end of September 2024, the COPA app had been downloaded 12,409 times. This "
        "figure represents a 42.6% increase compared to the same period last year.",
        None,
        1,
    ),
    ("bullet", "Since its launch the app has been used:", None, 1),
    (
        "bullet",
        "Over 6,000 times to reports matters to the Police or other external partners "
        "concerning asb, drugs and vehicle nuisance.",
        None,
        2,
    ),
    ("bullet", "Over 730 times to access victim support information.", None, 2),
    ("bullet", "Over 1,200 time to access Crimestoppers", None, 2),
    ("chart", "Total reports by type", "COPA reports", "bar"),
    (
        "note",
        "Figures are lower bounds: the app has been used over 6,000, over 1,200 and over 730 "
        "times respectively since launch.",
        None,
        None,
    ),
)

_NEIGHBOURHOOD: tuple[Row, ...] = (
    ("theme", None, None, None),  # the sections up to Safer Streets stand alone
    ("section", "Neighbourhood Crime", None, None),
    (
        "paragraph",
        "During this reporting period total recorded crime in Cleveland has **reduced by "
        "{crime.percent_size}** equating to more than 7,600 fewer crimes, with a significant "
        "**{neighbourhood.percent_size} reduction** also recorded across neighbourhood crime "
        "categories, which includes a {burglary.percent_size} reduction in residential "
        "burglary offences.",
        None,
        None,
    ),
    ("measures", None, "Neighbourhood crime", None),
    ("section", "Tackling anti-social behaviour in communities", None, None),
    (
        "paragraph",
        "Between August 2023 and September 2024, more than **6,800 dedicated anti-social "
        "behaviour hotspot patrols** equating to 7,685 patrol hours - have taken place across "
        "15 council wards in Hartlepool, Middlesbrough, Stockton and Redcar. During these "
        "patrols more than **3,100 community and business** engagements have taken place.",
        None,
        None,
    ),
    (
        "paragraph",
        "These patrols play a vital role in effectively addressing anti-social behaviour "
        "alongside other partnership activities, with year-on-year data showing a **21% "
        "reduction in antisocial behaviour** across the targeted micro-hotspot locations.",
        None,
        None,
    ),
    (
        "paragraph",
        "As detailed below, these reductions have also been met by an **overall reduction of "
        "{asb.percent_size}** ({asb.change} incidents) in the total number of anti-social "
        "behaviour incidents "
        "reported to the police, with levels across the 3-year period following a "
        "significant **decreasing trend**.",
        None,
        None,
    ),
    ("measures", None, "ASB", None),
)

_SAFER_STREETS: tuple[Row, ...] = (
    ("theme", "Designing out opportunities for Crime and ASB – Stockton", None, None),
    ("section", "Safer Streets", None, None),
    (
        "bullet",
        "As part of the Safer Streets 5 programme, £331,000 of investment has been made in "
        "Portrack and Tilery areas of Stockton Town Centre as well as parts of Ropner ward.",
        None,
        1,
    ),
    ("bullet", "Funding has supported:", None, 1),
    ("bullet", "Installation of 10 CCTV cameras", None, 2),
    ("bullet", "Installation of extra street lighting", None, 2),
    (
        "bullet",
        "Distribution of target hardening containing home security measures including window "
        "locks, doorbells fitted with cameras, solar motion sensor lights and plug-in timers.",
        None,
        2,
    ),
    (
        "bullet",
        "Installation of metal railings Ouseport and Devonport Roads have been fitted to "
        "prevent quads and motorbikes accessing spare ground and closed off 40 potential "
        "vehicle access routes.",
        None,
        2,
    ),
    (
        "bullet",
        "Since Safer Streets 5 started in the Portrack and Tilery areas of Stockton Town "
        "Centre and parts of Ropner ward, incidents of antisocial behaviour (ASB) have "
        "reduced by 47%.",
        None,
        1,
    ),
)

_EDI: tuple[Row, ...] = (
    ("theme", "Equality, diversity and inclusion", None, None),
    ("section", "Tees Valley EDI Awards", None, None),
    (
        "paragraph",
        "The Office of the Police and Crime Commissioner was nominated in the Public Sector "
        "category at the Tees Valley EDI Awards.",
        None,
        None,
    ),
    (
        "paragraph",
        "We were delighted to be nominated for the communications and engagement work we "
        "conducted following the violent disorder in Hartlepool and Middlesbrough over the "
        "summer.",
        None,
        None,
    ),
    ("paragraph", "Our activity following the disorder included:", None, None),
    (
        "bullet",
        "The PCC visited diverse groups across Cleveland and made personal visits to victims "
        "in affected areas.",
        None,
        1,
    ),
    (
        "bullet",
        "Holding drop-in sessions for those requiring assistance to apply for the Riot "
        "Compensation scheme.",
        None,
        1,
    ),
    ("bullet", "Engaging with diverse communities via various digital platforms.", None, 1),
    (
        "bullet",
        "Funding a Crimestoppers social media campaign to encourage identification of "
        "individuals involved.",
        None,
        1,
    ),
)

_VIOLENCE: tuple[Row, ...] = (
    ("theme", None, None, None),
    ("section", "Tackling violence against women and girls", None, None),
    (
        "paragraph",
        "During this reporting period there has been a **{domestic_abuse.percent_size} "
        "reduction** in total domestic related recorded crime, with reductions also recorded "
        "for sexual offences including "
        "rape. Across the reporting periods, domestic abuse arrest and repeat victimisation "
        "rates have remained fairly static.",
        None,
        None,
    ),
    ("measures", None, "VAWG", None),
    ("section", "Prevent, reduce and tackle serious violence", None, None),
    (
        "paragraph",
        "Significant reductions have been recorded across all categories of police recorded "
        "serious violence with hospitals admissions for youth related violence also "
        "experiencing a **25% reduction**. The reduction of youth related violence is a key "
        "priority of the Cleveland Violence Reduction Partnership.",
        None,
        None,
    ),
    ("measures", None, "Serious violence", None),
)

_OFFENDING: tuple[Row, ...] = (
    ("theme", "Reducing offending in Cleveland – Young People", None, None),
    ("section", "Youth Triage", None, None),
    ("paragraph", "The Police and Crime Commissioner funds the Youth Triage scheme.", None, None),
    (
        "paragraph",
        "The scheme, which is run by Cleveland's three youth justice services (YJS) in "
        "partnership with Cleveland Police, aims to do the following:",
        None,
        None,
    ),
    ("bullet", "Reduce the rate of first time Entrants to the youth justice system;", None, 1),
    ("bullet", "Lower re-offending rates;", None, 1),
    (
        "bullet",
        "Provide a suite of 1:1 support to address the pathway issues driving offending "
        "behaviour (for example, mental health and relationships)",
        None,
        1,
    ),
    ("bullet", "Minimise avoidable custodial outcomes.", None, 1),
    (
        "paragraph",
        "First-time Entrants to the Criminal Justice System are following a decreasing trend",
        None,
        None,
    ),
    (
        "note",
        "The first-time entrants chart is not reproduced here: its figures are not published "
        "in this summary.",
        None,
        None,
    ),
    (
        "callout",
        "Youth triage has delivered more than 350 interventions to young people during the "
        "current reporting period",
        None,
        None,
    ),
    ("theme", "Reducing offending in Cleveland – Adults", None, None),
    ("section", "Cleveland Divert", None, None),
    (
        "bullet",
        "A joint initiative by Cleveland Police, Probation Service North East and the Office "
        "of the Cleveland Police and Crime Commissioner has won a prestigious, national award.",
        None,
        1,
    ),
    (
        "bullet",
        "Cleveland Divert was winner in the Learning and Development Programme of the Year "
        "category at the [Skills for Justice – Inspire Justice Awards]"
        "(https://skillsforjustice.org.uk/inspire-justice-awards).",
        None,
        1,
    ),
    (
        "bullet",
        "An expert panel of judges was impressed by the project's impact on cutting re-offending.",
        None,
        1,
    ),
    (
        "bullet",
        "Cleveland has one of the highest adult re-offending rates in England and Wales at "
        "32.1%. That's 7.2 percentage points higher than the national average according to "
        "the Ministry of Justice.",
        None,
        1,
    ),
    ("bullet", "The rate for successful Divert participants is just 4%.", None, 1),
    (
        "bullet",
        "Between April and September 2023, 73.1% (177) of the 242 referrals to Divert "
        "successfully completed the programme.",
        None,
        1,
    ),
)

_SOLVING: tuple[Row, ...] = (
    ("theme", None, None, None),
    ("section", "Solving crime in Cleveland", None, None),
    (
        "bullet",
        "Positive outcomes for crimes include a range of actions including charging offenders "
        "to court, providing diversionary, education or intervention activity, and the "
        "delivery of out-of-court disposals. Latest published data, up to 31 March 2024 the "
        "**positive outcome rate for all crime stood at 9.7%**, which remains comparable to "
        "the previous year.",
        None,
        1,
    ),
    (
        "bullet",
        "Further analysis of Office of National Statistics **charging outcome data** for the "
        "last 12-months up-to March 2024 shows that Cleveland Police's performance continues "
        "to sit amongst **the best in the country** with charging rates broadly higher than "
        "national averages.",
        None,
        1,
    ),
    ("table", None, "Charge rates", None),
)

# The one addition to the seed: the at-a-glance summary after the title, before the first
# theme (its figures come from the tables, so nothing is invented).
_GLANCE: tuple[Row, ...] = (("summary", None, None, None),)

CONTENT = (
    _GLANCE + _ACCESS + _NEIGHBOURHOOD + _SAFER_STREETS + _EDI + _VIOLENCE + _OFFENDING + _SOLVING
)
