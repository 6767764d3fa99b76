/**
 * The events CIF raises through `addHandler`, their payloads once parsed, and the decoders that turn the
 * host's JSON strings (or Maps, or objects) into them.
 */
import {
  DecodeError,
  decodeLenient,
  decodeObject,
  isJsonObject,
  optionalBoolean,
  optionalNumber,
  optionalText,
  parseMaybeJson,
  stripBraces,
} from './decode.js';
import type { CifMode, CifSession, CifVersion, JsonObject, JsonValue } from './types.js';

/** onclicktoact: the agent clicked a phone number (or another click-to-act field) in Dynamics. */
export interface CifClickToActPayload {
  /** The clicked value, e.g. `"619-555-0129"`. */
  readonly value: string;
  /** The attribute, e.g. `"mobilephone"`. */
  readonly name: string;
  /** The attribute format, e.g. `"Phone"`. */
  readonly format: string;
  /** The record's entity, e.g. `"contact"`. */
  readonly entityLogicalName: string;
  /** The record id without braces, when the record is saved. */
  readonly entityId?: string;
  /** The record's primary name, e.g. `"Alex Baker"`. */
  readonly recordTitle?: string;
  readonly raw: JsonObject;
}

/** onmodechanged: the agent toggled the panel. */
export interface CifModeChangedPayload {
  readonly value: CifMode;
  readonly raw: JsonObject;
}

/** onsizechanged: the panel width changed. */
export interface CifSizeChangedPayload {
  /** Width in pixels. */
  readonly value: number;
  readonly raw: JsonObject;
}

/** The page an onpagenavigate URL points at, read from its query. */
export interface CifPageInfo {
  readonly appId?: string;
  readonly pageType?: string;
  /** Entity logical name (`etn`). */
  readonly entityName?: string;
  /** Record id without braces. */
  readonly entityId?: string;
}

/** onpagenavigate: the main page is about to navigate. */
export interface CifPageNavigatePayload {
  /** The full app URL. */
  readonly value: string;
  /** What the URL's query says about the page. */
  readonly page: CifPageInfo;
  readonly raw: JsonObject;
}

/** onsendkbarticle: the agent sent a knowledge article to the conversation. */
export interface CifSendKbArticlePayload {
  readonly title: string;
  readonly link: string;
  readonly raw: JsonObject;
}

/** onSessionSwitched (CIF 2.0): fires twice per switch, the old session with `focused: false`, then the new. */
export interface CifSessionSwitchedPayload extends CifSession {
  readonly raw: JsonObject;
}

/** onSessionClosed (CIF 2.0). */
export interface CifSessionClosedPayload {
  readonly sessionId: string;
  readonly context: JsonObject;
  readonly raw: JsonObject;
}

/** The agent's presence. */
export interface CifPresenceInfo {
  readonly presenceText: string;
  readonly presenceId?: string;
  readonly basePresenceStatus?: string;
  readonly presenceColor?: string;
}

/** onPresenceChange (CIF 2.0). */
export interface CifPresenceChangePayload {
  readonly presenceInfo: CifPresenceInfo;
  readonly raw: JsonObject;
}

/** Payload of each documented event, once parsed and normalised. */
export interface CifEventMap {
  onclicktoact: CifClickToActPayload;
  onmodechanged: CifModeChangedPayload;
  onsizechanged: CifSizeChangedPayload;
  onpagenavigate: CifPageNavigatePayload;
  onsendkbarticle: CifSendKbArticlePayload;
  onSessionSwitched: CifSessionSwitchedPayload;
  onSessionClosed: CifSessionClosedPayload;
  onPresenceChange: CifPresenceChangePayload;
}

/** The name of a documented CIF event. */
export type CifEventName = keyof CifEventMap;

/** Events raised by CIF 1.0 and 2.0 hosts. */
export const CIF_V1_EVENTS = [
  'onclicktoact',
  'onmodechanged',
  'onsizechanged',
  'onpagenavigate',
  'onsendkbarticle',
] as const satisfies readonly CifEventName[];

/** Events raised only by CIF 2.0 hosts. */
export const CIF_V2_EVENTS = [
  'onSessionSwitched',
  'onSessionClosed',
  'onPresenceChange',
] as const satisfies readonly CifEventName[];

/** Whether `name` is a documented event (case-sensitive, as CIF matches handlers). */
export function isCifEventName(name: string): name is CifEventName {
  return (
    (CIF_V1_EVENTS as readonly string[]).includes(name) ||
    (CIF_V2_EVENTS as readonly string[]).includes(name)
  );
}

/** The CIF version that introduced an event. */
export function eventVersion(name: CifEventName): CifVersion {
  return (CIF_V2_EVENTS as readonly string[]).includes(name) ? 2 : 1;
}

function requiredText(object: JsonObject, key: string, event: string): string {
  const text = optionalText(object[key]);
  if (text === undefined || text === '') throw new DecodeError(`${event} payload has no ${key}`);
  return text;
}

function contextOf(value: JsonValue | undefined): JsonObject {
  const parsed = parseMaybeJson(value);
  return isJsonObject(parsed) ? parsed : {};
}

