// Solves the server's sign-in challenge (see the server's lib/proof-of-work.ts): find a
// `solution` with sha256(challenge + ":" + solution) starting with `difficulty` zero bits.
// WebCrypto is asynchronous, so the page stays responsive while it works.

function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export async function solveChallenge(challenge: string, difficulty: number, signal?: AbortSignal): Promise<string> {
  const encoder = new TextEncoder();
  for (let i = 0; ; i += 1) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const solution = i.toString(36);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${solution}`)));
    if (leadingZeroBits(digest) >= difficulty) return solution;
  }
}
