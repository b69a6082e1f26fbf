/**
 * The one way an email address is compared, stored and matched — at registration, sign-in,
 * ADMIN_EMAILS and `npm run admin`. Two spellings that look the same to a person are the same
 * address: Unicode compatibility forms are folded (NFKC: fullwidth "ＯＰＳ" is "OPS"), invisible
 * format characters (zero-width spaces, joiners, BOMs) are dropped, surrounding white space is
 * trimmed, and case is ignored.
 */
export function normalizeEmail(raw: string | undefined | null): string {
  return (raw ?? '').normalize('NFKC').replace(/\p{Cf}/gu, '').trim().toLowerCase();
}
