// The university's signing identity: the PKCS#12 (certificate + private key) every official
// PDF is signed with. Production: WQ_SIGNING_P12 (a file path, or the file's base64) and
// WQ_SIGNING_P12_PASSWORD. Without them a self-signed demo certificate is generated once
// under <WQ_DATA_DIR>/signing/demo-signing.p12 (its name says 演示证书; password
// "wangqian-demo") and reused on every start.
// Parsing (node-forge) happens once per process; the key is also handed to Node's crypto,
// which signs natively.
import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import forge from "node-forge";

export const DEMO_CERT_NAME = "网签演示证书（仅供演示，非学校正式证书）";

export type SigningIdentity = {
  /** the signer certificate's common name, shown by every PDF reader */
  commonName: string;
  /** true for the generated self-signed demo certificate */
  demo: boolean;
  /** where it came from, for the start-up message */
  source: string;
  certificate: forge.pki.Certificate;
  /** the signer certificate first, then the rest of the chain found in the P12 */
  chain: forge.pki.Certificate[];
  privateKey: KeyObject;
  /** SHA-256 fingerprint of the signer certificate (hex, upper case) */
  fingerprint: string;
  /** bytes reserved in the PDF for the signature: chain + signature + room for a timestamp */
  signatureLength: number;
};

export function dataDir(): string {
  return path.resolve(process.cwd(), process.env.WQ_DATA_DIR ?? ".data");
}

export function demoP12Path(): string {
  return path.join(dataDir(), "signing", "demo-signing.p12");
}

function attribute(shortName: string, value: string) {
  // forge UTF-8-encodes values of UTF8String attributes itself
  return { shortName, value, valueTagClass: forge.asn1.Type.UTF8 as number };
}

/** A self-signed RSA-2048 certificate for demos and tests, valid 10 years. */
export function createDemoP12(password: string, commonName = DEMO_CERT_NAME): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const subject = [attribute("CN", commonName), attribute("O", "网签（演示）"), { shortName: "C", value: "CN" }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: "aes256", friendlyName: commonName });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}

/** The demo certificate is no secret (it says 演示证书): its P12 password is fixed and documented. */
export const DEMO_P12_PASSWORD = "wangqian-demo";

/** The demo P12 under .data/signing, created on first use (one file, written atomically). */
export function ensureDemoP12(): { p12: Buffer; created: boolean; file: string } {
  const file = demoP12Path();
  if (existsSync(file)) return { p12: readFileSync(file), created: false, file };
  mkdirSync(path.dirname(file), { recursive: true });
  const p12 = createDemoP12(DEMO_P12_PASSWORD);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, p12, { mode: 0o600 });
  renameSync(tmp, file); // two first starts at once: the last rename wins, both files are valid
  return { p12: readFileSync(file), created: true, file };
}

function readConfiguredP12(value: string): Buffer {
  if (existsSync(value)) return readFileSync(value);
  const compact = value.replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]+=*$/.test(compact) && compact.length > 256) return Buffer.from(compact, "base64");
  throw new Error(`WQ_SIGNING_P12 指向的证书文件不存在：${value}`);
}

/**
 * forge keeps a parsed UTF8String attribute as its raw UTF-8 bytes but encodes it again when
 * it writes the name (the signer's issuerAndSerialNumber): a Chinese issuer would no longer
 * match the certificate. Decoded once here, it is written back byte for byte.
 */
function decodeUtf8Names(cert: forge.pki.Certificate): void {
  for (const name of [cert.subject, cert.issuer]) {
    for (const attr of name.attributes as { value: string; valueTagClass?: number }[]) {
      if (attr.valueTagClass === forge.asn1.Type.UTF8) attr.value = forge.util.decodeUtf8(attr.value);
    }
  }
}

/** Parses a PKCS#12 into the signer certificate (the one matching the key) and its chain. */
export function parseP12(p12: Buffer, password: string, source: string, demo: boolean): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString("binary"))), false, password);
  } catch (error) {
    throw new Error(`无法读取签名证书（${source}）：密码错误或文件不是 PKCS#12 格式（${(error as Error).message}）`);
  }
  const keyBag =
    parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0] ??
    parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error(`签名证书（${source}）中没有 RSA 私钥`);
  const certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [])
    .map((bag) => bag.cert)
    .filter((c): c is forge.pki.Certificate => Boolean(c));
  certs.forEach(decodeUtf8Names);
  const matches = (c: forge.pki.Certificate) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.compareTo(key.n) === 0 && pub.e?.compareTo(key.e) === 0;
  };
  const certificate = certs.find(matches);
  if (!certificate) throw new Error(`签名证书（${source}）中没有与私钥对应的证书`);
  const chain = [certificate, ...certs.filter((c) => c !== certificate)];
  const der = (c: forge.pki.Certificate) => forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes();
  const cn = certificate.subject.getField("CN");
  const commonName = cn ? String(cn.value) : "（未命名证书）";
  const chainBytes = chain.reduce((n, c) => n + der(c).length, 0);
  return {
    commonName,
    demo,
    source,
    certificate,
    chain,
    privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)),
    fingerprint: forge.md.sha256.create().update(der(certificate)).digest().toHex().toUpperCase(),
    // signature value + attributes ~1 KB; an RFC 3161 token carries the TSA's chain (~6 KB)
    signatureLength: chainBytes + 2048 + (process.env.WQ_TSA_URL ? 8192 : 0),
  };
}

export function loadSigningIdentity(): SigningIdentity {
  const configured = process.env.WQ_SIGNING_P12;
  if (configured) {
    return parseP12(readConfiguredP12(configured), process.env.WQ_SIGNING_P12_PASSWORD ?? "", "WQ_SIGNING_P12", false);
  }
  const demo = ensureDemoP12();
  if (demo.created) {
    console.warn(`[网签] 未设置 WQ_SIGNING_P12：已生成自签名演示证书 ${path.relative(process.cwd(), demo.file)}（${DEMO_CERT_NAME}）。生产环境请配置学校的签名证书。`);
  }
  return parseP12(demo.p12, DEMO_P12_PASSWORD, path.relative(process.cwd(), demo.file), true);
}

const globalForIdentity = globalThis as unknown as { wqSigningIdentity?: SigningIdentity };

/** The process-wide identity (parsed once). */
export function signingIdentity(): SigningIdentity {
  globalForIdentity.wqSigningIdentity ??= loadSigningIdentity();
  return globalForIdentity.wqSigningIdentity;
}

/** For tests: forget the parsed identity (after changing WQ_SIGNING_P12). */
export function resetSigningIdentity(): void {
  globalForIdentity.wqSigningIdentity = undefined;
}
