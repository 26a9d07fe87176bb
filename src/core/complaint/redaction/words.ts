/** The small hand-kept word sets the name rules read; the large lists are in lexicon.ts. */
const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean))

/** Words before a surname: "Mr Thompson", "Herrn Doktor O'Brien", "Frau Dr. Schmidt", "Pani Nowak". */
export const TITLES = set(
  'mr mrs ms miss mx dr doctor prof professor sir madam dame lady lord herr herrn frau fraulein doktor dres monsieur madame mme mlle signor signora signore ' +
    'senor senora sr sra don dona pan pani hr fr mister missus'
)

/** Words a name follows ("call X", "ruf X an", "text X", "schreib X"): whatever comes next is a person, unless it is a kin word or a stop word. */
export const BEFORE_NAME = set(
  'call ring phone dial text message email e-mail mail ping facetime skype whatsapp tell ask invite ' +
    'ruf rufe anrufen anruf schreib schreibe schick schicke sms nachricht simse frag frage sag sage erinnere kontaktiere wahl wahle lade besuche treffe heisse heisst heissen'
)
/** Verbs a name comes before in German ("Thomas anrufen", "Heiko schreiben"). */
export const AFTER_NAME = set('anrufen anzurufen schreiben fragen erreichen kontaktieren')
/** Words a name may follow, among others: the next word counts only if nothing says it is an ordinary word. */
export const MAYBE_BEFORE_NAME = set('with mit an to for fur von bei from and und or oder by meet treffen visit besuchen hi hallo hey dear liebe lieber love')

/** People named by what they are to the speaker: never removed. */
export const KIN = set(
  'mom mum mommy mummy mother dad daddy father mama papa mami papi mutti vati mutter vater oma opa omi opi grandma grandpa granny grandad nana ' +
    'wife husband mann ehemann ehefrau sister brother schwester bruder son daughter sohn tochter boss chef chefin office buro work arbeit home hause ' +
    'mobile handy cell festnetz landline speaker lautsprecher video please bitte babysitter neighbor neighbour nachbar nachbarin uncle aunt onkel tante cousin cousine friend friends freund freundin partner partnerin kids kinder ' +
    'everyone everybody someone somebody alle jemanden niemanden back zuruck again nochmal later spater emergency notruf police polizei taxi doctor arzt ' +
    'ambulance hotel restaurant pizza service support customer kundendienst number nummer'
)

/** Words capitalised or name-like that name no one: calendar words, assistants and products, holidays, languages. */
export const KEEP = set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'januar janner februar marz maerz mai juni juli oktober dezember okt dez ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend mo di mi do fr sa so ' +
    'today tomorrow tonight yesterday heute morgen ubermorgen gestern abend mittag noon midnight weekend wochenende ' +
    'morning afternoon evening night vormittag nachmittag morgens mittags abends nachts ' +
    'alexa echo dot show amazon google siri cortana bixby spotify netflix youtube prime kindle fire tv bbc ard zdf deezer audible ' +
    'christmas easter halloween weihnachten ostern silvester pfingsten ' +
    'english german french spanish italian turkish polish deutsch englisch franzosisch spanisch italienisch turkisch polnisch ' +
    'celsius fahrenheit ok okay i im ive id ill iban bic pin plz sms email mail e-mail wlan wifi bluetooth usb app apps playlist podcast amex visa mastercard paypal girocard maestro'
)

/** Particles inside surnames ("van der Berg", "de Jager", "al-Amin"): part of the name between two name words. */
export const PARTICLES = set('de da di du del della der den van von vom zu le la el al bin ibn ben dos das ter ten mc mac')

/** Numbers said as words: filler between a name and its verb ("X um sechs anzurufen"). */
export const NUMBER_WORDS = set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand ' +
    'eins zwei drei vier funf sechs sieben acht neun zehn elf zwolf dreizehn zwanzig dreissig vierzig funfzig sechzig siebzig achtzig neunzig hundert tausend ' +
    'half halb viertel uhr oclock percent prozent'
)

/** What a possessive name is followed by: "anna's number", "Heikos Geburtstag" is another matter. */
export const PERSONAL_NOUNS = set(
  'number phone address email birthday mobile nummer adresse geburtstag handynummer telefonnummer mobilnummer mailadresse geburtsdatum iban kontonummer'
)

/** What follows a number that is a count, not a postcode: '10000 steps', '20000 Euro'. */
export const UNITS = set('steps schritte euro eur dollar pounds pfund meter metres meters km kilometer miles meilen calories kalorien people leute menschen times mal points punkte')

/** Appointments, which are with a person: "lunch with X", "Termin mit X". */
export const EVENT_NOUNS = set(
  'lunch dinner breakfast brunch meeting appointment date coffee call videocall calendar chat game drinks location standort termin treffen essen mittagessen abendessen fruhstuck kaffee besprechung verabredung telefonat anruf videoanruf kalender'
)

/** What a person does to reach the speaker: "did X send", "hat X geschrieben". */
export const CONTACT_VERBS = set(
  'send sent call called ring rang text texted message messaged write wrote say said reply replied answer answered email emailed ' +
    'geschrieben angerufen gesagt geantwortet gemailt geschickt zuruckgerufen'
)

/** What is sent to a person: "a message to X", "eine Nachricht an X". */
export const MESSAGE_NOUNS = set('message messages text sms mail email e-mail letter note reminder invitation nachricht nachrichten brief notiz erinnerung einladung')

/** Months: kept, except right after a title or a call ("Videoanruf mit Mai", "call April"). */
export const MONTHS = set('january february march april may june july august september october november december januar februar marz maerz mai juni juli oktober dezember')

/** Kept words that are also given names: names after a title or a call ("a message to Iban", "Frau Pin"). */
export const NAMES_TOO = set('iban pin bic kindle')

/** What comes from a person: "the photos from X", "Nachrichten von X". */
export const FROM_NOUNS = set('photos pictures videos messages mails emails calls texts letters fotos bilder videos nachrichten anrufe briefe post')
