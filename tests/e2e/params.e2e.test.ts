// Malformed input never gives a 500 or an English page: every page of the app, signed in as
// the role whose area it is, with malformed path ids and query parameters (the values that
// used to break it: page=1e20, year=99999999999, collegeId=abc, an unknown id …) answers a
// zh-CN 404 where the page takes that parameter and never a 5xx anywhere; the route
// handlers answer 400/404 in zh-CN; bodies over an endpoint's limit are refused with 413
// before they are read, and state-changing routes refuse requests from other sites.
import { HttpSession, baseUrl } from "./helpers";
import { actionKey, callAction, pageRoutes } from "./proof-world";

const LOGINS: Record<string, string> = {
  STUDENT: "2022010101",
  EMPLOYER: "hr@demo-soft.example",
  COUNSELOR: "fdy01",
  OFFICE: "jyc01",
};

// Which query parameters each list page takes (the rest are ignored: utm tags and the like).
const ACCEPTS: Record<string, string[]> = {
  "/notifications": ["page", "filter"],
  "/office": ["year", "collegeId", "majorId", "edu"],
  "/office/statistics": ["figure", "page", "year", "collegeId", "majorId", "edu"],
  "/office/students": ["status", "collegeId", "majorId", "year", "q", "page"],
  "/office/employers": ["status", "q", "page"],
  "/office/agreements": ["q", "page", "f", "college"],
  "/office/attest": ["page"],
  "/office/outbox": ["status", "page"],
  "/counselor/review": ["q", "page", "f", "college"],
  "/counselor/students": ["status", "collegeId", "majorId", "year", "q", "page"],
  "/counselor/statistics": ["year", "collegeId", "majorId", "edu"],
  "/counselor/statistics/list": ["figure", "page", "year", "collegeId", "majorId", "edu"],
  "/counselor/filing": ["q"],
  "/employer/pending": ["q", "page"],
  "/employer/signed": ["q", "page", "signed"],
};

const MALFORMED: Record<string, string[]> = {
  page: ["1e20", "1e300", "-1", "0", "abc", "99999999999"],
  year: ["99999999999", "abc", "1899"],
  collegeId: ["abc", "1e20"],
  majorId: ["abc"],
  college: ["abc"],
  edu: ["x1"],
  status: ["NOPE"],
  f: ["nope"],
  filter: ["nope"],
  signed: ["2"],
  figure: ["x".repeat(200)],
  q: ["查".repeat(500)],
};

const ENGLISH = /This page couldn.t load|Internal Server Error|Application error|An error occurred/i;

const sessions = new Map<string, HttpSession>();
async function sessionFor(role: string | null): Promise<HttpSession> {
  const key = role ?? "OFFICE";
  if (!sessions.has(key)) {
    const s = new HttpSession();
    expect(await s.login(LOGINS[key])).toBe(true);
    sessions.set(key, s);
  }
  return sessions.get(key)!;
}

function expectZhNotFound(status: number, body: string, what: string) {
  if (status !== 404) throw new Error(`${what}: expected 404, got ${status}`);
  expect(body).toContain("页面不存在");
  expect(body).not.toMatch(ENGLISH);
}

const routes = pageRoutes();

it("walks every page with malformed parameters: zh-CN 404 where the page takes them, never a 5xx", async () => {
  let tried = 0;
  for (const route of routes) {
    const s = await sessionFor(route.role ?? (route.pattern === "/notifications" ? "STUDENT" : null));
    // the path ids: malformed and unknown
    if (route.param) {
      for (const bad of ["abc", "1e20", "00000000-0000-4000-8000-000000000000", "%E6%9F%A5"]) {
        const url = route.pattern.replace(/\[[^\]]+\]/, bad);
        let res = await s.fetch(url);
        // a notification's link (/termination/[id]) sends each person on to their own role's page: follow it once
        const onward = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
        if (onward && new URL(onward, baseUrl()).pathname.endsWith(`/${bad}`)) res = await s.fetch(new URL(onward, baseUrl()).pathname);
        expectZhNotFound(res.status, await res.text(), url);
        tried++;
      }
      continue;
    }
    const accepts = ACCEPTS[route.pattern] ?? [];
    for (const [name, values] of Object.entries(MALFORMED)) {
      for (const value of values) {
        const url = `${route.pattern}?${new URLSearchParams({ [name]: value })}`;
        const res = await s.fetch(url);
        const body = await res.text();
        tried++;
        if (res.status >= 500) throw new Error(`${url}: ${res.status}`);
        expect(body).not.toMatch(ENGLISH);
        if (accepts.includes(name)) expectZhNotFound(res.status, body, url);
      }
    }
    if (accepts.includes("page")) {
      const twice = await s.fetch(`${route.pattern}?page=1&page=2`);
      expectZhNotFound(twice.status, await twice.text(), `${route.pattern}?page=1&page=2`);
      const fineUrl = `${route.pattern}?${accepts.includes("figure") ? "figure=graduates&" : ""}page=2`;
      const fine = await s.fetch(fineUrl);
      expect({ fineUrl, status: fine.status }).toEqual({ fineUrl, status: 200 });
    }
  }
  // an address that is no page at all, signed in (inside the shell) and not
  const signedIn = await (await sessionFor("OFFICE")).fetch("/no-such-page");
  const signedInBody = await signedIn.text();
  expectZhNotFound(signedIn.status, signedInBody, "/no-such-page");
  expect(signedInBody).toContain("退出"); // the shell's sign-out button
  const anonymous = await fetch(`${baseUrl()}/no-such-page`);
  expectZhNotFound(anonymous.status, await anonymous.text(), "/no-such-page (signed out)");
  console.log(`[params] ${tried} malformed page requests, none answered 5xx`);
  expect(tried).toBeGreaterThan(300);
});

