import { createRandom } from '../../../generate/random'

/**
 * Voice commands of four words or more in the languages an Alexa or Google export holds, written
 * for the language detector's accuracy check (test and bench only): the other-language rule must
 * tell English from German, and must not take a French, Spanish, Italian, Dutch, Polish, Turkish,
 * Portuguese or Swedish command for either.
 *
 * `{name}`, `{city}`, `{n}`, `{room}`, `{thing}` are filled from the lists below, so one template
 * yields many commands with the names, numbers and places that real ones carry.
 */
export const COMMAND_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'tr', 'pt', 'sv'] as const
export type CommandLanguage = (typeof COMMAND_LANGUAGES)[number]

interface Slots {
  templates: readonly string[]
  n: readonly string[]
  room: readonly string[]
  thing: readonly string[]
}

const SLOTS: Record<CommandLanguage, Slots> = {
  en: {
    templates: [
      "what's the weather in {city} tomorrow",
      'how is the traffic to {city} right now',
      'remind me to call {name} at {n}',
      'set a timer for {n} minutes',
      'turn off the lights in the {room}',
      'play some music in the {room}',
      'add {thing} to my shopping list',
      'will it rain in {city} this afternoon',
      "what's on my calendar with {name} today",
      'send a message to {name} saying I am late',
      'wake me up at {n} tomorrow morning',
      'how long does it take to drive to {city}'
    ],
    n: ['six', 'seven', 'ten', 'twenty', 'five thirty', 'eight'],
    room: ['kitchen', 'living room', 'bedroom', 'bathroom', 'hallway', 'office'],
    thing: ['milk', 'bread', 'coffee', 'eggs', 'butter', 'apples', 'dish soap']
  },
  de: {
    templates: [
      'wie wird das Wetter morgen in {city}',
      'wie ist der Verkehr nach {city} gerade',
      'erinnere mich, {name} um {n} anzurufen',
      'stell einen Timer auf {n} Minuten',
      'schalte das Licht im {room} aus',
      'spiel ein bisschen Musik im {room}',
      'setz {thing} auf die Einkaufsliste',
      'regnet es heute Nachmittag in {city}',
      'was steht heute mit {name} im Kalender',
      'schick {name} eine Nachricht, dass ich später komme',
      'weck mich morgen früh um {n} Uhr',
      'wie lange fahre ich mit dem Auto nach {city}'
    ],
    n: ['sechs', 'sieben', 'zehn', 'zwanzig', 'halb sechs', 'acht'],
    room: ['Wohnzimmer', 'Schlafzimmer', 'Badezimmer', 'Flur', 'Arbeitszimmer', 'Kinderzimmer'],
    thing: ['Milch', 'Brot', 'Kaffee', 'Eier', 'Butter', 'Äpfel', 'Spülmittel']
  },
  fr: {
    templates: [
      'quel temps fera-t-il demain à {city}',
      'comment est la circulation vers {city} maintenant',
      "rappelle-moi d'appeler {name} à {n} heures",
      'mets un minuteur de {n} minutes',
      'éteins la lumière dans la {room}',
      'joue de la musique dans la {room}',
      'ajoute {thing} à ma liste de courses',
      'est-ce qu’il va pleuvoir à {city} cet après-midi',
      "qu'est-ce que j'ai aujourd'hui avec {name}",
      'envoie un message à {name} pour dire que je suis en retard',
      'réveille-moi demain matin à {n} heures',
      'combien de temps faut-il pour aller à {city}'
    ],
    n: ['six', 'sept', 'dix', 'vingt', 'huit', 'neuf'],
    room: ['cuisine', 'chambre', 'salle de bain', 'salle à manger', 'chambre des enfants'],
    thing: ['du lait', 'du pain', 'du café', 'des œufs', 'du beurre', 'des pommes']
  },
  es: {
    templates: [
      '¿qué tiempo hará mañana en {city}?',
      '¿cómo está el tráfico hacia {city} ahora?',
      'recuérdame llamar a {name} a las {n}',
      'pon un temporizador de {n} minutos',
      'apaga las luces de la {room}',
      'pon música en la {room} por favor',
      'añade {thing} a mi lista de la compra',
      '¿va a llover en {city} esta tarde?',
      '¿qué tengo hoy en el calendario con {name}?',
      'envía un mensaje a {name} diciendo que llego tarde',
      'despiértame mañana a las {n} de la mañana',
      '¿cuánto se tarda en coche hasta {city}?'
    ],
    n: ['seis', 'siete', 'diez', 'veinte', 'ocho', 'nueve'],
    room: ['cocina', 'habitación', 'sala de estar', 'oficina', 'habitación de los niños'],
    thing: ['leche', 'pan', 'café', 'huevos', 'mantequilla', 'manzanas']
  },
  it: {
    templates: [
      'che tempo farà domani a {city}',
      "com'è il traffico per {city} adesso",
      'ricordami di chiamare {name} alle {n}',
      'imposta un timer di {n} minuti',
      'spegni la luce in {room}',
      'metti un po’ di musica in {room}',
      'aggiungi {thing} alla lista della spesa',
      'pioverà a {city} oggi pomeriggio',
      'cosa ho in calendario oggi con {name}',
      'manda un messaggio a {name} che sono in ritardo',
      'svegliami domani mattina alle {n}',
      'quanto ci vuole in macchina per andare a {city}'
    ],
    n: ['sei', 'sette', 'dieci', 'venti', 'otto', 'nove'],
    room: ['cucina', 'camera da letto', 'bagno', 'soggiorno', 'ufficio'],
    thing: ['il latte', 'il pane', 'il caffè', 'le uova', 'il burro', 'le mele']
  },
  nl: {
    templates: [
      'wat voor weer wordt het morgen in {city}',
      'hoe druk is het verkeer naar {city} nu',
      'herinner me eraan om {name} om {n} uur te bellen',
      'zet een timer voor {n} minuten',
      'doe het licht in de {room} uit',
      'speel wat muziek in de {room}',
      'zet {thing} op mijn boodschappenlijst',
      'gaat het vanmiddag regenen in {city}',
      'wat staat er vandaag in mijn agenda met {name}',
      'stuur een bericht naar {name} dat ik later ben',
      'maak me morgenochtend om {n} uur wakker',
      'hoe lang duurt het om naar {city} te rijden'
    ],
    n: ['zes', 'zeven', 'tien', 'twintig', 'acht', 'negen'],
    room: ['keuken', 'woonkamer', 'slaapkamer', 'badkamer', 'gang'],
    thing: ['melk', 'brood', 'koffie', 'eieren', 'boter', 'appels']
  },
  pl: {
    templates: [
      'jaka będzie jutro pogoda w {city}',
      'jaki jest teraz ruch na drodze do {city}',
      'przypomnij mi, żebym zadzwonił do {name} o {n}',
      'ustaw minutnik na {n} minut',
      'wyłącz światło w {room}',
      'włącz jakąś muzykę w {room}',
      'dodaj {thing} do listy zakupów',
      'czy dziś po południu będzie padać w {city}',
      'co mam dzisiaj w kalendarzu z {name}',
      'wyślij wiadomość do {name}, że się spóźnię',
      'obudź mnie jutro rano o {n}',
      'ile czasu zajmie jazda samochodem do {city}'
    ],
    n: ['szóstej', 'siódmej', 'dziesięć', 'dwadzieścia', 'ósmej'],
    room: ['kuchni', 'sypialni', 'łazience', 'salonie', 'przedpokoju'],
    thing: ['mleko', 'chleb', 'kawę', 'jajka', 'masło', 'jabłka']
  },
  tr: {
    templates: [
      'yarın {city} için hava nasıl olacak',
      'şu anda {city} yolunda trafik nasıl',
      'bana saat {n} de {name} aramamı hatırlat',
      '{n} dakikalık bir zamanlayıcı kur',
      '{room} ışıklarını kapat lütfen',
      '{room} biraz müzik çal lütfen',
      'alışveriş listeme {thing} ekle',
      'bu öğleden sonra {city} için yağmur yağacak mı',
      'bugün {name} ile takvimimde ne var',
      "{name} kişisine geç kalacağımı söyleyen bir mesaj gönder",
      'beni yarın sabah saat {n} de uyandır',
      "arabayla {city} şehrine gitmek ne kadar sürer"
    ],
    n: ['altı', 'yedi', 'on', 'yirmi', 'sekiz'],
    room: ['mutfak', 'salon', 'yatak odası', 'banyo', 'çalışma odası'],
    thing: ['süt', 'ekmek', 'kahve', 'yumurta', 'tereyağı', 'elma']
  },
  pt: {
    templates: [
      'como vai estar o tempo amanhã em {city}',
      'como está o trânsito para {city} agora',
      'lembra-me de ligar para {name} às {n}',
      'define um temporizador de {n} minutos',
      'desliga as luzes da {room}',
      'toca alguma música na {room}',
      'adiciona {thing} à minha lista de compras',
      'vai chover em {city} esta tarde',
      'o que tenho hoje na agenda com {name}',
      'envia uma mensagem ao {name} a dizer que vou chegar atrasado',
      'acorda-me amanhã de manhã às {n}',
      'quanto tempo demora a ir de carro até {city}'
    ],
    n: ['seis', 'sete', 'dez', 'vinte', 'oito', 'nove'],
    room: ['cozinha', 'sala de estar', 'casa de banho', 'sala de jantar'],
    thing: ['leite', 'pão', 'café', 'ovos', 'manteiga', 'maçãs']
  },
  sv: {
    templates: [
      'hur blir vädret i {city} i morgon',
      'hur är trafiken till {city} just nu',
      'påminn mig om att ringa {name} klockan {n}',
      'ställ en timer på {n} minuter',
      'släck lampan i {room}',
      'spela lite musik i {room}',
      'lägg till {thing} på min inköpslista',
      'kommer det att regna i {city} i eftermiddag',
      'vad har jag i kalendern med {name} i dag',
      'skicka ett meddelande till {name} att jag blir sen',
      'väck mig klockan {n} i morgon bitti',
      'hur lång tid tar det att köra till {city}'
    ],
    n: ['sex', 'sju', 'tio', 'tjugo', 'åtta', 'nio'],
    room: ['köket', 'vardagsrummet', 'sovrummet', 'badrummet', 'hallen'],
    thing: ['mjölk', 'bröd', 'kaffe', 'ägg', 'smör', 'äpplen']
  }
}

