// 就业协议书 as the manual lays it out: three sections (毕业生情况及意见, 用人单位情况及意见,
// 学校意见) in one 9-column table. Pure and hook-free: rendered by every role's pages
// (variant "screen") and, through renderToStaticMarkup, by the PDF template ("print").
import { Fragment, type ReactNode } from "react";
import { UNIT_NATURES } from "@/lib/reference/unit-nature";
import type { AgreementSheetData } from "@/lib/agreement/sheet-data";
import { AGREEMENT_SHEET_CSS } from "./agreement-sheet-css";

/** One seal box at the foot of the printed front page (fits a 40 mm round seal). */
export type StampBox = {
  label: string;
  /** the seal placed online (electronic mode), as a data: URL of its PNG */
  sealSrc: string | null;
  /** the date of the act in electronic mode; "" prints 年 月 日 to fill in */
  date: string;
};

export type AgreementSheetProps = { data: AgreementSheetData; variant: "screen" | "print"; stamps?: StampBox[] };

type Variant = AgreementSheetProps["variant"];

/**
 * A label: it never breaks inside a word — only where "|" marks it ("统一社会|信用代码"); on
 * paper the print's fit script shrinks a label that still does not fit its cell.
 */
function L({ children, span }: { children: string; span?: number }) {
  const parts = children.split("|");
  return (
    <th scope="row" className="ag-l" colSpan={span}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </th>
  );
}

