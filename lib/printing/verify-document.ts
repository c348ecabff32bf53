// /verify with an uploaded PDF: is this the electronic agreement the system issued, untouched,
// and is it still in force? In order: it is a PDF; it carries a signature; the signature is
// cryptographically valid over the bytes it names (the digest in the signed attributes, the
// RSA signature by the certificate it carries); it covers the whole file (nothing appended
// after signing); the file's hash is one recorded at issue; the agreement was not returned
// or cancelled since. The answer names the first check that fails, in zh-CN, and shows no
// more than the code check does (协议书号, a masked name, the unit, the status).
import { VERIFY_BYTES } from "@/lib/http/limits";
import { createHash, createPublicKey, verify as nativeVerify } from "node:crypto";
import forge from "node-forge";
import { prisma } from "@/lib/db/client";
import { STATUS_LABELS } from "@/lib/workflow/states";
import { isPrintable } from "./rules";
import { maskName } from "./verify";

export const MAX_VERIFY_BYTES = VERIFY_BYTES;

export type DocumentCheck =
  | "NOT_PDF"
  | "TOO_LARGE"
  | "NO_SIGNATURE"
  | "SIGNATURE_INVALID"
  | "NOT_WHOLE_DOCUMENT"
  | "NOT_ISSUED"
  | "RETURNED"
  | "CANCELLED"
  | "VALID";

export type DocumentVerdict = {
  check: DocumentCheck;
  ok: boolean;
  message: string;
  /** who signed (the certificate's name), once the signature was read */
  signer?: string;
  /** what the file is, once it was recognised as issued */
  agreement?: { agreementNo: string; maskedName: string; unitName: string; statusLabel: string; issuedAt: Date; mode: "PAPER" | "ELECTRONIC" };
};

const MESSAGES: Record<DocumentCheck, string> = {
  NOT_PDF: "上传的文件不是 PDF 文件。请上传从本系统下载的就业协议书 PDF 原件；纸质协议书请输入页脚的验证码核验。",
  TOO_LARGE: `文件超过 ${MAX_VERIFY_BYTES / 1024 / 1024} MB，不是本系统出具的协议书 PDF。`,
  NO_SIGNATURE: "文件中没有数字签名：它不是本系统出具的就业协议书 PDF 原件（或已被其他软件另存，签名已丢失）。",
  SIGNATURE_INVALID: "数字签名无效：文件在签名后被改动过，内容不可信。请向学校就业处索取原件。",
  NOT_WHOLE_DOCUMENT: "数字签名只覆盖文件的一部分：签名之后文件又被追加修改过（例如被其他软件加注或另存），不能作为原件。",
  NOT_ISSUED: "数字签名本身有效，但本系统没有出具过这份文件，不能作为本校的就业协议书。",
  RETURNED: "该文件确由本系统出具，但协议此后已被退回重新办理，此文件已失效。",
  CANCELLED: "该文件确由本系统出具，但协议已解约，此文件已失效。",
  VALID: "核验通过：本文件是学校网上签约系统出具的就业协议书，签名有效、内容未被改动，协议当前有效。",
};

const verdict = (check: DocumentCheck, extra: Omit<DocumentVerdict, "check" | "ok" | "message"> = {}): DocumentVerdict => ({
  check,
  ok: check === "VALID",
  message: MESSAGES[check],
  ...extra,
});

type Signature = { byteRange: [number, number, number, number]; contents: Buffer };

/** The signature whose byte range starts the file (ours is the first; a later tool may add more). */
function findSignature(pdf: Buffer): Signature | null {
  const text = pdf.toString("latin1");
  const pattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (const m of text.matchAll(pattern)) {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
    if (a !== 0 || b <= 0 || c <= b + 1 || c > pdf.length) continue;
    const hex = text.slice(b + 1, c - 1); // between < and >
    if (text[b] !== "<" || text[c - 1] !== ">" || !/^[0-9a-fA-F]*$/.test(hex)) continue;
    return { byteRange: [a, b, c, d], contents: Buffer.from(hex, "hex") };
  }
  return null;
}

