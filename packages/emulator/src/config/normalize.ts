import { defaultConfig } from './defaults.js';
import type {
  ApiVersion,
  EmulatorConfig,
  FaultRule,
  NotificationTemplate,
  PanelMode,
  Presence,
  ResolvedConfig,
  SessionTemplate,
  TabTemplate,
  TabType,
} from './types.js';
import { asText } from '../text.js';

/** A configuration that cannot be used at all (not an object, or not JSON). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The result of {@link normalizeConfig}: the usable configuration and what was ignored. */
export interface NormalizedConfig {
  config: ResolvedConfig;
  /** One human-readable line per ignored or corrected value. */
  warnings: string[];
}

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const TAB_TYPES: readonly TabType[] = [
  'entityrecord',
  'entitylist',
  'search',
  'webresource',
  'url',
  'dashboard',
];
const ERROR_SHAPES = ['json', 'map', 'object', 'string'] as const;

const KNOWN_KEYS = [
  '$schema',
  'provider',
  'org',
  'user',
  'templates',
  'presences',
  'presence',
  'panel',
  'seed',
  'persistence',
  'faults',
  'apiTimeoutMs',
  'quirks',
  'webResources',
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Normalises a GUID to lower case without braces; undefined if it is not one. */
export function normalizeGuid(value: unknown): string | undefined {
  if (typeof value !== 'string' || !GUID.test(value.trim())) return undefined;
  return value.trim().replace(/[{}]/g, '').toLowerCase();
}

/** Parses JSON text into a configuration object; throws {@link ConfigError} with the reason. */
export function parseConfigText(text: string, source = 'configuration'): EmulatorConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObj(value)) throw new ConfigError(`${source} must be a JSON object`);
  return value;
}

/**
 * Applies the embedded defaults to a (possibly partial or hostile) configuration. Never throws on a
 * bad field: it is replaced by its default and reported in `warnings`. Throws {@link ConfigError} only
 * when the input is not an object at all.
 */
