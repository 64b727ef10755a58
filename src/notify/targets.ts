// Notification routing: action inputs and env fallbacks → the validated list of targets and delivery settings.
// Every URL, secret, header value and password is registered as a secret before anything is validated, so no
// error message or later log line can show one.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { parseBoolean } from '../runner/inputs.js';
import { yamlParser } from './yaml-parser.js';
import { isDiscordHost, isSlackHost, isTeamsUrl } from './hosts.js';
import { InputError } from '../runner/errors.js';
import { registerCredential, registerSecret, registerSecretUrl, scrub } from '../runner/secrets.js';
import { MENTION_LINE_MAX } from './render/limits.js';
import { isBase64 } from './sign.js';
import { validateTemplates } from './templates.js';
import type {
  ChangeState,
  DiscordOptions,
  DiscordStyle,
  HttpMethod,
  NotifySettings,
  SignatureScheme,
  Target,
  TargetFormat,
  TargetOn,
  TargetTemplates,
} from './types.js';

type GetInput = (name: string) => string;
type Env = Record<string, string | undefined>;
export type BuildStatus = 'success' | 'failure' | 'cancelled';

export const NOTIFY_DEFAULTS = {
  timeoutMs: 10_000,
  retries: 3,
  deadlineMs: 5 * 60_000,
  signature: 'standard' as SignatureScheme,
};
export const DEADLINE_ENV = 'JETSON_BUILD_NOTIFY_DEADLINE_SECONDS';

const FORMATS: readonly TargetFormat[] = ['discord', 'generic', 'slack', 'teams'];
const ONS: readonly TargetOn[] = ['always', 'success', 'failure', 'cancelled', 'change', 'never'];
const STYLES: readonly DiscordStyle[] = ['compact', 'upstream'];
/** `discord-live-interval` in seconds: the default, and the fastest Discord's edit rate limit comfortably allows. */
export const LIVE_INTERVAL = { defaultSeconds: 10, minSeconds: 2, maxSeconds: 3600 } as const;
const METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE'];
const SCHEMES: readonly SignatureScheme[] = ['standard', 'github', 'jobserv'];
const ATTACH_LOG: readonly DiscordOptions['attachLog'][] = ['failure', 'always', 'never'];
const ENTRY_KEYS = [
  'url',
  'format',
  'on',
  'notify-on',
  'method',
  'headers',
  'basic-auth',
  'timeout',
  'retries',
  'secret',
  'signature',
  'message-template',
  'payload-template',
  'payload-template-file',
] as const;
/** Headers that frame the HTTP message itself: the client sets them, a user value would corrupt the request. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'expect',
  'proxy-connection',
]);
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export { isDiscordHost, isSlackHost, isTeamsUrl };

/** `/api[/vN]/webhooks/{id}/{token}[/slack|/github][/]` */
const DISCORD_WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/(\d+)\/([^/]+)(?:\/(?:slack|github))?\/?$/;

/**
 * The execute-webhook URL Discord expects: `https://<host as given>/api/v10/webhooks/{id}/{token}?wait=true`
 * (plus `thread_id`). A `/slack` or `/github` suffix is dropped on purpose: those endpoints parse Slack- or
 * GitHub-shaped payloads, and this action always sends Discord's own. Other query parameters are kept;
 * `threadId`, when given, replaces a `thread_id` already in the URL. A host that is not Discord's (a proxy or
 * a test double speaking Discord's API) keeps its host; its path is versioned the same way when it is a
 * webhook path, and `wait=true` and `thread_id` are added.
 * Throws an Error for a Discord host whose path is not a webhook path.
 */
export function normalizeDiscordUrl(url: string, threadId?: string | null): string {
  const u = new URL(url);
  const m = DISCORD_WEBHOOK_PATH.exec(u.pathname);
  if (isDiscordHost(u.hostname)) {
    if (!m)
      throw new Error('not a Discord webhook URL (expected https://discord.com/api/webhooks/<id>/<token>)');
    u.protocol = 'https:';
    u.port = '';
  }
  // Any host speaking Discord's webhook API (a proxy, a test double) gets the same versioned path.
  if (m) u.pathname = `/api/v10/webhooks/${m[1]}/${m[2]}`;
  u.hash = '';
  u.searchParams.set('wait', 'true');
  if (threadId) u.searchParams.set('thread_id', threadId);
  return u.toString();
}

