"""Each signal family fires on scam wording and stays quiet on legitimate wording, in en/de/da."""

import pytest

from classifier import load_scorer


def signals_of(listing):
    return {signal.code: signal for signal in load_scorer(offline=True).score(listing).signals}


def fired(code, description, title="Assistant"):
    return signals_of({"title": title, "description": description}).get(code)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Before you start, you must pay a $50 registration fee for your starter kit.", "must pay"),
        ("A refundable deposit of $99 secures your place.", "refundable deposit"),
        ("Training costs $150; please pay the training fee via Zelle.", "training fee"),
        ("Sie müssen eine Schulungsgebühr von 150 € im Voraus bezahlen.", "Schulungsgebühr"),
        ("Für das Starterpaket überweisen Sie 89 Euro.", "Starterpaket"),
        ("Eine rückerstattbare Kaution für den Laptop ist zu leisten.", "Kaution"),
        ("Der Bewerber muss das Material kaufen. Du musst die Lizenz vorab bezahlen.", "vorab bezahlen"),
        ("Der betales et oprettelsesgebyr på 300 kr. før opstart.", "oprettelsesgebyr"),
        ("Du skal først betale for startpakken, derefter kan du begynde.", "betale"),
        ("Et refunderbart depositum på 500 kr. for udstyr.", "refunderbart depositum"),
    ],
)
def test_upfront_fee_fires_with_its_evidence(text, trigger):
    signal = fired("upfront_fee", text)
    assert signal is not None
    assert trigger.lower() in signal.evidence.lower()


@pytest.mark.parametrize(
    "text",
    [
        "You will never be asked to pay a fee. We pay for your training.",
        "No fees, ever. Zero start-up fee.",
        "Our clients pay a monthly subscription; you earn a salary.",
        "Bank holiday off. Background check performed by us after offer.",
        "The training fee is covered by us.",
        "Kaution: 3 Monatsmieten, zahlbar vor Einzug.",
        "Die Schulungsgebühr wird von uns übernommen.",
        "Es fallen keine Anmeldegebühren an.",
        "Vi betaler dit kursusgebyr.",
        "Depositum svarende til 3 måneders husleje.",
        "Der er ingen oprettelsesgebyr, og du skal aldrig betale noget.",
    ],
)
def test_upfront_fee_stays_quiet_on_legitimate_wording(text):
    assert fired("upfront_fee", text) is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("To be considered, send us your SSN and bank account details today.", "SSN"),
        ("Please email a scan of your passport before the interview.", "passport"),
        ("Provide your bank account and routing numbers so we can pay you.", "routing"),
        ("Bitte senden Sie uns vor dem Gespräch Ihre Steuer-ID.", "Steuer-ID"),
        ("Schicken Sie eine Kopie Ihres Personalausweises an diese Adresse.", "Personalausweises"),
        ("Für die Registrierung bitte Ihre IBAN und Sozialversicherungsnummer angeben.", "angeben"),
        ("Send os dit CPR-nummer og kontonummer før samtalen.", "CPR-nummer"),
        ("Vedhæft venligst en kopi af dit kørekort til ansøgningen.", "kørekort"),
    ],
)
def test_personal_data_fires_with_its_evidence(text, trigger):
    signal = fired("personal_data", text)
    assert signal is not None
    assert trigger.lower() in signal.evidence.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Must have a valid driver's license and a UK bank account.",
        "Enter customer bank details and account numbers into our ERP.",
        "We will never ask for your bank details or your SSN.",
        "After an offer is accepted, HR will request your SSN for payroll.",
        "Führerschein Klasse B erforderlich. Bitte senden Sie Ihre Bewerbung.",
        "Nach Vertragsunterzeichnung benötigen wir Ihre Steuer-ID für die Lohnabrechnung.",
        "Wir fragen niemals nach Ihrer IBAN.",
        "Efter ansættelsen skal du oplyse dit CPR-nummer til lønudbetaling.",
        "Du skal have kørekort og egen bil.",
        "Vi beder aldrig om dit CPR-nummer.",
    ],
)
def test_personal_data_stays_quiet_on_legitimate_wording(text):
    assert fired("personal_data", text) is None