export function normalizeConfig(input: unknown): NormalizedConfig {
  if (input === undefined || input === null) input = {};
  if (!isObj(input)) throw new ConfigError('The configuration must be an object');
  const warnings: string[] = [];
  const warn = (path: string, why: string) => warnings.push(`${path}: ${why}; using the default`);
  const d = defaultConfig;
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.includes(key)) warnings.push(`${key}: not a configuration key; ignored`);
  }

  const str = (o: Obj, key: string, path: string, fallback: string): string => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'string') {
      warn(`${path}.${key}`, 'expected a string');
      return fallback;
    }
    return v;
  };
  const bool = (o: Obj, key: string, path: string, fallback: boolean): boolean => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') {
      warn(`${path}.${key}`, 'expected true or false');
      return fallback;
    }
    return v;
  };
  const num = (
    o: Obj,
    key: string,
    path: string,
    fallback: number,
    min: number,
    max: number,
  ): number => {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      warn(`${path}.${key}`, `expected a number from ${min} to ${max}`);
      return fallback;
    }
    return v;
  };
  const guid = (o: Obj, key: string, path: string, fallback: string): string => {
    const v = o[key];
    if (v === undefined) return fallback;
    const g = normalizeGuid(v);
    if (!g) {
      warn(`${path}.${key}`, 'expected a GUID');
      return fallback;
    }
    return g;
  };
  const section = (key: string): Obj => {
    const v = input[key];
    if (v === undefined) return {};
    if (!isObj(v)) {
      warn(key, 'expected an object');
      return {};
    }
    return v;
  };

  const p = section('provider');
  let apiVersion: ApiVersion = d.provider.apiVersion;
  if (p.apiVersion !== undefined) {
    if (p.apiVersion === 1 || p.apiVersion === 2 || p.apiVersion === '1' || p.apiVersion === '2') {
      apiVersion = Number(p.apiVersion) as ApiVersion;
    } else warn('provider.apiVersion', 'expected 1 or 2');
  }
  let landingUrl = str(p, 'landingUrl', 'provider', d.provider.landingUrl);
  if (landingUrl && !isHttpUrl(landingUrl)) {
    warn('provider.landingUrl', 'expected an absolute http(s) URL');
    landingUrl = '';
  }
  let trustedDomains: string[] = [];
  const td = p.trustedDomain;
  if (typeof td === 'string') trustedDomains = td.split(/[,;\s]+/).filter(Boolean);
  else if (Array.isArray(td)) {
    trustedDomains = td.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (trustedDomains.length !== td.length)
      warn('provider.trustedDomain', 'ignored entries that are not strings');
  } else if (td !== undefined && td !== null)
    warn('provider.trustedDomain', 'expected a string or an array');
  let customParams: string | null = d.provider.customParams;
  if (p.customParams !== undefined) {
    if (p.customParams === null || typeof p.customParams === 'string')
      customParams = p.customParams;
    else customParams = JSON.stringify(p.customParams);
  }
  const provider: ResolvedConfig['provider'] = {
    id: d.provider.id,
    label: str(p, 'label', 'provider', d.provider.label) || d.provider.label,
    landingUrl,
    apiVersion,
    clickToAct: bool(p, 'clickToAct', 'provider', d.provider.clickToAct),
    trustedDomains,
    customParams,
    sortOrder: num(p, 'sortOrder', 'provider', d.provider.sortOrder, -1e9, 1e9),
    enableAnalytics: bool(p, 'enableAnalytics', 'provider', d.provider.enableAnalytics),
    enableOutbound: bool(p, 'enableOutbound', 'provider', d.provider.enableOutbound),
  };

  const o = section('org');
  const org: ResolvedConfig['org'] = {
    uniqueName: str(o, 'uniqueName', 'org', d.org.uniqueName) || d.org.uniqueName,
    id: guid(o, 'id', 'org', d.org.id),
    lcid: num(o, 'lcid', 'org', d.org.lcid, 1025, 58378),
    crmVersion: str(o, 'crmVersion', 'org', d.org.crmVersion),
    appId: guid(o, 'appId', 'org', d.org.appId),
    appName: str(o, 'appName', 'org', apiVersion === 1 ? 'Customer Service Hub' : d.org.appName),
  };

  const u = section('user');
  const user: ResolvedConfig['user'] = {
    id: guid(u, 'id', 'user', d.user.id),
    name: str(u, 'name', 'user', d.user.name) || d.user.name,
    lcid: num(u, 'lcid', 'user', d.user.lcid, 1025, 58378),
    email: str(u, 'email', 'user', d.user.email),
  };

  const t = section('templates');
  const templates: ResolvedConfig['templates'] = {
    notification: mergeByName(
      d.templates.notification,
      list(t, 'notification', 'templates', warn),
      'templates.notification',
      warnings,
      toNotificationTemplate,
    ),
    session: mergeByName(
      d.templates.session,
      list(t, 'session', 'templates', warn),
      'templates.session',
      warnings,
      toSessionTemplate,
    ),
    tab: mergeByName(
      d.templates.tab,
      list(t, 'tab', 'templates', warn),
      'templates.tab',
      warnings,
      toTabTemplate,
    ),
  };

  let presences = d.presences;
  if (input.presences !== undefined) {
    const raw = input.presences;
    const parsed = Array.isArray(raw) ? raw.map(toPresence).filter((x): x is Presence => !!x) : [];
    if (!Array.isArray(raw) || parsed.length !== raw.length)
      warn('presences', 'ignored invalid presences');
    if (parsed.length) presences = parsed;
  }
  let presence = str(input, 'presence', 'config', d.presence);
  if (!presences.some((x) => x.text === presence)) {
    if (input.presence !== undefined) warn('presence', 'not one of the configured presences');
    presence = presences[0]?.text ?? d.presence;
  }

  const pn = section('panel');
  let mode: PanelMode = d.panel.mode;
  if (pn.mode !== undefined) {
    if (pn.mode === 0 || pn.mode === 1 || (apiVersion === 2 && (pn.mode === 2 || pn.mode === 3)))
      mode = pn.mode;
    else
      warn(
        'panel.mode',
        apiVersion === 1 ? 'expected 0 or 1 for API version 1' : 'expected 0, 1, 2 or 3',
      );
  }
  const panel = { mode, width: num(pn, 'width', 'panel', d.panel.width, 300, 4000) };

  const s = section('seed');
  const records: Record<string, Record<string, unknown>[]> = {};
  if (s.records !== undefined) {
    if (!isObj(s.records)) warn('seed.records', 'expected an object of entity name to records');
    else {
      for (const [entity, rows] of Object.entries(s.records)) {
        if (!Array.isArray(rows) || !rows.every(isObj)) {
          warn(`seed.records.${entity}`, 'expected an array of objects');
          continue;
        }
        records[entity] = rows;
      }
    }
  }
  const seed = { includeDefault: bool(s, 'includeDefault', 'seed', true), records };

  let persistence = d.persistence;
  const ps = input.persistence;
  if (ps !== undefined) {
    if (ps === 'none' || ps === 'localStorage') persistence = ps;
    else warn('persistence', "expected 'none' or 'localStorage'");
  }

  const f = section('faults');
  const rules: FaultRule[] = [];
  if (f.rules !== undefined) {
    if (!Array.isArray(f.rules)) warn('faults.rules', 'expected an array');
    else
      f.rules.forEach((r, i) => {
        const rule = toFaultRule(r);
        if (rule) rules.push(rule);
        else warn(`faults.rules[${i}]`, 'not a valid rule; ignored');
      });
  }
  const faults = { latencyMs: num(f, 'latencyMs', 'faults', 0, 0, 600_000), rules };

  const q = section('quirks');
  let displayTimeoutAction = d.quirks.displayTimeoutAction;
  if (q.displayTimeoutAction !== undefined) {
    if (q.displayTimeoutAction === 'Timeout' || q.displayTimeoutAction === 'Reject')
      displayTimeoutAction = q.displayTimeoutAction;
    else warn('quirks.displayTimeoutAction', "expected 'Timeout' or 'Reject'");
  }
  let sessionFocusSpelling = d.quirks.sessionFocusSpelling;
  if (q.sessionFocusSpelling !== undefined) {
    if (q.sessionFocusSpelling === 'focused' || q.sessionFocusSpelling === 'focussed')
      sessionFocusSpelling = q.sessionFocusSpelling;
    else warn('quirks.sessionFocusSpelling', "expected 'focused' or 'focussed'");
  }
  const quirks = {
    notifyEventValueWrapper: bool(q, 'notifyEventValueWrapper', 'quirks', false),
    displayTimeoutAction,
    getModeAsString: bool(q, 'getModeAsString', 'quirks', false),
    sessionFocusSpelling,
  };

  const webResources: Record<string, string> = {};
  const wr = section('webResources');
  for (const [name, url] of Object.entries(wr)) {
    if (typeof url === 'string' && isHttpUrl(url)) webResources[name] = url;
    else warn(`webResources.${name}`, 'expected an absolute http(s) URL');
  }

  return {
    config: {
      provider,
      org,
      user,
      templates,
      presences,
      presence,
      panel,
      seed,
      persistence,
      faults,
      apiTimeoutMs: num(input, 'apiTimeoutMs', 'config', d.apiTimeoutMs, 1, 3_600_000),
      quirks,
      webResources,
    },
    warnings,
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function list(o: Obj, key: string, path: string, warn: (p: string, w: string) => void): unknown[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    warn(`${path}.${key}`, 'expected an array');
    return [];
  }
  return v;
}