/** The targets that fire for a build that ended with `status`. */
/**
 * The targets that fire for `status`. A `change` target fires unless the outcome is known to be the same as
 * the previous run's (`unknown` means no comparison could be made: it then fires as `always`).
 */
export function selectTargets(
  targets: readonly Target[],
  status: BuildStatus,
  change: ChangeState = 'unknown',
): Target[] {
  return targets.filter((t) => {
    switch (t.on) {
      case 'always':
        return true;
      case 'never':
        return false;
      case 'change':
        return change !== 'same';
      default:
        return t.on === status;
    }
  });
}

interface Globals {
  secret: string | null;
  signature: SignatureScheme;
  timeoutMs: number;
  retries: number;
  headers: Record<string, string>;
  /** `notify-on`: the `on` of the targets that do not name their own. */
  notifyOn: TargetOn;
  /** The global `message-template` and `payload-template(-file)`. */
  templates: TargetTemplates;
  /** Where template files are read from (GITHUB_WORKSPACE). */
  workspace: string;
}

/**
 * Reads every notification input (and the env fallbacks) into validated settings. Throws InputError naming
 * the input (or `webhooks[i].key`), never showing a secret value. No URL anywhere → no targets.
 */
export function resolveNotifySettings(getInput: GetInput, env: Env): NotifySettings {
  try {
    const settings = resolve(getInput, env);
    // A template that does not parse, names an unknown field or renders invalid JSON stops the step here,
    // before the build runs.
    for (const t of settings.targets) validateTemplates(t.templates);
    return settings;
  } catch (err) {
    // Belt and braces: nothing registered may leak through a message built from a value.
    if (err instanceof Error) err.message = scrub(err.message);
    throw err;
  }
}

/** The URL inputs that may carry a webhook, and the upstream tool's variables read when they are empty. */
const URL_INPUT_NAMES = [
  'discord-webhook-url',
  'slack-webhook-url',
  'teams-webhook-url',
  'webhook-url',
  'success-webhook-url',
  'failure-webhook-url',
];
const URL_ENV_NAMES = ['JC_BUILD_SUCCESS_WEBHOOK_URL', 'JC_BUILD_FAILURE_WEBHOOK_URL', 'WEBHOOK_URL'];

function resolve(getInput: GetInput, env: Env): NotifySettings {
  const input = (name: string): string => getInput(name).trim();
  const envValue = (name: string): string => (env[name] ?? '').trim();

  // 1. Register every secret before validating anything.
  for (const name of URL_INPUT_NAMES) registerTargetUrl(input(name), name === 'teams-webhook-url');
  for (const name of URL_ENV_NAMES) registerTargetUrl(envValue(name), false);
  registerCredential(input('webhook-secret'));
  registerSecret(input('github-token'));
  const headersText = input('webhook-headers');
  const webhooksText = input('webhooks');
  const parsedHeaders = headersText
    ? parseStructured('webhook-headers', headersText, 'a YAML or JSON map')
    : null;
  const parsedWebhooks = webhooksText
    ? parseStructured('webhooks', webhooksText, 'a YAML or JSON list')
    : null;
  registerHeaderValues(parsedHeaders);
  // A list, or a single target written as a map (anything else is rejected below, and holds no secret).
  for (const entry of Array.isArray(parsedWebhooks) ? parsedWebhooks : [parsedWebhooks]) {
    registerEntrySecrets(entry);
  }

  // 2. Validate.
  const discord = readDiscordOptions(input);
  const globals = readGlobals(input, env, parsedHeaders);
  const targets = [
    ...simpleTargets(input, envValue, globals, discord),
    ...listTargets(parsedWebhooks, globals, discord),
  ];
  return {
    targets: dedupe(targets),
    deadlineMs: readDeadline(envValue(DEADLINE_ENV)),
    failOnError: boolean('fail-on-notify-error', input('fail-on-notify-error'), false),
    discord,
    notifyOn: globals.notifyOn,
    notifyStart: boolean('notify-start', input('notify-start'), false),
    githubToken: input('github-token') || null,
  };
}

