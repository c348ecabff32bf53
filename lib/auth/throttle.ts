// Sign-in and registration throttles on rate-limiter-flexible, counted in PostgreSQL (the
// RateLimit table) so every app instance sees the same counts. A guess is counted BEFORE its
// password is checked, in one atomic upsert: a burst of parallel guesses cannot slip past.
//
// Sign-in, three counters:
// - per client and account: 5 guesses in 15 minutes, then that client is refused for that
//   account for 15 minutes (the owner elsewhere is not affected);
// - per client: 50 failed guesses in 15 minutes over any accounts (password spraying);
// - per account over all clients: 20 failed guesses in 15 minutes, then the account is
//   refused to every browser that has not signed into it before — a browser it was used
//   from (a signed device cookie) keeps its own 5 guesses, so nobody can lock the office or
//   a counselor out by guessing at their account from elsewhere. SSO is never throttled here.
// A successful sign-in clears the client-and-account counter and takes its own guess back
// from the other two.
//
// /verify's PDF upload (public, and each check parses and hashes up to the upload limit): a
// few dozen per client and window, counted before the body is read.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { prisma } from "@/lib/db/client";

export const LOGIN_GUESSES_PER_CLIENT_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_CLIENT = 50;
export const LOGIN_FAILURES_PER_ACCOUNT = 20;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const REGISTRATIONS_PER_CLIENT = 5;
export const REGISTRATION_WINDOW_SECONDS = 60 * 60;
export const VERIFY_UPLOADS_PER_CLIENT = 30;
export const VERIFY_WINDOW_SECONDS = 10 * 60;

type Limiter = InstanceType<typeof RateLimiterPrisma>;
let limiters: { clientAccount: Limiter; client: Limiter; account: Limiter; registration: Limiter; verifyUpload: Limiter } | null = null;

function make(keyPrefix: string, points: number, duration: number, blockDuration = duration): Limiter {
  return new RateLimiterPrisma({
    storeClient: prisma,
    tableName: "rateLimit",
    keyPrefix,
    points,
    duration,
    blockDuration,
    // counts live only in the database: every instance sees every guess
    inMemoryBlockOnConsumed: 0,
    // expired rows are cleared by the scheduled jobs (clearExpiredThrottles), not by a
    // timer of the library's own in every process
    clearExpiredByTimeout: false,
  });
}

function all() {
  limiters ??= {
    clientAccount: make("login-ca", LOGIN_GUESSES_PER_CLIENT_ACCOUNT, LOGIN_WINDOW_SECONDS),
    client: make("login-c", LOGIN_FAILURES_PER_CLIENT, LOGIN_WINDOW_SECONDS),
    account: make("login-a", LOGIN_FAILURES_PER_ACCOUNT, LOGIN_WINDOW_SECONDS),
    registration: make("register-c", REGISTRATIONS_PER_CLIENT, REGISTRATION_WINDOW_SECONDS),
    verifyUpload: make("verify-c", VERIFY_UPLOADS_PER_CLIENT, VERIFY_WINDOW_SECONDS),
  };
  return limiters;
}

export type Gate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt against `limiter`; refused when over its points. */
async function take(limiter: Limiter, key: string): Promise<Gate> {
  try {
    await limiter.consume(key, 1);
    return { allowed: true };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
    throw error;
  }
}

function refusedLongest(gates: Gate[]): Gate {
  const refused = gates.filter((g): g is Extract<Gate, { allowed: false }> => !g.allowed);
  if (refused.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((g) => g.retryAfterSeconds)) };
}

const clientKey = (ip: string | null) => ip ?? "unknown";

/**
 * Counts one sign-in guess for (client, account) before the password is looked at.
 * `knownDevice`: this browser signed into this account before (it is exempt from the
 * account-wide counter, not from its own).
 */
export async function admitLoginAttempt(input: { username: string; ip: string | null; knownDevice: boolean }): Promise<Gate> {
  const l = all();
  const ip = clientKey(input.ip);
  // a guess this client may not make is not counted against the account for everyone else
  const own = await take(l.clientAccount, `${ip}|${input.username}`);
  if (!own.allowed) return own;
  const gates = await Promise.all([take(l.client, ip), input.knownDevice ? Promise.resolve<Gate>({ allowed: true }) : take(l.account, input.username)]);
  return refusedLongest(gates);
}

/** A correct password: this client's count for the account is cleared, its guess taken back from the others. */
export async function loginSucceeded(input: { username: string; ip: string | null; knownDevice: boolean }) {
  const l = all();
  const ip = clientKey(input.ip);
  await Promise.all([
    l.clientAccount.delete(`${ip}|${input.username}`),
    l.client.reward(ip, 1),
    input.knownDevice ? Promise.resolve() : l.account.reward(input.username, 1),
  ]);
}

/** Public registration: a few per client and hour. */
export function admitRegistration(ip: string | null): Promise<Gate> {
  return take(all().registration, clientKey(ip));
}

/** /verify's PDF upload: a few dozen checks per client and window. */
export function admitVerifyUpload(ip: string | null): Promise<Gate> {
  return take(all().verifyUpload, clientKey(ip));
}

/** Deletes the counts that expired over an hour ago (a scheduled job: jobs/list.ts). */
export async function clearExpiredThrottles(now = new Date()): Promise<{ cleared: number }> {
  const { count } = await prisma.rateLimit.deleteMany({ where: { expire: { lt: new Date(now.getTime() - 3_600_000) } } });
  return { cleared: count };
}

export function retryText(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
}
