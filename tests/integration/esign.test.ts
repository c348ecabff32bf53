// The digital signature of the official PDF, checked by a real third party: poppler's
// pdfsig. Valid and covering the whole file when untouched; invalid after one flipped byte;
// no longer the whole document after another tool (@signpdf/placeholder-plain) appends an
// incremental update. The university's own P12 (WQ_SIGNING_P12) replaces the demo one.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ContentInfo, SignedData } from "@peculiar/asn1-cms";
import { AsnConvert } from "@peculiar/asn1-schema";
import { TSTInfo } from "@peculiar/asn1-tsp";
import forge from "node-forge";
import { tmpdir } from "node:os";
import path from "node:path";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import type { Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { renderAgreementPdf } from "@/lib/pdf/agreement-pdf";
import { PdfCache, sha256 } from "@/lib/pdf/cache";
import { closePdfRenderer } from "@/lib/pdf/renderer";
import { SAMPLE_SHEET } from "@/lib/pdf/sample";
import { previewAgreementPdf, printAgreement } from "@/lib/printing/service";
import { verifyAgreementDocument } from "@/lib/printing/verify-document";
import { returnAsCounselor } from "@/lib/workflow";
import { createDemoP12, DEMO_CERT_NAME, parseP12, resetSigningIdentity } from "@/lib/signing/identity";
import type { WorkflowActor } from "@/lib/workflow";
import { agreementAt, demoWorld, newStudent } from "../fixtures/workflow";
import { getTestPrisma } from "../setup/db";

process.env.PDF_CACHE_DIR = "off";

const dir = mkdtempSync(path.join(tmpdir(), "wq-esign-test-"));
const ORIGIN = "http://localhost:3000";
const asActor = (a: WorkflowActor): Actor => ({ ...a, role: a.role as Actor["role"], userId: a.userId! });

let prisma: Db;
let w: Awaited<ReturnType<typeof demoWorld>>;

function fileOf(bytes: Uint8Array, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** pdfsig's report (it exits non-zero for a document whose signature does not verify). */
function pdfsig(bytes: Uint8Array, name: string): string {
  try {
    return execFileSync("pdfsig", [fileOf(bytes, name)], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ""}${e.stderr ?? ""}`;
  }
}

beforeAll(async () => {
  prisma = await getTestPrisma();
  w = await demoWorld(prisma);
}, 120_000);

afterAll(async () => {
  await closePdfRenderer();
});

describe("the official PDF's digital signature", () => {
  let bytes: Uint8Array;
  let agreementId: string;

  beforeAll(async () => {
    const approved = await agreementAt(prisma, "APPROVED", { student: w.student, employer: w.soft, counselor: w.counselor });
    agreementId = approved.agreementId;
    bytes = (await printAgreement(asActor(w.student), agreementId, { reason: null }, ORIGIN)).pdf.bytes;
  }, 120_000);

  it("is valid and covers the whole document (pdfsig), signed with the demo certificate that says 演示证书", () => {
    const report = pdfsig(bytes, "untouched.pdf");
    expect(report).toContain("Signature is Valid.");
    expect(report).toContain("Total document signed");
    expect(report).toContain("adbe.pkcs7.detached");
    expect(report).toContain("SHA-256");
    expect(report).toContain(`Signer Certificate Common Name: ${DEMO_CERT_NAME}`);
    expect(DEMO_CERT_NAME).toContain("演示证书");
    expect(execFileSync("qpdf", ["--check", fileOf(bytes, "check.pdf")], { encoding: "utf8" })).toContain("No syntax or stream encoding errors");
  });

  it("is invalid after one flipped byte, anywhere in the signed ranges", () => {
    for (const at of [200, Math.floor(bytes.length / 2), bytes.length - 40]) {
      const flipped = new Uint8Array(bytes);
      flipped[at] ^= 0x01;
      const report = pdfsig(flipped, `flipped-${at}.pdf`);
      expect(report).not.toContain("Signature is Valid.");
    }
  });

  it("no longer covers the document once another tool appends an incremental update", () => {
    const updated = plainAddPlaceholder({ pdfBuffer: Buffer.from(bytes), reason: "appended by another tool", contactInfo: "", name: "other", location: "" });
    expect(updated.length).toBeGreaterThan(bytes.length);
    expect(Buffer.from(updated.subarray(0, bytes.length)).equals(Buffer.from(bytes))).toBe(true); // appended, not rewritten
    const report = pdfsig(new Uint8Array(updated), "incremental.pdf");
    const first = report.split("Signature #2")[0];
    expect(first).not.toContain("Total document signed");
    expect(first).toMatch(/Not total document signed/);
  });

  it("is issued once per content: stored with its hash; a reprint (marked 补打 · 第 2 次打印) is its own signed file", async () => {
    const issued = await prisma.issuedDocument.findMany({ where: { agreementId } });
    expect(issued).toHaveLength(1);
    expect(issued[0]).toMatchObject({ sha256: sha256(bytes), mode: "PAPER", signerName: DEMO_CERT_NAME });
    const again = await printAgreement(asActor(w.counselor), agreementId, { reason: "学生遗失" }, ORIGIN);
    expect(sha256(again.pdf.bytes)).not.toBe(sha256(bytes));
    expect(pdfsig(again.pdf.bytes, "reprint.pdf")).toContain("Signature is Valid.");
    const records = await prisma.printRecord.findMany({ where: { agreementId }, orderBy: { printNo: "asc" } });
    expect(records.map((r) => [r.printNo, r.pdfHash])).toEqual([
      [1, sha256(bytes)],
      [2, sha256(again.pdf.bytes)],
    ]);
    const stored = await prisma.issuedDocument.findMany({ where: { agreementId }, select: { sha256: true } });
    expect(stored.map((d) => d.sha256).sort()).toEqual([sha256(bytes), sha256(again.pdf.bytes)].sort());
  });

  it("has real creation and modification dates and a distinct tag for every font subset", () => {
    const info = execFileSync("pdfinfo", [fileOf(bytes, "info.pdf")], { encoding: "utf8" });
    const created = /^CreationDate:\s+(.+)$/m.exec(info)?.[1] ?? "";
    expect(created).not.toMatch(/1970/);
    expect(Math.abs(new Date(created).getTime() - Date.now())).toBeLessThan(10 * 60_000);
    expect(info).toMatch(/^ModDate:\s+(?!.*1970)/m);
    const fonts = execFileSync("pdffonts", [fileOf(bytes, "fonts.pdf")], { encoding: "utf8" }).trim().split("\n").slice(2);
    const names = fonts.map((row) => row.split(/\s+/)[0]);
    const tags = names.map((n) => n.split("+")[0]);
    expect(names.length).toBeGreaterThan(2);
    tags.forEach((t) => expect(t).toMatch(/^[A-Z]{6}$/));
    // the copies share their fonts (same object), so a name repeats only with its object
    const byObject = new Map(fonts.map((row) => [row.trim().split(/\s+/).slice(-2).join(" "), row.split(/\s+/)[0]]));
    expect(new Set(byObject.values()).size).toBe(byObject.size);
  });
});

describe("the university's own certificate (WQ_SIGNING_P12)", () => {
  const saved = { p12: process.env.WQ_SIGNING_P12, password: process.env.WQ_SIGNING_P12_PASSWORD };

  afterAll(() => {
    process.env.WQ_SIGNING_P12 = saved.p12;
    process.env.WQ_SIGNING_P12_PASSWORD = saved.password;
    if (saved.p12 === undefined) delete process.env.WQ_SIGNING_P12;
    if (saved.password === undefined) delete process.env.WQ_SIGNING_P12_PASSWORD;
    resetSigningIdentity();
  });

  it("signs with it instead of the demo certificate, from a file or from base64", async () => {
    const p12 = createDemoP12("s3cret-口令", "东北理工大学就业指导中心（测试证书）");
    const file = fileOf(p12, "university.p12");
    for (const value of [file, p12.toString("base64")]) {
      process.env.WQ_SIGNING_P12 = value;
      process.env.WQ_SIGNING_P12_PASSWORD = "s3cret-口令";
      resetSigningIdentity();
      const pdf = await renderAgreementPdf(
        { sheet: SAMPLE_SHEET, schoolName: "东北理工大学", terms: { version: 1, content: "第一条 测试" }, kind: "official", verification: { code: "2027-000123-7K3M9Q2XAB", url: `${ORIGIN}/verify?c=x` }, copies: 1 },
        { cache: new PdfCache({ dir: null }) },
      );
      const report = pdfsig(pdf.bytes, `university-${value === file ? "file" : "base64"}.pdf`);
      expect(report).toContain("Signer Certificate Common Name: 东北理工大学就业指导中心（测试证书）");
      expect(report).toContain("Signature is Valid.");
      expect(report).toContain("Total document signed");
      expect(pdf.signerName).toBe("东北理工大学就业指导中心（测试证书）");
    }
  }, 60_000);

  it("refuses a wrong password with a clear message", () => {
    const p12 = createDemoP12("right");
    expect(() => parseP12(p12, "wrong", "WQ_SIGNING_P12", false)).toThrow(/密码错误或文件不是 PKCS#12 格式/);
  });
});

describe("/verify with an uploaded PDF", () => {
  let agreementId: string;
  let issued: Uint8Array;

  beforeAll(async () => {
    const approved = await agreementAt(prisma, "APPROVED", { student: w.student2, employer: w.bank, counselor: w.counselor });
    agreementId = approved.agreementId;
    issued = (await printAgreement(asActor(w.student2), agreementId, { reason: null }, ORIGIN)).pdf.bytes;
  }, 120_000);

  it("accepts the issued file: signature valid, whole document, recorded at issue, in force — and shows only what proves it", async () => {
    const v = await verifyAgreementDocument(issued);
    expect(v).toMatchObject({ check: "VALID", ok: true, signer: DEMO_CERT_NAME });
    const a = await prisma.agreement.findUniqueOrThrow({ where: { id: agreementId }, include: { student: true } });
    expect(v.agreement).toMatchObject({ agreementNo: a.agreementNo, unitName: a.unitName, mode: "PAPER" });
    expect(v.agreement!.maskedName).not.toBe(a.student.name);
    expect(v.agreement!.maskedName[0]).toBe(a.student.name[0]);
    expect(JSON.stringify(v)).not.toContain(a.student.idNumber);
    expect(v.message).toMatch(/核验通过/);
  });

  it("says which check fails: not a PDF, no signature, one flipped byte, an appended update, a file the system never issued", async () => {
    expect((await verifyAgreementDocument(new TextEncoder().encode("hello, not a pdf"))).check).toBe("NOT_PDF");
    const preview = (await previewAgreementPdf(asActor(w.student2), agreementId, ORIGIN)).pdf.bytes;
    expect((await verifyAgreementDocument(preview)).check).toBe("NO_SIGNATURE");
    const flipped = new Uint8Array(issued);
    flipped[Math.floor(issued.length / 3)] ^= 0x04;
    const tampered = await verifyAgreementDocument(flipped);
    expect(tampered).toMatchObject({ check: "SIGNATURE_INVALID", ok: false });
    expect(tampered.message).toMatch(/签名无效/);
    const appended = plainAddPlaceholder({ pdfBuffer: Buffer.from(issued), reason: "x", contactInfo: "", name: "x", location: "" });
    expect((await verifyAgreementDocument(new Uint8Array(appended))).check).toBe("NOT_WHOLE_DOCUMENT");
    // validly signed with our certificate, but never handed out (not recorded at issue)
    const never = await renderAgreementPdf(
      { sheet: { ...SAMPLE_SHEET, agreementNo: "2027-999999" }, schoolName: "东北理工大学", terms: { version: 1, content: "第一条" }, kind: "official", verification: null, copies: 1 },
      { cache: new PdfCache({ dir: null }) },
    );
    expect(pdfsig(never.bytes, "never-issued.pdf")).toContain("Signature is Valid.");
    expect((await verifyAgreementDocument(never.bytes)).check).toBe("NOT_ISSUED");
  }, 60_000);

  it("says 已失效 once the agreement is returned after issue, and 已解约 for a cancelled one", async () => {
    const current = await prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } });
    await returnAsCounselor(w.counselor, { agreementId, version: current.version }, "单位信息有误，请重新办理");
    const returned = await verifyAgreementDocument(issued);
    expect(returned).toMatchObject({ check: "RETURNED", ok: false });
    expect(returned.message).toMatch(/已失效/);

    const student = await newStudent(prisma);
    const target = (await agreementAt(prisma, "APPROVED", { student, employer: w.bank, counselor: w.counselor })).agreementId;
    const file = (await printAgreement(asActor(student), target, { reason: null }, ORIGIN)).pdf.bytes;
    expect((await verifyAgreementDocument(file)).check).toBe("VALID");
    // no online 解约 yet (#14): the status is set the way that service will leave it
    await prisma.agreement.update({ where: { id: target }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    const cancelled = await verifyAgreementDocument(file);
    expect(cancelled).toMatchObject({ check: "CANCELLED", ok: false });
    expect(cancelled.message).toMatch(/已解约/);
  }, 60_000);
});

describe("an RFC 3161 timestamp (WQ_TSA_URL)", () => {
  // A real timestamp authority on loopback: OpenSSL's `ts -reply` answers each request.
  const tsaDir = mkdtempSync(path.join(tmpdir(), "wq-tsa-"));
  let server: Server;
  let requests = 0;

  beforeAll(async () => {
    writeFileSync(
      path.join(tsaDir, "tsa.cnf"),
      [
        "[ req ]", "distinguished_name = dn", "prompt = no", "[ dn ]", "CN = Loopback Test TSA",
        "[ ext ]", "extendedKeyUsage = critical,timeStamping", "basicConstraints = CA:FALSE",
        "[ tsa ]", "default_tsa = tsa_config", "[ tsa_config ]", `serial = ${path.join(tsaDir, "serial")}`,
        "signer_digest = sha256", "default_policy = 1.2.3.4.1", "digests = sha256", "accuracy = secs:1", "ess_cert_id_alg = sha256",
      ].join("\n"),
    );
    writeFileSync(path.join(tsaDir, "serial"), "01\n");
    const run = (args: string[]) => execFileSync("openssl", args, { cwd: tsaDir, stdio: ["ignore", "pipe", "pipe"] });
    run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "30", "-config", "tsa.cnf", "-extensions", "ext"]);
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        requests++;
        const query = path.join(tsaDir, `q${requests}.tsq`);
        const reply = path.join(tsaDir, `r${requests}.tsr`);
        writeFileSync(query, Buffer.concat(chunks));
        run(["ts", "-reply", "-config", "tsa.cnf", "-queryfile", query, "-inkey", "key.pem", "-signer", "cert.pem", "-out", reply]);
        res.writeHead(200, { "Content-Type": "application/timestamp-reply" });
        res.end(readFileSync(reply));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.WQ_TSA_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
    resetSigningIdentity(); // the placeholder makes room for the token
  });

  afterAll(async () => {
    delete process.env.WQ_TSA_URL;
    resetSigningIdentity();
    await new Promise((resolve) => server.close(resolve));
  });

  it("puts the TSA's token over the signature value into the signature, which stays valid", async () => {
    const pdf = await renderAgreementPdf(
      { sheet: SAMPLE_SHEET, schoolName: "东北理工大学", terms: { version: 1, content: "第一条" }, kind: "official", verification: null, copies: 1 },
      { cache: new PdfCache({ dir: null }) },
    );
    expect(requests).toBe(1);
    const report = pdfsig(pdf.bytes, "timestamped.pdf");
    expect(report).toContain("Signature is Valid.");
    expect(report).toContain("Total document signed");
    // the token: an unsigned attribute id-aa-timeStampToken whose imprint is SHA-256(signature value)
    const text = Buffer.from(pdf.bytes).toString("latin1");
    const [, b, c] = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)/.exec(text)!.slice(1, 4).map(Number);
    // the placeholder's zero padding follows the DER: read one element and write it back
    const padded = forge.util.createBuffer(Buffer.from(text.slice(b + 1, c - 1), "hex").toString("binary"));
    const der = Buffer.from(forge.asn1.toDer(forge.asn1.fromDer(padded, { parseAllBytes: false } as unknown as boolean)).getBytes(), "binary");
    const signed = AsnConvert.parse(AsnConvert.parse(der, ContentInfo).content, SignedData);
    const attr = signed.signerInfos[0].unsignedAttrs?.find((a) => a.attrType === "1.2.840.113549.1.9.16.2.14");
    expect(attr).toBeDefined();
    const token = AsnConvert.parse(attr!.attrValues[0], ContentInfo);
    const tstSigned = AsnConvert.parse(token.content, SignedData);
    const tst = AsnConvert.parse(tstSigned.encapContentInfo.eContent!.single!.buffer, TSTInfo);
    const imprint = Buffer.from(tst.messageImprint.hashedMessage.buffer);
    const signatureValue = Buffer.from(signed.signerInfos[0].signature.buffer);
    expect(imprint.equals(createHash("sha256").update(signatureValue).digest())).toBe(true);
    expect(Math.abs(tst.genTime.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    expect((await verifyAgreementDocument(pdf.bytes)).check).toBe("NOT_ISSUED"); // valid signature, never handed out
  }, 60_000);

  it("fails the print with a clear message when the TSA cannot be reached", async () => {
    process.env.WQ_TSA_URL = "http://127.0.0.1:9/tsa";
    await expect(
      renderAgreementPdf(
        { sheet: { ...SAMPLE_SHEET, agreementNo: "2027-000777" }, schoolName: "东北理工大学", terms: { version: 1, content: "第一条" }, kind: "official", verification: null, copies: 1 },
        { cache: new PdfCache({ dir: null }) },
      ),
    ).rejects.toThrow(/时间戳服务器（WQ_TSA_URL）无法连接/);
    process.env.WQ_TSA_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  });
});