/** The settings every target starts from. */
function readGlobals(input: (name: string) => string, env: Env, parsedHeaders: unknown): Globals {
  return {
    secret: readSecret('webhook-secret', input('webhook-secret')),
    signature: oneOf('signature', input('signature') || NOTIFY_DEFAULTS.signature, SCHEMES),
    timeoutMs: input('webhook-timeout')
      ? seconds('webhook-timeout', input('webhook-timeout'))
      : NOTIFY_DEFAULTS.timeoutMs,
    retries: input('webhook-retries')
      ? retries('webhook-retries', input('webhook-retries'))
      : NOTIFY_DEFAULTS.retries,
    headers: parsedHeaders === null ? {} : readHeaders('webhook-headers', parsedHeaders),
    notifyOn: input('notify-on') ? oneOf('notify-on', input('notify-on'), ONS) : 'always',
    templates: readGlobalTemplates(input, env),
    workspace: workspaceOf(env),
  };
}

/** One target per URL input (or, when an input is empty, per upstream variable). */
function simpleTargets(
  input: (name: string) => string,
  envValue: (name: string) => string,
  globals: Globals,
  discord: DiscordOptions,
): Target[] {
  const targets: Target[] = [];
  const simple = (source: string, url: string, format: TargetFormat | 'detect', on: TargetOn): void => {
    if (url) targets.push(simpleTarget(source, url, format, on, globals, discord));
  };
  /** The input, or when it is empty the upstream variable of the same meaning. */
  const inputOrEnv = (
    name: string,
    variable: string,
    format: TargetFormat | 'detect',
    on: TargetOn,
  ): void => {
    if (input(name)) simple(name, input(name), format, on);
    else simple(`env ${variable}`, envValue(variable), 'detect', on);
  };
  simple('discord-webhook-url', input('discord-webhook-url'), 'discord', globals.notifyOn);
  simple('slack-webhook-url', input('slack-webhook-url'), 'slack', globals.notifyOn);
  simple('teams-webhook-url', input('teams-webhook-url'), 'teams', globals.notifyOn);
  inputOrEnv('webhook-url', 'WEBHOOK_URL', 'generic', globals.notifyOn);
  inputOrEnv('success-webhook-url', 'JC_BUILD_SUCCESS_WEBHOOK_URL', 'detect', 'success');
  inputOrEnv('failure-webhook-url', 'JC_BUILD_FAILURE_WEBHOOK_URL', 'detect', 'failure');
  return targets;
}

/** The `webhooks` list; a single target written as a map (no leading '-') is a list of one. */
function listTargets(parsed: unknown, globals: Globals, discord: DiscordOptions): Target[] {
  if (parsed === null) return [];
  const list = typeof parsed === 'object' && !Array.isArray(parsed) ? [parsed] : parsed;
  if (!Array.isArray(list)) {
    throw new InputError('webhooks', kindOf(parsed), 'a YAML or JSON list of targets (- url: …)');
  }
  return list.map((entry, i) => listTarget(`webhooks[${i}]`, entry, globals, discord));
}

// ---------------------------------------------------------------------------------------------- secrets first

function registerHeaderValues(headers: unknown): void {
  if (!isPlainObject(headers)) return;
  for (const v of Object.values(headers)) if (isScalar(v)) registerSecret(String(v));
}

/**
 * A webhook URL and its secret parts. A Teams URL's (a Teams host's, or one given as Teams) only credential in
 * its query is `sig` (Power Automate); its other values (api-version=2016-06-01, sp=/triggers/manual/run) are
 * the same for every flow and stay readable. Its path is masked by the general rule (a legacy connector's
 * secret is there).
 */
function registerTargetUrl(raw: string, teams: boolean): void {
  const u = URL.canParse(raw.trim()) ? new URL(raw.trim()) : null;
  registerSecretUrl(raw, teams || (u !== null && isTeamsUrl(u)) ? { queryKeys: ['sig'] } : {});
}

function registerEntrySecrets(entry: unknown): void {
  if (!isPlainObject(entry)) return;
  if (typeof entry.url === 'string') registerTargetUrl(entry.url, entry.format === 'teams');
  if (isScalar(entry.secret)) registerCredential(String(entry.secret));
  registerHeaderValues(entry.headers);
  const auth = entry['basic-auth'];
  if (typeof auth === 'string') {
    registerSecret(auth);
    registerCredential(auth.slice(auth.indexOf(':') + 1));
  } else if (isPlainObject(auth) && isScalar(auth.password)) {
    registerCredential(String(auth.password));
  }
}

// ---------------------------------------------------------------------------------------------- targets

