import { amazonAlexa } from './amazon-alexa'
import { genericAudio } from './generic-audio'
import { googleAssistant } from './google-assistant'
import { ProviderRegistry } from './registry'

/** The one list of built-in providers. A new provider is added here and nowhere else. */
export const builtInProviders = (): ProviderRegistry => new ProviderRegistry([amazonAlexa, googleAssistant, genericAudio])