/** DER of the PKCS#7 without the placeholder's trailing zero padding. */
function derOf(contents: Buffer): string {
  const bytes = forge.util.createBuffer(contents.toString("binary"));
  // the placeholder is longer than the signature: the zero padding after it is not DER
  const parsed = forge.asn1.fromDer(bytes, { parseAllBytes: false } as unknown as boolean);
  return forge.asn1.toDer(parsed).getBytes();
}

type ForgeAttribute = forge.asn1.Asn1 & { value: forge.asn1.Asn1[] };

/** Checks the signature over the signed byte ranges; returns the signer's name, or null if invalid. */
function checkSignature(pdf: Buffer, sig: Signature): { valid: boolean; signer: string } {
  try {
    const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(derOf(sig.contents))) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { authenticatedAttributes?: ForgeAttribute[]; signature: string; serial: string };
    };
    const capture = message.rawCapture;
    const attributes = capture.authenticatedAttributes ?? [];
    const [a, b, c, d] = sig.byteRange;
    const digest = createHash("sha256").update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest();
    const digestAttribute = attributes.find((attr) => forge.asn1.derToOid(attr.value[0].value as string) === forge.pki.oids.messageDigest);
    const signedDigest = digestAttribute ? Buffer.from((digestAttribute.value[1].value as forge.asn1.Asn1[])[0].value as string, "binary") : null;
    const serial = forge.util.bytesToHex(capture.serial);
    const certificate = message.certificates.find((cert) => cert.serialNumber.replace(/^0+/, "") === serial.replace(/^0+/, ""));
    if (!certificate || !signedDigest) return { valid: false, signer: "" };
    const cn = certificate.subject.getField("CN");
    const signer = cn ? forge.util.decodeUtf8(String(cn.value)) : "";
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes);
    const signedBytes = Buffer.from(forge.asn1.toDer(set).getBytes(), "binary");
    const publicKey = createPublicKey(forge.pki.publicKeyToPem(certificate.publicKey));
    const valid =
      signedDigest.equals(digest) && nativeVerify("sha256", signedBytes, publicKey, Buffer.from(capture.signature, "binary"));
    return { valid, signer };
  } catch {
    return { valid: false, signer: "" };
  }
}

export async function verifyAgreementDocument(bytes: Uint8Array | null | undefined): Promise<DocumentVerdict> {
  if (!bytes || bytes.byteLength === 0) return verdict("NOT_PDF");
  if (bytes.byteLength > MAX_VERIFY_BYTES) return verdict("TOO_LARGE");
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") return verdict("NOT_PDF");
  const sig = findSignature(pdf);
  if (!sig) return verdict("NO_SIGNATURE");
  const { valid, signer } = checkSignature(pdf, sig);
  if (!valid) return verdict("SIGNATURE_INVALID", signer ? { signer } : {});
  const [, , c, d] = sig.byteRange;
  if (c + d !== pdf.length) return verdict("NOT_WHOLE_DOCUMENT", { signer });

  const issued = await prisma.issuedDocument.findUnique({
    where: { sha256: createHash("sha256").update(pdf).digest("hex") },
    select: {
      agreementVersion: true,
      mode: true,
      createdAt: true,
      agreement: {
        select: {
          id: true,
          agreementNo: true,
          status: true,
          unitName: true,
          studentSnapshot: true,
          student: { select: { name: true } },
          employer: { select: { name: true } },
        },
      },
    },
  });
  if (!issued || !issued.agreement.agreementNo) return verdict("NOT_ISSUED", { signer });
  const a = issued.agreement;
  const info = {
    agreementNo: a.agreementNo!,
    maskedName: maskName((a.studentSnapshot as { name?: string } | null)?.name ?? a.student.name),
    unitName: a.unitName ?? a.employer.name,
    statusLabel: STATUS_LABELS[a.status],
    issuedAt: issued.createdAt,
    mode: issued.mode,
  };
  if (a.status === "CANCELLED") return verdict("CANCELLED", { signer, agreement: info });
  // returned (or cancelled) after this file was issued: a later approval issues a new file
  const voidedSince = await prisma.agreementEvent.count({
    where: { agreementId: a.id, version: { gt: issued.agreementVersion }, toStatus: { in: ["RETURNED", "CANCELLED"] } },
  });
  if (voidedSince > 0 || !isPrintable(a.status)) return verdict("RETURNED", { signer, agreement: info });
  return verdict("VALID", { signer, agreement: info });
}