function simpleTarget(
  source: string,
  rawUrl: string,
  format: TargetFormat | 'detect',
  on: TargetOn,
  globals: Globals,
  discord: DiscordOptions,
): Target {
  const parsed = parseUrl(source, rawUrl);
  const detected = detectFormat(parsed);
  // `webhook-url` is generic by definition, but a Slack or Teams URL would refuse the generic body: it gets
  // that platform's format, as it does anywhere a URL is accepted.
  const resolved: TargetFormat =
    format === 'detect' || (format === 'generic' && (detected === 'slack' || detected === 'teams'))
      ? detected
      : format;
  const { url, basicAuth } = finishUrl(source, parsed, resolved, discord.threadId);
  const generic = resolved === 'generic';
  return {
    source,
    url,
    format: resolved,
    on,
    method: 'POST',
    headers: generic ? { ...globals.headers } : {},
    basicAuth,
    timeoutMs: globals.timeoutMs,
    retries: globals.retries,
    secret: generic ? globals.secret : null,
    signature: globals.signature,
    templates: templatesFor(resolved, globals.templates),
  };
}

function listTarget(path: string, entry: unknown, globals: Globals, discord: DiscordOptions): Target {
  if (!isPlainObject(entry)) {
    throw new InputError(
      path,
      kindOf(entry),
      'a map with at least a url (keys: ' + ENTRY_KEYS.join(', ') + ')',
    );
  }
  for (const key of Object.keys(entry)) {
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
      throw new InputError(`${path}.${key}`, key, `unknown key; accepted keys are ${ENTRY_KEYS.join(', ')}`);
    }
  }
  const at = (key: string): string => `${path}.${key}`;
  if (typeof entry.url !== 'string' || entry.url.trim() === '') {
    throw new InputError(at('url'), kindOf(entry.url), 'an http:// or https:// URL (required)', {
      secret: true,
    });
  }
  // The URL parser drops leading and trailing blanks itself.
  const parsed = parseUrl(at('url'), entry.url);
  const format: TargetFormat =
    entry.format == null
      ? detectFormat(parsed)
      : oneOf(at('format'), scalarText(at('format'), entry.format), FORMATS);
  if (entry.on != null && entry['notify-on'] != null) {
    throw new InputError(at('notify-on'), String(entry['notify-on']), 'either on or notify-on, not both');
  }
  const onKey = entry['notify-on'] != null ? 'notify-on' : 'on';
  const onValue = entry[onKey];
  const on: TargetOn =
    onValue == null ? globals.notifyOn : oneOf(at(onKey), scalarText(at(onKey), onValue), ONS);
  const method = entryMethod(at('method'), entry.method, format);
  const { url, basicAuth: urlAuth } = finishUrl(at('url'), parsed, format, discord.threadId);
  const ownHeaders = entry.headers == null ? {} : readHeaders(at('headers'), entry.headers);
  const basicAuth =
    entry['basic-auth'] == null ? urlAuth : readBasicAuth(at('basic-auth'), entry['basic-auth']);
  const secret =
    entry.secret == null
      ? format === 'generic'
        ? globals.secret
        : null
      : readSecret(at('secret'), scalarText(at('secret'), entry.secret, true));
  if (entry.signature != null && secret === null) {
    throw new InputError(
      at('signature'),
      String(entry.signature),
      'a signature needs a secret (key secret or input webhook-secret)',
    );
  }
  return {
    source: path,
    url,
    format,
    on,
    method,
    headers: format === 'generic' ? { ...globals.headers, ...ownHeaders } : ownHeaders,
    basicAuth,
    timeoutMs: entry.timeout == null ? globals.timeoutMs : seconds(at('timeout'), entry.timeout),
    retries: entry.retries == null ? globals.retries : retries(at('retries'), entry.retries),
    secret,
    signature:
      entry.signature == null
        ? globals.signature
        : oneOf(at('signature'), scalarText(at('signature'), entry.signature), SCHEMES),
    templates: entryTemplates(path, entry, format, globals),
  };
}

