import { signingRecordEntries } from "@/lib/printing/signing-record";

const at = (iso: string) => new Date(iso);
const ev = (action: string, actorRole: string, toStatus: string, createdAt: string, extra: Record<string, unknown> = {}) =>
  ({ action, actorRole, actorName: `${actorRole}-人`, toStatus, createdAt: at(createdAt), contentHash: `${action}`.padEnd(64, "0"), ...extra }) as never;

describe("the 签署记录 entries", () => {
  const events = [
    ev("saveDraft", "STUDENT", "DRAFT", "2027-02-28T01:00:00Z"),
    ev("submit", "STUDENT", "PENDING_EMPLOYER", "2027-02-28T01:05:00Z"),
    ev("returnByEmployer", "EMPLOYER", "RETURNED", "2027-02-28T02:00:00Z"),
    ev("submit", "STUDENT", "PENDING_EMPLOYER", "2027-03-01T01:00:00Z", { actorAuthMethod: "PASSWORD", actorAuthAt: at("2027-03-01T00:58:00Z"), actorIp: "203.0.113.7", actorUserAgent: "Mozilla/5.0 (iPhone)" }),
    ev("sign", "EMPLOYER", "PENDING_STUDENT_CONFIRM", "2027-03-01T02:15:02Z", { actorAuthMethod: "SSO", actorAuthAt: at("2027-03-01T02:14:00Z"), actorIp: "198.51.100.2", actorUserAgent: "Edge" }),
    ev("autoConfirm", "SYSTEM", "PENDING_COLLEGE_REVIEW", "2027-03-08T02:15:03Z"),
    ev("approve", "COUNSELOR", "APPROVED", "2027-03-09T03:00:00Z"),
    ev("attest", "OFFICE", "APPROVED", "2027-03-09T04:00:00Z"),
  ];
  const entries = signingRecordEntries(events, { unitName: "数智软件", collegeName: "计算机学院" });

  it("lists the acts since the last return, in order, with their parties", () => {
    expect(entries.map((e) => e.act)).toEqual(["正式提交", "确定签约", "系统自动确认（毕业生逾期未复核）", "学院审核通过", "鉴证"]);
    expect(entries.map((e) => e.party)).toEqual(["毕业生", "用人单位", "系统", "学院", "学校毕业生就业主管部门"]);
    expect(entries[1].name).toBe("数智软件（经办人：EMPLOYER-人）");
    expect(entries[3].name).toBe("计算机学院（COUNSELOR-人）");
  });

  it("carries each act's evidence: Beijing time to the second, sign-in method and time, address, browser, content hash", () => {
    expect(entries[0]).toMatchObject({ at: "2027-03-01 09:00:00（北京时间）", auth: "账号密码，验证于 2027-03-01 08:58:00", ip: "203.0.113.7", userAgent: "Mozilla/5.0 (iPhone)", contentHash: "submit".padEnd(64, "0") });
    expect(entries[1]).toMatchObject({ auth: "统一身份认证（SSO），验证于 2027-03-01 10:14:00", ip: "198.51.100.2" });
    expect(entries[2].auth).toBe("系统（无需登录）");
    expect(entries[3].auth).toBe("—"); // nothing recorded: nothing claimed
  });
});
