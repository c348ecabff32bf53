import { AGREEMENT_STATUSES_FOR_TEST } from "./print-rules.fixture";
import { NOT_APPROVED_MESSAGE, NOT_ATTESTED_MESSAGE, previewDecision, printDecision } from "@/lib/printing/rules";
import { HTTP_STATUS } from "@/lib/printing/http";

describe("print rules", () => {
  it("allows printing only once the 学院 approved (APPROVED, FILED)", () => {
    for (const status of AGREEMENT_STATUSES_FOR_TEST) {
      for (const role of ["STUDENT", "COUNSELOR", "OFFICE"] as const) {
        const d = printDecision(role, status, []);
        if (status === "APPROVED" || status === "FILED") expect(d).toEqual({ allowed: true, needsReason: false });
        else expect(d).toEqual({ allowed: false, message: NOT_APPROVED_MESSAGE });
      }
    }
  });

  it("never lets the unit print", () => {
    for (const status of AGREEMENT_STATUSES_FOR_TEST) expect(printDecision("EMPLOYER", status, []).allowed).toBe(false);
  });

  it("lets the student print once, and not after anybody printed", () => {
    expect(printDecision("STUDENT", "APPROVED", [{ role: "STUDENT" }]).allowed).toBe(false);
    expect(printDecision("STUDENT", "APPROVED", [{ role: "COUNSELOR" }]).allowed).toBe(false);
  });

  it("lets the counselor and the office print again, with a reason", () => {
    for (const role of ["COUNSELOR", "OFFICE"] as const) {
      expect(printDecision(role, "APPROVED", [{ role: "STUDENT" }])).toEqual({ allowed: true, needsReason: true });
      expect(printDecision(role, "FILED", [{ role: "OFFICE" }, { role: "COUNSELOR" }])).toEqual({ allowed: true, needsReason: true });
    }
  });

  it("shows the 样张 to the parties before approval, not to the unit after it, never when cancelled", () => {
    expect(previewDecision("EMPLOYER", "PENDING_EMPLOYER").allowed).toBe(true);
    expect(previewDecision("EMPLOYER", "APPROVED").allowed).toBe(false);
    expect(previewDecision("STUDENT", "APPROVED").allowed).toBe(true);
    expect(previewDecision("STUDENT", "CANCELLED").allowed).toBe(false);
  });

  it("电子协议: every party, the unit too, downloads the signed original once it is attested, as often as needed", () => {
    const before = { signingMode: "ELECTRONIC" as const, attestedAt: null };
    const after = { signingMode: "ELECTRONIC" as const, attestedAt: new Date() };
    for (const role of ["STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE"] as const) {
      expect(printDecision(role, "APPROVED", [], before)).toEqual({ allowed: false, message: NOT_ATTESTED_MESSAGE });
      expect(printDecision(role, "APPROVED", [{ role: "STUDENT" }, { role }], after)).toEqual({ allowed: true, needsReason: false });
      expect(printDecision(role, "FILED", [], after)).toEqual({ allowed: true, needsReason: false });
      expect(printDecision(role, "RETURNED", [], after).allowed).toBe(false);
    }
    expect(previewDecision("EMPLOYER", "APPROVED", after).allowed).toBe(true);
  });

  it("answers 403 for refusals, including agreements one may not see", () => {
    expect(HTTP_STATUS.FORBIDDEN).toBe(403);
    expect(HTTP_STATUS.NOT_FOUND).toBe(403);
    expect(HTTP_STATUS.UNAVAILABLE).toBe(503);
  });
});
