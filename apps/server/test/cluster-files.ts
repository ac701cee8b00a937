import fs from 'node:fs';
import path from 'node:path';
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import pg from 'pg';
import { inject } from 'vitest';

// What an attacker with a copy of the database server's disk (or a backup of
// it) would see: every file of the cluster, heap, indexes, WAL and logs, read
// as bytes. Tests use it to prove personal data never lands there in the clear.

export interface ClusterHit {
  file: string;
  needle: string;
}

/** The embedded test cluster's directory, or undefined when tests run on an outside server. */
export function clusterDirectory(): string | undefined {
  return inject('clusterDirectory') || undefined;
}

/** Flushes everything to the data files first, so what is only in shared buffers is on disk too. */
export async function checkpoint(): Promise<void> {
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  try {
    await admin.query('checkpoint');
  } finally {
    await admin.end();
  }
}

/** Every place in the cluster's files where one of the needles occurs (UTF-8 and UTF-16). */
export async function searchClusterFiles(needles: readonly string[]): Promise<ClusterHit[]> {
  const directory = clusterDirectory();
  if (!directory) throw new Error('searchClusterFiles needs the embedded test cluster');
  await checkpoint();
  const patterns = needles.flatMap((needle) => [
    { needle, bytes: Buffer.from(needle, 'utf8') },
    { needle, bytes: Buffer.from(needle, 'utf16le') },
  ]);
  const hits: ClusterHit[] = [];
  for (const file of walk(directory)) {
    let content: Buffer;
    try {
      content = fs.readFileSync(file);
    } catch {
      continue; // a temporary file removed while we walked
    }
    for (const { needle, bytes } of patterns) {
      if (content.includes(bytes)) hits.push({ file: path.relative(directory, file), needle });
    }
  }
  return hits;
}

function* walk(directory: string): Generator<string> {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * The ways a phone number gets written down: E.164, digits alone, the
 * national number, and the international and national formats with their
 * spaces and dashes. A leak in any of them is a leak.
 */
export function phoneSpellings(e164: string): string[] {
  const phone = parsePhoneNumberWithError(e164);
  const national = String(phone.nationalNumber);
  const spellings = new Set([
    phone.number,
    phone.number.slice(1),
    national,
    phone.formatInternational(),
    phone.formatNational(),
    phone.formatInternational().replace(/ /g, '-'),
    phone.formatNational().replace(/\D/g, ''),
  ]);
  // Too short a needle would match random bytes; every real spelling has 7+ digits.
  return [...spellings].filter((spelling) => spelling.replace(/\D/g, '').length >= 7);
}
