// lib/http: the parameter checks every page and route uses, the public address, the body limits.
import { formatBytes, MAX_UPLOAD_BYTES, SERVER_ACTION_BODY_BYTES } from "@/lib/http/limits";
import { MAX_PAGE, param, parseParams } from "@/lib/http/params";
import { absoluteUrl, publicUrl, publicUrlWarning, requestOrigin } from "@/lib/http/public-url";
import { BodyTooLargeError, readBodyLimited, refuseCrossOrigin, refuseOversized } from "@/lib/http/request";
import nextConfig from "@/next.config.js";

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

const LIST = { page: param.page, year: param.year, collegeId: param.optionalId, f: param.oneOf(["review", "all"]), q: param.text(10) };

describe("parseParams", () => {
  it("gives typed values and defaults; empty is absent; unknown keys are ignored", () => {
    expect(parseParams({ page: "3", year: "2027", collegeId: "", utm: "x" }, LIST)).toEqual({ ok: true, data: { page: 3, year: 2027, collegeId: undefined, f: undefined, q: undefined } });
    expect(parseParams(new URLSearchParams(""), LIST)).toMatchObject({ ok: true, data: { page: 1 } });
  });

  it.each([
    ["page", "1e20"],
    ["page", "1e300"],
    ["page", "0"],
    ["page", "-1"],
    ["page", String(MAX_PAGE + 1)],
    ["year", "99999999999"],
    ["year", "1999"],
    ["collegeId", "abc"],
    ["f", "nope"],
    ["q", "x".repeat(11)],
  ])("refuses %s=%s with a zh-CN sentence", (key, value) => {
    const result = parseParams({ [key]: value }, LIST);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("a parameter given twice is malformed", () => {
    expect(parseParams(new URLSearchParams("page=1&page=2"), LIST)).toEqual({ ok: false, message: "参数 page 重复" });
    expect(parseParams({ page: ["1", "2"] }, LIST).ok).toBe(false);
  });
});

describe("the public address", () => {
  it("APP_URL, else AUTH_URL, without a trailing slash; nothing valid → null", () => {
    expect(publicUrl(env({ APP_URL: "https://wq.example.edu.cn/" }))).toBe("https://wq.example.edu.cn");
    expect(publicUrl(env({ AUTH_URL: "https://a.example/wq/" }))).toBe("https://a.example/wq");
    expect(publicUrl(env({ APP_URL: "not a url" }))).toBeNull();
    expect(publicUrl(env({ APP_URL: "javascript:alert(1)" }))).toBeNull();
    expect(absoluteUrl("https://a.example/", "/student/agreement")).toBe("https://a.example/student/agreement");
  });

  it("warns in production only, and only without it", () => {
    expect(publicUrlWarning(env({ NODE_ENV: "production" }))).toMatch(/未设置 APP_URL/);
    expect(publicUrlWarning(env({ NODE_ENV: "production", APP_URL: "x" }))).toMatch(/不是有效的/);
    expect(publicUrlWarning(env({ NODE_ENV: "production", APP_URL: "https://a.example" }))).toBeNull();
    expect(publicUrlWarning(env({ NODE_ENV: "development" }))).toBeNull();
  });

  it("a request's origin from its Host (or the proxy's X-Forwarded-*), never from a malformed one", () => {
    expect(requestOrigin(new Request("http://localhost:3000/x", { headers: { host: "wq.example.edu.cn" } }))).toBe("http://wq.example.edu.cn");
    expect(requestOrigin(new Request("http://localhost/x", { headers: { host: "a", "x-forwarded-host": "wq.example.edu.cn", "x-forwarded-proto": "https" } }))).toBe("https://wq.example.edu.cn");
    expect(requestOrigin(new Request("http://localhost/x", { headers: { host: "evil.example/%'" } }))).toBeNull();
  });
});

describe("request bodies", () => {
  it("one number for the page, the server and next.config.js", () => {
    expect(formatBytes(MAX_UPLOAD_BYTES)).toBe("8 MB");
    expect((nextConfig as { experimental: { serverActions: { bodySizeLimit: number } } }).experimental.serverActions.bodySizeLimit).toBe(SERVER_ACTION_BODY_BYTES);
  });

  it("refuses a declared length over the limit before reading (413), a chunked body (411), a bad length (400)", () => {
    const post = (headers: Record<string, string>) => new Request("http://a.example/x", { method: "POST", headers });
    expect(refuseOversized(post({ "content-length": "10" }), 10)).toBeNull();
    expect(refuseOversized(post({ "content-length": "11" }), 10)?.status).toBe(413);
    expect(refuseOversized(post({ "transfer-encoding": "chunked" }), 10)?.status).toBe(411);
    expect(refuseOversized(post({ "content-length": "-1" }), 10)?.status).toBe(400);
  });

  it("counts while reading and stops past the limit", async () => {
    const stream = new ReadableStream({
      pull(c) {
        c.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://a.example/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    await expect(readBodyLimited(request, 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect((await readBodyLimited(new Request("http://a.example/x", { method: "POST", body: "abc" }), 3)).toString()).toBe("abc");
  });

  it("a state-changing request must come from our own pages", () => {
    const post = (headers: Record<string, string>) => new Request("http://a.example/x", { method: "POST", headers: { host: "wq.example.edu.cn", ...headers } });
    expect(refuseCrossOrigin(post({ origin: "http://wq.example.edu.cn" }))).toBeNull();
    expect(refuseCrossOrigin(post({ origin: "http://evil.example" }))?.status).toBe(403);
    expect(refuseCrossOrigin(post({}))?.status).toBe(403);
    expect(refuseCrossOrigin(post({ origin: "null" }))?.status).toBe(403);
  });
});
