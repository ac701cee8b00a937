import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileTermRules, type CompiledTermRules } from './compile-rules.js';
import { parseTermRules, TermRulesError } from './term-rules.js';

// Reading a MODERATION_TERMS_FILE from disk, for the server at start-up and the CLIs.

export class TermsFileError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'TermsFileError';
  }
}

/** Parses and compiles a terms file; errors name the file and, for bad rules, the line. */
export function loadTermRulesFile(location: string | URL): CompiledTermRules {
  const file = location instanceof URL ? fileURLToPath(location) : location;
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new TermsFileError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return compileTermRules(parseTermRules(source));
  } catch (error) {
    if (error instanceof TermRulesError) throw new TermsFileError(file, error.message);
    throw error;
  }
}

/** The repository's example rules and evasion corpus. */
export const CORPUS_TERMS_FILE = new URL('./corpus/terms.tsv', import.meta.url);
export const CORPUS_FILE = new URL('./corpus/evasion-corpus.jsonl', import.meta.url);
