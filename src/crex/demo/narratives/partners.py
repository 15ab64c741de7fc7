"""How partner systems describe a report: terse English from a bank's fraud desk, a CERT,
a hotline, a hosting provider's abuse desk or a public body, by partner and story."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from __future__ import annotations

from collections.abc import Mapping

_BANK: dict[str, tuple[str, ...]] = {
    "phishing": (
        "Customer entered online-banking credentials on {url} after a message impersonating {brand} ({date}). Access blocked preventively; no loss.",
    ),
    "phishing:loss": (
        "Unauthorised transfer of {amount} on {date} to beneficiary {iban} after the customer entered credentials on {url} (lure impersonating {brand}). Recall requested from the beneficiary bank.",
        "Fraud case: customer phished via {url} ({brand}). Outgoing transfer {amount} to {iban} on {date}. Beneficiary account suspected money mule.",
    ),
    "online_shopping_fraud": (
        "Customer paid {amount} on {date} to {iban} for goods ordered at {url} ({shop}); goods not delivered, merchant unreachable. Beneficiary account flagged as suspected money mule.",
    ),
    "online_shopping_fraud:marketplace": (
        "Customer paid {amount} on {date} to {iban} for a purchase from seller '{handle}' on {marketplace}; nothing delivered. Beneficiary flagged.",
    ),
    "investment_fraud": (
        "Customer transferred {amount} (last payment {date}) to {account} on instruction of an 'account manager' of {brand} calling from {phone}. Platform: {url}. Customer informed of fraud; further payments blocked.",
    ),
    "romance_fraud": (
        "Elderly customer transferred {amount} to {account} (last on {date}) to a contact known as '{alias}' met on {platform} (profile {handle}). Suspected romance fraud.",
        "Branch staff flagged repeated payments totalling {amount} for a customer in contact with '{alias}' ({platform}, {handle}). Last payment {date}. Suspected romance fraud; customer counselled.",
    ),
    "advance_fee_fraud": (
        "Customer paid {amount} in fees (last on {date}) to {account} for {prize}, promised by {email}. Advance-fee pattern.",
        "Customer paid {amount} in 'processing fees' (last on {date}) after e-mails from {email}. Advance-fee pattern; no further payments possible.",
    ),
    "business_email_compromise": (
        "Corporate client {company} paid an invoice of {amount} on {date} to {iban} after a bank-detail change announced by e-mail from {email} (impersonating {supplier}). Recall in progress.",
    ),
    "tech_support_scam": (
        "Customer gave remote access to a caller posing as {brand} support ({phone}); {amount} debited on {date}. Device cleaned, credentials reset.",
    ),
    "payment_card_fraud": (
        "Disputed card-not-present transactions on card ending {last4}: {amount} at {merchant} on {date}. Card blocked and reissued.",
    ),
    "account_takeover": (
        "Mobile-banking session from a new device on {date}; recovery e-mail changed to {email}. Customer denies the change. Account frozen.",
        "Account takeover on {date}: login from {ip}, recovery e-mail changed to {email}. Access revoked.",
        "Account takeover on {date}: recovery e-mail changed to {email}, {amount} moved out before the account was frozen.",
    ),
}

_CERT: dict[str, tuple[str, ...]] = {
    "phishing": (
        "Phishing page imitating {brand} at {url}, resolving to {ip}. Reported by several constituents on {date}. Takedown requested.",
        "Phishing URL {url} ({brand} lure), first seen {date}. Hosting provider notified.",
    ),
    "phishing:loss": (
        "Phishing page imitating {brand} at {url}; a victim reports a loss of {amount} to {iban} on {date}.",
    ),
    "hacking": (
        "Constituent {company} reports unauthorised access to a server behind {domain} on {date}; attacker IP {ip}. Logs secured.",
    ),
    "ransomware": (
        "Constituent {company} hit by {group} ransomware on {date}. Contact address in the note: {email}. Demand {demand}. Incident response ongoing.",
        "{group} ransomware at {company} ({date}); ransom wallet {wallet}, contact {email}, demand {demand}.",
        "{group} listed {company} on its leak site {url} on {date}; contact {email}, demand {demand}.",
    ),
    "malware": (
        "Malware sample {file} (SHA-256 {hash}) distributed by e-mail since {date}.",
        "Malware {file} (SHA-256 {hash}) downloaded from {url}; beacons to {ip}. First seen {date}.",
        "Sample {file} (SHA-256 {hash}) calling home to {ip}, seen in our constituency since {date}.",
    ),
    "ddos": (
        "Volumetric DDoS against {domain} of constituent {company} on {date}, peak traffic from {ip} among others.",
        "DDoS against {domain} ({company}) on {date}, followed by a ransom demand of {demand} to {wallet}. Top source {ip}.",
    ),
    "botnet": (
        "C2 server {ip}:{port} ({domain}) of a {family} botnet observed controlling {hosts} hosts in our constituency since {date}.",
        "Sinkhole data: {hosts} infected hosts contacting {family} C2 {domain} / {ip} on port {port} (as of {date}).",
    ),
    "data_breach": (
        "Customer database of constituent {company} ({records} records) offered on {url} since {date}. Constituent informed.",
    ),
    "illegal_interception": (
        "Mail-forwarding rule to an external address found on the mailbox of a director at {company} ({date}); rule created from {ip}.",
    ),
    "misuse_of_devices": (
        "Seller '{handle}' offers {goods} on {platform}; shop at {url} (observed {date}).",
    ),
}

_HOTLINE: dict[str, tuple[str, ...]] = {
    "child_sexual_abuse_material": (
        "Hotline report {date}: URL {url} assessed by an analyst as child sexual abuse material. Hosted at {ip}. Notice sent to the hosting provider.",
        "Hotline report: {url} assessed as child sexual abuse material ({date}). Forwarded for takedown.",
    ),
    "hate_speech": (
        "Hotline report: post by '{handle}' on {platform} at {url} assessed as illegal incitement to hatred ({date}).",
    ),
    "terrorist_content": (
        "Hotline report: {url} hosts propaganda of a proscribed terrorist organisation; account '{handle}' on {platform} ({date}). Referral for removal order.",
    ),
}

_HOSTING: dict[str, tuple[str, ...]] = {
    "phishing": (
        "Abuse desk: customer server {ip} hosted a phishing kit imitating {brand} at {url}. Server suspended on {date}.",
        "Abuse desk: phishing page {url} ({brand}) removed from a shared hosting account on {date}.",
    ),
    "phishing:loss": (
        "Abuse desk: phishing kit imitating {brand} at {url} removed on {date}; a victim reports a loss of {amount} to {iban}.",
    ),
    "copyright_infringement": (
        "Abuse desk: notice by {company} regarding {work} offered at {url} ({domain}); content disabled on {date}.",
    ),
    "malware": (
        "Abuse desk: malware {file} (SHA-256 {hash}) found on a customer server; removed on {date}.",
        "Abuse desk: {url} served malware {file} (SHA-256 {hash}); C2 at {ip}. Removed on {date}.",
        "Abuse desk: customer VPS served {file} (SHA-256 {hash}) and contacted {ip}. Suspended {date}.",
    ),
    "ddos": (
        "Abuse desk: DDoS against our customer {company} ({domain}) on {date}; mitigated upstream.",
        "Abuse desk: DDoS against {domain} ({company}) on {date}, traffic from {ip} among others; mitigated.",
    ),
    "botnet": (
        "Abuse desk: customer VPS {ip} runs a {family} C2 panel ({domain}, port {port}); {hosts} bots seen. Server null-routed on {date}.",
    ),
}

_TAX: dict[str, tuple[str, ...]] = {
    "phishing": (
        "Forwarded by the tax administration: citizens report messages impersonating us that link to {url} ({date}).",
    ),
    "phishing:loss": (
        "Forwarded by the tax administration: a citizen paid {amount} to {iban} via {url} on {date} after a fake tax refund message.",
    ),
}

#: Partner group -> story -> templates.
PARTNER_STORIES: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "bank": _BANK,
    "cert": _CERT,
    "hotline": _HOTLINE,
    "hosting": _HOSTING,
    "tax": _TAX,
}

#: Fillers partner texts may use (they write English).
PARTNER_FILLERS: Mapping[str, tuple[str, ...]] = {
    "prize": ("an inheritance", "a lottery win", "a cheap loan", "a remote job"),
    "work": ("its software", "its films", "its online courses"),
    "goods": ("stolen card data", "phishing kits", "stolen bank logins", "ransomware as a service"),
}
