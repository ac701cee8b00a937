import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import yazl from 'yazl';
import type { PrivacyRightsConfig } from '../../config/privacy-rights-config.js';
import type { Db } from '../../db/database.js';
import type { DataExportRow } from '../../db/tables/data-exports.js';
import { AppError, forbidden, notFound, tooManyRequests } from '../../lib/errors.js';
import { hmac, randomToken, sameBytes } from '../../lib/tokens.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Viewer } from '../accounts/sessions-service.js';
import type { MediaStorage } from '../media/media-storage.js';
import { recordStaffAccess } from './staff-access.js';
import { renderExportIndex } from './export-html.js';
import type { UserRow } from '../../db/tables/users.js';
import { loadExportData } from './export-queries.js';

// Download my data: a request makes a row and a job in one transaction; the
// job streams a zip to DATA_DIR/exports (entries are read one at a time, the
// zip is never in memory) and writes its progress; one signed link downloads
// it until it expires, then a periodic sweep deletes file and row.

const HOUR_MS = 60 * 60 * 1000;

export interface ExportView {
  id: string;
  state: DataExportRow['state'];
  progress: number;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string;
  sizeBytes: number | null;
  /** The signed link, once the zip is ready and until it expires. */
  downloadUrl: string | null;
  /** When the next export may be asked for. */
  nextAllowedAt: string;
}

export const exportGone = () => new AppError(410, 'export_expired', 'This download link has expired. Ask for a new export in settings.');
const badSignature = () => new AppError(403, 'export_link_invalid', 'This download link is not valid.');

export class ExportService {
  constructor(
    private readonly deps: {
      db: Db;
      storage: MediaStorage;
      jobs: JobQueue;
      config: PrivacyRightsConfig & { exportsDir: string };
      secretKey: string;
      ownPhone: (user: UserRow) => Promise<string | null>;
    },
  ) {}

  private signature(id: string, expires: number): Buffer {
    return hmac(this.deps.secretKey, `data-export:${id}:${expires}`);
  }

  downloadUrl(row: Pick<DataExportRow, 'id' | 'expires_at'>): string {
    const expires = Math.floor(row.expires_at.getTime() / 1000);
    return `/api/exports/${row.id}/download?expires=${expires}&signature=${this.signature(row.id, expires).toString('base64url')}`;
  }

  private view(row: DataExportRow, now: Date): ExportView {
    const live = row.state === 'ready' && row.expires_at > now;
    return {
      id: row.id,
      state: row.state,
      progress: row.progress,
      createdAt: row.created_at.toISOString(),
      finishedAt: row.finished_at?.toISOString() ?? null,
      expiresAt: row.expires_at.toISOString(),
      sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
      downloadUrl: live ? this.downloadUrl(row) : null,
      nextAllowedAt: new Date(row.created_at.getTime() + this.deps.config.exportEveryHours * HOUR_MS).toISOString(),
    };
  }

  /** The person's latest export, or null. */
  async latest(userId: string, now: Date): Promise<ExportView | null> {
    const row = await this.deps.db
      .selectFrom('data_exports')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? this.view(row, now) : null;
  }