/** A `webhooks` entry's method: POST by default; what each format's endpoint accepts. */
function entryMethod(name: string, value: unknown, format: TargetFormat): HttpMethod {
  const method: HttpMethod =
    value == null ? 'POST' : oneOf(name, scalarText(name, value).toUpperCase(), METHODS);
  if ((format === 'slack' || format === 'teams') && method !== 'POST') {
    throw new InputError(name, method, `POST for a ${format} target (its webhooks take POST only)`);
  }
  if (format === 'discord' && (method === 'GET' || method === 'DELETE')) {
    throw new InputError(
      name,
      method,
      'POST, PUT or PATCH for a discord target (GET and DELETE send no body)',
    );
  }
  return method;
}

// ---------------------------------------------------------------------------------------------- templates

/** A template file larger than this is refused: a template is a message, not a document. */
const MAX_TEMPLATE_BYTES = 256 * 1024;
const CHAT_FORMATS: readonly TargetFormat[] = ['discord', 'slack', 'teams'];

interface TemplateValues {
  message: string;
  payload: string;
  payloadFile: string;
}

function readGlobalTemplates(input: (name: string) => string, env: Env): TargetTemplates {
  return readTemplates(
    {
      message: input('message-template'),
      payload: input('payload-template'),
      payloadFile: input('payload-template-file'),
    },
    (key) => key,
    workspaceOf(env),
  );
}

function workspaceOf(env: Env): string {
  return env.GITHUB_WORKSPACE && env.GITHUB_WORKSPACE !== '' ? env.GITHUB_WORKSPACE : process.cwd();
}

/** The templates as given: `payload-template` and `payload-template-file` exclude each other. */
function readTemplates(
  values: TemplateValues,
  nameOf: (key: 'message-template' | 'payload-template' | 'payload-template-file') => string,
  workspace: string,
): TargetTemplates {
  if (values.payload !== '' && values.payloadFile !== '') {
    throw new InputError(
      nameOf('payload-template-file'),
      values.payloadFile,
      `either ${nameOf('payload-template')} or ${nameOf('payload-template-file')}, not both`,
    );
  }
  let payload: string | null = values.payload === '' ? null : values.payload;
  let payloadSource = payload === null ? null : nameOf('payload-template');
  let payloadFile: string | null = null;
  if (values.payloadFile !== '') {
    payload = readTemplateFile(nameOf('payload-template-file'), values.payloadFile, workspace);
    payloadSource = nameOf('payload-template-file');
    payloadFile = values.payloadFile;
  }
  return {
    message: values.message === '' ? null : values.message,
    messageSource: values.message === '' ? null : nameOf('message-template'),
    payload,
    payloadSource,
    ...(payloadFile !== null ? { payloadFile } : {}),
  };
}

/**
 * A template file: a regular file whose real path (links resolved, in every folder on the way) is inside the
 * real workspace, at most MAX_TEMPLATE_BYTES, UTF-8 text. It is read through the one descriptor it was checked
 * on, and bounded by the bytes read: a /proc file says it has 0 bytes. Errors show the path, never the text.
 */
function readTemplateFile(name: string, file: string, workspace: string): string {
  const refuse = (accepted: string): InputError => new InputError(name, file, accepted);
  const full = path.resolve(workspace, file);
  if (!inside(workspace, full)) throw refuse(`a file inside the workspace (${workspace})`);
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    throw refuse(`a file that exists in the workspace (${workspace})`);
  }
  let realWorkspace: string;
  try {
    realWorkspace = realpathSync(workspace);
  } catch {
    throw refuse(`a file inside the workspace (${workspace}), which does not exist`);
  }
  if (!inside(realWorkspace, real))
    throw refuse(`a file inside the workspace (${workspace}); it leads outside it`);
  let fd: number;
  try {
    // Non-blocking: opening a FIFO must not wait for a writer. No link is followed any more.
    fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    throw refuse(`a file that can be read in the workspace (${workspace})`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw refuse('a file (this is not a regular file)');
    const bytes = readBounded(fd, MAX_TEMPLATE_BYTES + 1);
    if (bytes.length > MAX_TEMPLATE_BYTES) {
      throw refuse(`a file of at most ${MAX_TEMPLATE_BYTES / 1024} KiB (it has more)`);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw refuse('UTF-8 text (the file holds bytes that are not UTF-8)');
    }
  } finally {
    closeSync(fd);
  }
}

