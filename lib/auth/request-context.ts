// Who is at the other end of a request: the client's address and browser, as the sign-in
// throttle and the audit trail record them.
//
// The address comes from X-Forwarded-For. `next start` sets that header to the socket's
// address only when the request does not carry one, so a client can send any value: behind
// a reverse proxy that sets the header (nginx: `proxy_set_header X-Forwarded-For
// $proxy_add_x_forwarded_for`), WQ_TRUSTED_PROXIES=<number of proxies> makes the address the
// one the nearest proxy saw. Without a proxy (the default, 0) the first value is used and
// the per-address limits can be dodged by a forged header; the per-account limits cannot.
export type RequestContext = { ip: string | null; userAgent: string | null };

export const NO_REQUEST: RequestContext = { ip: null, userAgent: null };

function trustedHops(): number {
  const n = Number(process.env.WQ_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

const IP_PATTERN = /^[0-9A-Fa-f:.]{2,45}$/;

export function clientIpFrom(headers: Pick<Headers, "get">): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = trustedHops();
  const picked = hops > 0 ? chain[Math.max(0, chain.length - hops)] : chain[0];
  const ip = (picked ?? headers.get("x-real-ip") ?? "").replace(/^::ffff:/, "");
  return IP_PATTERN.test(ip) ? ip : null;
}

export function requestContextFrom(headers: Pick<Headers, "get">): RequestContext {
  const ua = headers.get("user-agent");
  return { ip: clientIpFrom(headers), userAgent: ua ? ua.slice(0, 300) : null };
}

/** The context of the request being served (pages, server actions, route handlers). */
export async function currentRequestContext(): Promise<RequestContext> {
  try {
    const { headers } = await import("next/headers");
    return requestContextFrom(await headers());
  } catch {
    return NO_REQUEST; // outside a request (scripts, tests calling services directly)
  }
}
