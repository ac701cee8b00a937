import fs from 'node:fs';
import path from 'node:path';
import { parseTermRules, type TermRule, TermRulesError } from '../modules/moderation/screening/term-rules.js';
import { ConfigError, type Env, int, oneOf, parseJson } from './env-values.js';
import { DEFAULT_POLICY, type ModerationPolicy, PolicyError, parseModerationPolicy } from './moderation-policy.js';
import { repoRoot } from './repo-root.js';

// The trust-and-safety part of the config: the policy file, the term rules
// (both read and checked at start), the image classifier and the flood limits.

export interface ModerationConfig {
  /** The rulebooks (MODERATION_POLICY_FILE, else the built-in default). */
  policy: ModerationPolicy;
  /** A request header a trusted proxy or CDN sets to the visitor's country (e.g. cf-ipcountry), lower case; null trusts none. */
  regionHeader: string | null;
  /** The term rules (MODERATION_TERMS_FILE), parsed and checked at start; null: no term screening. */
  termRules: { file: string; rules: TermRule[] } | null;
  /** @mentions allowed in one note or comment. */
  maxMentions: number;
  /** Accounts younger than this are new: their posts with links or many mentions wait for review. */
  newAccountHours: number;
  /** When no moderator acted for this many days, sign-ups need approval; 0 turns it off. */
  approvalAfterIdleDays: number;
  /** More notes and comments than this from one account in ten minutes wait for review. */
  burstPosts: number;
  /** The image classifier (MODERATION_IMAGE_CLASSIFIER); null: images are not classified. */
  imageClassifier: { kind: 'google-vision'; apiKey: string; baseUrl: string; timeoutMs: number } | null;
}

export function moderationConfig(env: Env): ModerationConfig {
  const policy = moderationPolicy(env);
  return {
    policy,
    regionHeader: env.REGION_HEADER?.trim().toLowerCase() || null,
    termRules: termRulesFile(env, policy),
    maxMentions: int(env, 'MODERATION_MAX_MENTIONS', 10, 1),
    newAccountHours: int(env, 'MODERATION_NEW_ACCOUNT_HOURS', 24, 0),
    approvalAfterIdleDays: int(env, 'MODERATION_APPROVAL_AFTER_IDLE_DAYS', 0, 0),
    burstPosts: int(env, 'MODERATION_BURST_POSTS', 20, 1),
    imageClassifier: imageClassifier(env),
  };
}

function moderationPolicy(env: Env): ModerationPolicy {
  const file = env.MODERATION_POLICY_FILE;
  if (!file) return DEFAULT_POLICY;
  const resolved = path.resolve(repoRoot, file);
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    throw new ConfigError(`MODERATION_POLICY_FILE: cannot read ${resolved} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return parseModerationPolicy(parseJson(text, 'MODERATION_POLICY_FILE'));
  } catch (error) {
    if (error instanceof PolicyError || error instanceof ConfigError) throw new ConfigError(`MODERATION_POLICY_FILE ${resolved}: ${error.message}`);
    throw error;
  }
}

function imageClassifier(env: Env): ModerationConfig['imageClassifier'] {
  const kind = oneOf(env, 'MODERATION_IMAGE_CLASSIFIER', ['off', 'google-vision'] as const, 'off');
  if (kind === 'off') return null;
  if (!env.GOOGLE_VISION_API_KEY) throw new ConfigError('MODERATION_IMAGE_CLASSIFIER=google-vision needs GOOGLE_VISION_API_KEY');
  return {
    kind,
    apiKey: env.GOOGLE_VISION_API_KEY,
    baseUrl: (env.GOOGLE_VISION_API_URL || 'https://vision.googleapis.com').replace(/\/+$/, ''),
    timeoutMs: int(env, 'MODERATION_IMAGE_CLASSIFIER_TIMEOUT_MS', 10_000, 1),
  };
}

function termRulesFile(env: Env, policy: ModerationPolicy): { file: string; rules: TermRule[] } | null {
  const file = env.MODERATION_TERMS_FILE;
  if (!file) return null;
  const resolved = path.resolve(repoRoot, file);
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    throw new ConfigError(`MODERATION_TERMS_FILE: cannot read ${resolved} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let rules: TermRule[];
  try {
    rules = parseTermRules(text);
  } catch (error) {
    if (error instanceof TermRulesError) throw new ConfigError(`MODERATION_TERMS_FILE ${resolved}: ${error.message}`);
    throw error;
  }
  // A rule's label and rulebooks must mean something under the policy, or it would label in vain.
  for (const rule of rules) {
    if (!policy.labels.includes(rule.label)) {
      throw new ConfigError(
        `MODERATION_TERMS_FILE ${resolved}: line ${rule.line}: label "${rule.label}" is not in the policy (add it to "labels" in MODERATION_POLICY_FILE)`,
      );
    }
    const unknown = rule.regions.find((name) => !policy.rulebooks[name]);
    if (unknown) throw new ConfigError(`MODERATION_TERMS_FILE ${resolved}: line ${rule.line}: there is no rulebook "${unknown}"`);
  }
  return { file: resolved, rules };
}