/** Whether `full` is below `dir` (not `dir` itself). */
function inside(dir: string, full: string): boolean {
  const rel = path.relative(dir, full);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** At most `max` bytes from `fd`, read until the end or the bound. */
function readBounded(fd: number, max: number): Buffer {
  const buf = Buffer.alloc(max);
  let used = 0;
  // Each read either advances or ends the loop (0 bytes: end of file).
  while (used < max) {
    const n = readSync(fd, buf, used, max - used, null);
    if (n === 0) break;
    used += n;
  }
  return buf.subarray(0, used);
}

/** What a target takes of the global templates: the message line for chat formats, the body for generic ones. */
function templatesFor(format: TargetFormat, globals: TargetTemplates): TargetTemplates {
  return format === 'generic'
    ? {
        message: null,
        messageSource: null,
        payload: globals.payload,
        payloadSource: globals.payloadSource,
        ...(globals.payloadFile ? { payloadFile: globals.payloadFile } : {}),
      }
    : { message: globals.message, messageSource: globals.messageSource, payload: null, payloadSource: null };
}

/** A `webhooks` entry's own templates, over the global ones; each only where its format uses it. */
function entryTemplates(
  at: string,
  entry: Record<string, unknown>,
  format: TargetFormat,
  globals: Globals,
): TargetTemplates {
  const text = (key: string): string => (entry[key] == null ? '' : scalarText(`${at}.${key}`, entry[key]));
  const own = readTemplates(
    {
      message: text('message-template'),
      payload: text('payload-template'),
      payloadFile: text('payload-template-file'),
    },
    (key) => `${at}.${key}`,
    globals.workspace,
  );
  const chat = CHAT_FORMATS.includes(format);
  if (own.payload !== null && chat) {
    throw new InputError(
      own.payloadSource as string,
      '(a template)',
      `a whole-body template is for generic targets; a ${format} target takes message-template`,
    );
  }
  if (own.message !== null && !chat) {
    throw new InputError(
      own.messageSource as string,
      '(a template)',
      'message-template is for discord, slack and teams targets; a generic target takes payload-template',
    );
  }
  const inherited = templatesFor(format, globals.templates);
  const merged: TargetTemplates = {
    message: own.message ?? inherited.message,
    messageSource: own.messageSource ?? inherited.messageSource,
    payload: own.payload ?? inherited.payload,
    payloadSource: own.payloadSource ?? inherited.payloadSource,
  };
  const file = own.payload !== null ? own.payloadFile : inherited.payloadFile;
  return file ? { ...merged, payloadFile: file } : merged;
}

function parseUrl(name: string, raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InputError(name, raw, 'an http:// or https:// URL', { secret: true });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new InputError(name, raw, `an http:// or https:// URL, not ${u.protocol}//`, { secret: true });
  }
  return u;
}

function detectFormat(u: URL): TargetFormat {
  if (isDiscordHost(u.hostname)) return 'discord';
  if (isSlackHost(u.hostname)) return 'slack';
  if (isTeamsUrl(u)) return 'teams';
  return 'generic';
}

/** Moves `user:pass@` out of the URL into basic auth (undici will not send it) and applies Discord's form. */
function finishUrl(
  name: string,
  u: URL,
  format: TargetFormat,
  threadId: string | null,
): { url: string; basicAuth: Target['basicAuth'] } {
  let basicAuth: Target['basicAuth'] = null;
  if (u.username || u.password) {
    basicAuth = { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
    registerCredential(basicAuth.password);
    u.username = '';
    u.password = '';
  }
  let url = u.toString();
  if (format === 'discord') {
    try {
      url = normalizeDiscordUrl(url, threadId);
    } catch (err) {
      throw new InputError(name, url, (err as Error).message, { secret: true });
    }
  }
  registerTargetUrl(url, format === 'teams');
  if (basicAuth) registerSecret(basicToken(basicAuth));
  return { url, basicAuth };
}

function basicToken(auth: { username: string; password: string }): string {
  return Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
}

function dedupe(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.url}\n${t.format}\n${t.on}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------- values

/**
 * Inputs parsed as YAML (or JSON): with one set, resolveNotifySettings needs loadYamlParser()
 * (src/notify/yaml-parser.ts) to have run; loadNotifySettings sees to it.
 */
export const YAML_INPUTS = ['webhooks', 'webhook-headers'] as const;

function parseStructured(name: string, text: string, accepted: string): unknown {
  const yaml = yamlParser();
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { uniqueKeys: true, prettyErrors: false, lineCounter });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    // Only the first line: a yaml message may continue with the offending source, which may hold a secret.
    const first = problem.message.split('\n')[0] as string;
    const { line, col } = lineCounter.linePos(problem.pos[0]);
    throw new InputError(
      name,
      text,
      `${accepted}; it does not parse at line ${line}, column ${col}: ${scrub(first)}`,
      { secret: true },
    );
  }
  // yaml's default maxAliasCount (100) refuses an alias bomb.
  return doc.toJS();
}

