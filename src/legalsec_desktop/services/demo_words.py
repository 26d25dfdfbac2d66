"""Word lists for the demo practice: names, companies, courts and narratives."""

FIRST_NAMES = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan "
    "Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra "
    "Mark Margaret Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol "
    "Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Laura Edward Helen "
    "Jeffrey Sharon Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley Jonathan Anna "
    "Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon Samantha Benjamin Katherine Samuel "
    "Christine Gregory Debra Alexander Rachel Frank Carolyn Raymond Janet Patrick Maria Jack Olivia "
    "José Sofía Zoë Łukasz Renée Nguyễn Siobhán Björn Aiko Chidi Priya Mateo Fatima Yusuf"
).split()

LAST_NAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
    "Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark "
    "Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams "
    "Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker "
    "Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper "
    "Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James "
    "Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster "
    "O'Brien Müller Kowalski Dubois Okafor Yamamoto Haddad Søndergaard Ferreira Novak"
).split()

COMPANY_WORDS = (
    "Acme Pioneer Summit Harbor Cascade Redwood Granite Liberty Meridian Keystone Beacon Sterling "
    "Northgate Blue Ridge Riverside Lakeshore Evergreen Silverline Atlas Horizon Golden State Empire "
    "Lone Star Pacific Coastal Heritage Frontier Orchard Canyon Prairie Bayview Hudson"
).split()
COMPANY_KINDS = (
    "Construction", "Logistics", "Medical Group", "Properties", "Foods", "Manufacturing", "Insurance",
    "Holdings", "Auto Sales", "Dental", "Bakery", "Software", "Trucking", "Realty", "Farms", "Hotels",
)
COMPANY_FORMS = ("Inc.", "LLC", "Corp.", "Co.", "L.P.", "Incorporated", "Company")

STREETS = ("Main St", "Oak Ave", "Maple Dr", "Market St", "Broadway", "Elm St", "Sunset Blvd", "Pine St", "Cedar Ln")
CITIES = (
    ("San Francisco", "CA", "94105"), ("Los Angeles", "CA", "90012"), ("Oakland", "CA", "94612"),
    ("New York", "NY", "10007"), ("Brooklyn", "NY", "11201"), ("Austin", "TX", "78701"),
    ("Houston", "TX", "77002"), ("Boston", "MA", "02108"),
)

# (court, jurisdiction, time zone, case-number pattern, courtroom pattern)
COURTS = (
    ("U.S. District Court, N.D. Cal.", "US-FED", "America/Los_Angeles", "3:{yy}-cv-{n:05d}",
     "Courtroom {r}, 17th Floor"),
    ("U.S. District Court, S.D.N.Y.", "US-FED", "America/New_York", "1:{yy}-cv-{n:05d}", "Courtroom {r}A"),
    ("U.S. District Court, D. Mass.", "US-FED", "America/New_York", "1:{yy}-cv-{n:05d}", "Courtroom {r}"),
    ("Superior Court of California, County of Los Angeles", "CA", "America/Los_Angeles", "{yy}STCV{n:05d}",
     "Dept. {r}"),
    ("Superior Court of California, County of San Francisco", "CA", "America/Los_Angeles", "CGC-{yy}-{n:06d}",
     "Dept. {r}"),
    ("Supreme Court of the State of New York, County of New York", "NY", "America/New_York", "{n:06d}/20{yy}",
     "Part {r}"),
    ("District Court of Travis County, Texas", "TX", "America/Chicago", "D-1-GN-{yy}-{n:06d}", "{r}th District Court"),
)

PRACTICE_AREAS = (
    ("Personal injury", True), ("Employment", True), ("Commercial litigation", True), ("Family law", True),
    ("Landlord-tenant", True), ("Estate planning", False), ("Real estate", False), ("Business formation", False),
)

NARRATIVES = (
    ("L110", "A104", "Review medical records and billing summary"),
    ("L120", "A101", "Plan case strategy; outline discovery plan"),
    ("L210", "A103", "Draft complaint and civil cover sheet"),
    ("L210", "A104", "Review answer and affirmative defenses"),
    ("L230", "A109", "Attend case management conference"),
    ("L240", "A103", "Draft motion for summary judgment"),
    ("L250", "A102", "Research opposition to motion to compel"),
    ("L310", "A103", "Draft special interrogatories and requests for production"),
    ("L310", "A104", "Review responses to form interrogatories"),
    ("L320", "A110", "Organize and Bates-stamp document production"),
    ("L330", "A101", "Prepare outline for deposition of defendant"),
    ("L330", "A109", "Attend deposition of plaintiff"),
    ("L160", "A107", "Telephone conference with opposing counsel re settlement"),
    ("L160", "A106", "Telephone call with client re settlement offer"),
    ("L440", "A101", "Prepare trial exhibits and witness list"),
    ("L450", "A109", "Attend trial, day one"),
    ("L190", "A105", "Conference with paralegal re calendar and deadlines"),
    ("L140", "A110", "Update file index and correspondence log"),
)

EVENT_TITLES = {
    "hearing": ("Hearing on motion to compel", "Hearing on demurrer", "Case management conference", "Status conference",
                "Hearing on motion for summary judgment", "Order to show cause hearing"),
    "trial": ("Jury trial", "Bench trial", "Final pretrial conference"),
    "deposition": ("Deposition of plaintiff", "Deposition of defendant", "Deposition of treating physician",
                   "Deposition of corporate representative (PMK)"),
    "meeting": ("Client meeting", "Mediation", "Settlement conference", "Meeting with expert"),
    "filing deadline": ("File opposition to motion", "File reply brief", "File trial brief",
                        "Serve expert designations"),
    "response deadline": ("Answer due", "Responses to interrogatories due", "Responses to requests for production due",
                          "Response to requests for admission due"),
    "statute of limitations": ("Statute of limitations",),
    "reminder": ("Follow up with client on documents", "Calendar review", "Check for ruling", "Renew lis pendens"),
    "travel": ("Travel to deposition",),
}

# Matters that never see a court (estate planning, real estate, business formation): their own events and work.
TRANSACTION_EVENT_TITLES = {
    "meeting": ("Client meeting", "Signing meeting", "Meeting with accountant", "Review draft documents with client"),
    "reminder": ("Follow up with client on documents", "Calendar review", "Send engagement letter",
                 "Check for recorded documents"),
    "travel": ("Travel to client's office",),
}
TRANSACTION_EVENT_WEIGHTS = (50, 45, 5)
TRANSACTION_NARRATIVES = (  # UTBMS counseling codes
    ("C100", "A106", "Telephone call with client re goals and assets"),
    ("C100", "A104", "Review client's documents and prior filings"),
    ("C200", "A102", "Research entity and tax options"),
    ("C300", "A103", "Draft documents for client review"),
    ("C300", "A104", "Revise drafts per client comments"),
    ("C300", "A106", "Conference with client re draft documents"),
    ("C400", "A107", "Correspond with accountant re filing"),
    ("C400", "A108", "Correspond with title company"),
)
