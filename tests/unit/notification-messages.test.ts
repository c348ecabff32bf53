// The one definition of notification wording, and its SQL rendering used by the sweep.
import { publicUrl } from "@/lib/http/public-url";
import {
  digestFor,
  digestKey,
  emailKey,
  emailOf,
  messagesFor,
  notificationKey,
  SQL_CONTEXT_ORDER,
  SQL_DIGEST_ORDER,
  sqlDigestFor,
  toFormatTemplate,
  type MessageContext,
} from "@/lib/notifications/messages";
import { eventsFor, type CommittedTransition } from "@/lib/queue/emit";
import { WORKFLOW_ACTIONS } from "@/lib/workflow/transitions";

// PostgreSQL's format() with only %N$s and %%, as the SQL renderer uses it.
function pgFormat(template: string, args: string[]): string {
  return template.replace(/%(\d+)\$s|%%/g, (m, n: string | undefined) => (n ? args[Number(n) - 1] : "%"));
}

const ctx: MessageContext = {
  agreementId: "11111111-2222-3333-4444-555555555555",
  studentName: "李明轩",
  studentNo: "2022010101",
  employerName: "百分之百%科技（有限）公司",
  reason: "单位信息有误，请核对 100% 准确",
};

describe("notification messages", () => {
  it("renders the same text in SQL (format templates) as in TypeScript, even with % in the values", () => {
    for (const action of [...WORKFLOW_ACTIONS, "dueSoon" as const]) {
      for (const m of messagesFor(action, ctx)) {
        const args = SQL_CONTEXT_ORDER.map((k) => ctx[k]);
        const rendered = messagesFor(action, ctx).find((x) => x.kind === m.kind && x.audience === m.audience)!;
        const template = (field: "title" | "body" | "link") => (c: MessageContext) =>
          messagesFor(action, c).find((x) => x.kind === m.kind && x.audience === m.audience)![field];
        expect(pgFormat(toFormatTemplate(template("body")), args)).toBe(rendered.body);
        expect(pgFormat(toFormatTemplate(template("link")), args)).toBe(rendered.link);
        expect(pgFormat(toFormatTemplate(template("title")), args)).toBe(rendered.title);
      }
    }
  });

  it("tells the next actor of every transition but the draft (the 学院, not the student, on auto-confirmation)", () => {
    const audiences = (action: Parameters<typeof messagesFor>[0]) => messagesFor(action, ctx).map((m) => m.audience).sort();
    expect(audiences("saveDraft")).toEqual([]);
    expect(audiences("submit")).toEqual(["employer"]);
    expect(audiences("sign")).toEqual(["student"]);
    expect(audiences("returnByEmployer")).toEqual(["student"]);
    expect(audiences("confirm")).toEqual(["college"]);
    // the 学院 is told of auto-confirmations by a digest (one per pass), never per agreement
    expect(audiences("autoConfirm")).toEqual([]);
    expect(digestFor("autoConfirm", { count: "1", students: "李明轩（2022010101）" })?.audience).toBe("college");
    expect(audiences("moveCollege")).toEqual([]);
    expect(audiences("approve")).toEqual(["student"]);
    expect(audiences("dueSoon")).toEqual(["student"]);
    expect(messagesFor("returnByCollege", ctx)[0].body).toContain(ctx.reason);
  });

  it("sums up a pass of auto-confirmations for the 学院 in one digest, rendered the same in SQL", () => {
    expect(sqlDigestFor("autoConfirm")!.audience).toBe("college");
    expect(sqlDigestFor("confirm")).toBeNull();
    expect(digestFor("confirm", { count: "1", students: "x" })).toBeNull();
    const d = { count: "42", students: "李明轩（2022010101）、王%芳（2022010102）等" };
    const digest = digestFor("autoConfirm", d)!;
    expect(digest).toMatchObject({ audience: "college", link: "/counselor/review" });
    expect(digest.title).toContain("42");
    expect(digest.body).toContain(d.students);
    const sql = sqlDigestFor("autoConfirm")!;
    const args = SQL_DIGEST_ORDER.map((k) => d[k]);
    expect(pgFormat(sql.title, args)).toBe(digest.title);
    expect(pgFormat(sql.body, args)).toBe(digest.body);
    expect(pgFormat(sql.link, args)).toBe(digest.link);
    expect(pgFormat(sql.subject, args)).toBe(emailOf(digest, publicUrl()).subject);
    expect(pgFormat(sql.text, args)).toBe(emailOf(digest, publicUrl()).text);
    expect(digestKey("autoConfirm", "a")).not.toBe(notificationKey("autoConfirm", "a", 1));
  });

  it("keys a transition by its version and the reminder by the signing it reminds of", () => {
    expect(notificationKey("autoConfirm", "a", 5)).toBe("a:5");
    expect(notificationKey("dueSoon", "a", 4)).toBe("a:4:due-soon");
    expect(notificationKey("dueSoon", "a", 4)).not.toBe(notificationKey("sign", "a", 4));
    expect(emailKey("a:5", "u1")).toBe("a:5:u1");
  });
});

describe("job events after commit", () => {
  const record = (action: CommittedTransition["action"], extra: Partial<CommittedTransition> = {}): CommittedTransition => ({ action, agreementId: "ag", version: 4, autoConfirmAt: null, ...extra });

  it("schedules on signing and cancels on take-back, confirmation and return", () => {
    const due = new Date("2027-05-08T02:00:00.000Z");
    expect(eventsFor([record("sign", { autoConfirmAt: due })])).toEqual([
      { name: "agreement/employer.signed", data: { agreementId: "ag", version: 4, autoConfirmAt: "2027-05-08T02:00:00.000Z" } },
    ]);
    expect(eventsFor([record("takeBack")])).toEqual([{ name: "agreement/employer.taken_back", data: { agreementId: "ag", version: 4 } }]);
    expect(eventsFor([record("confirm")])).toEqual([{ name: "agreement/student.confirmed", data: { agreementId: "ag", version: 4 } }]);
    expect(eventsFor([record("returnByEmployer"), record("returnByCollege")]).map((e) => e.name)).toEqual(["agreement/returned", "agreement/returned"]);
    expect(eventsFor([record("saveDraft"), record("submit"), record("approve"), record("file"), record("autoConfirm")])).toEqual([]);
  });
});