function readHeaders(name: string, value: unknown): Record<string, string> {
  if (!isPlainObject(value)) {
    throw new InputError(
      name,
      kindOf(value),
      'a map of header names to values, e.g. {Authorization: "Bearer …"}',
    );
  }
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) {
    const at = `${name}.${key}`;
    if (!HEADER_NAME.test(key)) throw new InputError(at, key, 'a valid HTTP header name');
    if (RESERVED_HEADERS.has(key.toLowerCase())) {
      throw new InputError(
        at,
        key,
        'a header the HTTP client does not set itself (host, content-length and the like are not allowed)',
      );
    }
    if (!isScalar(raw)) throw new InputError(at, kindOf(raw), 'a string value', { secret: true });
    const text = String(raw);
    if (/[\r\n\0]/.test(text)) throw new InputError(at, text, 'a single-line value', { secret: true });
    out[key.toLowerCase()] = text;
  }
  return out;
}

function readBasicAuth(name: string, value: unknown): { username: string; password: string } {
  let username: string;
  let password: string;
  if (typeof value === 'string') {
    const colon = value.indexOf(':');
    if (colon <= 0)
      throw new InputError(name, value, '"user:password" or {username, password}', { secret: true });
    username = value.slice(0, colon);
    password = value.slice(colon + 1);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      if (key !== 'username' && key !== 'password') {
        throw new InputError(`${name}.${key}`, key, 'unknown key; accepted keys are username, password');
      }
    }
    if (!isScalar(value.username) || String(value.username) === '') {
      throw new InputError(`${name}.username`, kindOf(value.username), 'a non-empty user name');
    }
    username = String(value.username);
    password = value.password == null ? '' : scalarText(`${name}.password`, value.password, true);
  } else {
    throw new InputError(name, kindOf(value), '"user:password" or {username, password}');
  }
  if (username.includes(':')) throw new InputError(`${name}.username`, username, 'a user name without ":"');
  // The password itself was registered with the entry's other secrets (registerEntrySecrets).
  const auth = { username, password };
  registerSecret(basicToken(auth));
  return auth;
}

function readSecret(name: string, value: string): string | null {
  if (!value) return null;
  if (value.startsWith('whsec_') && !isBase64(value.slice('whsec_'.length))) {
    throw new InputError(
      name,
      value,
      'a whsec_ secret must be base64 after the prefix (or use a raw secret)',
      {
        secret: true,
      },
    );
  }
  return value;
}

function readDiscordOptions(input: (name: string) => string): DiscordOptions {
  const username = input('discord-username') || null;
  if (username !== null) {
    if (username.length > 80) throw new InputError('discord-username', username, '1 to 80 characters');
    if (/clyde|discord/i.test(username)) {
      throw new InputError(
        'discord-username',
        username,
        'a name without "clyde" or "discord" (Discord rejects those)',
      );
    }
  }
  const avatarUrl = input('discord-avatar-url') || null;
  if (avatarUrl !== null) parseUrl('discord-avatar-url', avatarUrl);
  const threadId = input('discord-thread-id') || null;
  if (threadId !== null && !/^\d{1,20}$/.test(threadId)) {
    throw new InputError('discord-thread-id', threadId, 'a numeric Discord thread id (snowflake)');
  }
  const threadName = input('discord-thread-name') || null;
  if (threadName !== null && threadName.length > 100) {
    throw new InputError('discord-thread-name', threadName, '1 to 100 characters');
  }
  return {
    username,
    avatarUrl,
    threadId,
    threadName,
    attachLog: oneOf('discord-attach-log', input('discord-attach-log') || 'failure', ATTACH_LOG),
    style: oneOf('discord-style', input('discord-style') || 'compact', STYLES),
    mentionOnFailure: readMentions(input('discord-mention-on-failure')),
    live: boolean('discord-live', input('discord-live'), false),
    liveIntervalMs: readLiveInterval(input('discord-live-interval')),
  };
}