// A run of letters, digits and signs (an e-mail, a code, a phone number, a house number):
// never broken on paper. Chinese text wraps between its characters as usual.
const TOKEN = /([^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+)/;

/** A value's text, each token kept whole (a "/" between two, as in 手机/邮箱, may end a line). */
function Tokens({ text }: { text: string }) {
  return (
    <>
      {text.split(TOKEN).map((part, i) =>
        i % 2 === 0 ? (
          part
        ) : (
          <Fragment key={i}>
            {part.split(/(?<=\/)/).map((piece, j) => (
              <Fragment key={j}>
                {j > 0 ? <wbr /> : null}
                <span className="ag-tok">{piece}</span>
              </Fragment>
            ))}
          </Fragment>
        ),
      )}
    </>
  );
}

/** A value; `one`: a term, code or number kept on one line on paper (shrunk rather than wrapped). */
function V({ children, span, one }: { children: ReactNode; span?: number; one?: boolean }) {
  return (
    <td className={one ? "ag-v ag-v--one" : "ag-v"} colSpan={span}>
      {typeof children === "string" ? <Tokens text={children} /> : children}
    </td>
  );
}

/** An opinion cell: label, text, and on paper the signature/seal line with a date to fill in. */
function Opinion({
  label,
  value,
  sign,
  onlineDate,
  span,
  variant,
  tall,
}: {
  label: string;
  value: string;
  /** the signature line on paper; absent where the seal box at the foot of the page signs */
  sign?: string;
  onlineDate?: string;
  span: number;
  variant: Variant;
  tall?: boolean;
}) {
  return (
    <td className="ag-v ag-wide" colSpan={span}>
      <div className={tall ? "ag-op ag-op-tall" : "ag-op"}>
        <span className="ag-op-head">
          <span className="ag-op-label">{label}：</span>
          <Tokens text={value} />
        </span>
        {variant === "print" ? (
          sign ? (
            <span className="ag-op-sign">
              <span>{sign}</span>
              <span>{onlineDate || "年　　月　　日"}</span>
            </span>
          ) : null
        ) : onlineDate ? (
          <span className="ag-op-date">网上办理：{onlineDate}</span>
        ) : null}
      </div>
    </td>
  );
}

function UnitNatureBoxes({ code }: { code: string }) {
  return (
    <div className="ag-natures" role="group" aria-label="单位性质">
      {UNIT_NATURES.map((n) => {
        const on = n.code === code;
        return (
          <span key={n.code} className="ag-nature" role="checkbox" aria-checked={on} aria-readonly="true">
            <span className={on ? "ag-box ag-box--on" : "ag-box"} aria-hidden="true" />
            {n.label}
          </span>
        );
      })}
    </div>
  );
}

/** The seal boxes: 用人单位, 主管部门, 学院, 学校毕业生就业主管部门 (鉴证). */
function StampRow({ stamps }: { stamps: StampBox[] }) {
  return (
    <div className="ag-stamps">
      {stamps.map((s) => (
        <div key={s.label} className="ag-stamp">
          <div className="ag-stamp-label">
            {/* two lines at most, broken before the bracket: 学校毕业生就业主管部门 / （鉴证章） */}
            <span>
              {s.label.split("（").map((part, i) => (
                <Fragment key={i}>
                  {i > 0 ? (
                    <>
                      <wbr />（
                    </>
                  ) : null}
                  {part}
                </Fragment>
              ))}
            </span>
          </div>
          <div className="ag-stamp-area">
            {/* eslint-disable-next-line @next/next/no-img-element -- printed by Chromium, not a page */}
            {s.sealSrc ? <img className="ag-seal" src={s.sealSrc} alt={`${s.label}电子印章`} /> : null}
          </div>
          <div className="ag-stamp-date">{s.date || "年　　月　　日"}</div>
        </div>
      ))}
    </div>
  );
}

export function AgreementSheet({ data, variant, stamps }: AgreementSheetProps) {
  const { student: s, unit: u, school: c, dates } = data;
  return (
    <div className={`ag-sheet ag-sheet--${variant}`}>
      {variant === "screen" ? (
        // React 19 hoists and de-duplicates this stylesheet however many sheets a page shows.
        <style href="wq-agreement-sheet" precedence="default">
          {AGREEMENT_SHEET_CSS}
        </style>
      ) : null}
      <h2 className="ag-title">就业协议书</h2>
      <div className="ag-meta">
        <span>（{data.edition}）</span>
        <span className="ag-meta-no">协议书号：{data.agreementNo || "（提交后生成）"}</span>
      </div>
      <div className="ag-scroll">
        <table className="ag-table">
          <colgroup>
            <col style={{ width: "6%" }} />
            {[0, 1, 2, 3].map((i) => [
              <col key={`l${i}`} style={{ width: "11%" }} />,
              <col key={`v${i}`} style={{ width: "12.5%" }} />,
            ])}
          </colgroup>
          <tbody>
            <tr>
              <th rowSpan={6} className="ag-sec" scope="rowgroup">
                毕业生情况及意见
              </th>
              <L>姓名</L>
              <V>{s.name}</V>
              <L>性别</L>
              <V one>{s.gender}</V>
              <L>民族</L>
              <V one>{s.ethnicity}</V>
              <L>政治面貌</L>
              <V one>{s.political}</V>
            </tr>
            <tr>
              <L>培养方式</L>
              <V one>{s.trainingMode}</V>
              <L>学历</L>
              <V one>{s.education}</V>
              <L>学制</L>
              <V one>{s.schoolingYears}</V>
              <L>毕业时间</L>
              <V one>{s.graduationMonth}</V>
            </tr>
            <tr>
              <L>专业</L>
              <V span={3}>{s.major}</V>
              <L>身份证号</L>
              <V span={3} one>{s.idNumber}</V>
            </tr>
            <tr>
              <L>生源地</L>
              <V span={3}>{s.origin}</V>
              <L>联系方式</L>
              <V span={3}>{s.contact}</V>
            </tr>
            <tr>
              <L>家庭地址</L>
              <V span={7}>{s.homeAddress}</V>
            </tr>
            <tr>
              <Opinion
                label="本人意见"
                value={s.opinion}
                sign={data.mode === "ELECTRONIC" ? "毕业生网上确认：" : "毕业生签名："}
                onlineDate={data.mode === "ELECTRONIC" || variant === "screen" ? dates.studentConfirmed : undefined}
                span={8}
                variant={variant}
              />
            </tr>

            <tr>
              <th rowSpan={data.showReportTitle ? 10 : 9} className="ag-sec" scope="rowgroup">
                用人单位情况及意见
              </th>
              <L>单位名称</L>
              <V span={3}>{u.name}</V>
              <L>{"统一社会|信用代码"}</L>
              <V span={3} one>{u.orgCode}</V>
            </tr>
            <tr>
              <L>{"单位隶属|部门"}</L>
              <V span={3}>{u.department}</V>
              <L>联系人</L>
              <V span={3}>{u.contactName}</V>
            </tr>
            <tr>
              <L>联系电话</L>
              <V span={3} one>{u.contactPhone}</V>
              <L>电子邮箱</L>
              <V span={3}>{u.email}</V>
            </tr>
            <tr>
              <L>通讯地址</L>
              <V span={3}>{u.address}</V>
              <L>邮政编码</L>
              <V span={3} one>{u.postalCode}</V>
            </tr>
            <tr>
              <L>单位性质</L>
              <V span={7}>
                <UnitNatureBoxes code={u.natureCode} />
              </V>
            </tr>
            {data.showReportTitle ? (
              <tr>
                <L>{"就业报到证|抬头"}</L>
                <V span={7}>{u.reportTitle}</V>
              </tr>
            ) : null}
            <tr>
              <L>{"组织关系|接收单位"}</L>
              <V span={7}>{u.partyOrgReceiver}</V>
            </tr>
            <tr>
              <L>{"档案转寄|详细地址"}</L>
              <V span={7}>{u.archiveAddress}</V>
            </tr>
            <tr>
              <L>{"落户城市|(详细地址)"}</L>
              <V span={7}>{u.settleCity}</V>
            </tr>
            <tr>
              <Opinion
                label="用人单位意见"
                value={u.employerOpinion}
                onlineDate={dates.employerSigned}
                span={4}
                variant={variant}
                tall
              />
              <Opinion
                label="主管部门意见"
                value={u.authorityOpinion}
                span={4}
                variant={variant}
                tall
              />
            </tr>

            <tr>
              <th rowSpan={3} className="ag-sec" scope="rowgroup">
                学校意见
              </th>
              <L>{"学校|联系人"}</L>
              <V>{c.contact}</V>
              <L>联系电话</L>
              <V span={2} one>{c.phone}</V>
              <L>邮政编码</L>
              <V span={2} one>{c.postalCode}</V>
            </tr>
            <tr>
              <L>{"协议书|邮寄地址"}</L>
              <V span={7}>{c.mailAddress}</V>
            </tr>
            <tr>
              <Opinion
                label="学院意见"
                value={c.collegeOpinion}
                onlineDate={dates.approved}
                span={4}
                variant={variant}
                tall
              />
              <Opinion
                label="学校毕业生就业主管部门鉴证意见"
                value={c.schoolOpinion}
                onlineDate={dates.attested}
                span={4}
                variant={variant}
                tall
              />
            </tr>
          </tbody>
        </table>
      </div>
      {variant === "print" && stamps ? <StampRow stamps={stamps} /> : null}
    </div>
  );
}
