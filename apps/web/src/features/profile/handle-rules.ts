/** The server's handle rule, mirrored so the form can say "invalid" without a request. */
const HANDLE_PATTERN = /^[A-Za-z0-9_]{3,24}$/;

export function isHandleFormatValid(handle: string): boolean {
  return HANDLE_PATTERN.test(handle) && !/^\d+$/.test(handle);
}

/** What people paste or type: a leading @ and spaces are not part of a handle. */
export function normaliseHandleInput(raw: string): string {
  return raw.trim().replace(/^@+/, '').replace(/\s+/g, '');
}

export function sameHandle(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a.toLowerCase() === b.toLowerCase());
}
