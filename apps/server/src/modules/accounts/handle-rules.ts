// Handles appear in URLs (/u/<handle>) and @mentions, so they stay ASCII-safe;
// display names carry any script.

const HANDLE_PATTERN = /^[A-Za-z0-9_]{3,24}$/;

// Words that would impersonate the service or collide with app routes.
const RESERVED = new Set([
  'admin',
  'administrator',
  'root',
  'system',
  'support',
  'help',
  'official',
  'staff',
  'moderator',
  'mod',
  'security',
  'privacy',
  'qiao',
  'team',
  'api',
  'app',
  'www',
  'mail',
  'me',
  'settings',
  'login',
  'logout',
  'signin',
  'signup',
  'register',
  'explore',
  'search',
  'video',
  'videos',
  'messages',
  'notifications',
  'notes',
  'note',
  'topics',
  'topic',
  'post',
  'new',
  'edit',
  'dev',
  'null',
  'undefined',
  'anonymous',
  'everyone',
  'here',
  'u',
  'user',
  'users',
]);

export type HandleProblem = 'invalid' | 'reserved';

export function handleProblem(handle: string): HandleProblem | null {
  if (!HANDLE_PATTERN.test(handle) || /^[0-9_]+$/.test(handle)) return 'invalid';
  if (RESERVED.has(handle.toLowerCase())) return 'reserved';
  return null;
}
