// The header: what the tool prints before its first log line (its `Namespace(...)` dump, the environment box,
// the command line, and argparse's or Python's errors when it never got to build).

import { LIMITS, type ConsoleEnvironment, type ToolArgs } from './types.js';
import type { ParseState } from './state.js';
import { capText, EXCEPTION_RE } from './text.js';

type Namespace = Record<string, string | string[] | boolean | null>;

/** Python-repr values of the Namespace dump: strings, lists of strings, True/False/None, numbers. */
export function parseNamespace(line: string): Namespace | null {
  const start = line.indexOf('Namespace(');
  if (start < 0) return null;
  const out: Namespace = {};
  const rd = new ReprReader(line, start + 'Namespace('.length);
  // Each key moves the cursor past its `=`, so this ends.
  while (rd.i < line.length) {
    rd.skipSeparators();
    if (line[rd.i] === ')') break;
    const eq = line.indexOf('=', rd.i);
    if (eq < 0) break;
    const key = line.slice(rd.i, eq).trim();
    rd.i = eq + 1;
    out[key] = rd.readValue();
  }
  return out;
}

/** A cursor over Python reprs (the header is read once, so clarity wins over speed here). */
class ReprReader {
  readonly line: string;
  i: number;

  constructor(line: string, i: number) {
    this.line = line;
    this.i = i;
  }

  skipSeparators(): void {
    while (this.line[this.i] === ' ' || this.line[this.i] === ',') this.i++;
  }

  readValue(): string | string[] | boolean | null {
    const c = this.line[this.i];
    if (c === "'" || c === '"') return this.readString();
    if (c === '[') return this.readList();
    if (c === '{') {
      // build_args may already be a dict in some versions; it is not needed, so skip it balanced.
      this.skipDict();
      return null;
    }
    const atom = this.readAtom();
    return atom === 'True' ? true : atom === 'False' ? false : atom === 'None' ? null : atom;
  }

  private readString(): string {
    const { line } = this;
    const n = line.length;
    const quote = line[this.i];
    this.i++;
    let s = '';
    while (this.i < n && line[this.i] !== quote) {
      if (line[this.i] === '\\' && this.i + 1 < n) {
        this.i++;
        const c = line[this.i] as string;
        s += c === 'n' ? '\n' : c === 't' ? '\t' : c;
      } else {
        s += line[this.i];
      }
      this.i++;
    }
    this.i++;
    return s;
  }

  private readAtom(): string {
    const { line } = this;
    const from = this.i;
    while (this.i < line.length && line[this.i] !== ',' && line[this.i] !== ')' && line[this.i] !== ']')
      this.i++;
    return line.slice(from, this.i).trim();
  }

  private readList(): string[] {
    const { line } = this;
    this.i++;
    const items: string[] = [];
    while (this.i < line.length && line[this.i] !== ']') {
      this.skipSeparators();
      if (line[this.i] === "'" || line[this.i] === '"') {
        items.push(this.readString());
        continue;
      }
      const from = this.i;
      const atom = this.readAtom();
      // At `]`, `)` or the end nothing was read: the list is over.
      if (this.i === from) break;
      items.push(atom);
    }
    this.i++;
    return items;
  }

  private skipDict(): void {
    const { line } = this;
    let depth = 0;
    while (this.i < line.length) {
      if (line[this.i] === '{') depth++;
      else if (line[this.i] === '}' && --depth === 0) {
        this.i++;
        break;
      }
      this.i++;
    }
  }
}

function toolArgsFrom(ns: Namespace): ToolArgs {
  const str = (k: string): string | null => {
    const v = ns[k];
    return typeof v === 'string' ? v : null;
  };
  const bool = (k: string): boolean | null => {
    const v = ns[k];
    return typeof v === 'boolean' ? v : null;
  };
  const list = (k: string): string[] | null => {
    const v = ns[k];
    if (Array.isArray(v)) return v.filter((s) => s.length > 0);
    if (typeof v === 'string') return v.length > 0 ? v.split(/[,;:]/).filter((s) => s.length > 0) : [];
    return null;
  };
  return {
    packages: Array.isArray(ns.packages) ? ns.packages : null,
    name: str('name'),
    base: str('base'),
    multiple: bool('multiple'),
    skipErrors: bool('skip_errors'),
    skipTests: list('skip_tests'),
    push: str('push'),
    logDir: str('log_dir'),
    simulate: bool('simulate'),
  };
}

export function handleHeaderLine(s: ParseState, line: string): void {
  const trimmed = line.trim();
  if (trimmed.length === 0) return;
  if (trimmed.startsWith('Namespace(')) {
    // (Never null here: the line starts with `Namespace(`.)
    const args = toolArgsFrom(parseNamespace(trimmed) as Namespace);
    s.r.args = args;
    // `--multiple` with no package builds every package upstream has.
    s.budget.add(args.packages ?? [], args.multiple === true && args.packages?.length === 0);
    return;
  }
  if (
    /L4T_VERSION|JETPACK_VERSION|CUDA_VERSION|PYTHON_VERSION|SYSTEM_ARCH|LSB_RELEASE|CUDA_ARCH/.test(trimmed)
  ) {
    const re =
      /\b(L4T_VERSION|JETPACK_VERSION|CUDA_VERSION|PYTHON_VERSION|SYSTEM_ARCH|LSB_RELEASE|CUDA_ARCH)\s+([^\s│|]+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(trimmed)) !== null) {
      s.r.environment[m[1] as keyof ConsoleEnvironment] = m[2] as string;
    }
    return;
  }
  if (trimmed.startsWith('$ jetson-containers')) {
    s.r.commandLine = capText(trimmed.slice(2), LIMITS.errorChars);
    return;
  }
  if (/^usage: /.test(trimmed) || (s.r.usage.length > 0 && s.r.usageError === null)) {
    if (s.r.usage.length < LIMITS.usageLines) s.r.usage.push(capText(line.trimEnd(), 300));
  }
  const argErr = /^(?:\S+: )?error: (.*)$/.exec(trimmed);
  if (argErr && s.r.usage.length > 0) {
    s.r.usageError = capText(`error: ${argErr[1] as string}`, LIMITS.errorChars);
    return;
  }
  if (trimmed.startsWith('Traceback (most recent call last)')) {
    s.inTraceback = true;
    return;
  }
  if (s.inTraceback && !/^\s/.test(line) && EXCEPTION_RE.test(trimmed)) {
    s.r.startupError = capText(trimmed, LIMITS.errorChars);
  }
}
