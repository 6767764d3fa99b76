/**
 * Locale: the components' language from the user's Dynamics UI language (getEnvironment's userLcid).
 * Core does not know the components: the app passes a hook (the softphone wires it to base's setLocale).
 */
import { lcidToLocale, regionFromLocale } from '../phone/lcid.js';
import { environmentOf, report, type WorkflowContext } from './shared.js';

/** Options of the locale workflow. */
export interface LocaleOptions {
  /** Receives the BCP 47 tag of the user's language, e.g. `'de-DE'`. */
  readonly onLocale: (tag: string) => void;
  /** Tag used when the LCID is unknown (default: the hook is not called). */
  readonly fallback?: string;
  /** Also make the locale's region the phone numbers' default region (default false). */
  readonly setPhoneRegion?: boolean;
}

/**
 * Reads the user's LCID once and calls `onLocale` with its tag. Resolves the tag (or undefined).
 *
 * @example
 * await applyUserLocale(context, { onLocale: (tag) => setLocale(tag) });
 */
export async function applyUserLocale(
  context: WorkflowContext,
  options: LocaleOptions,
): Promise<string | undefined> {
  try {
    const environment = await environmentOf(context);
    const tag =
      lcidToLocale(environment.userLcid) ?? lcidToLocale(environment.orgLcid) ?? options.fallback;
    if (tag === undefined) return undefined;
    if (options.setPhoneRegion) {
      const region = regionFromLocale(tag);
      if (region) context.phone.setDefaultRegion(region);
    }
    options.onLocale(tag);
    return tag;
  } catch (error) {
    report(context, 'locale', null, error);
    if (options.fallback !== undefined) options.onLocale(options.fallback);
    return options.fallback;
  }
}