it("the issue's URLs answer zh-CN 404 pages", async () => {
  const office = await sessionFor("OFFICE");
  for (const url of ["/office/students?collegeId=abc", "/office/students?year=99999999999", "/office/agreements?page=1e20", "/office/employers/00000000-0000-4000-8000-000000000000"]) {
    const res = await office.fetch(url);
    expectZhNotFound(res.status, await res.text(), url);
  }
  const student = await sessionFor("STUDENT");
  const res = await student.fetch("/notifications?page=1e300");
  expectZhNotFound(res.status, await res.text(), "/notifications?page=1e300");
});

it("route handlers: malformed parameters are a zh-CN 400 before any export starts", async () => {
  const office = await sessionFor("OFFICE");
  for (const url of [
    "/api/export/students?collegeId=abc",
    "/api/export/students?year=99999999999",
    "/api/export/students?status=NOPE",
    "/api/export/statistics?majorId=1e20",
    "/api/export/drilldown?figure=nope",
    "/api/export/drilldown?figure=graduates&year=abc",
    "/api/export/employers?status=NOPE",
  ]) {
    const res = await office.fetch(url);
    expect({ url, status: res.status }).toEqual({ url, status: 400 });
    expect(res.headers.get("content-type")).not.toContain("spreadsheet");
    expect(await res.text()).toMatch(/请求参数不正确/);
  }
  expect((await office.fetch("/api/export/nope")).status).toBe(404);
  const ok = await office.fetch("/api/export/students?status=all&year=2027");
  expect(ok.status).toBe(200);
  expect(ok.headers.get("content-type")).toContain("spreadsheet");
  const pdf = await office.fetch("/api/agreements/abc/pdf?preview=1");
  expect(pdf.status).toBe(404);
  expect(await pdf.text()).toContain("未找到该协议");
});

it("bodies over the endpoint's limit are refused with 413 before they are read; other sites' posts with 403", async () => {
  const student = await sessionFor("STUDENT");
  const id = "00000000-0000-4000-8000-000000000000";
  const big = "x".repeat(64 * 1024);
  const print = await student.fetch(`/api/agreements/${id}/pdf`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ reason: big }) });
  expect(print.status).toBe(413);
  expect(((await print.json()) as { error: string }).error).toMatch(/提交的内容过大/);
  // a same-site page of someone else cannot spend a student's one print
  const foreign = await student.fetch(`/api/agreements/${id}/pdf`, { method: "POST", headers: { "content-type": "application/json", origin: "http://evil.example" }, body: "{}" });
  expect(foreign.status).toBe(403);
  expect(((await foreign.json()) as { error: string }).error).toMatch(/请求来源不正确/);
  const noOrigin = await fetch(`${baseUrl()}/api/agreements/${id}/pdf`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: student.cookieHeader() },
    body: "{}",
  });
  expect(noOrigin.status).toBe(403);
  // a server action: Next-Action with a 2 MB body
  const action = await callAction(student, actionKey("app/notifications/actions.ts", "markAllNotificationsRead"), ["y".repeat(2 * 1024 * 1024)]).catch((e: Error) => ({ status: 0, body: e.message }));
  expect(action.status).toBe(413);
  expect(action.body).toMatch(/提交的内容过大/);
  const auth = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "a=" + "z".repeat(100 * 1024),
  });
  expect(auth.status).toBe(413);
});