// Names and places cross languages in real exports (a German speaker asks about Paris, calls Kevin).
const NAMES = ['Jonas', 'Mia', 'Lukas', 'Sabine', 'Pierre', 'Lucía', 'Marco', 'Sanne', 'Kasia', 'Emre', 'João', 'Astrid', 'Kevin', 'Sarah']
const CITIES = ['Hamburg', 'Berlin', 'Paris', 'Madrid', 'Rome', 'Amsterdam', 'Warsaw', 'Istanbul', 'Lisbon', 'Stockholm', 'London', 'Leipzig']

export interface VoiceCommand {
  language: CommandLanguage
  text: string
}

/** `perTemplate` commands from every template of every language, the same ones for the same seed. */
export function voiceCommands(perTemplate = 8, seed = 'voice-commands'): VoiceCommand[] {
  const rng = createRandom(seed)
  const out: VoiceCommand[] = []
  for (const language of COMMAND_LANGUAGES) {
    const s = SLOTS[language]
    for (const template of s.templates) {
      const seen = new Set<string>()
      for (let i = 0; i < perTemplate * 3 && seen.size < perTemplate; i++) {
        const text = template
          .replace('{name}', rng.pick(NAMES))
          .replace('{city}', rng.pick(CITIES))
          .replace('{n}', rng.pick(s.n))
          .replace('{room}', rng.pick(s.room))
          .replace('{thing}', rng.pick(s.thing))
        if (seen.has(text)) continue
        seen.add(text)
        out.push({ language, text })
      }
    }
  }
  return out
}
