// The one public address of 网签: what e-mails link to, what the printed QR code and the
// verification address say. APP_URL (or next-auth's AUTH_URL) when configured — stable, and
// not taken from what a client sends; without it, the origin the current request was sent
// to (Host / X-Forwarded-Host), so a demo on any address still gives working links. In
// production the start-up warns when APP_URL is missing (instrumentation.ts).

/** APP_URL, else AUTH_URL, as an origin without a trailing slash; null when neither is a valid http(s) URL. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const raw of [env.APP_URL, env.AUTH_URL]) {
    if (!raw) continue;
    try {
      const url = new URL(raw);
      if (url.protocol === "http:" || url.protocol === "https:") return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    } catch {
      /* not a URL: try the next one */
    }
  }
  return null;
}

/** The start-up warning of a production server without a configured public address (null: all is well). */
export function publicUrlWarning(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NODE_ENV !== "production" || publicUrl(env)) return null;
  const bad = env.APP_URL ? `（APP_URL=${env.APP_URL} 不是有效的 http(s) 地址）` : "";
  return `[网签] 警告：未设置 APP_URL${bad}。邮件中的办理链接、协议书二维码和验证地址将使用每个请求的 Host，定时任务发出的邮件没有完整链接。生产环境请设置 APP_URL=https://<对外域名>（warning: APP_URL is not set）`;
}

function originFromHeaders(get: (name: string) => string | null | undefined): string | null {
  const host = get("x-forwarded-host")?.split(",")[0]?.trim() || get("host");
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return null;
  const proto = get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

/** The origin a route handler's request was sent to. */
export function requestOrigin(request: Request): string | null {
  return originFromHeaders((name) => request.headers.get(name));
}

/** The configured public URL, else the origin of this request. */
export function publicOriginFor(request: Request): string {
  return publicUrl() ?? requestOrigin(request) ?? new URL(request.url).origin;
}

/**
 * The configured public URL, else the origin of the request being served (server actions,
 * pages), else null (a scheduled job with nothing configured).
 */
export async function currentPublicOrigin(): Promise<string | null> {
  const configured = publicUrl();
  if (configured) return configured;
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    return originFromHeaders((name) => h.get(name));
  } catch {
    return null; // outside a request: a job, a script, a test
  }
}

/** `origin` + an app path (`/employer/pending/…`). */
export function absoluteUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}
