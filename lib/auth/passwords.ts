// Passwords (server side): the bcrypt cost every hash uses
// (so an unknown account costs the same to check as a wrong password), and the random
// one-time initial passwords handed out by whoever creates or resets an account.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { compare, hash } from "bcryptjs";
import { addDays } from "date-fns";
import { passwordProblem, passwordSchema, PASSWORD_RULE } from "./password-rule";

export { passwordProblem, passwordSchema, PASSWORD_RULE };

/** bcrypt cost of every stored password (and of the dummy hash an unknown account is checked against). */
export const PASSWORD_COST = 10;

/** How long an initial password works before the office has to hand out a new one. */
export const INITIAL_PASSWORD_DAYS = 90;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_COST);
}

// No 0/O, 1/l/I: read aloud or copied from a printout without mistakes.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
const INITIAL_LENGTH = 12; // ~69 bits

/** A random initial password (12 characters, letters and digits). */
export function newInitialPassword(): string {
  for (;;) {
    let out = "";
    for (let i = 0; i < INITIAL_LENGTH; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    if (/[A-Za-z]/.test(out) && /\d/.test(out)) return out;
  }
}

/**
 * A random initial password is a random secret, not something a person chose: a fast hash
 * of it is as safe as bcrypt (nobody can try 2^69 values), and an import of 20,000
 * graduates does not spend 20,000 bcrypt rounds. Sign-in still spends one bcrypt round on
 * such an account, so its timing says nothing (lib/auth/login.ts).
 */
export function initialPasswordDigest(password: string): string {
  return createHash("sha256").update(`wq-initial:${password}`).digest("hex");
}

export function matchesInitialPassword(password: string, digest: string): boolean {
  const a = Buffer.from(initialPasswordDigest(password), "hex");
  const b = Buffer.from(digest, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The User columns of "someone else set a new initial password": the old password stops working. */
export function initialPasswordColumns(password: string, now = new Date()) {
  return {
    passwordHash: null,
    initialPasswordHash: initialPasswordDigest(password),
    initialPasswordExpiresAt: addDays(now, INITIAL_PASSWORD_DAYS),
    mustChangePassword: true,
  };
}

/** A new initial password and the columns that store it. */
export function issueInitialPassword(now = new Date()) {
  const password = newInitialPassword();
  return { password, columns: initialPasswordColumns(password, now) };
}

// bcrypt of a random password at PASSWORD_COST: comparing against it costs what a real
// comparison costs.
const DUMMY_HASH = "$2b$10$131s.KplLg5DEvjIw.QsyujEfSApUqDzL96/uSHR085IDGUHDBze6";

export type PasswordSecrets = {
  passwordHash: string | null;
  initialPasswordHash: string | null;
  initialPasswordExpiresAt: Date | null;
};

/**
 * Whether `password` opens this account (its own password, or else its unexpired initial
 * one). Always exactly one bcrypt comparison at PASSWORD_COST — also for no account at all —
 * so the answer takes the same time whatever it is.
 */
export async function passwordMatches(user: PasswordSecrets | null, password: string, now = new Date()): Promise<boolean> {
  const bcryptOk = await compare(password.slice(0, 200), user?.passwordHash ?? DUMMY_HASH);
  if (!user) return false;
  if (user.passwordHash !== null) return bcryptOk;
  return (
    !!user.initialPasswordHash &&
    !!user.initialPasswordExpiresAt &&
    user.initialPasswordExpiresAt > now &&
    matchesInitialPassword(password, user.initialPasswordHash)
  );
}
