/**
 * Decoders of method results that need more than a type check: the environment, notifyEvent answers,
 * record references and openForm results.
 */
import {
  decodeObject,
  decodeOptionalObject,
  isJsonObject,
  optionalBoolean,
  optionalNumber,
  optionalText,
  parseMaybeJson,
  stripBraces,
} from './decode.js';
import type {
  CifEntityReference,
  CifEnvironment,
  CifNotifyAction,
  CifNotifyEventResult,
  CifOpenFormResult,
  CifRecordReference,
  CifVersion,
  JsonObject,
  JsonValue,
} from './types.js';

function defined<T extends object>(base: T, extra: Record<string, unknown>): T {
  return Object.assign(
    base,
    Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)),
  );
}

function id(value: JsonValue | undefined): string | undefined {
  const text = optionalText(value);
  return text === undefined || text.trim() === '' ? undefined : stripBraces(text);
}

/** Decodes getEnvironment's result (a JSON string in the real library). */
export function decodeEnvironment(value: unknown): CifEnvironment {
  const raw = decodeObject(value);
  const text = (key: string): string | undefined => optionalText(raw[key]);
  return defined(
    { customParams: parseMaybeJson(raw.customParams ?? undefined), raw },
    {
      appUrl: text('appUrl'),
      appid: id(raw.appid),
      cifVersion: text('cifVersion'),
      clientUrl: text('clientUrl'),
      crmVersion: text('crmVersion'),
      etn: text('etn') || undefined,
      id: id(raw.id),
      isDirty: optionalBoolean(raw.isDirty),
      orgId: id(raw.orgId),
      orgLcid: optionalNumber(raw.orgLcid),
      orgUniqueName: text('orgUniqueName'),
      pagetype: text('pagetype'),
      userId: id(raw.userId),
      userLcid: optionalNumber(raw.userLcid),
      username: text('username'),
    },
  );
}

/**
 * The CIF major version named by getEnvironment's `cifVersion` (`"2.0"`, `"2"`, `2`, `"9.2.1.2"` is not a
 * CIF version and gives undefined).
 */
export function versionFromEnvironment(
  environment: Pick<CifEnvironment, 'cifVersion'>,
): CifVersion | undefined {
  const match = /^\s*v?([12])(?:\.\d+)?\s*$/i.exec(environment.cifVersion ?? '');
  return match ? (Number(match[1]) as CifVersion) : undefined;
}

function actionOf(name: string, reason: string): CifNotifyAction {
  const action = name.trim().toLowerCase();
  if (action === 'accept') return 'Accept';
  if (action === 'timeout') return 'Timeout';
  if (action === 'reject') return /^displaytimeout$/i.test(reason) ? 'Timeout' : 'Reject';
  return 'Unknown';
}

/**
 * Decodes notifyEvent's (and cancelEvent's) answer, with the documented `{value: {...}}` wrapper or without
 * it (the real library). An answer without an action is `Unknown` and not accepted.
 */
export function decodeNotifyResult(value: unknown): CifNotifyEventResult {
  const raw = decodeOptionalObject(value);
  let body: JsonValue | undefined = raw.value;
  body = parseMaybeJson(body);
  const answer: JsonObject = isJsonObject(body) ? body : raw;
  const reason = optionalText(answer.responseReason) ?? '';
  const action = actionOf(optionalText(answer.actionName) ?? '', reason);
  return { accepted: action === 'Accept', action, reason, raw };
}

/**
 * Decodes a record reference (createRecord, updateRecord, deleteRecord, updateConversation). An answer
 * without an id takes the id the caller passed, if any.
 */
export function decodeRecordReference(
  value: unknown,
  fallback: { id?: string; entityName?: string } = {},
): CifRecordReference {
  const raw = decodeOptionalObject(value);
  const recordId = id(raw.id) ?? fallback.id ?? '';
  const entityName =
    optionalText(raw.entityName) ?? optionalText(raw.entityType) ?? optionalText(raw.logicalName);
  return defined({ id: recordId, raw }, { entityName: entityName ?? fallback.entityName });
}

/** Decodes openForm's result; `savedEntityReference` may be an array, an array-like or a single reference. */
export function decodeOpenFormResult(value: unknown): CifOpenFormResult {
  const raw = decodeOptionalObject(value);
  const saved = parseMaybeJson(raw.savedEntityReference);
  const list: JsonValue[] = Array.isArray(saved)
    ? saved
    : isJsonObject(saved)
      ? Object.keys(saved).every((key) => /^\d+$/.test(key))
        ? Object.values(saved)
        : [saved]
      : [];
  const references: CifEntityReference[] = [];
  for (const item of list) {
    if (!isJsonObject(item)) continue;
    const entityType = optionalText(item.entityType) ?? optionalText(item.etn);
    const recordId = id(item.id);
    if (!entityType || !recordId) continue;
    references.push(defined({ entityType, id: recordId }, { name: optionalText(item.name) }));
  }
  return { savedEntityReference: references, raw };
}