/** At most this many user and this many role ids (Discord's allowed_mentions limit per list). */
const MAX_MENTIONS = 100;

/**
 * `discord-mention-on-failure`: `<@user-id>` (or `<@!user-id>`) and `<@&role-id>`, separated by spaces, commas
 * or lines. Plain ids are refused: a user id and a role id look the same.
 */
export function readMentions(text: string): { users: string[]; roles: string[] } {
  const users: string[] = [];
  const roles: string[] = [];
  for (const word of text.split(/[\s,]+/).filter((w) => w !== '')) {
    const m = /^<@(!|&)?([1-9]\d{0,19})>$/.exec(word);
    if (!m) {
      throw new InputError(
        'discord-mention-on-failure',
        word,
        'user mentions <@user-id> and role mentions <@&role-id>, separated by spaces or commas (e.g. "<@80351110224678912> <@&165511591545143296>"); ids are Discord snowflakes: digits, not starting with 0',
      );
    }
    const list = m[1] === '&' ? roles : users;
    const id = m[2] as string;
    if (!list.includes(id)) list.push(id);
  }
  if (users.length > MAX_MENTIONS || roles.length > MAX_MENTIONS) {
    throw new InputError(
      'discord-mention-on-failure',
      `${users.length} users, ${roles.length} roles`,
      `at most ${MAX_MENTIONS} users and ${MAX_MENTIONS} roles (Discord's limit)`,
    );
  }
  checkMentionLine(users, roles);
  return { users, roles };
}

/** The mention line (users, then roles, as the message puts them) must fit: none is silently dropped. */
function checkMentionLine(users: readonly string[], roles: readonly string[]): void {
  const tokens = [...users.map((id) => `<@${id}>`), ...roles.map((id) => `<@&${id}>`)];
  const length = tokens.join(' ').length;
  if (length <= MENTION_LINE_MAX) return;
  let fit = 0;
  for (
    let used = -1;
    fit < tokens.length && used + 1 + (tokens[fit] as string).length <= MENTION_LINE_MAX;
    fit++
  ) {
    used += 1 + (tokens[fit] as string).length;
  }
  throw new InputError(
    'discord-mention-on-failure',
    `${tokens.length} mentions`,
    `${tokens.length} mentions take ${length} characters, more than the ${MENTION_LINE_MAX} of the mention line: ${fit} of these fit (ping a role instead of many users)`,
  );
}

function readLiveInterval(text: string): number {
  if (text === '') return LIVE_INTERVAL.defaultSeconds * 1000;
  const n = numeric(text);
  if (!(n >= LIVE_INTERVAL.minSeconds && n <= LIVE_INTERVAL.maxSeconds)) {
    throw new InputError(
      'discord-live-interval',
      text,
      `seconds from ${LIVE_INTERVAL.minSeconds} to ${LIVE_INTERVAL.maxSeconds} (default ${LIVE_INTERVAL.defaultSeconds})`,
    );
  }
  return Math.round(n * 1000);
}

function readDeadline(value: string): number {
  if (!value) return NOTIFY_DEFAULTS.deadlineMs;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 3600) {
    throw new InputError(`env ${DEADLINE_ENV}`, value, 'seconds, more than 0 and at most 3600');
  }
  return Math.round(n * 1000);
}

function seconds(name: string, value: unknown): number {
  const n = numeric(value);
  if (!(n >= 0.5 && n <= 120)) {
    throw new InputError(name, String(value), 'seconds from 0.5 to 120');
  }
  return Math.round(n * 1000);
}

function retries(name: string, value: unknown): number {
  const n = numeric(value);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new InputError(name, String(value), 'a whole number from 0 to 10');
  }
  return n;
}

/** A number given as a number or as decimal text; NaN for anything else, which every range check refuses. */
function numeric(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return Number.NaN;
}

function boolean(name: string, value: string, fallback: boolean): boolean {
  return parseBoolean(name, value, fallback);
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const v = value.trim();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new InputError(name, v, `one of ${allowed.join(', ')}`);
}

function scalarText(name: string, value: unknown, secret = false): string {
  if (!isScalar(value)) throw new InputError(name, kindOf(value), 'a single value', { secret });
  return String(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a wrongly-typed value, for messages (never the value itself). */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return '(missing)';
  if (Array.isArray(value)) return '(a list)';
  if (typeof value === 'object') return '(a map)';
  return `(a ${typeof value})`;
}
