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
    'ruf rufe anrufen anruf schreib schreibe schick schicke sms nachricht simse frag frage sag sage erinnere kontaktiere wahl wahle lade besuche treffe heisse heisst heissen ' +
    'congratulate gratuliere gratulier thank thanks danke bedanke'
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
    'christmas easter halloween weihnachten ostern silvester pfingsten valentine valentines valentinstag muttertag vatertag ' +
    'english german french spanish italian turkish polish deutsch englisch franzosisch spanisch italienisch turkisch polnisch ' +
    'austria belgium bulgaria croatia cyprus czechia denmark estonia finland germany greece hungary iceland italy latvia lithuania luxembourg malta netherlands ' +
    'france norway poland portugal romania slovakia slovenia spain sweden switzerland ukraine turkey britain england scotland wales europe ' +
    'osterreich belgien bulgarien kroatien zypern tschechien danemark estland finnland deutschland griechenland ungarn island italien lettland litauen luxemburg ' +
    'frankreich niederlande holland norwegen polen rumanien slowakei slowenien spanien schweden schweiz turkei grossbritannien england schottland europa ' +
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
  'lunch dinner breakfast brunch meeting appointment date coffee call videocall calendar chat game drinks location conversation conversations chats ' +
    'standort termin treffen essen mittagessen abendessen fruhstuck kaffee besprechung verabredung telefonat anruf videoanruf kalender unterhaltung gesprach gesprache'
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
export const NAMES_TOO = set('iban pin bic kindle france')

/** What comes from a person: "the photos from X", "Nachrichten von X". */
export const FROM_NOUNS = set(
  'photos pictures videos messages mails emails calls texts letters message voicemail mail email letter note parcel package call text gift present postcard ' +
    'fotos bilder videos nachrichten anrufe briefe flug zug post nachricht sprachnachricht sprachnachrichten mail brief paket anruf geschenk karte postkarte'
)

/**
 * Closed-class words of English and German (articles, pronouns, prepositions, conjunctions, a few
 * particles): never a name, even after a title or a name. The frequency lists' most common words
 * ('stop' in lexicon.ts) also hold short names and junk of subtitles ('re', 'si'); those can be a
 * surname after a title or a name ("Professor Re", "Susana Si"), these cannot.
 */
export const FUNCTION_WORDS = set(
  'a an the this that these those my your his her its our their me you him it we they us them i he she who whom whose which what ' +
    'and or but nor if whether because so than then when while as at by for from in into of off on onto out over to up upon with without about after before ' +
    'is are was were be been am do does did have has had will would can could shall should may might must not no yes now too also very just only still yet all any some ' +
    'hi hey hello bye ok please thanks here there where how why ' +
    'der die das des dem den ein eine einer eines einem einen ich du er sie es wir ihr mich dich ihn uns euch mir dir ihm ihnen sich mein dein sein unser euer ' +
    'und oder aber denn sondern dass ob weil wenn als wie wo was wer wann warum auch noch schon nur sehr nicht kein keine ja nein doch mal ' +
    'ab her hin los weg an auf aus bei bis durch fur gegen in im ins mit nach ohne seit um unter uber vom von vor zu zum zur zwischen ist sind war waren bin bist hat habe hast haben wird werden kann muss soll will'
)