/** Configured templates replace the defaults of the same name; new names are appended. */
function mergeByName<T extends { name: string }>(
  defaults: T[],
  raw: unknown[],
  path: string,
  warnings: string[],
  convert: (value: unknown) => T | string,
): T[] {
  const out = [...defaults];
  raw.forEach((value, i) => {
    const template = convert(value);
    if (typeof template === 'string') {
      warnings.push(`${path}[${i}]: ${template}; ignored`);
      return;
    }
    const at = out.findIndex((x) => x.name === template.name);
    if (at >= 0) out[at] = template;
    else out.push(template);
  });
  return out;
}

const optStr = (o: Obj, key: string): string | undefined =>
  typeof o[key] === 'string' ? o[key] : undefined;
const optBool = (o: Obj, key: string): boolean | undefined =>
  typeof o[key] === 'boolean' ? o[key] : undefined;

function toNotificationTemplate(v: unknown): NotificationTemplate | string {
  if (!isObj(v)) return 'expected an object';
  const name = optStr(v, 'name');
  if (!name) return 'a template needs a name';
  let timeout = 120;
  if (v.timeout !== undefined) {
    if (typeof v.timeout !== 'number' || !(v.timeout >= 0 && v.timeout <= 500))
      return 'timeout must be 0–500 seconds';
    timeout = v.timeout;
  }
  const fields = Array.isArray(v.fields)
    ? v.fields.filter(isObj).map((f) => ({ header: asText(f.header), value: asText(f.value) }))
    : [];
  const desktop = v.desktopNotification === 'background' ? 'background' : 'never';
  return {
    name,
    title: optStr(v, 'title') ?? name,
    icon: optStr(v, 'icon') ?? 'info',
    timeout,
    showTimeout: optBool(v, 'showTimeout') ?? true,
    acceptButtonText: optStr(v, 'acceptButtonText') ?? 'Accept',
    rejectButtonText: optStr(v, 'rejectButtonText') ?? 'Reject',
    showRejectButton: optBool(v, 'showRejectButton') ?? true,
    autoAccept: optBool(v, 'autoAccept') ?? false,
    desktopNotification: desktop,
    theme: optStr(v, 'theme') ?? 'default',
    fields,
  };
}