function optionalId(value: JsonValue | undefined): string | undefined {
  const text = optionalText(value);
  return text === undefined || text.trim() === '' ? undefined : stripBraces(text);
}

function withOptional<T extends object>(base: T, extra: Record<string, string | undefined>): T {
  const defined = Object.entries(extra).filter(([, value]) => value !== undefined);
  return Object.assign(base, Object.fromEntries(defined));
}

/** Reads a mode (0–3) from a JSON value; throws for anything else. */
export function modeOf(value: JsonValue | undefined): CifMode {
  const mode = optionalNumber(value);
  if (mode === 0 || mode === 1 || mode === 2 || mode === 3) return mode;
  throw new DecodeError(`expected a panel mode 0-3, got ${JSON.stringify(value) ?? 'nothing'}`);
}

/** Reads a session from what getSession or onSessionSwitched give (Map, JSON string, object). */
export function sessionOf(object: JsonObject, source: string): CifSession {
  const sessionId = requiredText(object, 'sessionId', source);
  const focused = optionalBoolean(object.focused) ?? optionalBoolean(object.focussed) ?? false;
  const conversationId = optionalText(object.conversationId);
  return withOptional(
    { sessionId, focused, context: contextOf(object.context) },
    { conversationId: conversationId === '' ? undefined : conversationId },
  );
}

/** Reads presence info from a presence payload, a presenceInfo object (or its JSON), or flat fields. */
export function presenceOf(value: JsonValue | undefined): CifPresenceInfo {
  const parsed = parseMaybeJson(value);
  if (typeof parsed === 'string') return { presenceText: parsed };
  if (!isJsonObject(parsed)) throw new DecodeError('presence has no presenceText');
  const nested = parsed.presenceInfo;
  if (nested !== undefined && nested !== null) return presenceOf(nested);
  const presenceText = optionalText(parsed.presenceText);
  if (presenceText === undefined) throw new DecodeError('presence has no presenceText');
  return withOptional(
    { presenceText },
    {
      presenceId: optionalText(parsed.presenceId),
      basePresenceStatus: optionalText(parsed.basePresenceStatus),
      presenceColor: optionalText(parsed.presenceColor),
    },
  );
}

function pageOf(url: string): CifPageInfo {
  let params: URLSearchParams;
  try {
    params = new URL(url, 'https://host.invalid/').searchParams;
  } catch {
    return {};
  }
  const id = params.get('id');
  return withOptional(
    {},
    {
      appId: params.get('appid') ?? undefined,
      pageType: params.get('pagetype') ?? undefined,
      entityName: params.get('etn') ?? undefined,
      entityId: id ? stripBraces(id) : undefined,
    },
  );
}

/** The decoder of each documented event: host payload in, normalised payload out (or a DecodeError). */
export const eventDecoders: { readonly [K in CifEventName]: (payload: unknown) => CifEventMap[K] } =
  {
    onclicktoact(payload) {
      const raw = decodeObject(payload);
      return withOptional(
        {
          value: requiredText(raw, 'value', 'onclicktoact'),
          name: optionalText(raw.name) ?? '',
          format: optionalText(raw.format) ?? '',
          entityLogicalName: optionalText(raw.entityLogicalName) ?? '',
          raw,
        },
        { entityId: optionalId(raw.entityId), recordTitle: optionalText(raw.recordTitle) },
      );
    },
    onmodechanged(payload) {
      const raw = decodeObject(payload);
      return { value: modeOf(raw.value), raw };
    },
    onsizechanged(payload) {
      const raw = decodeObject(payload);
      const value = optionalNumber(raw.value);
      if (value === undefined || value < 0)
        throw new DecodeError('onsizechanged payload has no width');
      return { value, raw };
    },
    onpagenavigate(payload) {
      const raw = decodeObject(payload);
      const value = requiredText(raw, 'value', 'onpagenavigate');
      return { value, page: pageOf(value), raw };
    },
    onsendkbarticle(payload) {
      const raw = decodeObject(payload);
      return {
        title: optionalText(raw.title) ?? '',
        link: requiredText(raw, 'link', 'onsendkbarticle'),
        raw,
      };
    },
    onSessionSwitched(payload) {
      const raw = decodeObject(payload);
      return { ...sessionOf(raw, 'onSessionSwitched'), raw };
    },
    onSessionClosed(payload) {
      const raw = decodeObject(payload);
      return {
        sessionId: requiredText(raw, 'sessionId', 'onSessionClosed'),
        context: contextOf(raw.context),
        raw,
      };
    },
    onPresenceChange(payload) {
      const raw = decodeObject(payload);
      return { presenceInfo: presenceOf(raw), raw };
    },
  };

/**
 * Decodes the payload of a custom event (raiseEvent): JSON text is parsed, other text is kept, a Map
 * `{value, correlationId}` is unwrapped to its value, another Map becomes an object.
 */
export function decodeCustomPayload(payload: unknown): JsonValue {
  // The documented handler reads a Map {value, correlationId}: unwrap it to what was raised.
  if (
    payload instanceof Map &&
    payload.has('value') &&
    [...payload.keys()].every((key) => key === 'value' || key === 'correlationId')
  ) {
    return decodeLenient(payload.get('value'));
  }
  return decodeLenient(payload);
}