@pytest.mark.parametrize(
    ("title", "text", "trigger"),
    [
        ("Data Entry Clerk", "Pay: $45/hour, no experience needed.", "$45/hour"),
        ("Customer Service", "Earn up to $5,000 a week from home!", "up to $5,000"),
        ("Assistant", "Unlimited income and guaranteed weekly pay.", "Unlimited income"),
        ("Dateneingabe (Homeoffice)", "Vergütung: 60 € pro Stunde.", "60 € pro Stunde"),
        ("Assistenz", "Verdienen Sie bis zu 3.000 € pro Woche.", "bis zu 3.000 €"),
        ("Kundenservice", "Garantiertes Einkommen ohne Erfahrung.", "Garantiertes Einkommen"),
        ("Dataindtastning", "Løn: 500 kr. i timen.", "500 kr. i timen"),
        ("Virtuel assistent", "Tjen op til 5.000 kr. om dagen hjemmefra.", "op til 5.000 kr"),
        ("Kundeservice", "Ubegrænset indtjening og kontant udbetaling.", "Ubegrænset indtjening"),
    ],
)
def test_too_good_pay_fires_with_its_evidence(title, text, trigger):
    signal = fired("too_good_pay", text, title=title)
    assert signal is not None
    assert trigger.lower() in signal.evidence.lower()


def test_too_good_pay_evidence_names_role_and_ceiling():
    signal = fired("too_good_pay", "We pay $45/hour.", title="Data Entry")
    assert signal.evidence == "$45/hour for data entry (about $45.00/h; role ceiling $30/h)"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Data Entry Clerk", "Pay: $18/hour. You earn up to 25 days of paid holiday."),
        ("Executive Assistant", "Salary $70,000 - $85,000 per year."),
        ("Software Engineer", "$140k - $160k per year, plus equity."),
        ("Sachbearbeiter Buchhaltung", "Gehalt: 3.800 € brutto im Monat; bis zu 30 Tage Urlaub."),
        ("Bogholder", "Løn: 38.000 kr. om måneden. Op til 6 ugers ferie."),
        ("Kundenservice", "Wir garantieren eine faire Bezahlung nach Tarif."),
    ],
)
def test_too_good_pay_stays_quiet_on_normal_pay(title, text):
    assert fired("too_good_pay", text, title=title) is None


def test_too_good_pay_uses_structured_salary_fields():
    listing = {
        "title": "Virtual Assistant",
        "salary_min": 90,
        "salary_max": 120,
        "salary_currency": "EUR",
        "salary_period": "hour",
    }
    assert "virtual/personal assistant" in signals_of(listing)["too_good_pay"].evidence


BOARD_LISTING = {
    "company": "Acme GmbH",
    "company_url": None,
    "emails": [],
    "phones": [],
    "apply_url": "https://www.stepstone.de/apply/123",
    "urls": [],
}


@pytest.mark.parametrize(
    ("changes", "weight"),
    [
        ({"company": None, "apply_url": None}, 0.5),
        ({"company": "  ", "apply_url": None, "emails": ["hr.jobs@gmail.com"]}, 0.25),
        ({"apply_url": None}, 0.15),
    ],
)
def test_no_contact_details_grades_what_is_missing(changes, weight):
    signal = signals_of(BOARD_LISTING | changes)["no_contact_details"]
    assert signal.weight == weight
    assert "no" in signal.evidence or "only" in signal.evidence


@pytest.mark.parametrize(
    "changes",
    [
        {},  # a board listing: name and apply link, no company website
        {"company": None, "company_url": "https://acme.example"},
        {"company": "Acme ApS", "apply_url": None, "phones": ["+45 12 34 56 78"]},
    ],
)
def test_no_contact_details_stays_quiet_when_employer_is_reachable(changes):
    assert "no_contact_details" not in signals_of(BOARD_LISTING | changes)


def test_no_contact_details_is_not_judged_without_contact_fields():
    assert "no_contact_details" not in signals_of({"title": "Assistant", "description": "Great job."})