function toSessionTemplate(v: unknown): SessionTemplate | string {
  if (!isObj(v)) return 'expected an object';
  const name = optStr(v, 'name');
  if (!name) return 'a template needs a name';
  const panelState =
    v.panelState === 'minimized' || v.panelState === 'hidden' || v.panelState === 'docked'
      ? v.panelState
      : undefined;
  const template: SessionTemplate = {
    name,
    title: optStr(v, 'title') ?? name,
    type: v.type === 'entity' ? 'entity' : 'generic',
    additionalTabs: Array.isArray(v.additionalTabs)
      ? v.additionalTabs.filter((x): x is string => typeof x === 'string')
      : [],
  };
  const anchorTab = optStr(v, 'anchorTab');
  if (anchorTab) template.anchorTab = anchorTab;
  if (panelState) template.panelState = panelState;
  return template;
}

function toTabTemplate(v: unknown): TabTemplate | string {
  if (!isObj(v)) return 'expected an object';
  const name = optStr(v, 'name');
  if (!name) return 'a template needs a name';
  const type = v.type as TabType;
  if (!TAB_TYPES.includes(type)) return `type must be one of ${TAB_TYPES.join(', ')}`;
  const parameters: Record<string, string> = {};
  if (isObj(v.parameters))
    for (const [k, x] of Object.entries(v.parameters)) parameters[k] = String(x);
  return {
    name,
    type,
    title: optStr(v, 'title') ?? '',
    parameters,
    tags: Array.isArray(v.tags) ? v.tags.filter((x): x is string => typeof x === 'string') : [],
    canClose: optBool(v, 'canClose') ?? true,
  };
}

function toPresence(v: unknown): Presence | undefined {
  if (!isObj(v) || typeof v.text !== 'string' || !v.text) return undefined;
  const base = Number(v.baseStatus ?? 1);
  if (![1, 2, 3, 4, 5].includes(base)) return undefined;
  return {
    id: typeof v.id === 'string' && v.id ? v.id : `presence-${v.text}`,
    text: v.text,
    color: typeof v.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(v.color) ? v.color : '#8A8886',
    baseStatus: base as Presence['baseStatus'],
  };
}

function toFaultRule(v: unknown): FaultRule | undefined {
  if (!isObj(v)) return undefined;
  const times = typeof v.times === 'number' && v.times > 0 ? Math.floor(v.times) : undefined;
  const withTimes = <T extends object>(rule: T): T =>
    times === undefined ? rule : { ...rule, times };
  if (v.action === 'drop' && typeof v.event === 'string' && v.event) {
    return withTimes({ event: v.event, action: 'drop' as const });
  }
  if (typeof v.api !== 'string' || !v.api) return undefined;
  if (v.action === 'timeout') return withTimes({ api: v.api, action: 'timeout' as const });
  if (v.action === 'delay') {
    if (typeof v.ms !== 'number' || !(v.ms >= 0)) return undefined;
    return withTimes({ api: v.api, action: 'delay' as const, ms: v.ms });
  }
  if (v.action === 'fail') {
    const rule: FaultRule = { api: v.api, action: 'fail' };
    if (v.shape !== undefined) {
      if (!ERROR_SHAPES.includes(v.shape as (typeof ERROR_SHAPES)[number])) return undefined;
      rule.shape = v.shape as (typeof ERROR_SHAPES)[number];
    }
    if (typeof v.message === 'string') rule.message = v.message;
    if (typeof v.errorCode === 'number') rule.errorCode = v.errorCode;
    return withTimes(rule);
  }
  return undefined;
}
