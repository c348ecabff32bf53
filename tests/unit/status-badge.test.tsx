// The status people read: an overdue agreement is 已到期，系统确认中 until the sweep has run (derived, not stored).
import { renderToStaticMarkup } from "react-dom/server";
import { StatusBadge } from "@/components/agreement/status-badge";

const NOW = new Date("2027-05-08T02:00:00Z");

describe("StatusBadge", () => {
  it("shows an agreement past its deadline as 已到期，系统确认中, one in time as waiting for the student", () => {
    expect(renderToStaticMarkup(<StatusBadge status="PENDING_STUDENT_CONFIRM" autoConfirmAt={new Date(NOW.getTime() - 1)} now={NOW} />)).toContain("已到期，系统确认中");
    expect(renderToStaticMarkup(<StatusBadge status="PENDING_STUDENT_CONFIRM" autoConfirmAt={new Date(NOW.getTime() + 60_000)} now={NOW} />)).toContain("待学生复核确认");
    // only an agreement still waiting for the student: a confirmed one keeps its status
    expect(renderToStaticMarkup(<StatusBadge status="PENDING_COLLEGE_REVIEW" autoConfirmAt={new Date(NOW.getTime() - 1)} now={NOW} />)).toContain("待学院审核");
    expect(renderToStaticMarkup(<StatusBadge status={null} />)).toContain("未开始");
  });
});
