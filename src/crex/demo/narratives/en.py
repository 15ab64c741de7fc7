"""English narratives, as victims (and expats) write them."""

# ruff: noqa: E501  (prose: one sentence per line reads better than wrapped fragments)

from crex.demo.narratives.phrasebook import Phrasebook

BOOK = Phrasebook(
    language="en",
    openings={
        "person": (
            "Hello,",
            "Hi,",
            "Good afternoon,",
            "Hello, I hope someone can help.",
        ),
        "business": (
            "Dear Sir or Madam,",
            "Good morning,",
            "To whom it may concern,",
        ),
    },
    closings={
        "person": (
            "I have screenshots if you need them.",
            "Please let me know if you need anything else.",
            "I just want to make sure nobody else falls for this.",
            "Can someone call me back?",
        ),
        "loss": (
            "What can I do now? Is there any chance of getting the money back?",
            "I already called my bank.",
            "I feel so stupid for falling for this.",
        ),
        "business": (
            "Log files and screenshots are available on request.",
            "Our IT provider is investigating.",
            "We would like to file a formal complaint.",
            "Please treat this report confidentially.",
        ),
    },
    fillers={
        "product:sneakers": (
            "a pair of Air Retro 93 trainers",
            "two pairs of sneakers",
            "limited-edition sneakers",
        ),
        "product:garden": (
            "a garden lounge set",
            "a parasol and four garden chairs",
            "a rattan corner sofa",
        ),
        "product": (
            "a pair of trainers",
            "a PlayStation 5",
            "an e-bike battery",
            "a winter jacket",
            "an iPhone 15",
            "a robot vacuum",
        ),
        "prize": (
            "an inheritance from a distant relative",
            "a lottery win",
            "a loan at 2% interest",
            "a job as a remote assistant",
        ),
        "work": (
            "our accounting software",
            "our latest film",
            "our e-learning courses",
            "our designer handbags",
        ),
        "goods": (
            "stolen credit cards",
            "phishing kits",
            "stolen bank logins",
            "ransomware for rent",
        ),
    },
    stories={
        "phishing": (
            "On {date} I got a message that seemed to come from {brand} saying I had to confirm my details. The link went to {url}. I filled in my login details and only realised afterwards that it was fake. No money has gone yet as far as I can see.",
            "Received a text from {phone} claiming to be {brand}: a parcel was waiting and I had to pay a small fee. The site was {url}. I entered my card details before I noticed the address was wrong.",
            "Suspicious message from '{brand}' on {date}, link to {url}. I did not enter anything but my elderly neighbour did get the same message, so I am reporting it.",
        ),
        "phishing:loss": (
            "On {date} I received a message from '{brand}' asking me to verify my account via {url}. I entered my details and the code from my app. The same evening {amount} was transferred from my account to {iban}, which I never authorised.",
            "I got an SMS from {phone} saying it was {brand}. I clicked the link ({url}) and logged in. A day later I saw a transfer of {amount} to {iban}. My bank says they cannot reverse it.",
        ),
        "online_shopping_fraud": (
            "I ordered {product} from {shop} ({url}) on {date} and paid {amount} by bank transfer to {iban}. Nothing arrived, the tracking number doesn't work and they don't answer e-mails anymore.",
            "Bought {product} on the website {url}. Price was good, {amount}, paid to {iban} on {date}. Three weeks later still nothing and now the site shows an error. I think it was a fake shop.",
        ),
        "online_shopping_fraud:marketplace": (
            "I wanted to buy {product} on {marketplace} from the user {handle}. We agreed on {amount} and I transferred it to {iban} on {date}. After that the seller blocked me and the ad disappeared.",
            "Seller {handle} on {marketplace} sold me {product} for {amount}. Paid on {date} to {iban}. No package, no answer.",
        ),
        "investment_fraud": (
            "I saw an advert about crypto investing and registered with {brand} ({url}). An account manager called me from {phone} almost every day. I invested {amount} in total, the last payment on {date} to {account}. The dashboard showed big profits but when I asked to withdraw they asked for 'taxes' first. Now nobody answers.",
            "{brand} convinced me to invest. They called from {phone} and helped me install remote software. I lost {amount}, paid to {account}. Their site is {url}.",
        ),
        "romance_fraud": (
            "I met {alias} on {platform} (username {handle}) about four months ago. He said he worked on an oil platform. We talked every day. Then there were problems with customs and a hospital bill, and I sent {amount} in total, the last time on {date} to {account}. I now understand it was all a lie.",
            "My mother has been talking to a man called {alias} via {platform} ({handle}). She has sent him {amount} over the past months. On {date} he asked for more money again. We want to report this.",
            "I met {alias} on {platform}. We never managed to video call. I bought gift cards for {amount} because he needed money for a flight ticket, last time on {date}. His profile was {handle}.",
        ),
        "advance_fee_fraud": (
            "I received an e-mail from {email} about {prize}. To release it I had to pay fees, first a small amount and then more. In total I paid {amount}, the last payment on {date} to {account}.",
            "Someone at {email} promised me {prize}. I paid {amount} in 'processing costs' (last on {date}). I never received anything and they keep asking for more.",
        ),
        "business_email_compromise": (
            "On behalf of {company}: on {date} we received an e-mail from {email}, apparently from our supplier {supplier}, stating that their bank details had changed. We paid an outstanding invoice of {amount} to the new account {iban}. The supplier has since confirmed they never sent that e-mail.",
            "Our finance department ({company}) paid {amount} to {iban} on {date} after an e-mail from {email} that imitated {supplier}. The domain is very similar to the real one. We have informed our bank.",
        ),
        "tech_support_scam": (
            "A pop-up said my computer was blocked and that I had to call {brand} on {phone}. The man on the phone installed a program and logged in to my bank. {amount} was taken on {date}.",
            "I got a call on {date} from someone of '{brand}' saying my computer had a virus. I was told to call back on {phone}. They made me pay {amount} for a 'security licence'.",
        ),
        "payment_card_fraud": (
            "There are payments on my card ending in {last4} that I did not make: {amount} to {merchant} on {date}. I still have the card with me.",
            "My bank statement shows {amount} to {merchant} on {date} with my card (last digits {last4}). I have never heard of this company.",
        ),
        "identity_theft": (
            "Someone made a {platform} account in my name ({handle}) with my photos and is asking my friends for money. They use the e-mail {email}. I noticed on {date}.",
            "I received letters about a loan I never applied for. The application was made with my data and the e-mail {email}. There is also a fake {platform} profile, {handle}. Started around {date}.",
        ),
        "extortion": (
            "I got an e-mail from {email} saying they hacked my camera and have a video of me. They want {demand} in bitcoin to {wallet}, otherwise they send it to my contacts. Received on {date}.",
            "Threatening e-mail received on {date} from {email}. They claim to have intimate recordings of me and demand {demand} to the address {wallet}. I paid {amount} out of panic before I realised it is a known scam.",
        ),
        "extortion:business": (
            "{company} received an e-mail from {email} on {date}: unless we pay {demand} in bitcoin to {wallet} they will attack our website and publish customer data.",
        ),
        "child_sexual_abuse_material": (
            "I found a link on a forum that appears to show abuse of children: {url}. I did not open anything further. Seen on {date}.",
            "While browsing on {date} I came across {url}, which seems to contain sexual images of minors. I closed it immediately and am reporting it here.",
        ),
        "hate_speech": (
            "The account {handle} on {platform} posts messages calling for violence against refugees and Muslims. Example: {url} (posted on {date}).",
            "On {platform} the user {handle} is spreading hateful posts against Jewish people and calls on others to 'do something'. Link: {url}.",
        ),
        "terrorist_content": (
            "On {platform} I found a channel ({handle}) sharing propaganda videos of a terrorist group and calling for attacks. Link: {url}, seen on {date}.",
        ),
        "copyright_infringement": (
            "We are {company}. The site {domain} offers {work} for free download without our permission, e.g. {url}. We noticed on {date}.",
        ),
        "account_takeover": (
            "Someone took over my {platform} account on {date}. The password and the recovery address were changed to {email}. I cannot log in anymore.",
            "My {platform} account was hacked on {date}; the e-mail was changed to {email} and someone logged in from {ip}.",
            "Someone got into my {platform} account on {date} and changed the e-mail to {email}. Before I got it back they had spent {amount}.",
        ),
        "hacking": (
            "At {company} we discovered on {date} that someone had access to our server behind {domain}. The logs show logins from {ip}.",
        ),
        "ransomware": (
            "{company}: on {date} our servers were encrypted. The ransom note is signed by {group} and says to contact {email}. They demand {demand}.",
            "Our systems ({company}) were hit by ransomware on {date}. The note mentions {group}, contact {email}, payment to {wallet}. Demand: {demand}. We have not paid.",
            "{company} was attacked by {group} on {date}. They published our data on {url} and demand {demand}. Contact: {email}.",
        ),
        "malware": (
            "I opened an attachment called {file} on {date} and since then my computer is very slow and strange windows appear. The antivirus gives the hash {hash}.",
            "After downloading {file} from {url} my laptop started connecting to {ip}. File hash {hash}. Happened on {date}.",
        ),
        "ddos": (
            "Since {date} the website {domain} of {company} is regularly unreachable because of a flood of traffic.",
            "{company}: our website {domain} was hit by a DDoS attack on {date}. Much of the traffic came from {ip}. Afterwards an e-mail demanded {demand} to {wallet}.",
        ),
        "botnet": (
            "At {company} several machines make connections to {domain} ({ip}) on port {port}. Our IT provider thinks they are infected with {family}. Noticed on {date}.",
        ),
        "data_breach": (
            "{company}: on {date} we found out that a copy of our customer database ({records} records) is offered at {url}.",
        ),
        "illegal_interception": (
            "{company} discovered on {date} that all e-mails of our director were being forwarded to an external address. The change was made from {ip}.",
        ),
        "misuse_of_devices": (
            "On {platform} the user {handle} sells {goods}. Shop link: {url}. Seen on {date}.",
        ),
        "other": (
            "For weeks I keep getting strange calls from {phone}. Nobody speaks, or they ask personal questions. Last time on {date}. I don't know if this is a crime but it worries me.",
        ),
    },
)