  /**
   * An administrator opens a person's finished export (a lawful request, a
   * dispute about their data): only for a stated reason, logged in the same
   * transaction before the link is handed out, and shown to the person in
   * their privacy centre. Staff cannot start one: the person decides that.
   */
  async openForStaff(staff: Viewer, input: { userId: string; reason: string; now: Date }): Promise<ExportView> {
    if (staff.user.role !== 'admin') throw forbidden('Only administrators can open a data export.');
    return this.deps.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('data_exports')
        .selectAll()
        .where('user_id', '=', input.userId)
        .where('state', '=', 'ready')
        .where('expires_at', '>', input.now)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) throw notFound('export_not_found', 'This person has no finished export to open.');
      await recordStaffAccess(trx, { staffId: staff.user.id, subjectId: input.userId, kind: 'export_opened', reason: input.reason, now: input.now });
      return this.view(row, input.now);
    });
  }

  /** Starts an export: one per `exportEveryHours` per person (429 with Retry-After otherwise). */
  async request(userId: string, now: Date): Promise<ExportView> {
    const { db, jobs, config } = this.deps;
    const row = await db.transaction().execute(async (trx) => {
      // Two taps at once make one export, not two.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`data-export:${userId}`}, 0))`.execute(trx);
      const last = await trx
        .selectFrom('data_exports')
        .select('created_at')
        .where('user_id', '=', userId)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const nextAt = last ? last.created_at.getTime() + config.exportEveryHours * HOUR_MS : 0;
      if (nextAt > now.getTime()) {
        throw tooManyRequests('export_too_soon', 'You can download your data once a day. Try again later.', Math.ceil((nextAt - now.getTime()) / 1000));
      }
      const inserted = await trx
        .insertInto('data_exports')
        .values({ user_id: userId, created_at: now, expires_at: new Date(now.getTime() + config.exportTtlDays * 24 * HOUR_MS) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await jobs.send(trx, { type: 'build-export', payload: { exportId: inserted.id } });
      return inserted;
    });
    return this.view(row, now);
  }

  private async setProgress(id: string, progress: number): Promise<void> {
    await this.deps.db
      .updateTable('data_exports')
      .set({ progress: Math.max(0, Math.min(100, Math.round(progress))) })
      .where('id', '=', id)
      .execute();
  }

  /** The job: builds the zip. A retry starts over (the half-written file is replaced). */
  async build(exportId: string, now: Date): Promise<void> {
    const { db, storage, config } = this.deps;
    const row = await db.selectFrom('data_exports').selectAll().where('id', '=', exportId).executeTakeFirst();
    if (!row || row.state === 'ready') return;
    await db.updateTable('data_exports').set({ state: 'building', progress: 1 }).where('id', '=', exportId).execute();
    try {
      const data = await loadExportData(db, row.user_id, this.deps.ownPhone);
      await this.setProgress(exportId, 10);
      await fsp.mkdir(config.exportsDir, { recursive: true });
      const file = path.join(config.exportsDir, `${exportId}-${randomToken(12)}.zip`);
      const zip = new yazl.ZipFile();
      const sectionFiles = Object.keys(data.sections).map((name) => `${name}.json`);
      for (const [name, content] of Object.entries(data.sections)) zip.addBuffer(Buffer.from(`${JSON.stringify(content, null, 2)}\n`), `${name}.json`);
      zip.addBuffer(Buffer.from(renderExportIndex(data, sectionFiles, now)), 'index.html');
      // Media are read lazily, one at a time, as the zip reaches them; each read moves the bar.
      let done = 0;
      let reported = 10;
      const total = data.media.length;
      for (const item of data.media) {
        zip.addReadStreamLazy(item.path, { compress: false }, (callback) => {
          storage
            .get(item.key)
            .then(async (bytes) => {
              done += 1;
              const progress = 10 + (done / total) * 85;
              if (progress - reported >= 5) {
                reported = progress;
                await this.setProgress(exportId, progress);
              }
              callback(null, Readable.from([bytes]));
            })
            // A media file that vanished (deleted meanwhile) leaves a note in the zip instead of failing the export.
            .catch(() => callback(null, Readable.from([Buffer.from('This file was no longer stored when the export was made.\n')])));
        });
      }
      zip.end();
      await pipeline(zip.outputStream, fs.createWriteStream(file));
      const { size } = await fsp.stat(file);
      const updated = await db
        .updateTable('data_exports')
        .set({ state: 'ready', progress: 100, storage_key: path.basename(file), size_bytes: size, finished_at: now })
        .where('id', '=', exportId)
        .returning('storage_key')
        .executeTakeFirst();
      if (row.storage_key && row.storage_key !== updated?.storage_key) await this.removeFile(row.storage_key);
      // The person was erased meanwhile: nothing may stay.
      if (!updated) await this.removeFile(path.basename(file));
    } catch (error) {
      await db.updateTable('data_exports').set({ state: 'failed' }).where('id', '=', exportId).execute();
      throw error;
    }
  }

  private async removeFile(name: string): Promise<void> {
    await fsp.rm(path.join(this.deps.config.exportsDir, path.basename(name)), { force: true });
  }

  /** The zip behind a signed link: 403 for a wrong signature, 410 once expired or gone. */
  async open(input: { id: string; expires: number; signature: string }, now: Date): Promise<{ stream: fs.ReadStream; size: number; fileName: string }> {
    const expected = this.signature(input.id, input.expires);
    if (!sameBytes(Buffer.from(input.signature, 'base64url'), expected)) throw badSignature();
    if (input.expires * 1000 <= now.getTime()) throw exportGone();
    const row = await this.deps.db.selectFrom('data_exports').selectAll().where('id', '=', input.id).executeTakeFirst();
    const key = row?.state === 'ready' && row.expires_at > now ? row.storage_key : null;
    if (!row || !key) throw exportGone();
    const file = path.join(this.deps.config.exportsDir, path.basename(key));
    const stat = await fsp.stat(file).catch(() => null);
    if (!stat) throw exportGone();
    return { stream: fs.createReadStream(file), size: stat.size, fileName: `qiao-data-${row.created_at.toISOString().slice(0, 10)}.zip` };
  }

  /** Periodic: exports past their expiry lose file and row. */
  async purgeExpired(now: Date): Promise<number> {
    const rows = await this.deps.db.deleteFrom('data_exports').where('expires_at', '<=', now).returning('storage_key').execute();
    for (const row of rows) if (row.storage_key) await this.removeFile(row.storage_key);
    return rows.length;
  }

  /** Erasure: every export of the person, files first. */
  async removeAllOf(userId: string): Promise<void> {
    const rows = await this.deps.db.deleteFrom('data_exports').where('user_id', '=', userId).returning('storage_key').execute();
    for (const row of rows) if (row.storage_key) await this.removeFile(row.storage_key);
  }
}
